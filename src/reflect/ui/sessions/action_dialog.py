"""Adding an action: what, who, by when, and (optionally) the session it was agreed in.

Used from the actions page and from a reflection's action stage ("make this line an action").
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.session_rules import action_notes, session_title
from reflect.domain.supervision import ActionOwner, NewAction, Session
from reflect.ui.actions.actions_table_model import OWNER_LABELS
from reflect.ui.common.date_fields import DateField
from reflect.ui.common.dialogs import ok_cancel_buttons, run_modal
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.common.widgets import buddy_label


class ActionDialog(QDialog):
    def __init__(self, description: str = "", sessions: list[Session] = (), *,
                 session_id: int | None = None, entry_id: int | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New action — Reflect")
        self.entry_id = entry_id
        self.today = today or date.today()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.description = QLineEdit(description)
        self.description.setAccessibleName("Action")
        self.description.setAccessibleDescription("What will be done")
        form.addRow("&Action:", self.description)
        self.owner = QComboBox()
        self.owner.setAccessibleName("Who will do it")
        for owner, label in OWNER_LABELS.items():
            self.owner.addItem(label, owner.value)
        self.owner_name = QLineEdit()
        self.owner_name.setPlaceholderText("Role, if someone else (not a name)")
        self.owner_name.setAccessibleName("Role of the person doing it")
        who = QHBoxLayout()
        who.addWidget(self.owner)
        who.addWidget(self.owner_name, 1)
        # A row whose field is a layout gets no buddy from QFormLayout, so "&" would show as is.
        form.addRow(buddy_label("&Who:", self.owner), who)
        due_row = QHBoxLayout()
        self.has_due = QCheckBox("&Due by")
        self.has_due.setAccessibleName("Due by")
        self.has_due.setAccessibleDescription("Give the action a due date")
        self.due = DateField("Due date", today=lambda: self.today)
        self.due.setDate(self.today + timedelta(days=28))
        self.has_due.setChecked(True)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow("", due_row)
        self.session = QComboBox()
        self.session.setAccessibleName("Agreed in")
        self.session.setAccessibleDescription("The session it was agreed in")
        self.session.addItem("Not agreed in a session", 0)
        for session in sessions:
            self.session.addItem(session_title(session), session.id)
        self.session.setCurrentIndex(max(0, self.session.findData(session_id or 0)))
        form.addRow("Agreed &in:", self.session)
        layout.addLayout(form)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setAccessibleDescription("Note about this action")
        layout.addWidget(self.note)
        self.buttons, self.ok = ok_cancel_buttons(self, "Add action", on_accept=self._try_accept)
        layout.addWidget(self.buttons)
        self.description.textChanged.connect(self._update)
        self.has_due.toggled.connect(self._update)
        self.due.changed.connect(self._update)
        self._update()
        fit_to_screen(self, 560, self.sizeHint().height())

    def _update(self, *_args) -> None:
        self.due.setEnabled(self.has_due.isChecked())
        self.ok.setEnabled(bool(self.description.text().strip()))
        notes = action_notes(self._due(), self.today, is_new=True)
        self.note.setText(" ".join(notes))

    def _try_accept(self) -> None:
        """A due date typed but not yet read is read now; one that cannot be read keeps the dialog."""
        if not self.has_due.isChecked() or self.due.commit_text():
            self.accept()

    def _due(self) -> date | None:
        return self.due.date() if self.has_due.isChecked() else None

    def value(self) -> NewAction:
        return NewAction(
            description=self.description.text().strip(),
            owner=ActionOwner(self.owner.currentData()),
            owner_name=self.owner_name.text().strip(),
            due_on=self._due(),
            session_id=self.session.currentData() or None,
            entry_id=self.entry_id,
        )

    @classmethod
    def ask(cls, description: str = "", sessions: list[Session] = (), *, session_id=None,
            entry_id=None, parent: QWidget | None = None) -> NewAction | None:
        dialog = cls(description, sessions, session_id=session_id, entry_id=entry_id, parent=parent)
        return run_modal(dialog, dialog.value)
