"""Page furniture that Platypus lacks: numbers known only at the end, bookmarks, ruled lines.

"Page X of Y" and the contents page's page numbers depend on where everything lands, which the usual
answer (build twice) would make a 1,000-reflection portfolio twice as slow. Instead each page and
each contents line draws a named Form XObject whose content (`Page 3 of 41`, `17`) is written once,
when the canvas is saved and every number is known. One pass; the text layer still reads "Page 3 of
41" because readers and extractors follow the form. (Deferring whole pages, the other common trick,
breaks bookmarks: they would all point at page 1.)
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import ParagraphStyle

from reflect.export.escape import clean


class ReportCanvas(Canvas):
    """A canvas that fills in page totals and contents page numbers when it is saved."""

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
        self.page_total = self._pageNumber - 1
        for page in range(1, self.page_total + 1):
            self._number_form(f"pageof{page}", f"Page {page} of {self.page_total}", self.footer_size)
        for key in sorted(self.page_refs):
            page = self.anchor_pages.get(key)
            self._number_form(f"pageno-{key}", str(page) if page else "", self.contents_size)
        super().save()

    def _number_form(self, name: str, text: str, size: float) -> None:
        self.beginForm(name)
        self.setFont(self.number_font, size)
        self.setFillColor(self.number_colour)
        self.drawRightString(0, 0, text)
        self.endForm()


def outline_title(text: str, limit: int = 120) -> str:
    title = " ".join(clean(text).split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


class Anchor(Flowable):
    """Invisible: where it lands, a bookmark, an outline entry and (optionally) a progress tick.

    Placed just before a heading, and kept with it, so it moves to the next page with it.
    """

    _ZEROSIZE = 1

    def __init__(self, key: str, title: str, level: int = 0, *,
                 on_draw: Callable[[], None] | None = None, closed: bool | None = None) -> None:
        super().__init__()
        self.key = key
        self.title = outline_title(title) or "Untitled"
        self.level = level
        self.on_draw = on_draw
        self.closed = closed
        self.keepWithNext = 1

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab API)
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, 18)
        canv.addOutlineEntry(self.title, self.key, self.level, closed=self.closed)
        if isinstance(canv, ReportCanvas):
            canv.anchor_pages[self.key] = canv.getPageNumber()
        if self.on_draw is not None:
            self.on_draw()


class RuledLines(Flowable):
    """Lines to write on by hand (the supervisor's comments)."""

    def __init__(self, count: int, gap: float, colour: Color, width: float = 0.5) -> None:
        super().__init__()
        self.count, self.gap, self.colour, self.line_width = count, gap, colour, width

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab API)
        self.width = availWidth
        return availWidth, self.count * self.gap

    def draw(self) -> None:
        canv = self.canv
        canv.setStrokeColor(self.colour)
        canv.setLineWidth(self.line_width)
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

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab API)
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
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)
