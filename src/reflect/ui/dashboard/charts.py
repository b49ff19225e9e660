"""Small painted widgets for the dashboard: item rows, labelled bars and a column chart.

QtCharts is not in PySide6-Essentials, and a chart drawn as one picture would be invisible to the
keyboard and to screen readers. So every bar and every month's column here is its own button: it
takes focus, says what it shows ("March 2026: 14 reflections") as its accessible name and tooltip,
and opens on click, Space or Enter. Everything is painted from the palette (no fixed colours), so
dark mode and Windows high-contrast themes work, and fonts are scaled from the widget's own font.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QSizePolicy, QWidget

from reflect.ui.common.colours import blend, secondary

PAD = 6  # inner margin, inside the focus ring


def scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    out = QFont(font)
    if out.pointSizeF() > 0:
        out.setPointSizeF(out.pointSizeF() * factor)
    elif out.pixelSize() > 0:
        out.setPixelSize(round(out.pixelSize() * factor))
    out.setBold(bold)
    return out


class PaintedButton(QAbstractButton):
    """A button that paints itself on a card: hover tint, a clear focus ring, Enter opens it too."""

    def __init__(self, name: str, description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(name)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description or name)
        self.setToolTip(description or name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QAbstractButton answers only Space; a link-like item should also open on Enter.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            event.accept()
            self.click()
            return
        super().keyPressEvent(event)

    # -- colours, all from the palette ---------------------------------------------------------
    def color(self, role: QPalette.ColorRole) -> QColor:
        return self.palette().color(role)

    @property
    def text_color(self) -> QColor:
        return self.color(QPalette.ColorRole.Text)

    @property
    def secondary_color(self) -> QColor:
        return secondary(self.text_color, self.color(QPalette.ColorRole.Base))

    @property
    def track_color(self) -> QColor:
        return blend(self.color(QPalette.ColorRole.Base), self.text_color, 0.14)

    def paint_frame(self, painter: QPainter) -> None:
        """Hover tint and focus ring (the ring is 2 px of Highlight: visible on every style)."""
        highlight = self.color(QPalette.ColorRole.Highlight)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.underMouse() or self.isDown():
            painter.fillRect(rect, blend(self.color(QPalette.ColorRole.Base), highlight, 0.1))
        if self.hasFocus():
            painter.setPen(QPen(highlight, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)

    def draw_line(self, painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor,
                  align=Qt.AlignmentFlag.AlignLeft) -> None:
        painter.setFont(font)
        painter.setPen(color)
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), elided)


class ItemButton(PaintedButton):
    """Two lines: a title in the link colour, and a detail line; `emphasis` (a prefix of the
    detail, such as "Overdue") is drawn bold in the text colour so it is marked in words and weight,
    not by colour alone."""

    def __init__(self, title: str, detail: str = "", *, emphasis: str = "", name: str = "",
                 parent: QWidget | None = None) -> None:
        full = f"{title}. {detail}" if detail else title
        super().__init__(name or full, full, parent)
        self.title, self.detail, self.emphasis = title, detail, emphasis

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        return scaled(self.font(), 1.0), scaled(self.font(), 0.92), scaled(self.font(), 0.92, bold=True)

    def sizeHint(self) -> QSize:
        title, small, _ = self._fonts()
        lines = QFontMetrics(title).height() + (QFontMetrics(small).height() + 2 if self.detail else 0)
        return QSize(240, lines + 2 * PAD)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        self.paint_frame(painter)
        title_font, small, strong = self._fonts()
        if self.underMouse():
            title_font.setUnderline(True)
        inner = QRectF(self.rect()).adjusted(PAD + 2, PAD, -PAD - 2, -PAD)
        height = QFontMetrics(title_font).height()
        self.draw_line(painter, QRectF(inner.left(), inner.top(), inner.width(), height), self.title,
                       title_font, self.color(QPalette.ColorRole.Link))
        if not self.detail:
            return
        line = QRectF(inner.left(), inner.top() + height + 2, inner.width(), QFontMetrics(small).height())
        rest = self.detail
        if self.emphasis and rest.startswith(self.emphasis):
            width = QFontMetrics(strong).horizontalAdvance(self.emphasis)
            self.draw_line(painter, line, self.emphasis, strong, self.text_color)
            line.setLeft(line.left() + width)
            rest = rest[len(self.emphasis):]
        self.draw_line(painter, line, rest, small, self.secondary_color)


class MeterButton(PaintedButton):
    """A label with its value on the right ("Child R" … "3 of 7 questions") over a bar."""

    def __init__(self, label: str, value_text: str, value: int, maximum: int, *, name: str = "",
                 description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(name or f"{label}: {value_text}", description, parent)
        self.label, self.value_text, self.value, self.maximum = label, value_text, value, maximum

    @property
    def fraction(self) -> float:
        return 0.0 if self.maximum <= 0 else max(0.0, min(1.0, self.value / self.maximum))

    def _bar_height(self) -> int:
        return max(8, QFontMetrics(self.font()).height() // 2)

    def sizeHint(self) -> QSize:
        return QSize(240, QFontMetrics(self.font()).height() + 4 + self._bar_height() + 2 * PAD)

    def minimumSizeHint(self) -> QSize:
        return QSize(140, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        self.paint_frame(painter)
        font = QFont(self.font())
        inner = QRectF(self.rect()).adjusted(PAD + 2, PAD, -PAD - 2, -PAD)
        metrics = QFontMetrics(font)
        value_width = metrics.horizontalAdvance(self.value_text) + metrics.averageCharWidth()
        text_row = QRectF(inner.left(), inner.top(), inner.width(), metrics.height())
        label_font = QFont(font)
        label_font.setUnderline(self.underMouse())
        self.draw_line(painter, text_row.adjusted(0, 0, -value_width, 0), self.label, label_font,
                       self.color(QPalette.ColorRole.Link))
        self.draw_line(painter, text_row, self.value_text, font, self.text_color,
                       Qt.AlignmentFlag.AlignRight)
        bar = QRectF(inner.left(), text_row.bottom() + 4, inner.width(), self._bar_height())
        radius = bar.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.track_color)
        painter.drawRoundedRect(bar, radius, radius)
        if self.fraction > 0:
            filled = QRectF(bar)
            filled.setWidth(max(bar.height(), bar.width() * self.fraction))
            painter.setBrush(self.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(filled, radius, radius)


class MonthColumn(PaintedButton):
    """One month: its count above a column scaled to the chart's largest month, the month below."""

    def __init__(self, name: str, short: str, year_text: str, count: int, *, current: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(name, name, parent)
        self.short, self.year_text, self.count, self.current = short, year_text, count, current
        self.maximum = max(count, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _plot_height(self) -> int:
        return max(72, QFontMetrics(self.font()).height() * 4)

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance("Mmm") + 2 * PAD,
                     self._plot_height() + 3 * metrics.height() + 2 * PAD)

    def minimumSizeHint(self) -> QSize:
        # Just its own labels, so twelve months fit half of a 900 px page.
        metrics = QFontMetrics(self.font())
        widest = max(metrics.horizontalAdvance(t) for t in (self.short, self.year_text, str(self.count)))
        return QSize(widest + 6, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        self.paint_frame(painter)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        inner = QRectF(self.rect()).adjusted(3, PAD, -3, -PAD)
        plot_bottom = inner.top() + line + self._plot_height()
        height = self._plot_height() * self.count / self.maximum
        width = min(inner.width() * 0.62, metrics.horizontalAdvance("Mmm") * 1.2)
        column = QRectF(inner.center().x() - width / 2, plot_bottom - height, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(column, 2, 2)
        painter.setPen(QPen(self.track_color, 1))
        painter.drawLine(int(inner.left()), int(plot_bottom), int(inner.right()), int(plot_bottom))
        centre = Qt.AlignmentFlag.AlignHCenter
        self.draw_line(painter, QRectF(inner.left(), column.top() - line, inner.width(), line),
                       str(self.count), self.font(), self.text_color, centre)
        month_font = scaled(self.font(), 1.0, bold=self.current)
        self.draw_line(painter, QRectF(inner.left(), plot_bottom + 2, inner.width(), line), self.short,
                       month_font, self.color(QPalette.ColorRole.Link) if self.underMouse()
                       else self.text_color, centre)
        if self.year_text:
            self.draw_line(painter, QRectF(inner.left(), plot_bottom + 2 + line, inner.width(), line),
                           self.year_text, scaled(self.font(), 0.9), self.secondary_color, centre)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Left and Right walk the months, as in any chart or toolbar; Tab still leaves the chart.
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(event.key())
        chart = self.parentWidget()
        if step and isinstance(chart, MonthChart):
            chart.focus_step(self, step)
            event.accept()
            return
        super().keyPressEvent(event)


class MonthChart(QWidget):
    """A row of `MonthColumn`s sharing one scale. `columns` lists them oldest first."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.columns: list[MonthColumn] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)  # each column pads itself

    def set_months(self, months: Sequence[tuple[str, str, str, int]], current: int = -1) -> None:
        """`months`: (accessible name, short label, year label or "", count), oldest first."""
        layout = self.layout()
        for column in self.columns:
            layout.removeWidget(column)
            column.hide()
            column.deleteLater()
        maximum = max([count for *_, count in months] + [1])
        self.columns = []
        for index, (name, short, year_text, count) in enumerate(months):
            column = MonthColumn(name, short, year_text, count, current=index == current, parent=self)
            column.maximum = maximum
            layout.addWidget(column)
            column.show()
            self.columns.append(column)
        self.setAccessibleDescription("; ".join(name for name, *_ in months))

    def focus_step(self, column: MonthColumn, step: int) -> None:
        index = self.columns.index(column) + step
        if 0 <= index < len(self.columns):
            self.columns[index].setFocus(Qt.FocusReason.OtherFocusReason)
