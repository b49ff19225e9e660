"""The base of the three documents: page geometry, fonts, styles, page furniture, shared parts.

Modelled on pretix's invoice renderer: a class whose attributes are the page geometry and palette,
with `_register_fonts()`, `_stylesheet()`, `_story()` and page callbacks, writing to a file handle.
Subclasses (`session_pack`, `portfolio`, `single_entry`) only assemble their story from the parts
here, so a reflection looks the same in every document.

Every string from the journal reaches the page through `escape` / `paragraphs` (markup) or
`clean` (canvas text). Every font is the embedded DejaVu family, the document's initial font
included, so no reader ever substitutes Helvetica.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from types import SimpleNamespace
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from reflect.domain.report import ReportAction, ReportBriefing, ReportEntry
from reflect.domain.session_rules import format_day
from reflect.export import fonts
from reflect.export.escape import clean, escape, paragraphs
from reflect.export.identity import DocumentMark
from reflect.export.layout import Anchor, DetailRow, Panel, ReportCanvas
from reflect.export.structure import Node
from reflect.export.tagging import tag_story

FOOTER_TEXT = "Personal reflective record — anonymised by the author — not a case record"
NOTICE_TEXT = (
    "This document contains a personal reflective record. It has been anonymised by its author. "
    "It is not a case record and must not be used as one. Keep it securely and destroy it when it "
    "is no longer needed."
)

Progress = Callable[[int, int], None]


class Tick(Flowable):
    """Invisible; calls `callback` when drawn (a reflection has been laid out)."""

    _ZEROSIZE = 1

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self.callback = callback

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self) -> None:
        self.callback()


class PdfRenderer:
    """Subclasses set `kind` and implement `title`, `subject`, `entry_count` and `_story()`."""

    page_size = A4
    left_margin = 22 * mm
    right_margin = 22 * mm
    top_margin = 24 * mm
    bottom_margin = 25 * mm
    header_y = A4[1] - 14 * mm
    footer_y = 13 * mm

    body_size = 10.5
    body_leading = 15.5
    ink: Color = HexColor("#1F2933")
    muted: Color = HexColor("#5B6573")
    accent: Color = HexColor("#1D4E89")
    rule: Color = HexColor("#C5CED8")
    tint: Color = HexColor("#EEF2F7")
    notice_tint: Color = HexColor("#FDF6E3")
    notice_rule: Color = HexColor("#C99A2E")

    kind = "Reflective record"
    language = "en-GB"

    def __init__(self, *, practitioner: str = "") -> None:
        self.practitioner = practitioner.strip()
        self.styles = SimpleNamespace()
        self._progress: Progress | None = None
        self._done = 0

    # -- what subclasses provide -----------------------------------------------------------------
    @property
    def title(self) -> str:
        raise NotImplementedError

    @property
    def subject(self) -> str:
        raise NotImplementedError

    @property
    def entry_count(self) -> int:
        raise NotImplementedError

    def _story(self) -> list[Flowable]:
        raise NotImplementedError

    # -- rendering -------------------------------------------------------------------------------
    @property
    def frame_width(self) -> float:
        return self.page_size[0] - self.left_margin - self.right_margin

    def render(self, stream: BinaryIO, progress: Progress | None = None) -> int:
        """Write the PDF to `stream`; returns its page count. `progress(done, total)` is called as
        each reflection is laid out (and may raise to stop)."""
        self._register_fonts()
        self.styles = self._stylesheet()
        self._progress, self._done = progress, 0
        if progress is not None:
            progress(0, self.entry_count)
        doc = BaseDocTemplate(
            stream, pagesize=self.page_size, leftMargin=self.left_margin,
            rightMargin=self.right_margin, topMargin=self.top_margin,
            bottomMargin=self.bottom_margin, title=clean(self.title), author=clean(self.practitioner),
            subject=clean(self.subject), creator="Reflect", producer="Reflect (ReportLab)",
            lang=self.language, initialFontName=fonts.REGULAR, initialFontSize=self.body_size,
            displayDocTitle=True,
        )
        frame = Frame(self.left_margin, self.bottom_margin, self.frame_width,
                      self.page_size[1] - self.top_margin - self.bottom_margin, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=self._on_page)])
        canvasmaker = partial(ReportCanvas, number_font=fonts.REGULAR, footer_size=8,
                              contents_size=9, number_colour=self.muted)
        doc.build(self._tagged_story(), canvasmaker=canvasmaker)
        self._built(doc.canv)
        return doc.canv.page_total

    def _built(self, canv: ReportCanvas) -> None:
        """Keep what the finished canvas knows that the caller may ask for."""
        self.anchor_pages = dict(canv.anchor_pages)  # bookmark key -> page (from 1)

    def _tagged_story(self) -> list[Flowable]:
        """The story, its structure (`tagging`) given to the canvas when the build makes it, and
        the document's metadata (title and the PDF/UA identifier) unless the story sets its own."""
        root = Node("Document")
        story = tag_story(self._story(), root)
        return [DocumentMark(root, title=self.title, author=self.practitioner, subject=self.subject),
                *story]

    def _register_fonts(self) -> None:
        fonts.register_fonts()
        # Page streams compressed but not also ASCII85-encoded: 20% smaller and 10% faster to
        # write. (A process-wide reportlab setting; only the exporter uses reportlab.)
        rl_config.useA85 = 0

    def _tick(self) -> None:
        self._done += 1
        if self._progress is not None:
            self._progress(self._done, self.entry_count)

    # -- page furniture --------------------------------------------------------------------------
    def _on_page(self, canv: ReportCanvas, doc) -> None:
        width, _ = self.page_size
        right = width - self.right_margin
        canv.saveState()
        if canv.getPageNumber() == 1:
            canv.showOutline()
        else:
            canv.begin_pagination("Header")
            canv.setFont(fonts.REGULAR, 8)
            canv.setFillColor(self.muted)
            canv.drawString(self.left_margin, self.header_y, self._fit(self.header_text, 8, self.frame_width))
            canv.setStrokeColor(self.rule)
            canv.setLineWidth(0.5)
            canv.line(self.left_margin, self.header_y - 5, right, self.header_y - 5)
            canv.end_marked()
        canv.begin_pagination("Footer")
        canv.setStrokeColor(self.rule)
        canv.setLineWidth(0.5)
        canv.line(self.left_margin, self.footer_y + 11, right, self.footer_y + 11)
        canv.setFont(fonts.REGULAR, 8)
        canv.setFillColor(self.muted)
        canv.drawString(self.left_margin, self.footer_y, FOOTER_TEXT)
        canv.draw_page_of_total(right, self.footer_y)
        canv.end_marked()
        canv.restoreState()

    @property
    def header_text(self) -> str:
        """The running head of every page after the first."""
        return f"{self.title} · {self.practitioner}" if self.practitioner else self.title

    @staticmethod
    def _fit(text: str, size: float, width: float) -> str:
        text = " ".join(clean(text).split())
        if stringWidth(text, fonts.REGULAR, size) <= width:
            return text
        while text and stringWidth(text + "…", fonts.REGULAR, size) > width:
            text = text[: max(0, min(len(text) - 1, int(len(text) * 0.9)))]
        return text.rstrip() + "…"

    # -- styles ----------------------------------------------------------------------------------
    def _stylesheet(self) -> SimpleNamespace:
        base = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=self.body_size,
                              leading=self.body_leading, textColor=self.ink, spaceBefore=6,
                              allowWidows=0, allowOrphans=0, splitLongWords=1,
                              bulletFontName=fonts.REGULAR)

        def style(name, parent=base, **kw) -> ParagraphStyle:
            return ParagraphStyle(name, parent=parent, **kw)

        return SimpleNamespace(
            body=base,
            body_cont=style("body_cont", spaceBefore=0),
            empty=style("empty", fontName=fonts.ITALIC, textColor=self.muted),
            stage_label=style("stage_label", fontName=fonts.BOLD, spaceBefore=12),
            h1=style("h1", fontName=fonts.BOLD, fontSize=16, leading=20, textColor=self.accent,
                     spaceBefore=0, spaceAfter=8, keepWithNext=1),
            h2=style("h2", fontName=fonts.BOLD, fontSize=14, leading=18, spaceBefore=2, spaceAfter=8,
                     keepWithNext=1),
            kicker=style("kicker", fontName=fonts.BOLD, fontSize=8, leading=11, textColor=self.accent,
                         spaceBefore=0),
            h2_plain=style("h2_plain", fontName=fonts.BOLD, fontSize=14, leading=18, spaceBefore=2,
                           spaceAfter=8),
            detail=style("detail", fontSize=8.5, leading=12.5, spaceBefore=0, bulletFontName=fonts.BOLD,
                         bulletFontSize=8.5, bulletColor=self.muted, bulletIndent=0),
            cell=style("cell", fontSize=9, leading=12.5, spaceBefore=0),
            cell_head=style("cell_head", fontName=fonts.BOLD, fontSize=8.5, leading=11.5, spaceBefore=0),
            cell_strong=style("cell_strong", fontName=fonts.BOLD, fontSize=9, leading=12.5, spaceBefore=0),
            small=style("small", fontSize=9, leading=13, textColor=self.muted),
            note=style("note", fontName=fonts.ITALIC, fontSize=9.5, leading=13.5, textColor=self.muted),
            cover_kicker=style("cover_kicker", fontName=fonts.BOLD, fontSize=10, leading=14,
                               textColor=self.accent, spaceBefore=0, spaceAfter=6),
            cover_title=style("cover_title", fontName=fonts.BOLD, fontSize=24, leading=30,
                              spaceBefore=0, spaceAfter=6),
            cover_sub=style("cover_sub", fontSize=13, leading=18, textColor=self.muted, spaceBefore=0),
            notice_title=style("notice_title", fontName=fonts.BOLD, fontSize=10, leading=14, spaceBefore=0),
            notice=style("notice", fontSize=9.5, leading=13.5, spaceBefore=2),
            contents=style("contents", fontSize=10, leading=13.5, spaceBefore=0),
            contents_meta=style("contents_meta", fontSize=9, leading=12, textColor=self.muted),
            bullet=style("bullet", fontSize=9.5, leading=13.5, leftIndent=12, bulletIndent=2,
                         spaceBefore=3),
        )

    # -- parts shared by the documents -----------------------------------------------------------
    def _section(self, title: str, key: str, *, level: int = 0, outline: str | None = None) -> list[Flowable]:
        """A section heading with its bookmark and outline entry."""
        return [Anchor(key, outline or title, level),
                Paragraph(escape(title), self.styles.h1)]

    def _cover_page(self, outline: str, kicker: str, title: str, subtitle: str, rows: list[tuple[str, str]],
                    after_details: tuple[Flowable, ...] = ()) -> list[Flowable]:
        """A cover page: kicker, title and subtitle, the details (then `after_details`), the notice."""
        s = self.styles
        return [
            Anchor("section-cover", outline, 0),
            self._gap(18 * mm),
            Paragraph(kicker, s.cover_kicker),
            Paragraph(escape(title), s.cover_title),
            Paragraph(escape(subtitle), s.cover_sub),
            self._gap(12 * mm),
            self._details(rows),
            *after_details,
            self._gap(12 * mm),
            self._notice(),
            PageBreak(),
        ]

    def _notice(self) -> Panel:
        """The confidentiality notice, on every cover."""
        s = self.styles
        return Panel([Paragraph("Confidential", s.notice_title), Paragraph(escape(NOTICE_TEXT), s.notice)],
                     self.notice_tint, self.notice_rule, bar_width=3, pad_x=10, pad_y=8)

    def _details(self, rows: list[tuple[str, str]], label_width: float = 42 * mm) -> Panel:
        """Label and value pairs (a cover's or a reflection's details) on a quiet panel."""
        style = self.styles.detail.clone("detail_rows", leftIndent=label_width)
        return Panel([DetailRow(label, value, style) for label, value in rows],
                     self.tint, self.accent)

    def _entry(self, entry: ReportEntry, *, kicker: str = "", level: int = 1,
               show_title: bool = True) -> list[Flowable]:
        """One reflection: heading, its details, then each stage's answer.

        Headings are kept with what follows by asking for room first (`CondPageBreak`: the
        heading plus three lines of text) rather than `keepWithNext`, which would move a heading
        and the whole of its first paragraph to the next page and leave a large gap.
        """
        s = self.styles
        head: list[Flowable] = []
        if kicker:
            head.append(Paragraph(escape(kicker), s.kicker))
        if show_title:
            head.append(Paragraph(escape(entry.display_title), s.h2_plain))
        head.append(self._details(self._entry_rows(entry), label_width=24 * mm))
        first = self._stage_room
        # The room asked for covers the heading, so nothing here needs keepWithNext (whose
        # KeepTogether would lay the heading out twice more).
        out: list[Flowable] = [CondPageBreak(self._height(head) + first),
                               Anchor(entry.key, entry.display_title, level, keep_with_next=False), *head]
        for label, text in entry.stages:
            out += [CondPageBreak(first), Paragraph(escape(label), s.stage_label)]
            blocks = paragraphs(text)
            if not blocks:
                out.append(Paragraph("Not answered", s.empty))
            for markup, starts in blocks:
                out.append(Paragraph(markup, s.body if starts else s.body_cont))
        out.append(Tick(self._tick))
        return out

    @property
    def _stage_room(self) -> float:
        """Room a stage label needs below it: itself and three lines of its answer."""
        label = self.styles.stage_label
        return label.spaceBefore + label.leading + 6 + 3 * self.body_leading

    def _height(self, flowables: list[Flowable]) -> float:
        return sum(f.wrap(self.frame_width, self.page_size[1])[1] + f.getSpaceBefore() + f.getSpaceAfter()
                   for f in flowables)

    @staticmethod
    def _entry_rows(entry: ReportEntry) -> list[tuple[str, str]]:
        written = f"Written {format_day(entry.created_on)}"
        if entry.updated_on != entry.created_on:
            written += f", last changed {format_day(entry.updated_on)}"
        rows = [("Briefing", entry.briefing_title), ("Question", entry.question),
                ("Model", entry.model_name), ("Status", entry.status_label), ("Dates", written),
                ("Tags", ", ".join(entry.tags))]
        return [(label, value) for label, value in rows if value.strip()]

    def _actions_table(self, actions: tuple[ReportAction, ...], *, agreed_in: bool = False,
                       blank_rows: int = 0, extra_rows: list[list[Flowable]] | None = None) -> Table:
        """Actions with wrapped cells; `blank_rows` empty rows to fill in by hand, or
        `extra_rows` (form fields, one per cell) after the actions."""
        s = self.styles
        head = ["Action", "Who", "Due", "Status"] + (["Agreed in"] if agreed_in else [])
        widths = [28 * mm, 25 * mm, 27 * mm] + ([27 * mm] if agreed_in else [])
        widths.insert(0, self.frame_width - sum(widths))
        data = [[Paragraph(h, s.cell_head) for h in head]]
        for a in actions:
            row = [a.description, a.who, a.due_text, a.status] + ([a.agreed_in] if agreed_in else [])
            data.append([Paragraph(escape(v), s.cell_strong if (a.overdue and i == 3) else s.cell)
                         for i, v in enumerate(row)])
        data += [[""] * len(head) for _ in range(blank_rows)]
        heights = [None] * (len(data) - blank_rows) + [9 * mm] * blank_rows
        data += extra_rows or []
        heights += [None] * len(extra_rows or [])
        return self._header_table(data, widths, rowHeights=heights)

    def _briefings(self, briefings: tuple[ReportBriefing, ...], *, level: int = 0) -> list[Flowable]:
        """A short summary of each briefing referenced: title, partnership, learning points."""
        if not briefings:
            return []
        s = self.styles
        out = self._section("Briefings referenced", "section-briefings", level=level)
        out.append(Paragraph("A short summary of each 7-minute briefing the reflections answer.", s.small))
        title_style = s.h2_plain.clone("briefing_title", fontSize=12, leading=16, spaceBefore=14)
        learn_style = s.stage_label.clone("learn", spaceBefore=8)
        for briefing in briefings:
            # The title asks for room for itself, the partnership and the start of the learning
            # (as a reflection's heading does), so it never ends a page alone.
            head: list[Flowable] = [Paragraph(escape(briefing.title), title_style)]
            if briefing.partnership.strip():
                head.append(Paragraph(escape(briefing.partnership), s.small.clone("partner", spaceBefore=0)))
            learning = [Paragraph(escape(point), s.bullet, bulletText="•") for point in briefing.learning]
            if learning:
                head.append(Paragraph("What was the learning?", learn_style))
            first = min(self._height(learning[:1]), 3 * s.bullet.leading + s.bullet.spaceBefore)
            room = self._height(head) + (first if learning else 0)
            out += [CondPageBreak(room),
                    Anchor(briefing.key, briefing.title, level + 1, keep_with_next=False), *head, *learning]
        return out

    @staticmethod
    def _gap(height: float) -> Spacer:
        return Spacer(1, height)

    def _header_table(self, data, widths, **kwargs) -> Table:
        """The documents' one table look: a tinted header row, repeated on each page, over ruled rows."""
        return self._table(data, widths, [
            ("BACKGROUND", (0, 0), (-1, 0), self.tint),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.accent),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, self.rule),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ], repeatRows=1, **kwargs)

    @staticmethod
    def _table(data, widths, commands, **kwargs) -> Table:
        """A Table whose cell font is ours: reportlab sets each cell's font (Helvetica unless told)
        even when the cell holds a Paragraph, and that would put a standard font in the PDF."""
        table = Table(data, colWidths=widths, splitInRow=1, hAlign="LEFT", **kwargs)
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands])
        return table
