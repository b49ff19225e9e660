"""Reading a text's colours off a rendered screen (no tests here; see contrast_checks).

`Screen` holds one rendering of a window; `Drawn` is a text as drawn (where, in which colour);
`measure` reads what is behind it: of the colours covering at least 5% of the text's box (a
style's gradient has several), the one the text contrasts with least, never the glyphs
themselves. `PaintRecorder` records the text our own code paints, as it is painted.
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
from PySide6.QtWidgets import QWidget

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
