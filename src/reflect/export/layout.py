"""Page furniture that Platypus lacks: numbers known only at the end, bookmarks, ruled lines.

"Page X of Y" and the contents page's page numbers depend on where everything lands, which the usual
answer (build twice) would make a 1,000-reflection portfolio twice as slow. Instead each page and
each contents line draws a named Form XObject whose content (`Page 3 of 41`, `17`) is written once,
when the canvas is saved and every number is known. One pass; the text layer still reads "Page 3 of
41" because readers and extractors follow the form. (Deferring whole pages, the other common trick,
breaks bookmarks: they would all point at page 1.)
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import ParagraphStyle

from reflect.export.escape import clean, escape
from reflect.export.structure import StructureRecorder


class LineText(PDFTextObject):
    """A text object that ends every line with a space, as the words had in the text: a reader or
    a copy of the text then gets "about practice", not "aboutpractice", where a line breaks. The
    space is drawn after the line's last word, so nothing moves."""

    def _textOut(self, text, TStar=0):
        if TStar and text and text[-1] != " ":
            text += " "
        super()._textOut(text, TStar)

    def textLine(self, text=""):
        super().textLine(text + " " if text and text[-1] != " " else text)


class ReportCanvas(Canvas):
    """A canvas that fills in page totals and contents page numbers when it is saved, and records
    the document's structure (`structure`): what it draws is tagged content or an artifact."""

    def __init__(self, *args, number_font: str, footer_size: float, contents_size: float,
                 number_colour: Color, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.number_font = number_font
        self.footer_size = footer_size
        self.contents_size = contents_size
        self.number_colour = number_colour
        self.anchor_pages: dict[str, int] = {}  # bookmark key -> page it landed on
        self.page_refs: set[str] = set()  # keys whose page number a contents line shows
        self.page_total = 0
        self.field_names: list[str] = []  # form fields' names, in the order their widgets were added
        self.structure = StructureRecorder()

    # -- structure -------------------------------------------------------------------------------
    def begin_pagination(self, kind: str) -> None:
        """What is drawn until `end_marked()` is the running header or footer (`kind`)."""
        self.structure.begin_pagination(self._code, kind)

    def end_marked(self) -> None:
        self.structure.end(self._code)

    def begin_artifact(self) -> None:
        """What is drawn from here until tagged content is an artifact (a page's own drawing)."""
        self.structure.artifact(self._code)

    def beginText(self, x=0, y=0, direction=None):
        return LineText(self, x, y, direction=direction)

    def drawText(self, aTextObject):
        self.structure.text_drawn(self._code, lambda: super(ReportCanvas, self).drawText(aTextObject))

    def showPage(self):
        self.structure.close_page(self._code)
        super().showPage()

    def _setAnnotations(self, page):
        super()._setAnnotations(page)
        self.structure.page_keys(page, self._doc.thisPageName())

    def _addAnnotation(self, annotation, name=None, addtopage=1):
        super()._addAnnotation(annotation, name, addtopage)
        title = getattr(annotation, "dict", {}).get("T") if addtopage else None
        if title is not None:
            self.field_names.append(str(getattr(title, "s", title)))
        self.structure.annotation(annotation, self._annotationrefs[-1], self._doc.thisPageName())

    def draw_page_of_total(self, x: float, y: float) -> None:
        """Draw "Page N of TOTAL", right-aligned at (x, y), on the current page."""
        self._draw_form(f"pageof{self.getPageNumber()}", x, y)

    def draw_page_number_of(self, key: str, x: float, y: float) -> None:
        """Draw the page number `key`'s anchor lands on, right-aligned at (x, y)."""
        self.page_refs.add(key)
        self._draw_form(f"pageno-{key}", x, y)

    def _draw_form(self, name: str, x: float, y: float) -> None:
        self.saveState()
        self.translate(x, y)
        self.doForm(name)
        self.restoreState()

    def save(self) -> None:
        if self._code:
            self.showPage()  # as Canvas.save would, but before the structure tree is written
        self.page_total = self._pageNumber - 1
        for page in range(1, self.page_total + 1):
            self._number_form(f"pageof{page}", f"Page {page} of {self.page_total}", self.footer_size)
        for key in sorted(self.page_refs):
            page = self.anchor_pages.get(key)
            self._number_form(f"pageno-{key}", str(page) if page else "", self.contents_size)
        self.structure.write(self._doc)
        super().save()

    def _number_form(self, name: str, text: str, size: float) -> None:
        # The text is right-aligned at the origin, so it lies left of it: the form's box (which
        # viewers clip to) must extend that way.
        self.beginForm(name, lowerx=-300, lowery=-10, upperx=5, uppery=30)
        self.setFont(self.number_font, size)
        self.setFillColor(self.number_colour)
        self.drawRightString(0, 0, text)
        self.endForm()


def outline_title(text: str, limit: int = 120) -> str:
    title = " ".join(clean(text).split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


class Anchor(Flowable):
    """Invisible: where it lands, a bookmark and an outline entry (and the page, for contents).

    Placed just before a heading and kept with it (or preceded by a `CondPageBreak` that leaves
    room for the heading), so it moves to the next page with it.
    """

    _ZEROSIZE = 1

    def __init__(self, key: str, title: str, level: int = 0, *, keep_with_next: bool = True) -> None:
        super().__init__()
        self.key = key
        self.title = outline_title(title) or "Untitled"
        self.level = level
        self.keepWithNext = int(keep_with_next)

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, 18)
        canv.addOutlineEntry(self.title, self.key, self.level)
        if isinstance(canv, ReportCanvas):
            canv.anchor_pages[self.key] = canv.getPageNumber()


class RuledLines(Flowable):
    """Lines to write on by hand (the supervisor's comments): as many as fill the page down to
    `reserve` points from its foot, within [`least`, `most`]."""

    def __init__(self, gap: float, colour: Color, *, least: int = 8, most: int = 24,
                 reserve: float = 0) -> None:
        super().__init__()
        self.gap, self.colour, self.least, self.most, self.reserve = gap, colour, least, most, reserve
        self.count = least

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        fit = int((availHeight - self.reserve) // self.gap)
        self.count = max(self.least, min(self.most, fit))
        return availWidth, self.count * self.gap

    def draw(self) -> None:
        canv = self.canv
        canv.setStrokeColor(self.colour)
        canv.setLineWidth(0.5)
        for index in range(self.count):
            canv.line(0, index * self.gap, self.width, index * self.gap)


class ContentsLine(Flowable):
    """One line of a contents page: number, title (wrapping), date, and the page it starts on.

    The whole line links to the reflection's bookmark; the page number is filled in at save.
    """

    def __init__(self, number: str, title_markup: str, date_text: str, key: str,
                 style: ParagraphStyle, meta_style: ParagraphStyle, *, number_width: float,
                 date_width: float, page_width: float) -> None:
        super().__init__()
        self.number, self.date_text, self.key = number, date_text, key
        self.style, self.meta_style = style, meta_style
        self.number_width, self.date_width, self.page_width = number_width, date_width, page_width
        self.para = Paragraph(title_markup, style)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        title_width = availWidth - self.number_width - self.date_width - self.page_width
        _, height = self.para.wrap(title_width, availHeight)
        self.height = height + 2
        return availWidth, self.height

    def draw(self) -> None:
        canv = self.canv
        self.para.drawOn(canv, self.number_width, 2)
        baseline = self.height - self.style.fontSize - 0.5
        canv.setFont(self.meta_style.fontName, self.meta_style.fontSize)
        canv.setFillColor(self.meta_style.textColor)
        canv.drawRightString(self.number_width - 6, baseline, self.number)
        canv.drawRightString(self.width - self.page_width, baseline, self.date_text)
        if isinstance(canv, ReportCanvas):
            canv.draw_page_number_of(self.key, self.width, baseline)
        canv.linkRect(self.para.getPlainText(), self.key, (0, 0, self.width, self.height), relative=1,
                      thickness=0)


class Separator(Flowable):
    """A thin rule between two reflections, which vanishes at the top of a page (where it would
    only look like a stray line)."""

    def __init__(self, colour: Color, above: float, below: float) -> None:
        super().__init__()
        self.colour, self.above, self.below = colour, above, below
        self._skip = False

    def wrap(self, availWidth, availHeight):
        frame = getattr(self, "_frame", None)
        self._skip = bool(frame is not None and frame._atTop)
        self.width = availWidth
        return availWidth, 0 if self._skip else self.above + self.below

    def draw(self) -> None:
        if self._skip:
            return
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, self.below, self.width, self.below)


class Panel(Flowable):
    """Flowables on a tinted panel with an accent bar at its left: a reflection's details.

    Lighter than a Table (which costs as much to lay out as a page of text) and it splits between
    its rows, or inside a row, so an enormous value cannot overflow the page. Children's heights are
    remembered per width, because the renderer measures a reflection's heading before placing it.
    """

    def __init__(self, children: list[Flowable], fill: Color, bar: Color, *, bar_width: float = 2,
                 pad_x: float = 8, pad_y: float = 6) -> None:
        super().__init__()
        self.children, self.fill, self.bar = children, fill, bar
        self.bar_width, self.pad_x, self.pad_y = bar_width, pad_x, pad_y
        self._measured: tuple[float, list[float]] | None = None

    def _inner(self, width: float) -> float:
        return width - self.bar_width - 2 * self.pad_x

    def _heights(self, width: float, height: float) -> list[float]:
        if self._measured is None or self._measured[0] != width:
            inner = self._inner(width)
            self._measured = (width, [c.wrap(inner, height)[1] for c in self.children])
        return self._measured[1]

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = sum(self._heights(availWidth, availHeight)) + 2 * self.pad_y
        return self.width, self.height

    def split(self, availWidth, availHeight):
        room = availHeight - 2 * self.pad_y
        heights = self._heights(availWidth, availHeight)
        first: list[Flowable] = []
        for index, (child, height) in enumerate(zip(self.children, heights, strict=True)):
            if height <= room:
                first.append(child)
                room -= height
                continue
            parts = child.split(self._inner(availWidth), room) if room > 0 else []
            rest = self.children[index + 1:]
            if parts:
                first.append(parts[0])
                rest = [*parts[1:], *rest]
            if not first:
                return []
            return [self._like(first), self._like(rest)] if rest else [self._like(first)]
        return [self]

    def _like(self, children: list[Flowable]) -> Panel:
        return Panel(children, self.fill, self.bar, bar_width=self.bar_width, pad_x=self.pad_x,
                     pad_y=self.pad_y)

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.fill)
        canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canv.setFillColor(self.bar)
        canv.rect(0, 0, self.bar_width, self.height, stroke=0, fill=1)
        canv.restoreState()
        y = self.height - self.pad_y
        for child, height in zip(self.children, self._heights(self.width, self.height), strict=True):
            y -= height
            child.drawOn(canv, self.bar_width + self.pad_x, y)


class DetailRow(Flowable):
    """"Label   value" in a details panel, the label in its own column.

    Most values (a model's name, a status, a date) fit on one line; those are drawn as plain text,
    which costs a tenth of a Paragraph. Longer ones become a Paragraph with the label as its
    bullet, so they wrap, and split across pages if enormous.
    """

    def __init__(self, label: str, value: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.label, self.value, self.style = label, clean(value), style
        self.para: Paragraph | None = None

    def _as_paragraph(self) -> Paragraph:
        if self.para is None:
            self.para = Paragraph(escape(self.value) or "—", self.style, bulletText=self.label)
        return self.para

    def _fits_plainly(self, width: float) -> bool:
        s = self.style
        return ("\n" not in self.value and "\t" not in self.value
                and stringWidth(self.value, s.fontName, s.fontSize) <= width - s.leftIndent)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        if self._fits_plainly(availWidth):
            self.para = None
            self.height = self.style.leading
            return availWidth, self.height
        return self._as_paragraph().wrap(availWidth, availHeight)

    def split(self, availWidth, availHeight):
        if self._fits_plainly(availWidth):
            return []
        return self._as_paragraph().split(availWidth, availHeight)

    def draw(self) -> None:
        if self.para is not None:
            self.para.drawOn(self.canv, 0, 0)
            return
        s, canv = self.style, self.canv
        baseline = self.height - s.fontSize
        canv.setFont(s.bulletFontName, s.bulletFontSize)
        canv.setFillColor(s.bulletColor)
        canv.drawString(s.bulletIndent, baseline, self.label)
        canv.setFont(s.fontName, s.fontSize)
        canv.setFillColor(s.textColor)
        canv.drawString(s.leftIndent, baseline, self.value or "—")
