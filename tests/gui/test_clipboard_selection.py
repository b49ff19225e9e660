"""Locking clears the X11 PRIMARY selection too when it holds Reflect's text (issue 15, point 10).

The offscreen platform the tests run on has no selection, so the guard's rule is checked on a
stand-in clipboard that has one (the real QClipboard's interface, both modes), and again on the real
clipboard wherever the platform offers a selection.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from reflect.ui.shell.clipboard_guard import ClipboardGuard

pytestmark = pytest.mark.gui
Mode = QClipboard.Mode


class _X11LikeClipboard(QObject):
    """Two texts, clipboard and selection, with QClipboard's signals and methods."""

    dataChanged = Signal()
    selectionChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.texts = {Mode.Clipboard: "", Mode.Selection: ""}

    def supportsSelection(self) -> bool:
        return True

    def text(self, mode=Mode.Clipboard) -> str:
        return self.texts[mode]

    def setText(self, text: str, mode=Mode.Clipboard) -> None:
        self.texts[mode] = text
        (self.dataChanged if mode == Mode.Clipboard else self.selectionChanged).emit()

    def clear(self, mode=Mode.Clipboard) -> None:
        self.setText("", mode)


def test_selection_from_reflect_is_cleared_on_lock(qtbot):
    """Text selected in Reflect (PRIMARY) is cleared with the clipboard; another program's is kept."""
    clipboard = _X11LikeClipboard()
    ours = {"value": True}
    guard = ClipboardGuard(clipboard, is_ours=lambda: ours["value"])
    clipboard.setText("selected in Reflect", Mode.Selection)
    assert guard.clear_if_ours() is True
    assert clipboard.text(Mode.Selection) == ""

    clipboard.setText("selected in Reflect again", Mode.Selection)
    ours["value"] = False
    clipboard.setText("copied from the case system")  # the clipboard is another program's
    assert guard.clear_if_ours() is True
    assert clipboard.text(Mode.Selection) == ""
    assert clipboard.text() == "copied from the case system"

    clipboard.setText("selected in the case system", Mode.Selection)
    assert guard.clear_if_ours() is False
    assert clipboard.text(Mode.Selection) == "selected in the case system"


def test_real_selection_cleared_where_the_platform_has_one(qtbot):
    """On a platform with a selection (X11), the real PRIMARY selection is cleared when ours."""
    clipboard = QGuiApplication.clipboard()
    if not clipboard.supportsSelection():
        pytest.skip(f"the '{QGuiApplication.platformName()}' platform has no PRIMARY selection")
    guard = ClipboardGuard(clipboard, is_ours=lambda: True)
    clipboard.setText("selected in Reflect", Mode.Selection)
    qtbot.waitUntil(lambda: clipboard.text(Mode.Selection) == "selected in Reflect", timeout=2000)
    assert guard.clear_if_ours() is True
    assert clipboard.text(Mode.Selection) == ""
