"""Anonymisation hints while writing: details that may identify someone, underlined as you type.

The export review is the gate; these hints only make it shorter. They run the same detector
with the same watch list and accepted pairs (the caller's `check_provider` builds it on the UI
thread from the journal), but never on the keystroke path: a pause in typing starts one check of
the whole text on a worker, and its result is drawn by the editor's one highlighter. A check
whose text has changed since it started is dropped, and the next pause checks again.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor

from reflect.domain.anonymisation import Finding
from reflect.spelling.utf16 import astral_positions, from_utf16, to_utf16
from reflect.ui.common.background import BackgroundTask, run_in_background
from reflect.ui.spelling.context_menu import Editor
from reflect.ui.spelling.highlighter import SpellingHighlighter

log = logging.getLogger(__name__)
#: milliseconds after the last keystroke before the text is checked
PAUSE_MS = 400

Check = Callable[[str], list[Finding]]


class IdentifierHints(QObject):
    """Keeps one editor's identifier hints up to date and tells which one sits at a position."""

    updated = Signal()  # a check finished and its hints are drawn

    def __init__(self, editor: Editor, highlighter: SpellingHighlighter,
                 check_provider: Callable[[], Check | None]) -> None:
        super().__init__(editor)
        self._editor = editor
        self._highlighter = highlighter
        self._check_provider = check_provider
        self._task: BackgroundTask | None = None
        self._pending = False
        # block number -> [(start, end, finding)] in the block's Python characters
        self._blocks: dict[int, list[tuple[int, int, Finding]]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.check_now)
        editor.document().contentsChanged.connect(self._timer.start)
        self._timer.start()

    @property
    def findings(self) -> list[Finding]:
        return [finding for spans in self._blocks.values() for _, _, finding in spans]

    def check_now(self) -> None:
        """Check the whole text on a worker (once the running check, if any, has reported)."""
        if self._task is not None and not self._task.done:
            self._pending = True
            return
        try:
            check = self._check_provider()
        except Exception as exc:  # e.g. the journal closed under a window being retired
            log.warning("identifier hints skipped: %s", type(exc).__name__)
            check = None
        if check is None:
            self._show({})
            return
        text = self._editor.document().toPlainText()
        self._pending = False
        self._task = run_in_background(self, lambda: _yielding(check, text),
                                       lambda found: self._checked(text, found),
                                       lambda _exc: None)  # a failed hint pass only misses hints

    def clear(self) -> None:
        self._timer.stop()
        self._show({})

    def hint_at(self, position: int) -> tuple[Finding, int, int] | None:
        """The hint under document `position` (UTF-16), with its document start and end; the
        finding's own start and end are re-based on the editor's current plain text."""
        document = self._editor.document()
        block = document.findBlock(position)
        spans = self._blocks.get(block.blockNumber()) if block.isValid() else None
        if not spans:
            return None
        text = block.text()
        astral = astral_positions(text)
        index = from_utf16(position - block.position(), astral)
        for start, end, finding in spans:
            if start <= index <= end and text[start:end] == finding.text:
                plain = document.toPlainText()
                offset = from_utf16(block.position(), astral_positions(plain))
                moved = replace(finding, start=offset + start, end=offset + end)
                return (moved, block.position() + to_utf16(start, astral),
                        block.position() + to_utf16(end, astral))
        return None

    def replace(self, text: str, start: int, end: int, replacement: str) -> bool:
        """Put `replacement` for `text[start:end]` (`text` the editor's plain text when the menu was
        built), as one step for Undo; False if the editor's text has changed since."""
        current = self._editor.document().toPlainText()
        if current[start:end] != text[start:end]:
            return False
        astral = astral_positions(current)
        cursor = QTextCursor(self._editor.document())
        cursor.setPosition(to_utf16(start, astral))
        cursor.setPosition(to_utf16(end, astral), QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self._editor.setTextCursor(cursor)
        return True

    # --- internals --------------------------------------------------------------------------

    def _checked(self, text: str, found: list[Finding]) -> None:
        # Shown even if typing went on meanwhile: a hint is drawn only where its words still are.
        self._show(_by_block(text, found))
        self.updated.emit()
        if self._pending:  # a pause came while this check ran: check what is there now
            self.check_now()

    def _show(self, blocks: dict[int, list[tuple[int, int, Finding]]]) -> None:
        self._blocks = blocks
        self._highlighter.set_identifiers(
            {number: [(start, end, f.text) for start, end, f in spans] for number, spans in blocks.items()})


_switches_lock = threading.Lock()
_switches_users = 0
#: seconds a thread may hold the interpreter lock while another waits, during a hint check
QUICK_SWITCH = 0.0005


def _yielding(check: Check, text: str) -> list[Finding]:
    """Run `check(text)` while Python hands its lock over every half millisecond instead of every
    5 ms: the check is pure Python, and at the default the keys typed meanwhile would wait for it."""
    global _switches_users
    with _switches_lock:
        if _switches_users == 0:
            _yielding.previous = sys.getswitchinterval()
            sys.setswitchinterval(QUICK_SWITCH)
        _switches_users += 1
    try:
        return check(text)
    finally:
        with _switches_lock:
            _switches_users -= 1
            if _switches_users == 0:
                sys.setswitchinterval(_yielding.previous)


def _by_block(text: str, findings: list[Finding]) -> dict[int, list[tuple[int, int, Finding]]]:
    """Findings (offsets in the whole plain text) as spans within the lines (blocks) they sit in."""
    starts = [0]
    newline = text.find("\n")
    while newline >= 0:
        starts.append(newline + 1)
        newline = text.find("\n", newline + 1)
    blocks: dict[int, list[tuple[int, int, Finding]]] = {}
    number = 0
    for finding in sorted(findings, key=lambda f: f.start):
        while number + 1 < len(starts) and starts[number + 1] <= finding.start:
            number += 1
        line_start = starts[number]
        if "\n" in finding.text:
            continue  # a finding across lines is left to the export review
        blocks.setdefault(number, []).append(
            (finding.start - line_start, finding.end - line_start, finding))
    return blocks
