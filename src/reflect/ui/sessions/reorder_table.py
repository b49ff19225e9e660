"""The pieces the session form's ordered lists share (the agenda, the linked reflections, actions).

`FittedTable` is a table as tall as its rows, so the form scrolls as one page instead of nesting
scroll bars, with a line of text when empty. `ReorderTable` adds Alt+Up / Alt+Down and drag to
reorder and Delete to remove, and drives the Move up / Move down / Remove buttons beside it.
`MovableRowsModel` holds the row moves and drag-and-drop data behind it. Drag and drop moves
rows through the model's own MIME type, never through `removeRows`, so a drop cannot delete
anything.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableView, QVBoxLayout, QWidget

from reflect.ui.common.widgets import named, packed

ROWS_MIME = "application/x-reflect-row"


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

    def select_near(self, row: int) -> None:
        """After `row` was removed: the row that took its place, or the new last row."""
        count = self.model().rowCount()
        if count:
            self.setCurrentIndex(self.model().index(min(row, count - 1), 0))

    def wire_buttons(self, up: QPushButton, down: QPushButton, remove: QPushButton, *,
                     move: Callable[[int], None], remove_current: Callable[[], None]) -> None:
        """The buttons and the keys (Alt+Up, Alt+Down, Delete) do the same: `move`, `remove_current`."""
        up.clicked.connect(lambda: move(-1))
        down.clicked.connect(lambda: move(1))
        remove.clicked.connect(remove_current)
        self.move_requested.connect(move)
        self.remove_requested.connect(remove_current)

    def enable_buttons(self, up: QPushButton, down: QPushButton, remove: QPushButton) -> None:
        row, count = self.currentIndex().row(), self.model().rowCount()
        # Enabled at the ends too (a no-op there): a button greyed out under the keyboard focus
        # would throw the focus elsewhere.
        for button in (up, down):
            button.setEnabled(row >= 0 and count > 1)
        remove.setEnabled(row >= 0)


def move_buttons(what: str, remove_name: str) -> tuple[QPushButton, QPushButton, QPushButton]:
    """Move up, Move down and Remove for a ReorderTable of `what` ("the agenda item")."""
    return (named(QPushButton("Move up"), f"Move up {what}"),
            named(QPushButton("Move down"), f"Move down {what}"),
            named(QPushButton("Remove"), remove_name))


def button_column(*buttons: QPushButton) -> QVBoxLayout:
    """The buttons beside a table, from its top."""
    return packed(QVBoxLayout(), *buttons, None)
