"""A session's agenda: items in order, each tagged with one of the four functions of supervision.

The ordered table and its buttons are the shared `ReorderTable` (reorder_table.py).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QWidget,
)

from reflect.domain.supervision import AgendaItem, SupervisionFunction
from reflect.store import SessionStore
from reflect.ui.common.widgets import chain_tab_order, named
from reflect.ui.sessions.reorder_table import MovableRowsModel, ReorderTable, button_column, move_buttons

FUNCTION_HELP = {
    SupervisionFunction.MANAGEMENT: "Management: caseload, standards, accountability",
    SupervisionFunction.SUPPORT: "Support: wellbeing, the emotional impact of the work",
    SupervisionFunction.DEVELOPMENT: "Development: learning, skills, reflection on practice",
    SupervisionFunction.MEDIATION: "Mediation: between you, your team and the organisation",
}


def function_label(function: SupervisionFunction) -> str:
    return SupervisionFunction(function).value.capitalize()


def function_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for function in SupervisionFunction:
        combo.addItem(function_label(function), function.value)
        combo.setItemData(combo.count() - 1, FUNCTION_HELP[function], Qt.ItemDataRole.ToolTipRole)
    return combo


class AgendaModel(MovableRowsModel):
    TEXT, FUNCTION = 0, 1
    HEADERS = ("Agenda item", "Function")

    def __init__(self, sessions: SessionStore, parent=None) -> None:
        super().__init__(parent)
        self.store = sessions
        self.session_id: int | None = None

    def load(self, session_id: int | None) -> None:
        self.beginResetModel()
        self.session_id = session_id
        self.items = self.store.agenda(session_id) if session_id is not None else []
        self.endResetModel()

    def save_order(self) -> None:
        self.store.reorder_agenda(self.session_id, [item.id for item in self.items])

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 2:
            return self.HEADERS[section]
        return None

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() else flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item: AgendaItem = self.items[index.row()]
        if index.column() == self.TEXT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                        Qt.ItemDataRole.ToolTipRole):
                return item.text
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{index.row() + 1}. {item.text}, {function_label(item.function)}"
        elif index.column() == self.FUNCTION:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return function_label(item.function)
            if role == Qt.ItemDataRole.EditRole:
                return item.function.value
            if role == Qt.ItemDataRole.ToolTipRole:
                return FUNCTION_HELP[item.function]
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item: AgendaItem = self.items[index.row()]
        if index.column() == self.TEXT:
            text = " ".join(str(value).split())
            if not text or text == item.text:
                return False
            self.store.update_agenda_item(item.id, text=text)
        else:
            self.store.update_agenda_item(item.id, function=SupervisionFunction(value))
        self.items[index.row()] = next(i for i in self.store.agenda(self.session_id) if i.id == item.id)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 1))
        return True


class FunctionDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        if index.column() != AgendaModel.FUNCTION:
            editor = super().createEditor(parent, option, index)
            editor.setAccessibleName("Agenda item")
            return editor
        combo = function_combo("Function")
        combo.setParent(parent)
        return combo

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


class AgendaEditor(QWidget):
    """Add an item (text, function, Enter), then edit, reorder or remove it in the table."""

    changed = Signal()

    def __init__(self, sessions: SessionStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = sessions
        self.model = AgendaModel(sessions, self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.new_text = QLineEdit()
        self.new_text.setPlaceholderText("New agenda item — type it and press Enter")
        self.new_text.setAccessibleName("Agenda: new item")
        self.new_function = function_combo("Function of the new agenda item")
        self.new_function.setCurrentIndex(self.new_function.findData(SupervisionFunction.SUPPORT.value))
        self.add = named(QPushButton("Add item"), "Add item to the agenda")
        self.table = ReorderTable("Agenda", "No agenda items yet.", min_rows=2)
        self.table.setModel(self.model)
        self.table.setItemDelegate(FunctionDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AgendaModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaModel.FUNCTION, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(AgendaModel.FUNCTION, 150)
        self.up, self.down, self.remove = move_buttons("the agenda item", "Remove the agenda item")
        grid.addWidget(self.new_text, 0, 0)
        grid.addWidget(self.new_function, 0, 1)
        grid.addWidget(self.add, 0, 2)
        grid.addWidget(self.table, 1, 0, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(button_column(self.up, self.down, self.remove), 1, 2)
        grid.setColumnStretch(0, 1)
        chain_tab_order(self.focus_order())

        self.new_text.returnPressed.connect(self.add_item)
        self.add.clicked.connect(self.add_item)
        self.table.wire_buttons(self.up, self.down, self.remove, move=self._move,
                                remove_current=self.remove_current)
        self.model.dataChanged.connect(lambda *_a: self.changed.emit())
        self.model.order_changed.connect(self.changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsMoved.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    def set_session(self, session_id: int | None) -> None:
        self.model.load(session_id)
        self.new_text.clear()

    def focus_order(self) -> list[QWidget]:
        return [self.new_text, self.new_function, self.add, self.table, self.up, self.down, self.remove]

    def add_item(self) -> None:
        text = " ".join(self.new_text.text().split())
        if not text or self.model.session_id is None:
            return
        self.store.add_agenda_item(self.model.session_id, text,
                                   SupervisionFunction(self.new_function.currentData()))
        self.model.load(self.model.session_id)
        self.table.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        self.new_text.clear()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0 or self.model.session_id is None:
            return
        self.store.remove_agenda_item(self.model.items[row].id)
        self.model.load(self.model.session_id)
        self.table.select_near(row)
        self.changed.emit()

    def _move(self, delta: int) -> None:
        self.table.move_current(self.model, delta)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.table.enable_buttons(self.up, self.down, self.remove)
