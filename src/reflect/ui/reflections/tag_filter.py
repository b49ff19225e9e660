"""A picker for several tags at once, looking like the combo boxes beside it.

Qt has no multi-select combo box, and a QMenu of checkable actions closes on every click, so
choosing three tags would take three trips. This is a button drawn as a combo box that opens a
popup list of checkboxes: clicks and Space toggle without closing; Escape, Return or a click
outside close it. Tags here are often a briefing's learning points, whole sentences, so the list
wraps them instead of cutting them off, and the button shows short forms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

_TAG_ROLE = Qt.ItemDataRole.UserRole + 1
_SHORT = 22  # characters of each tag shown on the button


def short_tag(tag: str, limit: int = _SHORT) -> str:
    return tag if len(tag) <= limit else tag[: limit - 1].rstrip() + "…"


def tags_label(tags) -> str:
    """ "Tags: any" or "Tags: CIN + escalation" (sorted, each shortened)."""
    if not tags:
        return "Tags: any"
    return "Tags: " + " + ".join(short_tag(t) for t in sorted(tags, key=str.casefold))


class _ToggleAnywhere(QStyledItemDelegate):
    """A click anywhere on a row toggles its checkbox, not only on the small box itself."""

    def editorEvent(self, event, model, option, index):
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
            and option.rect.contains(event.position().toPoint())
            and index.flags() & Qt.ItemFlag.ItemIsUserCheckable
        ):
            checked = Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole)) == Qt.CheckState.Checked
            new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
            return True
        return super().editorEvent(event, model, option, index)


class TagPicker(QFrame):
    """The popup: a checkable list of tags with their counts."""

    changed = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        hint = QLabel("Show reflections that have all of the ticked tags.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget()
        self.list.setAccessibleName("Tags to filter by")
        self.list.setAccessibleDescription(hint.text())
        self.list.setWordWrap(True)
        self.list.setSpacing(1)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setItemDelegate(_ToggleAnywhere(self.list))
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.clear_button = QPushButton("Untick all")
        self.clear_button.setAccessibleName("Untick all tags")
        self.clear_button.clicked.connect(self.clear)
        self.done_button = QPushButton("Done")
        self.done_button.setAccessibleName("Done")
        self.done_button.setAccessibleDescription("Close the tag list")
        self.done_button.clicked.connect(self.close)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout.addLayout(row)

    def fill(self, counts: list[tuple[str, int]], selected: frozenset[str]) -> None:
        chosen = {t.casefold(): t for t in selected}
        shown = {name.casefold() for name, _ in counts}
        # A chosen tag no entry carries any more stays listed, so it can be unticked.
        rows = list(counts) + [(t, 0) for key, t in chosen.items() if key not in shown]
        self.list.blockSignals(True)
        self.list.clear()
        for name, count in rows:
            item = QListWidgetItem(f"{name} ({count})")
            item.setData(_TAG_ROLE, name)
            item.setToolTip(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            checked = name.casefold() in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        if not rows:
            item = QListWidgetItem("No tags yet")
            item.setData(_TAG_ROLE, "")  # never None through a QVariant (see entry_list.py)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(0)

    def selected(self) -> frozenset[str]:
        return frozenset(
            self.list.item(i).data(_TAG_ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, tag: str, checked: bool = True) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if (item.data(_TAG_ROLE) or "").casefold() == tag.casefold():
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def clear(self) -> None:
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            if self.list.item(i).flags() & Qt.ItemFlag.ItemIsUserCheckable:
                self.list.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.closed.emit()


class TagFilterButton(QPushButton):
    """Drawn as a combo box; opens a `TagPicker`. Emits `tags_changed` on every tick."""

    tags_changed = Signal(frozenset)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags: frozenset[str] = frozenset()
        #: supplies (tag, count) pairs when the popup opens, so counts are always current
        self.counts_provider: Callable[[], list[tuple[str, int]]] = list
        self.picker = TagPicker(self)
        self.picker.changed.connect(self._picked)
        self.picker.closed.connect(self._closed)
        self.clicked.connect(self.open_picker)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._update_text()

    def selected(self) -> frozenset[str]:
        return self._tags

    def set_selected(self, tags) -> None:
        """Show `tags` as chosen (no signal: the caller is setting the filter)."""
        self._tags = frozenset(tags)
        self._update_text()

    def open_picker(self) -> None:
        self.picker.fill(self.counts_provider(), self._tags)
        width = max(self.width(), 360)
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        below = self.mapToGlobal(QPoint(0, self.height()))
        height = min(420, max(160, screen.bottom() - below.y() - 8))
        x = max(screen.left(), min(below.x(), screen.right() - width))
        self.picker.setGeometry(x, below.y(), width, height)
        self.picker.show()
        self.picker.list.setFocus()

    def _picked(self) -> None:
        self._tags = self.picker.selected()
        self._update_text()
        self.tags_changed.emit(self._tags)

    def _closed(self) -> None:
        if self.isVisible():
            self.setFocus()

    def _update_text(self) -> None:
        label = tags_label(self._tags)
        self.setText(label)
        self.setToolTip("Tags (all must match):\n" + "\n".join(sorted(self._tags, key=str.casefold))
                        if self._tags else "Filter by tags")
        self.setAccessibleName(label)  # as it reads; the text may be cut short on screen
        self.setAccessibleDescription("Filter by tags" + (": all must match" if len(self._tags) > 1 else ""))
        self.update()

    # -- look like a combo box -----------------------------------------------------------------
    def _combo_option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = False
        option.frame = True
        option.subControls = QStyle.SubControl.SC_All
        if self.isDown() or self.picker.isVisible():
            option.state |= QStyle.StateFlag.State_Sunken
        return option

    def sizeHint(self) -> QSize:
        # Stable whatever is chosen, so ticking a tag never re-lays out the filter bar.
        option = self._combo_option()
        text = self.fontMetrics().horizontalAdvance("Tags: escalation")
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, QSize(text, self.fontMetrics().height()), self
        )

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("Tags: …") + 40),
                     hint.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        option = self._combo_option()
        style = self.style()
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option, painter, self)
        field = style.subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                     QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, max(0, field.width() - 4)
        )
        style.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option, painter, self)
        painter.end()

    def keyPressEvent(self, event) -> None:
        opens = event.key() in (Qt.Key.Key_F4, Qt.Key.Key_Return, Qt.Key.Key_Enter) or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.open_picker()
            return
        super().keyPressEvent(event)
