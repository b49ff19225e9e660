"""Marking the words a search found in a reflection opened from its results.

The results list shows where the words are; opening one should show them in the text too, or the
practitioner has to hunt for them again. The marks are extra selections (drawn over the text,
never part of it), found with the search's own matching (`find_spans`, folding accents and case
as the index does), and converted to Qt's UTF-16 positions.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QTextEdit

from reflect.domain.search_query import find_spans
from reflect.spelling.utf16 import astral_positions, to_utf16


def mark(edits: Mapping[str, QTextEdit], terms, background: QColor, foreground: QColor) -> list[str]:
    """Mark `terms` in each edit; the keys of those with a match, in order."""
    marked = []
    style = QTextCharFormat()
    style.setBackground(background)
    style.setForeground(foreground)
    for key, edit in edits.items():
        text = edit.toPlainText()
        spans = find_spans(text, terms)
        astral = astral_positions(text)
        selections = []
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(edit.document())
            cursor.setPosition(to_utf16(start, astral))
            cursor.setPosition(to_utf16(end, astral), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = style
            selections.append(selection)
        edit.setExtraSelections(selections)
        if selections:
            marked.append(key)
    return marked


def go_to_first(edit: QTextEdit) -> None:
    """Put the cursor at the first mark and bring it into view."""
    selections = edit.extraSelections()
    if not selections:
        return
    cursor = QTextCursor(edit.document())
    cursor.setPosition(selections[0].cursor.selectionStart())
    edit.setFocus()  # first: the page's scroll area follows the cursor of the focused field
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()


def select_first(line: QLineEdit, terms) -> None:
    """Select the first match in a one-line field (the title, the tags)."""
    spans = find_spans(line.text(), terms)
    if spans:
        astral = astral_positions(line.text())
        start, end = (to_utf16(i, astral) for i in spans[0])
        line.setFocus()
        line.setSelection(start, end - start)
