"""The two action tables of the session form: actions carried forward for review, actions agreed.

Both are the shared `ActionsTableModel` (edits go straight to the store, overdue said in words).
The review table is where earlier actions are ticked done or dropped; which actions it lists is the
store's carry-forward rule (`ActionStore.carried_forward_to`). The agreed table has a row of
fields above it to add an action; a due date already past is allowed (people record late) and
gets a plain note beside the fields, never a dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.session_rules import action_notes, format_day
from reflect.domain.supervision import Action, ActionOwner, NewAction, Session
from reflect.store import ActionStore
from reflect.ui.actions.actions_delegate import ActionsDelegate
from reflect.ui.actions.actions_table_model import (
    DESCRIPTION,
    DUE,
    OWNER,
    OWNER_LABELS,
    STATUS,
    WHERE,
    ActionsTableModel,
)
from reflect.ui.common.widgets import chain_tab_order
from reflect.ui.sessions.reorder_table import FittedTable
from reflect.ui.sessions.session_form_view import OptionalDate

_WIDTHS = {OWNER: 110, DUE: 130, STATUS: 170, WHERE: 150}


def _actions_table(model: ActionsTableModel, name: str, placeholder: str) -> FittedTable:
    table = FittedTable(name, placeholder, min_rows=1, max_rows=8)
    table.setModel(model)
    table.setItemDelegate(ActionsDelegate(table))
    header = table.horizontalHeader()
    header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
    for column, width in _WIDTHS.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, width)
    table.setAccessibleDescription("F2 or typing edits a cell; Status marks an action done or dropped.")
    return table


class CarriedForwardActions(QWidget):
    changed = Signal(int)  # an action id

    def __init__(self, actions: ActionStore, *, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = actions
        self._sessions: Mapping[int, Session] = {}
        self.model = ActionsTableModel(actions, where=self._where, today=today, parent=self)
        self.table = _actions_table(self.model, "Actions carried forward for review",
                                    "No open actions from earlier sessions.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.model.changed.connect(self.changed)

    def set_session(self, session_id: int | None, sessions: Mapping[int, Session]) -> None:
        self._sessions = sessions
        self.model.set_actions(self.store.carried_forward_to(session_id) if session_id else [])

    def focus_order(self) -> list[QWidget]:
        return [self.table]

    def _where(self, action: Action) -> str:
        session = self._sessions.get(action.session_id) if action.session_id else None
        if session is not None:
            return format_day(session.starts_at.date()) if session.starts_at else "Undated session"
        return "A reflection" if action.entry_id else "Outside a session"


class AgreedActions(QWidget):
    changed = Signal(int)  # an action id

    def __init__(self, actions: ActionStore, *, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = actions
        self.today = today
        self.session_id: int | None = None
        self.model = ActionsTableModel(actions, today=today, parent=self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.description = QLineEdit()
        self.description.setAccessibleName("Actions agreed: new action")
        self.description.setPlaceholderText("New action — what will be done; press Enter to add")
        self.owner = QComboBox()
        self.owner.setAccessibleName("Who will do the new action")
        for owner, label in OWNER_LABELS.items():
            self.owner.addItem(label, owner.value)
        self.due = OptionalDate("Due date of the new action", "No due date", today=today)
        self.add = QPushButton("Add action")
        self.add.setAccessibleName("Add action")
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setAccessibleDescription("Note about the new action")
        self.note.hide()
        self.table = _actions_table(self.model, "Actions agreed", "No actions agreed yet.")
        self.table.setColumnHidden(WHERE, True)
        who = QLabel("Who:")
        who.setBuddy(self.owner)
        due = QLabel("Due:")
        due.setBuddy(self.due.edit)
        layout.addWidget(self.description, 0, 0, 1, 6)
        # Who, then when and Add, a line each: narrow enough for the form beside the sessions list
        # on a 1366×768 screen at 150%.
        layout.addWidget(who, 1, 0)
        layout.addWidget(self.owner, 1, 1)
        layout.addWidget(due, 2, 0)
        layout.addWidget(self.due, 2, 1)
        layout.addWidget(self.add, 2, 5)
        layout.setColumnStretch(4, 1)
        layout.addWidget(self.note, 3, 0, 1, 6)
        layout.addWidget(self.table, 4, 0, 1, 6)
        chain_tab_order(self.focus_order())

        self.description.returnPressed.connect(self.add_action)
        self.add.clicked.connect(self.add_action)
        self.model.changed.connect(self.changed)
        self._reset_new()

    def set_session(self, session_id: int | None) -> None:
        """Show a session's actions. The new action being typed (what, who, due) is kept when the
        same session is shown again (a refresh after a change elsewhere), cleared for another."""
        self.model.set_actions(self.store.agreed_in(session_id) if session_id else [])
        if session_id == self.session_id:
            return
        self.session_id = session_id
        self.description.clear()
        self.owner.setCurrentIndex(0)
        self._reset_new()
        self.show_note([])

    def add_action(self) -> Action | None:
        text = " ".join(self.description.text().split())
        if not text or self.session_id is None:
            return None
        due = self.due.value()
        action = self.store.add(NewAction(description=text, owner=ActionOwner(self.owner.currentData()),
                                          due_on=due, session_id=self.session_id))
        self.model.set_actions(self.store.agreed_in(self.session_id))
        self.show_note(action_notes(due, self.today(), is_new=True))
        self.description.clear()
        self._reset_new()
        self.description.setFocus()
        self.changed.emit(action.id)
        return action

    def select_action(self, action_id: int) -> bool:
        for row, action in enumerate(self.model.rows):
            if action.id == action_id:
                self.table.setCurrentIndex(self.model.index(row, DESCRIPTION))
                self.table.setFocus()
                return True
        return False

    def show_note(self, notes: list[str]) -> None:
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))

    def focus_order(self) -> list[QWidget]:
        return [self.description, self.owner, *self.due.focus_order(), self.add, self.table]

    def _reset_new(self) -> None:
        self.due.set_value(None, self.today() + timedelta(days=14))
