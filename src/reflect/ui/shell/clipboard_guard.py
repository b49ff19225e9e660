"""Clears the clipboard on lock and quit if it still holds text copied from Reflect.

A reflection copied to paste into the case system must not sit on a shared desk's clipboard after
the user walks away. Only text that came from Reflect is cleared: something copied from another
program since then is the user's business. We keep a SHA-256 of the text, never the text.

On X11 there is a second clipboard, the PRIMARY selection: whatever is selected in any window,
pasted with the middle button. Selecting a sentence in Reflect puts it there without any copy, so
the same rule covers it wherever the platform has one (`supportsSelection()`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication


def _digest(text: str) -> str:
    import hashlib  # when first copied from, not at start-up (~3 ms of one core before the first paint)

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ClipboardGuard(QObject):
    def __init__(self, clipboard: QClipboard | None = None,
                 is_ours: Callable[[], bool] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clipboard = clipboard or QGuiApplication.clipboard()
        self._is_ours = is_ours or (lambda: QGuiApplication.focusWindow() is not None)
        self._ours: set[str] = set()
        self._modes = [QClipboard.Mode.Clipboard]
        self.clipboard.dataChanged.connect(lambda: self._changed(QClipboard.Mode.Clipboard))
        if self.clipboard.supportsSelection():
            self._modes.append(QClipboard.Mode.Selection)
            self.clipboard.selectionChanged.connect(lambda: self._changed(QClipboard.Mode.Selection))

    def _changed(self, mode: QClipboard.Mode) -> None:
        text = self.clipboard.text(mode)
        if text and self._is_ours():
            self._ours.add(_digest(text))

    def mark_ours(self, text: str) -> None:
        """Record text Reflect itself put on the clipboard (e.g. "Copy as CPD record")."""
        self._ours.add(_digest(text))

    def clear_if_ours(self) -> bool:
        """Clear the clipboard and the selection where each holds Reflect's text; True if any did."""
        cleared = False
        for mode in self._modes:
            text = self.clipboard.text(mode)
            if text and _digest(text) in self._ours:
                self.clipboard.clear(mode)
                cleared = True
        if cleared:
            self._ours.clear()
        return cleared
