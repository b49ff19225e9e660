"""A portfolio: the reflections chosen by date range and entry-list filters, for CPD and appraisal.

A title page says what was selected (so a reader knows what is missing as well as what is there),
then a contents page with the page each reflection starts on (filled in at the end, in one pass;
see `layout`), the reflections oldest first, and optionally the briefings they answer.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph

from reflect.domain.report import NOT_GIVEN, PortfolioReport, person
from reflect.domain.session_rules import format_day
from reflect.export.escape import escape
from reflect.export.layout import ContentsLine, Separator
from reflect.export.renderer import PdfRenderer


class PortfolioRenderer(PdfRenderer):
    kind = "Portfolio"

    def __init__(self, report: PortfolioReport) -> None:
        super().__init__(practitioner=report.practitioner)
        self.report = report

    @property
    def title(self) -> str:
        return self.report.title.strip() or "Portfolio of reflections"

    @property
    def subject(self) -> str:
        return f"{len(self.report.entries)} reflections, {self.period}, for CPD and appraisal"

    @property
    def entry_count(self) -> int:
        return len(self.report.entries)

    @property
    def period(self) -> str:
        r = self.report
        start = r.date_from or min((e.created_on for e in r.entries), default=None)
        end = r.date_to or max((e.created_on for e in r.entries), default=None)
        if start and end:
            return f"{format_day(start)} to {format_day(end)}"
        return "no reflections in the period chosen"

    def _story(self) -> list[Flowable]:
        r = self.report
        story = self._title_page() + self._contents()
        story += [PageBreak(), *self._section("Reflections", "section-reflections")]
        if not r.entries:
            story.append(Paragraph("No reflections match the choices made for this portfolio.",
                                   self.styles.note))
        for number, entry in enumerate(r.entries, start=1):
            if number > 1:
                story += [CondPageBreak(60 * mm), Separator(self.rule, 6 * mm, 8 * mm)]
            story += self._entry(entry, kicker=f"REFLECTION {number} OF {len(r.entries)}", level=1)
        if r.briefings:
            story += [PageBreak(), *self._briefings(r.briefings)]
        return story

    def _title_page(self) -> list[Flowable]:
        r = self.report
        words = sum(e.word_count for e in r.entries)
        rows = [("Practitioner", person(r.practitioner, r.practitioner_role) or NOT_GIVEN),
                ("Period", self.period),
                ("Reflections", f"{len(r.entries)} ({words:,} words)"),
                ("Selection", "\n".join(r.filter_description) or "All reflections in the period"),
                ("Prepared on", format_day(r.prepared_on))]
        return self._cover_page("Title page", "PORTFOLIO OF REFLECTIONS", self.title, self.period, rows)

    def _contents(self) -> list[Flowable]:
        s = self.styles
        out = self._section("Contents", "section-contents")
        count = len(self.report.entries)
        number_width = 12 * mm if count < 1000 else 14 * mm
        for number, entry in enumerate(self.report.entries, start=1):
            out.append(ContentsLine(
                f"{number}.", escape(entry.display_title), format_day(entry.created_on), entry.key,
                s.contents, s.contents_meta, number_width=number_width, date_width=34 * mm,
                page_width=12 * mm))
            out.append(self._gap(2.5))
        if self.report.briefings:
            out.append(self._gap(4 * mm))
            out.append(ContentsLine("", "Briefings referenced", "", "section-briefings", s.contents,
                                    s.contents_meta, number_width=number_width, date_width=34 * mm,
                                    page_width=12 * mm))
        return out
