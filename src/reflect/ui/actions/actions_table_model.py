"""Actions as an editable table: description, owner, due date, status (with the day it changed).

Used by the actions page (all actions) and the session form (agreed there, carried forward to it).
Edits go straight to the store; overdue open actions are marked in words and colour, not colour
alone, for people who cannot tell red from green.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from reflect.domain.report import STATUS_WORDS, action_status_text
from reflect.domain.session_rules import format_day, is_overdue
from reflect.domain.supervision import Action, ActionOwner, ActionStatus
from reflect.store import ActionStore

ActionIdRole = Qt.ItemDataRole.UserRole + 1
ActionRole = Qt.ItemDataRole.UserRole + 2

DESCRIPTION, OWNER, DUE, STATUS, WHERE = range(5)
_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole,
    ActionIdRole, ActionRole,
})
HEADERS = ("Action", "Who", "Due", "Status", "Agreed in")
OWNER_LABELS = {ActionOwner.ME: "Me", ActionOwner.SUPERVISOR: "Supervisor", ActionOwner.OTHER: "Other"}
STATUS_LABELS = STATUS_WORDS  # the pack prints the same words as the table shows


class ActionsTableModel(QAbstractTableModel):
    changed = Signal(int)  # an action id the user edited

    def __init__(self, actions: ActionStore, *, where: Callable[[Action], str] | None = None,
                 today: Callable[[], date] = date.today, parent=None) -> None:
        super().__init__(parent)
        self.store = actions
        self.rows: list[Action] = []
        self._where = where or (lambda action: "")
        self._today = today
        self._today_cache = today()
        self._day_read_at = float("-inf")

    def set_actions(self, actions: list[Action]) -> None:
        self.beginResetModel()
        self.rows = list(actions)
        self._day_read_at = float("-inf")
        self.endResetModel()

    def _day(self) -> date:
        """Today, read at most once a second: views ask for thousands of cells at a time, and each
        `date.today()` goes through an import (about 3 µs, 60 ms for a list of 900 actions)."""
        now = time.monotonic()
        if now - self._day_read_at > 1.0:
            self._today_cache, self._day_read_at = self._today(), now
        return self._today_cache

    def action_at(self, row: int) -> Action:
        return self.rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (DESCRIPTION, OWNER, DUE, STATUS):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None  # views ask for every role of every cell they size: most are not ours
        action, column = self.rows[index.row()], index.column()
        today = self._day()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == DESCRIPTION:
                return action.description
            if column == OWNER:
                label = OWNER_LABELS[action.owner]
                return f"{label}: {action.owner_name}" if action.owner_name else label
            if column == DUE:
                return format_day(action.due_on) if action.due_on else "No date"
            if column == STATUS:
                return action_status_text(action, today)
            if column == WHERE:
                return self._where(action)
        if role == Qt.ItemDataRole.EditRole:
            if column == DESCRIPTION:
                return action.description
            if column == OWNER:
                return action.owner.value
            if column == DUE:
                return QDate(action.due_on) if action.due_on else QDate()
            if column == STATUS:
                return action.status.value
        if role == Qt.ItemDataRole.ForegroundRole and is_overdue(action, today) \
                and column in (DUE, STATUS):
            palette = QApplication.palette()
            return QBrush(palette.color(QPalette.ColorRole.Link))
        if role == Qt.ItemDataRole.FontRole and is_overdue(action, today) and column == STATUS:
            font = QApplication.font()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == DESCRIPTION:
            return action.description
        if role == ActionIdRole:
            return action.id
        if role == ActionRole:
            return action
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        action, column = self.rows[index.row()], index.column()
        if column == DESCRIPTION:
            text = str(value).strip()
            if not text or text == action.description:
                return False
            self.store.update(action.id, description=text)
        elif column == OWNER:
            self.store.update(action.id, owner=ActionOwner(value))
        elif column == DUE:
            due = value.toPython() if isinstance(value, QDate) and value.isValid() else None
            self.store.update(action.id, due_on=due)
        elif column == STATUS:
            self.store.set_status(action.id, ActionStatus(value), on=self._today())
        else:
            return False
        self.rows[index.row()] = self.store.get(action.id)
        left, right = self.index(index.row(), 0), self.index(index.row(), len(HEADERS) - 1)
        self.dataChanged.emit(left, right)
        self.changed.emit(action.id)
        return True
