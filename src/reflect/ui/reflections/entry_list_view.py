"""The entry list's layout: a compact filter bar over the list of reflections.

It lives in a side pane about 420 pixels wide on a 1366×768 laptop, so the filters sit in a two-column
grid that can be folded away, and each row of the list is drawn by a delegate in three short lines
(title; status, model and date; tags) instead of a wide table. Behaviour is in `entry_list.py`.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.entry_filter import EntrySort
from reflect.domain.journal import EntryStatus
from reflect.ui.common.colours import blend, secondary
from reflect.ui.common.narrow_combo import narrow_combo
from reflect.ui.common.widgets import buddy_label, chain_tab_order, named
from reflect.ui.reflections.entry_list_model import EntryListModel
from reflect.ui.reflections.tag_filter import TagFilterButton

SORT_CHOICES = (
    (EntrySort.UPDATED, "Recently updated"),
    (EntrySort.CREATED, "Newest first"),
    (EntrySort.TITLE, "Title A–Z"),
)
STATUS_CHOICES = ((None, "Any status"), (EntryStatus.DRAFT, EntryStatus.DRAFT.label),
                  (EntryStatus.READY, EntryStatus.READY.label))


class EntryDelegate(QStyledItemDelegate):
    """Three lines per entry: title in bold; status · model · date; tags."""

    PAD_X, PAD_Y, GAP = 10, 6, 2

    def _fonts(self, option) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        return title, small

    def sizeHint(self, option, index) -> QSize:
        # Never reads the row: the view asks once (uniform sizes), whatever the journal's size.
        title, small = self._fonts(option)
        height = (QFontMetrics(title).height() + 2 * QFontMetrics(small).height()
                  + 2 * self.GAP + 2 * self.PAD_Y)
        return QSize(200, height)

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background, selection and focus frame come from the style
        widget = opt.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        title_text = index.data(Qt.ItemDataRole.DisplayRole)
        if not title_text:  # an entry deleted since the list was read
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        back_role = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        text = opt.palette.color(group, text_role)
        quiet = secondary(text, opt.palette.color(group, back_role))
        ready = index.data(EntryListModel.StatusRole) == EntryStatus.READY.value
        accent = text if selected else opt.palette.color(group, QPalette.ColorRole.Link)

        title_font, small_font = self._fonts(opt)
        rect = opt.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        painter.save()
        y = rect.top()
        painter.setFont(title_font)
        painter.setPen(text)
        y = self._line(painter, rect, y, title_text)
        # Status first, stressed when ready for supervision, then the model and the date.
        status = EntryStatus(index.data(EntryListModel.StatusRole)).label
        status_font = QFont(small_font)
        status_font.setBold(ready)
        painter.setFont(status_font)
        painter.setPen(accent if ready else quiet)
        width = min(rect.width(), painter.fontMetrics().horizontalAdvance(status))
        self._line(painter, rect, y, status)
        painter.setFont(small_font)
        painter.setPen(quiet)
        details = QRect(rect.left() + width, y, rect.width() - width, rect.height())
        y = self._line(painter, details, y, " · " + (index.data(EntryListModel.DetailsRole) or ""))
        self._line(painter, rect, y, index.data(EntryListModel.TagsRole) or "")
        if not selected:
            painter.setPen(blend(opt.palette.color(group, QPalette.ColorRole.Base), text, 0.12))
            painter.drawLine(opt.rect.left(), opt.rect.bottom(), opt.rect.right(), opt.rect.bottom())
        painter.restore()

    def _line(self, painter: QPainter, rect: QRect, y: int, value: str) -> int:
        """Draw one elided line at `y` in the painter's font; return where the next line starts."""
        metrics = painter.fontMetrics()
        line = QRect(rect.left(), y, rect.width(), metrics.height())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(value, Qt.TextElideMode.ElideRight, max(0, rect.width())))
        return y + metrics.height() + self.GAP


class EntryListWidget(QListView):
    """The list itself, with a message instead of a blank box when nothing matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder_text = ""
        # Lets the view lay out 10,000 rows from one size hint instead of asking for each.
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(EntryDelegate(self))

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.placeholder_text:
            painter = QPainter(self.viewport())
            palette = self.palette()
            painter.setPen(secondary(palette.color(QPalette.ColorRole.Text),
                                     palette.color(QPalette.ColorRole.Base)))
            painter.drawText(self.viewport().rect().adjusted(16, 24, -16, -16),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.placeholder_text)
            painter.end()


def _combo(name: str) -> QComboBox:
    # Long briefing titles and questions must not widen the side pane: the combo shows what fits
    # and its list is wider, with the whole text as a tooltip.
    combo = narrow_combo(name, 8)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.view().setMinimumWidth(360)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideRight)
    return combo


class EntryListView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)  # room for the list's focus ring all round
        layout.setSpacing(6)
        layout.addLayout(self._search_row())
        layout.addWidget(self._filters())
        layout.addLayout(self._count_and_sort())
        self.list = named(EntryListWidget(), "Reflections")
        self.list.setAccessibleDescription("Press Enter to open the selected reflection.")
        layout.addWidget(self.list, 1)
        chain_tab_order([self.text, self.filters_toggle, self.briefing, self.question, self.tags,
                         self.status, self.session, self.clear, self.sort, self.list])
        self.filters_toggle.toggled.connect(self._show_filters)

    def _search_row(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.setSpacing(6)
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter reflections")
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Filter reflections by words")
        self.text.setAccessibleDescription(
            "Finds words in titles, tags and answers. Press Down to go to the list.")
        self.filters_toggle = QToolButton()
        self.filters_toggle.setText("Filters")
        self.filters_toggle.setCheckable(True)
        self.filters_toggle.setChecked(True)
        self.filters_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filters_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.filters_toggle.setAccessibleName("Filters")
        self.filters_toggle.setAccessibleDescription("Shows or hides the filters below.")
        top.addWidget(self.text, 1)
        top.addWidget(self.filters_toggle)
        return top

    def _filters(self) -> QWidget:
        """Briefing, question, tags, status and session, two to a row, and Clear."""
        self.filters = QWidget()
        grid = QGridLayout(self.filters)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        self.briefing = _combo("Filter by briefing")
        self.question = _combo("Filter by question")
        self.question.view().setMinimumWidth(480)
        self.tags = TagFilterButton()
        self.status = _combo("Filter by status")
        for value, label in STATUS_CHOICES:
            self.status.addItem(label, value.value if value else "")
        self.session = _combo("Filter by supervision session")
        self.clear = named(QPushButton("Clear filters"), "Clear filters")
        grid.addWidget(self.briefing, 0, 0)
        grid.addWidget(self.question, 0, 1)
        grid.addWidget(self.tags, 1, 0)
        grid.addWidget(self.status, 1, 1)
        grid.addWidget(self.session, 2, 0)
        grid.addWidget(self.clear, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return self.filters

    def _count_and_sort(self) -> QHBoxLayout:
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.sort = named(QComboBox(), "Sort reflections")
        for value, label in SORT_CHOICES:
            self.sort.addItem(label, value.value)
        bottom.addWidget(self.count, 1)
        bottom.addWidget(buddy_label("S&ort:", self.sort))
        bottom.addWidget(self.sort)
        return bottom

    def _show_filters(self, shown: bool) -> None:
        self.filters.setVisible(shown)
        self.filters_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def set_active_filters(self, count: int) -> None:
        """Say on the toggle how many filters are on, so a folded bar does not hide them."""
        self.filters_toggle.setText(f"Filters ({count})" if count else "Filters")
        self.filters_toggle.setAccessibleName(self.filters_toggle.text())
        self.filters_toggle.setAccessibleDescription(
            "Shows or hides the filters below." + (f" {count} on." if count else ""))
