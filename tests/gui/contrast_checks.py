"""Every text on a screen, with the colours it is drawn in (no tests here).

WCAG 1.4.3: text needs 4.5:1 against what is behind it, large text (18 pt, or 14 pt bold) 3:1.
Text in a disabled control is exempt (an "inactive user interface component"); a disabled label is
not a control, so it is measured.

Colours come from what is drawn, not from what the code meant:
- a standard widget's text is drawn in its palette's colour for its role and state, after the
  style sheet has been applied to that palette; the background is read from the rendered screen
  (the most common colour behind the text);
- a rich-text label or document: each fragment in its own colour (links in the Link colour);
- text the app paints itself (delegates, dashboard tiles, list placeholders) is recorded as it
  is painted: every `QPainter.drawText` from Python and every text document a delegate draws, with
  the pen or palette it used; the background again from the screen.
Text is drawn without anti-aliasing while measuring (the app font's NoAntialias strategy), so a
glyph's pixels are exactly its colour and never count as background.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontInfo,
    QImage,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollArea,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
NORMAL, LARGE = 4.5, 3.0


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    r, g, b = (_channel(c / 255) for c in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """`colour` as seen over `background` (alpha composited)."""
    a = colour.alphaF()
    return QColor.fromRgbF(*(x * a + y * (1 - a) for x, y in zip(colour.getRgbF()[:3],
                                                                     background.getRgbF()[:3], strict=True)))


@dataclass(frozen=True)
class Text:
    where: str
    text: str
    fg: QColor
    bg: QColor
    large: bool

    @property
    def ratio(self) -> float:
        return ratio(over(self.fg, self.bg), self.bg)

    @property
    def passes(self) -> bool:
        return self.ratio >= (LARGE if self.large else NORMAL)

    def __str__(self) -> str:
        shown = " ".join(self.text.split())
        shown = shown if len(shown) <= 50 else shown[:49] + "…"
        return (f"{self.where} {shown!r}: {over(self.fg, self.bg).name()} on {self.bg.name()} "
                f"= {self.ratio:.2f}:1")


def is_large(font: QFont) -> bool:
    points = QFontInfo(font).pointSizeF()
    return points >= 18 or (points >= 14 and font.weight() >= QFont.Weight.DemiBold)


def group_of(widget: QWidget) -> Group:
    if not widget.isEnabled():
        return Group.Disabled
    return Group.Active if widget.isActiveWindow() else Group.Inactive


class Screen:
    """One rendering of a top-level widget: its pixels, and where each widget lies in them."""

    def __init__(self, top: QWidget, image: QImage) -> None:
        self.top = top
        self.image = image.convertToFormat(QImage.Format.Format_RGB32)
        self.scale = image.devicePixelRatio()

    def to_top(self, widget: QWidget, rect: QRect) -> QRect:
        return QRect(widget.mapTo(self.top, rect.topLeft()), rect.size())

    def seen(self, widget: QWidget, rect: QRect) -> QRect:
        """The part of `rect` (widget coordinates) that is on screen, in top coordinates."""
        visible = widget.visibleRegion().boundingRect().intersected(rect)
        return self.to_top(widget, visible) if not visible.isEmpty() else QRect()

    def counts(self, rect: QRect) -> list[tuple[QColor, int]]:
        """The colours inside `rect` (top coordinates), most common first."""
        s = self.scale
        box = QRect(int(rect.x() * s), int(rect.y() * s), int(rect.width() * s), int(rect.height() * s))
        box = box.intersected(self.image.rect())
        if box.width() < 1 or box.height() < 1:
            return []
        counts: Counter[int] = Counter()
        stride = self.image.bytesPerLine()
        bits = memoryview(self.image.constBits()).cast("B")
        for y in range(box.top(), box.bottom() + 1):
            counts.update(bits[y * stride + 4 * box.left(): y * stride + 4 * (box.right() + 1)].cast("I"))
        return [(QColor.fromRgb(rgb), n) for rgb, n in counts.most_common()]

    def background(self, rect: QRect, *fgs: QColor) -> QColor | None:
        """What is behind text in colours `fgs` inside `rect` (top coordinates): of the colours
        that cover at least 5% of the rest of the area (a gradient has several), the one the text
        contrasts with least. The glyphs (exactly `fgs`, or for a translucent colour anything
        between it and what it is drawn on) are not background."""
        common = self.counts(rect)
        rest = [(c, n) for c, n in common if not any(_glyph(c, fg, common[:4]) for fg in fgs)]
        if not rest:
            return None
        total = sum(n for _, n in rest)
        candidates = [c for c, n in rest if n >= 0.05 * total]
        return min(candidates, key=lambda c: min((ratio(over(fg, c), c) for fg in fgs), default=0))

    def drawn_colour(self, rect: QRect, fg: QColor, bg: QColor) -> QColor:
        """The colour a translucent `fg` comes out as over `bg`: blended by its alpha, or as the
        glyphs' most common colour shows, whichever is fainter (how a translucent pen blends
        depends on the paint engine and on anti-aliasing)."""
        if fg.alpha() == 255:
            return fg
        blended = over(fg, bg)
        glyphs = [c for c, _ in self.counts(rect) if not _close(c, bg) and _between(c, _opaque(fg), bg)]
        return min([blended, *glyphs[:1]], key=lambda c: ratio(c, bg))


def _opaque(colour: QColor) -> QColor:
    return QColor(colour.red(), colour.green(), colour.blue())


def _glyph(colour: QColor, fg: QColor, common) -> bool:
    if fg.alpha() == 255:
        return _close(colour, fg)
    return any(_between(colour, _opaque(fg), c) and not _close(colour, c) for c, _ in common)


def _between(colour: QColor, a: QColor, b: QColor, tolerance: int = 3) -> bool:
    """Whether `colour` lies on the line from `a` to `b` (a blend of the two)."""
    channels = [(colour.red(), a.red(), b.red()), (colour.green(), a.green(), b.green()),
                (colour.blue(), a.blue(), b.blue())]
    c, x, y = max(channels, key=lambda t: abs(t[1] - t[2]))
    if x == y:
        return _close(colour, a)
    t = (c - y) / (x - y)
    return -0.02 <= t <= 1.02 and all(abs(c - (y + t * (x - y))) <= tolerance for c, x, y in channels)


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 2


# -- text the app paints itself ----------------------------------------------------------------
@dataclass
class Drawn:
    """A text as drawn, before its background is read: `rect` is in `widget`'s coordinates."""

    widget: QWidget
    rect: QRect
    where: str
    text: str
    fg: QColor
    large: bool
    document: QTextDocument | None = None
    link: QColor | None = None


class PaintRecorder:
    """Records each `drawText` and each text document drawn from Python while active."""

    def __init__(self) -> None:
        self.painted: list[Drawn] = []  # `widget` is the paint device, `where` is filled in later

    @contextlib.contextmanager
    def recording(self):
        draw_text = QPainter.drawText
        draw_document = QAbstractTextDocumentLayout.draw
        recorder = self

        def recorded_draw_text(painter, *args):
            recorder._text(painter, args)
            return draw_text(painter, *args)

        def recorded_draw_document(layout, painter, context):
            document = layout.document()
            rect = painter.transform().mapRect(QRectF(QPoint(0, 0), document.size()))
            recorder.painted.append(Drawn(
                painter.device(), rect.toAlignedRect(), "", document.toPlainText(),
                context.palette.color(Role.Text), is_large(document.defaultFont()), document.clone(),
                context.palette.color(Role.Link)))
            return draw_document(layout, painter, context)

        QPainter.drawText = recorded_draw_text
        QAbstractTextDocumentLayout.draw = recorded_draw_document
        try:
            yield self
        finally:
            QPainter.drawText = draw_text
            QAbstractTextDocumentLayout.draw = draw_document

    def _text(self, painter: QPainter, args) -> None:
        text = next((a for a in args if isinstance(a, str)), "")
        if not text.strip():
            return
        metrics = painter.fontMetrics()
        first = args[0]
        if isinstance(first, QRect | QRectF):
            flags = next((a for a in args[1:] if isinstance(a, int | Qt.AlignmentFlag)), 0)
            box = QRectF(metrics.boundingRect(QRectF(first).toRect(), int(flags), text)).intersected(
                QRectF(first))
        else:
            point = first if isinstance(first, QPoint) else QPoint(int(args[0]), int(args[1]))
            box = QRectF(point.x(), point.y() - metrics.ascent(), metrics.horizontalAdvance(text),
                         metrics.height())
        self.painted.append(Drawn(painter.device(), painter.transform().mapRect(box).toAlignedRect(), "",
                                  text, QColor(painter.pen().color()), is_large(painter.font())))


def document_runs(document: QTextDocument, default: QColor, link: QColor,
                  large_default: bool) -> list[tuple[str, QColor, QColor | None, bool]]:
    """Each run of a rich-text document: its text, the colour the document layout draws it in
    (its own colour, else the link colour for a link, else `default`), its own background if it
    has one, and whether it is large."""
    runs = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if not fragment.text().strip():
                continue
            fmt: QTextCharFormat = fragment.charFormat()
            if fmt.hasProperty(QTextCharFormat.Property.ForegroundBrush):
                fg = fmt.foreground().color()
            else:
                fg = link if fmt.isAnchor() else default
            bg = (fmt.background().color() if fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush)
                  else None)
            sized = fmt.hasProperty(QTextCharFormat.Property.FontPointSize) or fmt.hasProperty(
                QTextCharFormat.Property.FontWeight)
            runs.append((fragment.text(), fg, bg, is_large(fmt.font()) if sized else large_default))
        block = block.next()
    return runs


def measure(screen: Screen, drawn: Drawn) -> list[Text]:
    area = screen.seen(drawn.widget, drawn.rect)
    if area.isEmpty():
        return []
    if drawn.document is None:
        bg = screen.background(area, drawn.fg)
        if bg is None:
            return []
        return [Text(drawn.where, drawn.text, screen.drawn_colour(area, drawn.fg, bg), bg, drawn.large)]
    runs = document_runs(drawn.document, drawn.fg, drawn.link or drawn.fg, drawn.large)
    bg = screen.background(area, *(fg for _, fg, own, _ in runs if own is None))
    return [Text(drawn.where, text, fg, own or bg, large) for text, fg, own, large in runs
            if (own or bg) is not None]


# -- standard widgets --------------------------------------------------------------------------
def _name(widget: QWidget) -> str:
    return type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")


def _colour(widget: QWidget, role: Role) -> QColor:
    return widget.palette().color(group_of(widget), role)


def _drawn(widget: QWidget, rect: QRect, text: str, role: Role, *, where: str = "") -> Drawn:
    return Drawn(widget, rect, where or _name(widget), text, _colour(widget, role), is_large(widget.font()))


def _label(label: QLabel) -> list[Drawn]:
    if not label.text().strip():
        return []
    drawn = _drawn(label, label.contentsRect(), label.text(), label.foregroundRole())
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and _might_be_rich(label.text())):
        drawn.document = QTextDocument()
        drawn.document.setDefaultFont(label.font())
        drawn.document.setHtml(label.text())
        drawn.link = _colour(label, Role.Link)
    return [drawn]


def _might_be_rich(text: str) -> bool:
    from PySide6 import QtGui

    return QtGui.Qt.mightBeRichText(text)


def _field(widget: QWidget, text: str, placeholder: str, rect: QRect) -> list[Drawn]:
    if text.strip():
        return [_drawn(widget, rect, text, Role.Text)]
    if placeholder.strip():
        return [_drawn(widget, rect, placeholder, Role.PlaceholderText, where=_name(widget) + " placeholder")]
    return []


def _editor(editor: QTextEdit | QPlainTextEdit) -> list[Drawn]:
    viewport = editor.viewport()
    if editor.document().isEmpty():
        placeholder = editor.placeholderText()
        return [_drawn(viewport, viewport.rect(), placeholder, Role.PlaceholderText,
                       where=_name(editor) + " placeholder")] if placeholder.strip() else []
    drawn = _drawn(viewport, viewport.rect(), editor.toPlainText(), Role.Text, where=_name(editor))
    drawn.fg = _colour(editor, Role.Text)
    drawn.document, drawn.link = editor.document(), _colour(editor, Role.Link)
    return [drawn]


def _qt_paints(widget: QWidget) -> bool:
    """False for a widget of ours that paints itself (its text is recorded as it is painted)."""
    for cls in type(widget).__mro__:
        if "paintEvent" in cls.__dict__:
            return cls.__module__.startswith("PySide6")
    return True


def _tabs(bar: QTabBar) -> list[Drawn]:
    return [_drawn(bar, bar.tabRect(i).adjusted(3, 3, -3, -3), bar.tabText(i), Role.WindowText)
            for i in range(bar.count()) if bar.isTabEnabled(i) and bar.tabText(i).strip()]


def _header(header: QHeaderView) -> list[Drawn]:
    model = header.model()
    if model is None:
        return []
    out = []
    for section in range(header.count()):
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if header.isSectionHidden(section) or not text:
            continue
        position, size = header.sectionViewportPosition(section), header.sectionSize(section)
        rect = (QRect(position, 0, size, header.height()) if header.orientation() == Qt.Orientation.Horizontal
                else QRect(0, position, header.width(), size))
        out.append(_drawn(header.viewport(), rect.adjusted(2, 2, -2, -2), str(text), Role.ButtonText,
                          where=_name(header)))
        out[-1].fg = _colour(header, Role.ButtonText)
    return out


def _items(view: QAbstractItemView) -> list[Drawn]:
    """Items a standard delegate draws: the model's foreground, else Text (HighlightedText when
    selected). Items a delegate of ours paints are recorded instead."""
    from PySide6.QtWidgets import QStyledItemDelegate

    model, delegate = view.model(), view.itemDelegate()
    if model is None or type(delegate).paint is not QStyledItemDelegate.paint:
        return []
    out = []
    selection = view.selectionModel()
    for index in _visible_indexes(view):
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text is None or not str(text).strip():
            continue
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if selection is not None and selection.isSelected(index):
            fg = _colour(view, Role.HighlightedText)
        elif brush is not None:
            fg = QColor(brush.color() if hasattr(brush, "color") else brush)
        else:
            fg = _colour(view, Role.Text)
        font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        out.append(Drawn(view.viewport(), view.visualRect(index).adjusted(2, 1, -2, -1), _name(view),
                         str(text), fg, is_large(font)))
    return out


def _visible_indexes(view: QAbstractItemView):
    model = view.model()
    pending = [view.rootIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            for column in range(64):  # a list widget's model hides columnCount
                index = model.index(row, column, parent)
                if not index.isValid():
                    break
                rect = view.visualRect(index)
                if rect.isValid() and rect.intersects(view.viewport().rect()):
                    yield index
            first = model.index(row, 0, parent)
            if getattr(view, "isExpanded", lambda _i: False)(first) and model.rowCount(first):
                pending.append(first)


def drawn_by(widget: QWidget) -> list[Drawn]:
    """The texts a standard widget draws (a disabled control's are exempt; a label's are not)."""
    if isinstance(widget, QLabel):
        return _label(widget)
    if not widget.isEnabled() or not _qt_paints(widget):
        return []
    if isinstance(widget, QLineEdit):
        return _field(widget, widget.text(), widget.placeholderText(), widget.rect().adjusted(3, 3, -3, -3))
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return _editor(widget)
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return [_drawn(widget, widget.rect().adjusted(2, 2, -2, -2), widget.text(), widget.foregroundRole())]
    if isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText().strip():
        return [_drawn(widget, widget.rect().adjusted(3, 3, -20, -3), widget.currentText(), Role.ButtonText)]
    if isinstance(widget, QTabBar):
        return _tabs(widget)
    if isinstance(widget, QHeaderView):
        return _header(widget)
    if isinstance(widget, QAbstractItemView):
        return _items(widget)
    if isinstance(widget, QGroupBox) and widget.title():
        return [_drawn(widget, QRect(0, 0, widget.width(), widget.fontMetrics().height()), widget.title(),
                       Role.WindowText)]
    if isinstance(widget, QMenuBar):
        return [_drawn(widget, widget.actionGeometry(a).adjusted(2, 2, -2, -2), a.text(), Role.ButtonText)
                for a in widget.actions() if a.isVisible() and a.text()]
    if isinstance(widget, QStatusBar) and widget.currentMessage():
        return [_drawn(widget, widget.rect().adjusted(4, 2, -4, -2), widget.currentMessage(),
                       widget.foregroundRole())]
    return []


def painted(drawn: Drawn, top: QWidget) -> Drawn | None:
    """A recorded text, if it was painted on a widget of `top` (named after that widget)."""
    device = drawn.widget
    if not isinstance(device, QWidget) or device.window() is not top:
        return None
    owner = device.parentWidget() if device.objectName() == "qt_scrollarea_viewport" else device
    drawn.where = f"painted on {_name(owner)}"
    return drawn


# -- a whole screen ----------------------------------------------------------------------------
@contextlib.contextmanager
def aliased_text(top: QWidget):
    """Draw text without anti-aliasing, so glyph pixels are exactly the text's colour (in the
    app font and in every font a widget under `top` sets for itself)."""
    app = QApplication.instance()
    before = {None: QFont(app.font())}
    font = QFont(app.font())
    font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
    app.setFont(font)
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            before[widget] = QFont(widget.font())
            font = QFont(widget.font())
            font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
            widget.setFont(font)
    try:
        yield
    finally:
        for widget, font in reversed(before.items()):
            if widget is None:
                app.setFont(font)
            else:
                widget.setFont(font)


def _scroll_positions(top: QWidget):
    """Scroll every scroll area (not item views: their first screen is measured) through its
    content, a viewport at a time; yield after each step."""
    areas = [a for a in top.findChildren(QScrollArea) if a.isVisibleTo(top)]
    yield
    for area in areas:
        bar = area.verticalScrollBar()
        start = bar.value()
        step = max(1, area.viewport().height() - 20)
        value = 0
        while value < bar.maximum():
            value = min(bar.maximum(), value + step)
            bar.setValue(value)
            yield
        bar.setValue(start)


def texts_on(top: QWidget) -> list[Text]:
    """Every text in `top` as drawn now (scrolled through, so text below the fold counts too)."""
    found: dict[tuple, Text] = {}
    with aliased_text(top):
        for _ in _scroll_positions(top):
            QApplication.processEvents()
            recorder = PaintRecorder()
            with recorder.recording():
                image = top.grab().toImage()
            screen = Screen(top, image)
            widgets = [w for w in top.findChildren(QWidget) if w.isVisibleTo(top) and w.window() is top]
            drawn = [d for w in widgets for d in drawn_by(w)]
            drawn += [d for d in (painted(p, top) for p in recorder.painted) if d is not None]
            for text in (t for d in drawn for t in measure(screen, d)):
                found.setdefault((text.where, text.text, text.fg.rgba(), text.bg.rgba()), text)
    return list(found.values())


def failures(top: QWidget) -> list[str]:
    return [str(t) for t in texts_on(top) if not t.passes]


__all__ = ["Text", "failures", "ratio", "texts_on"]
