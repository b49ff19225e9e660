"""Editors for the actions table: choices for who and status, the app's date field for the due date.

A due date is typed ("next Friday") or picked from the calendar; emptying it removes the due date.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QStyledItemDelegate

from reflect.ui.actions.actions_table_model import DUE, OWNER, OWNER_LABELS, STATUS, STATUS_LABELS
from reflect.ui.common.date_fields import DateField


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
            editor = DateField("Due date", can_be_empty=True, parent=parent)
            editor.setAutoFillBackground(True)  # the cell's text must not show through
            editor.edit.installEventFilter(self)  # the focus is in its line edit, not on it
            return editor
        editor = super().createEditor(parent, option, index)
        if editor is not None:
            editor.setAccessibleName("Action")
        return editor

    def eventFilter(self, watched, event) -> bool:
        """Leaving a due date's line edit (except for its calendar) ends the edit, as leaving any
        other editor does; Qt's own filter watches the editor, which never has the focus. (When the
        view closes an editor itself it leaves the editing state first, then moves the focus.)"""
        field = watched.parentWidget() if isinstance(watched, QLineEdit) else None
        if not isinstance(field, DateField):
            return super().eventFilter(watched, event)
        # Its keys reach Qt's filter on the field itself (the line edit passes Enter and Escape on).
        view = field.parentWidget().parentWidget() if field.parentWidget() else None
        editing = isinstance(view, QAbstractItemView) and view.state() == QAbstractItemView.State.EditingState
        leaving = event.type() == QEvent.Type.FocusOut and event.reason() != Qt.FocusReason.PopupFocusReason
        if leaving and editing:
            self.commitData.emit(field)
            self.closeEditor.emit(field, QStyledItemDelegate.EndEditHint.NoHint)
        return False

    def setEditorData(self, editor, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, DateField):
            editor.setDate(value if isinstance(value, QDate) and value.isValid() else None)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, DateField):
            if editor.commit_text():  # emptied: no due date
                day = editor.date()
                model.setData(index, QDate(day) if day else QDate(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
