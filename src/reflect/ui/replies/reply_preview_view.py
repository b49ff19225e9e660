"""Layout of the reply import: the file chosen, then what the reply will record, before anything is.

Layout only; `reply_import_dialog.py` holds the behaviour. From top to bottom: a line saying
what is happening (or why the reply is refused), the supervisor's comments beside the titles of
the reflections they are on, the actions to be created (editable: what, who, due by), the next
session date and the sign-off, and the "import anyway, marked as unchecked" choice that only a
pack missing from the export log needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.common.dialogs import ok_cancel_buttons
from reflect.ui.common.widgets import fill_row, fit_columns, named, plain_label

ACTION_COLUMNS = ("Action", "Who", "Due by")


class ReplyPreviewView(QWidget):
    def __init__(self, dialog: QDialog, on_save: Callable[[], None]) -> None:
        super().__init__(dialog)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status = plain_label("Choose the PDF your supervisor sent back.", "Status")
        self.choose_button = named(QPushButton("&Choose PDF…"), "Choose PDF: the supervisor's reply")
        top.addWidget(self.status, 1)
        top.addWidget(self.choose_button)
        layout.addLayout(top)
        self.problem = plain_label("", "Why this reply cannot be imported")
        self.problem.setStyleSheet("color: palette(highlighted-text); background: palette(highlight); "
                                   "padding: 6px; border-radius: 4px;")
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addWidget(plain_label("The supervisor's comments:"))
        self.comments = named(QPlainTextEdit(), "The supervisor's comments")
        self.comments.setReadOnly(True)
        layout.addWidget(self.comments, 2)
        layout.addWidget(plain_label("Actions to be created (you can change them):"))
        self.actions = named(QTableWidget(0, len(ACTION_COLUMNS)), "Actions to be created")
        self.actions.setHorizontalHeaderLabels(list(ACTION_COLUMNS))
        self.actions.verticalHeader().hide()
        self.actions.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        layout.addWidget(self.actions, 1)
        self.next_session = plain_label("", "Next session")
        self.sign_off = plain_label("", "Sign-off")
        self.marks = plain_label("", "Other marks on the pages", muted=True)
        for label in (self.next_session, self.sign_off, self.marks):
            layout.addWidget(label)
        self.unverified = named(QCheckBox("Import anyway, marked as &unchecked"),
                                "Import anyway, marked as unchecked")
        self.unverified.hide()
        layout.addWidget(self.unverified)
        self.buttons, self.save_button = ok_cancel_buttons(
            dialog, "&Save to session", "Save to session: the reply",
            ok=QDialogButtonBox.StandardButton.Save, on_accept=on_save)
        self.save_button.setEnabled(False)
        self.unverified.toggled.connect(self.save_button.setEnabled)
        layout.addWidget(self.buttons)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_actions(self, rows: Sequence[tuple[str, str, str]]) -> None:
        self.actions.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            fill_row(self.actions, row, cells)
        fit_columns(self.actions, 0)

    def action_rows(self) -> list[tuple[str, str, str]]:
        def cell(row: int, column: int) -> str:
            item = self.actions.item(row, column)
            return item.text().strip() if item is not None else ""
        return [tuple(cell(r, c) for c in range(len(ACTION_COLUMNS)))
                for r in range(self.actions.rowCount())]

    def clear(self) -> None:
        self.show_problem("")
        self.comments.clear()
        self.set_actions([])
        for label in (self.next_session, self.sign_off, self.marks):
            label.setText("")
        self.unverified.setChecked(False)
        self.unverified.hide()
        self.save_button.setEnabled(False)
