"""Editors for the actions table: choices for who and status, a calendar for the due date."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QStyledItemDelegate

from reflect.ui.actions.actions_table_model import DUE, OWNER, OWNER_LABELS, STATUS, STATUS_LABELS
from reflect.ui.common.date_fields import DateEdit, name_inner_edit


class ActionsDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index: QModelIndex):
        column = index.column()
        if column in (OWNER, STATUS):
            combo = QComboBox(parent)
            labels = OWNER_LABELS if column == OWNER else STATUS_LABELS
            for value, label in labels.items():
                combo.addItem(label, value.value)
            combo.setAccessibleName("Who" if column == OWNER else "Status")
            return combo
        if column == DUE:
            editor = DateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("ddd d MMM yyyy")
            editor.setAccessibleName("Due date")
            name_inner_edit(editor, "Due date")
            return editor
        editor = super().createEditor(parent, option, index)
        if editor is not None:
            editor.setAccessibleName("Action")
        return editor

    def setEditorData(self, editor, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if isinstance(value, QDate) and value.isValid() else QDate.currentDate())
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
