"""Labels built the same way across the views: plain text with a spoken name, or a field's caption.

A label that may show user text is plain text (never rich text a title could inject markup into),
wraps, and carries an accessible name (a screen reader says "Export status", not nothing, when
it is empty). A caption with a mnemonic ("&Notes:") moves the focus to its field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

MUTED = "color: palette(placeholder-text);"


def plain_label(text: str = "", name: str = "", *, wrap: bool = True, muted: bool = False) -> QLabel:
    """Plain text, wrapped unless told not to, named `name` (or its text) for screen readers."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setAccessibleName(name or text)
    if muted:
        label.setStyleSheet(MUTED)
    return label


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A field's caption; its mnemonic (the letter after "&") puts the focus in `buddy`."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
