"""The writing checks' underlines: red waves under misspellings, amber dashes under details that
may identify someone (the anonymisation hints), drawn by Qt's syntax-highlighting machinery —
one highlighter per document, so the two never fight over a paragraph.

QSyntaxHighlighter re-runs only for the paragraph (block) being edited, and its formats are an
overlay: they never enter the document, its undo stack or its saved text, so spelling cannot
touch what the autosave writes. `highlightBlock` runs on every keystroke, so it does little:
cached verdicts from the checker, and for very long paragraphs only the words around the edit
are re-checked (reflect.spelling.incremental). The identifier spans are computed elsewhere, off
the keystroke path (identifier_hints.py); here they are only drawn, and a span whose text has
moved or changed since it was found is left undrawn until the next pass.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from reflect.spelling import Span, SpellChecker, respan
from reflect.spelling.utf16 import astral_positions, to_utf16

# Accessible reds: on white #c62828 is 5.6:1; on a dark base #ff6b6b is above 3:1 (WCAG non-text).
LIGHT_THEME_RED = "#c62828"
DARK_THEME_RED = "#ff6b6b"
# Identifier hints: a dashed (not wavy) line, so they differ by shape as well as colour; the
# ambers are above 3:1 on white and on a dark base.
LIGHT_THEME_AMBER = "#9a5b00"
DARK_THEME_AMBER = "#ffb74d"
# Paragraphs at least this long are re-checked incrementally; shorter ones are cheaper to redo.
LONG_BLOCK = 2000
_MEMO_LIMIT = 64


def underline_format() -> QTextCharFormat:
    """The spelling underline, in a red that stands out against the current palette's base."""
    return _underline(QTextCharFormat.UnderlineStyle.SpellCheckUnderline, DARK_THEME_RED, LIGHT_THEME_RED)


def identifier_format() -> QTextCharFormat:
    """The identifier hint: a dashed amber line."""
    return _underline(QTextCharFormat.UnderlineStyle.DashUnderline, DARK_THEME_AMBER, LIGHT_THEME_AMBER)


def _underline(style: QTextCharFormat.UnderlineStyle, dark: str, light: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(style)
    base = QGuiApplication.palette().base().color()
    fmt.setUnderlineColor(QColor(dark if base.lightness() < 128 else light))
    return fmt


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines what `checker` flags in `document`; with no checker it underlines nothing."""

    def __init__(self, document: QTextDocument, checker: SpellChecker | None = None) -> None:
        super().__init__(document)
        self._checker = checker
        self._format = underline_format()
        self._identifier_format = identifier_format()
        # block number -> [(start, end, text)] of identifier hints, in that block's characters
        self._identifiers: dict[int, list[tuple[int, int, str]]] = {}
        # block number -> (text, spans) of long blocks, to re-check only around the next edit.
        # Only a hint: a stale entry (blocks renumbered) still gives the right answer, just slower.
        self._memo: dict[int, tuple[str, list[Span]]] = {}
        # Now rather than on Qt's deferred first pass: until that pass runs Qt ignores edits.
        self.refresh()

    @property
    def checker(self) -> SpellChecker | None:
        return self._checker

    def set_checker(self, checker: SpellChecker | None) -> None:
        """Use `checker` (None: spelling off) and re-check the whole document."""
        self._checker = checker
        self.refresh()

    def set_identifiers(self, spans: dict[int, list[tuple[int, int, str]]]) -> None:
        """Draw these identifier hints (block number -> (start, end, text) in block characters)."""
        if spans == self._identifiers:
            return
        self._identifiers = spans
        self.refresh()

    def refresh(self) -> None:
        """Re-check everything, e.g. after a word was added to the dictionary.

        New underlines make the document announce a change, and editors save on textChanged:
        the document's signals are held back so that re-checking never looks like typing.
        """
        self._memo.clear()
        document = self.document()
        if document is None:
            return
        was_blocked = document.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            document.blockSignals(was_blocked)

    def highlightBlock(self, text: str) -> None:
        if not text:
            return
        checker = self._checker
        spans = self._spans(checker, text) if checker is not None else []
        hints = self._identifiers.get(self.currentBlock().blockNumber()) if self._identifiers else None
        if not spans and not hints:
            return
        astral = astral_positions(text)
        for start, end in spans:
            start16 = to_utf16(start, astral)
            self.setFormat(start16, to_utf16(end, astral) - start16, self._format)
        for start, end, found in hints or ():
            if text[start:end] == found:  # not drawn where the text has changed since the check
                start16 = to_utf16(start, astral)
                self.setFormat(start16, to_utf16(end, astral) - start16, self._identifier_format)

    def _spans(self, checker: SpellChecker, text: str) -> list[Span]:
        if len(text) < LONG_BLOCK:
            return checker.misspelled_spans(text)
        number = self.currentBlock().blockNumber()
        previous = self._memo.get(number)
        if previous is None:
            spans = checker.misspelled_spans(text)
        else:
            spans = respan(previous[0], previous[1], text, checker.misspelled_spans)
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[number] = (text, spans)
        return spans
