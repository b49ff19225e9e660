"""A session's agenda: items in order, each tagged with one of the four functions of supervision.

Also home to the pieces the session form's lists share, because the agenda was the first of them:
`FittedTable` (a table as tall as its rows, so the form scrolls as one page instead of nesting scroll
bars, with a line of text when empty), `ReorderTable` (Alt+Up / Alt+Down and drag to reorder, Delete
to remove) and `MovableRowsModel` (the row moves and drag-and-drop data behind it). Drag and
drop moves rows through the model's own MIME type, never through `removeRows`, so a drop cannot
delete anything.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.supervision import AgendaItem, SupervisionFunction
from reflect.store import SessionStore

ROWS_MIME = "application/x-reflect-row"
FUNCTION_HELP = {
    SupervisionFunction.MANAGEMENT: "Management: caseload, standards, accountability",
    SupervisionFunction.SUPPORT: "Support: wellbeing, the emotional impact of the work",
    SupervisionFunction.DEVELOPMENT: "Development: learning, skills, reflection on practice",
    SupervisionFunction.MEDIATION: "Mediation: between you, your team and the organisation",
}


def function_label(function: SupervisionFunction) -> str:
    return SupervisionFunction(function).value.capitalize()


class MovableRowsModel(QAbstractTableModel):
    """Rows the user orders: `move_row`, and drag and drop of one row within the same view."""

    order_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list = []

    def save_order(self) -> None:
        """Write the new order to the store (subclasses)."""

    def move_row(self, source: int, target: int) -> bool:
        """Move the row at `source` so it ends up at `target`; saves the order."""
        if not (0 <= source < len(self.items) and 0 <= target < len(self.items)) or source == target:
            return False
        destination = target + 1 if target > source else target
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        self.items.insert(target, self.items.pop(source))
        self.endMoveRows()
        self.save_order()
        self.order_changed.emit()
        return True

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.items)

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(ROWS_MIME, QByteArray(str(rows[0]).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(ROWS_MIME)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            source = int(bytes(data.data(ROWS_MIME)).decode())
        except ValueError:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.items)
        target = row - 1 if row > source else row
        self.move_row(source, max(0, min(target, len(self.items) - 1)))
        return True


class FittedTable(QTableView):
    """A table as tall as its rows (between `min_rows` and `max_rows`), with a line when empty."""

    def __init__(self, name: str, placeholder: str = "", *, min_rows: int = 2, max_rows: int = 8,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder_text = placeholder
        self.min_rows, self.max_rows = min_rows, max_rows
        self.setAccessibleName(name)
        self.setTabKeyNavigation(False)  # Tab leaves the table: the form is one tab order
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def setModel(self, model) -> None:
        super().setModel(model)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.fit)
        self.fit()

    def fit(self, *_args) -> None:
        rows = self.model().rowCount() if self.model() is not None else 0
        shown = max(self.min_rows, min(rows, self.max_rows))
        height = self.verticalHeader().defaultSectionSize() * shown
        if not self.horizontalHeader().isHidden():
            height += self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.placeholder_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(8, 4, -8, -4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextWordWrap, self.placeholder_text)
            painter.end()


class ReorderTable(FittedTable):
    """Alt+Up / Alt+Down move the current row, Delete removes it, rows can be dragged."""

    move_requested = Signal(int)  # -1 up, +1 down
    remove_requested = Signal()

    def __init__(self, name: str, placeholder: str = "", **kwargs) -> None:
        super().__init__(name, placeholder, **kwargs)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setAccessibleDescription("Alt+Up and Alt+Down move the selected row; Delete removes it.")

    def keyPressEvent(self, event) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.modifiers() == Qt.KeyboardModifier.AltModifier \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if not editing and event.key() == Qt.Key.Key_Delete and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.remove_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def move_current(self, model: MovableRowsModel, delta: int) -> None:
        row = self.currentIndex().row()
        if row >= 0 and model.move_row(row, row + delta):
            self.setCurrentIndex(model.index(row + delta, 0))


def button_column(*buttons: QPushButton) -> QVBoxLayout:
    column = QVBoxLayout()
    for button in buttons:
        column.addWidget(button)
    column.addStretch(1)
    return column


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
        self.new_text.setAccessibleName("New agenda item")
        self.new_function = function_combo("Function of the new agenda item")
        self.new_function.setCurrentIndex(self.new_function.findData(SupervisionFunction.SUPPORT.value))
        self.add = QPushButton("Add item")
        self.add.setAccessibleName("Add the agenda item")
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
        self.up = QPushButton("Move up")
        self.up.setAccessibleName("Move the agenda item up")
        self.down = QPushButton("Move down")
        self.down.setAccessibleName("Move the agenda item down")
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName("Remove the agenda item")
        grid.addWidget(self.new_text, 0, 0)
        grid.addWidget(self.new_function, 0, 1)
        grid.addWidget(self.add, 0, 2)
        grid.addWidget(self.table, 1, 0, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(button_column(self.up, self.down, self.remove), 1, 2)
        grid.setColumnStretch(0, 1)
        order = self.focus_order()
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.new_text.returnPressed.connect(self.add_item)
        self.add.clicked.connect(self.add_item)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove.clicked.connect(self.remove_current)
        self.table.move_requested.connect(self._move)
        self.table.remove_requested.connect(self.remove_current)
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
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
        self.changed.emit()

    def _move(self, delta: int) -> None:
        self.table.move_current(self.model, delta)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.table.currentIndex().row(), self.model.rowCount()
        # Enabled at the ends too (a no-op there): a button greyed out under the keyboard focus
        # would throw the focus elsewhere.
        for button in (self.up, self.down):
            button.setEnabled(row >= 0 and count > 1)
        self.remove.setEnabled(row >= 0)
