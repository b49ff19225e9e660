"""One reflection on its own: for a supervisor, a mentor or an appraisal, without a whole pack.

No cover page: the reflection's title heads the first page, with who wrote it, the
confidentiality notice and the reflection's details, then each stage's answer.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from reflect.domain.report import EntryReport, person
from reflect.domain.session_rules import format_day
from reflect.export.escape import escape
from reflect.export.renderer import PdfRenderer


class SingleEntryRenderer(PdfRenderer):
    kind = "Reflection"

    def __init__(self, report: EntryReport) -> None:
        super().__init__(practitioner=report.practitioner)
        self.report = report

    @property
    def title(self) -> str:
        return self.report.entry.display_title

    @property
    def subject(self) -> str:
        entry = self.report.entry
        return f"A reflection ({entry.model_name}) written {format_day(entry.created_on)}"

    @property
    def entry_count(self) -> int:
        return 1

    def _story(self) -> list[Flowable]:
        r, s = self.report, self.styles
        author = person(r.practitioner, r.practitioner_role)
        by = f"By {author} · " if author else ""
        story: list[Flowable] = [
            Paragraph("REFLECTION", s.cover_kicker),
            Paragraph(escape(self.title), s.cover_title.clone("entry_title", fontSize=19, leading=24)),
            Paragraph(escape(f"{by}Prepared on {format_day(r.prepared_on)}"), s.small),
            self._gap(5 * mm),
            self._notice(),
            self._gap(6 * mm),
        ]
        story += self._entry(r.entry, level=0, show_title=False)
        if r.briefings:
            story += [PageBreak(), *self._briefings(r.briefings)]
        return story
