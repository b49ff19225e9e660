"""All actions in one list, due soonest first, overdue marked, ticked off where they stand."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.session_rules import is_overdue, order_for_list, session_title
from reflect.domain.supervision import Action, ActionStatus
from reflect.store import ActionStore, SessionStore
from reflect.ui.actions.actions_delegate import ActionsDelegate
from reflect.ui.actions.actions_table_model import DESCRIPTION, WHERE, ActionIdRole, ActionsTableModel
from reflect.ui.sessions.action_dialog import ActionDialog

SHOW_OPEN, SHOW_ALL = 0, 1


RESIZE_ROWS = 100


class ActionsPage(QWidget):
    open_session = Signal(int)
    actions_changed = Signal()

    def __init__(self, actions: ActionStore, sessions: SessionStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.sessions = sessions
        self._titles: dict[int, str] = {}
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        heading = QLabel("Actions")
        font = heading.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        row.addWidget(heading)
        row.addStretch(1)
        show_label = QLabel("&Show:")
        self.show_filter = QComboBox()
        self.show_filter.addItems(["Open actions", "All actions"])
        self.show_filter.setAccessibleName("Show")
        self.show_filter.setAccessibleDescription("Which actions to show")
        show_label.setBuddy(self.show_filter)
        row.addWidget(show_label)
        row.addWidget(self.show_filter)
        self.add_button = QPushButton("&Add action…")
        self.add_button.setAccessibleName("Add action")
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.summary = QLabel("")
        self.summary.setAccessibleDescription("Actions summary")
        layout.addWidget(self.summary)
        self.model = ActionsTableModel(actions, where=self._where, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ActionsDelegate(self.table))
        self.table.setAccessibleName("Actions")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Size those short columns from the first rows, not all of them: Qt's default (1,000 rows)
        # asked for every cell of 900 actions at each refresh, over 100 ms.
        header.setResizeContentsPrecision(RESIZE_ROWS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        layout.addWidget(self.table, 1)
        hint = QLabel("Double-click or press F2 to change a cell. Press Enter on “Agreed in” to "
                      "open that session.")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.show_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_button.clicked.connect(self.add_action)
        self.model.changed.connect(lambda _id: self._changed())
        self.table.activated.connect(self._activated)
        self.refresh()  # the window re-reads a page when shown again, not when just built

    def _where(self, action: Action) -> str:
        if action.session_id is None:
            return "From a reflection" if action.entry_id else ""
        return self._titles.get(action.session_id, "")

    def refresh(self) -> None:
        status = ActionStatus.OPEN if self.show_filter.currentIndex() == SHOW_OPEN else None
        rows = self.actions.all(status=status)
        # titles of the sessions these actions were agreed in only: formatting all 500 took 40 ms
        sessions = {s.id: s for s in self.sessions.list_sessions()}
        titles = {a.session_id: session_title(sessions[a.session_id])
                  for a in rows if a.session_id in sessions}
        if rows != self.model.rows or titles != self._titles:  # else the table stays, sized as it is
            self._titles = titles
            self.model.set_actions(rows)
        today = date.today()
        overdue = sum(1 for a in rows if is_overdue(a, today))
        open_count = sum(1 for a in rows if a.status is ActionStatus.OPEN)
        self.summary.setText(f"{open_count} open" + (f", {overdue} overdue" if overdue else "")
                             if rows else "No actions yet. Actions agreed in supervision appear here.")

    def select_action(self, action_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(ActionIdRole) == action_id:
                self.table.selectRow(row)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if self.show_filter.currentIndex() == SHOW_OPEN:
            self.show_filter.setCurrentIndex(SHOW_ALL)
            self.select_action(action_id)

    def add_action(self) -> None:
        upcoming, past = order_for_list(self.sessions.list_sessions(), datetime.now())
        new = ActionDialog.ask("", upcoming + past, parent=self)
        if new is None:
            return
        action = self.actions.add(new)
        self.refresh()
        self.select_action(action.id)
        self._changed()

    def _changed(self) -> None:
        self.actions_changed.emit()

    def _activated(self, index) -> None:
        if index.column() == WHERE:
            action = self.model.action_at(index.row())
            if action.session_id is not None:
                self.open_session.emit(action.session_id)
