"""The reflections taken to a session, in the order they will be discussed (and printed).

Add them with the entry picker (the entry editor's "Take to supervision…" adds from the other
side), remove them (the reflection itself stays in the journal), and put them in order with
Alt+Up / Alt+Down, the Move buttons or by dragging. Every change goes to the store at once;
Enter or a double-click opens the reflection on the Reflect page.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHeaderView, QPushButton, QWidget

from reflect.domain.journal import EntrySummary
from reflect.domain.templates import model_by_key
from reflect.store import BriefingStore, EntryQuery, SessionStore
from reflect.ui.common.widgets import chain_tab_order, mute, named, wrapped_label
from reflect.ui.reflections.entry_list_model import UNTITLED
from reflect.ui.sessions.entry_picker_dialog import EntryPickerDialog
from reflect.ui.sessions.reorder_table import MovableRowsModel, ReorderTable, button_column, move_buttons


class LinkedEntriesModel(MovableRowsModel):
    TITLE, MODEL, STATUS = range(3)
    HEADERS = ("Reflection", "Model", "Status")
    EntryIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, sessions: SessionStore, query: EntryQuery, parent=None) -> None:
        super().__init__(parent)
        self.store = sessions
        self.query = query
        self.session_id: int | None = None

    def load(self, session_id: int | None) -> None:
        self.beginResetModel()
        self.session_id = session_id
        ids = self.store.linked_entry_ids(session_id) if session_id is not None else []
        summaries = self.query.summaries(ids)
        self.items = [summaries[i] for i in ids if i in summaries]
        self.endResetModel()

    def entry_ids(self) -> list[int]:
        return [summary.id for summary in self.items]

    def save_order(self) -> None:
        self.store.reorder_entries(self.session_id, self.entry_ids())

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        summary: EntrySummary = self.items[index.row()]
        title = summary.title.strip() or UNTITLED
        texts = (title, model_by_key(summary.model).name, summary.status.label)
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TITLE:
            return title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if index.column() == self.TITLE:
                return f"{index.row() + 1}. {title}. {texts[1]}. {texts[2]}."
            return texts[index.column()]
        if role == self.EntryIdRole:
            return summary.id
        return None


class LinkedEntriesEditor(QWidget):
    changed = Signal()
    open_entry = Signal(int)

    def __init__(self, sessions: SessionStore, query: EntryQuery, briefings: BriefingStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = sessions
        self.query = query
        self.briefings = briefings
        self.model = LinkedEntriesModel(sessions, query, self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.add = named(QPushButton("Add &reflections…"), "Add reflections to this session")
        hint = wrapped_label("Enter or a double-click opens a reflection. Alt+Up and Alt+Down change "
                             "the order.")
        mute(hint)
        self.table = ReorderTable(
            "Reflections to discuss",
            "No reflections yet. Add them here, or use “Take to supervision…” in a reflection.",
            min_rows=2)
        self.table.setModel(self.model)
        self.table.setEditTriggers(ReorderTable.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LinkedEntriesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((LinkedEntriesModel.MODEL, 150), (LinkedEntriesModel.STATUS, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.up, self.down, self.remove = move_buttons("the reflection",
                                                       "Remove the reflection from this session")
        self.remove.setToolTip("Takes it off this session's list; the reflection stays in your journal.")
        grid.addWidget(self.add, 0, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(hint, 0, 1, 1, 2)
        grid.addWidget(self.table, 1, 0, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(button_column(self.up, self.down, self.remove), 1, 2)
        grid.setColumnStretch(1, 1)
        chain_tab_order(self.focus_order())

        self.add.clicked.connect(self.pick)
        self.table.wire_buttons(self.up, self.down, self.remove, move=self._move,
                                remove_current=self.remove_current)
        self.table.activated.connect(self._activated)
        self.model.order_changed.connect(self.changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def set_session(self, session_id: int | None) -> None:
        self.model.load(session_id)

    def focus_order(self) -> list[QWidget]:
        return [self.add, self.table, self.up, self.down, self.remove]

    def reload(self) -> None:
        """Re-read titles and statuses (a reflection was edited elsewhere), keeping the current row."""
        row = self.table.currentIndex().row()
        self.model.load(self.model.session_id)
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))

    def pick(self) -> None:
        session_id = self.model.session_id
        if session_id is None:
            return
        chosen = EntryPickerDialog.ask(self.query, self.briefings, self.model.entry_ids(), self.window())
        if not chosen:
            return
        for entry_id in chosen:
            self.store.link_entry(session_id, entry_id)
        self.model.load(session_id)
        self.table.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0 or self.model.session_id is None:
            return
        self.store.unlink_entry(self.model.session_id, self.model.items[row].id)
        self.model.load(self.model.session_id)
        self.table.select_near(row)
        self.changed.emit()

    def _move(self, delta: int) -> None:
        self.table.move_current(self.model, delta)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_entry.emit(self.model.items[index.row()].id)

    def _update_buttons(self) -> None:
        self.table.enable_buttons(self.up, self.down, self.remove)
