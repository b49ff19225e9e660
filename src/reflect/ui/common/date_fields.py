"""Date fields that behave well by keyboard and for screen readers.

Qt's date edits walk Tab through their day, month and year parts before leaving, which traps
keyboard users; and their inner text field has no name of its own.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit, QLineEdit, QWidget


def name_inner_edit(widget: QWidget, name: str) -> None:
    """Give a spin box's own text field the box's name (screen readers may land on either)."""
    inner = widget.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(name)


class DateEdit(QDateEdit):
    """Tab leaves the field (Qt's default walks day, month, year first); arrows still move within it."""

    def focusNextPrevChild(self, next_: bool) -> bool:
        return QAbstractSpinBox.focusNextPrevChild(self, next_)


class DateTimeEdit(QDateTimeEdit):
    """Tab leaves the field (Qt's default walks its six parts first); arrows still move within it."""

    def focusNextPrevChild(self, next_: bool) -> bool:
        return QAbstractSpinBox.focusNextPrevChild(self, next_)
