"""The supervision pack: what the supervisor reads before, and writes on during, a session.

Order follows the session itself: cover (who, when, the confidentiality notice), agenda with the
function of supervision each item serves, actions carried forward with their status, the briefings
behind the reflections (optional), each reflection in the order the practitioner chose (one per
page, so each can be annotated), actions agreed (with blank rows when none are recorded yet), ruled
space for the supervisor's comments, and a sign-off block for both people.

With `fields=True` (the default) the supervisor's side is fillable (`form_fields`): comments under
each reflection and overall, editable rows of actions agreed, the next session's date, their name,
role and date and a sign-off checkbox; the ruled lines stay on the page beneath the fields, so the
pack prints as before when nothing is typed. `fields=False` is the print-only pack. Either way the
PDF's metadata names the journal and this export (`identity`), so a reply can be matched to it.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph

from reflect.domain.report import SessionReport
from reflect.domain.session_rules import format_day
from reflect.export import form_fields as ff
from reflect.export.escape import escape
from reflect.export.identity import IdentityMark, PackIdentity, new_export_id
from reflect.export.layout import Anchor, RuledLines
from reflect.export.renderer import PdfRenderer


class SessionPackRenderer(PdfRenderer):
    kind = "Supervision pack"
    comment_gap = 8.5 * mm
    comment_least = 8
    action_rows = 5  # editable rows of actions agreed in a fillable pack
    entry_comment_least = 35 * mm
    entry_comment_most = 120 * mm

    def __init__(self, report: SessionReport, *, fields: bool = True, journal_id: str = "",
                 export_id: str | None = None) -> None:
        super().__init__(practitioner=report.practitioner)
        self.report = report
        self.fields = fields
        self.identity = PackIdentity(journal_id, export_id or new_export_id())

    @property
    def export_id(self) -> str:
        return self.identity.export_id

    def describe_output(self, data: bytes):
        """What the export log keeps about a fillable pack (`pack_contents`); None when print-only."""
        if not self.fields:
            return None
        from reflect.export.pack_contents import pack_contents

        return pack_contents(data, self.anchor_pages)

    @property
    def title(self) -> str:
        return f"Supervision pack — {self.report.when}"

    @property
    def subject(self) -> str:
        count = len(self.report.entries)
        return (f"Reflections ({count}), agenda and actions for the {self.report.session_type.lower()} "
                f"supervision session on {self.report.when}")

    @property
    def entry_count(self) -> int:
        return len(self.report.entries)

    def _story(self) -> list[Flowable]:
        r = self.report
        story: list[Flowable] = [IdentityMark(self.identity, title=self.title, author=self.practitioner,
                                              subject=self.subject)]
        story += self._cover()
        story += self._agenda()
        story += [self._gap(8 * mm), CondPageBreak(50 * mm)]
        story += self._section("Actions carried forward", "section-carried-forward")
        if r.carried_forward:
            story.append(Paragraph("Actions from earlier sessions, for review in this one.",
                                   self.styles.small))
            story += [self._gap(3 * mm), self._actions_table(r.carried_forward, agreed_in=True)]
        else:
            story.append(Paragraph("No actions are carried forward from earlier sessions.", self.styles.note))
        if r.briefings:
            story += [PageBreak(), *self._briefings(r.briefings)]
        story += self._reflections()
        story += [PageBreak(), *self._section("Actions agreed", "section-agreed")]
        if self.fields:
            story += self._agreed_fields()
        elif r.agreed:
            story.append(self._actions_table(r.agreed, blank_rows=2))
        else:
            story.append(Paragraph("None recorded yet: write the actions agreed in this session here.",
                                   self.styles.note))
            story += [self._gap(2 * mm), self._actions_table((), blank_rows=5)]
        return story + self._comments_and_sign_off()

    # -- parts -----------------------------------------------------------------------------------
    def _comments_and_sign_off(self) -> list[Flowable]:
        """Ruled lines filling the page down to the sign-off block at its foot.

        The heading asks for room (itself, the fewest lines and the sign-off) instead of using
        keepWithNext, so the lines are measured against the space really left on the page.
        """
        sign_off = self._sign_off_fields() if self.fields else self._sign_off()
        reserve = self._height(sign_off) + 10 * mm
        heading = Paragraph("Supervisor's comments", self.styles.h1.clone("h1_room", keepWithNext=0))
        lines: Flowable = RuledLines(self.comment_gap, self.rule, least=self.comment_least, reserve=reserve)
        if self.fields:
            lines = self._text_field(ff.OVERALL, "Supervisor's overall comments on the session",
                                     least=self.comment_least * self.comment_gap,
                                     most=24 * self.comment_gap, fill=True, reserve=reserve)
        room = self._height([heading]) + self.comment_least * self.comment_gap + reserve
        return [self._gap(8 * mm), CondPageBreak(room),
                Anchor("section-comments", "Supervisor's comments", 0, keep_with_next=False),
                heading, lines, self._gap(10 * mm), KeepTogether(sign_off)]

    def _cover(self) -> list[Flowable]:
        r, s = self.report, self.styles
        supervisor = ", ".join(part for part in (r.supervisor_name, r.supervisor_role) if part)
        rows = [
            ("Supervisee", r.practitioner),
            ("Supervisor", supervisor),
            ("Date and time", r.when),
            ("Type of supervision", r.session_type),
            ("Reflections", f"{len(r.entries)}"),
            ("Actions", f"{len(r.carried_forward)} carried forward, {len(r.agreed)} agreed"),
            ("Prepared on", format_day(r.prepared_on)),
        ]
        contents = ["Agenda", "Actions carried forward"] + (["Briefings referenced"] if r.briefings else [])
        contents += [f"Reflections ({len(r.entries)})", "Actions agreed", "Supervisor's comments", "Sign-off"]
        subtitle = f"{r.session_type} supervision" + (f" with {supervisor}" if supervisor else "")
        return self._cover_page("Cover", "SUPERVISION PACK", r.when, subtitle, rows, (
            self._gap(8 * mm),
            Paragraph("In this pack", s.stage_label),
            Paragraph(escape(" · ".join(contents)), s.small.clone("contents_line", spaceBefore=2)),
        ))

    def _agenda(self) -> list[Flowable]:
        s = self.styles
        out = self._section("Agenda", "section-agenda")
        if not self.report.agenda:
            return out + [Paragraph("No agenda items were recorded for this session.", s.note)]
        data = [[Paragraph(h, s.cell_head) for h in ("", "Item", "Function of supervision")]]
        data += [[Paragraph(f"{n}.", s.cell), Paragraph(escape(item.text), s.cell),
                  Paragraph(escape(item.function), s.cell)]
                 for n, item in enumerate(self.report.agenda, start=1)]
        widths = [10 * mm, self.frame_width - 55 * mm, 45 * mm]
        out.append(self._header_table(data, widths))
        return out

    def _reflections(self) -> list[Flowable]:
        entries = self.report.entries
        out: list[Flowable] = [PageBreak()]
        out += self._section(f"Reflections ({len(entries)})", "section-reflections", outline="Reflections")
        if not entries:
            return out + [Paragraph("No reflections are linked to this session.", self.styles.note)]
        out.append(Paragraph("In the order chosen for this session; each begins on a new page.",
                             self.styles.small))
        out.append(self._gap(4 * mm))
        for number, entry in enumerate(entries, start=1):
            if number > 1:
                out.append(PageBreak())
            out += self._entry(entry, kicker=f"REFLECTION {number} OF {len(entries)}", level=1)
            if self.fields:
                out += self._entry_comments(entry.key, number, len(entries))
        return out

    def _sign_off(self) -> list[Flowable]:
        r, s = self.report, self.styles

        def day(value) -> Paragraph:
            return Paragraph(format_day(value) if value else "", s.cell)

        data = [
            [Paragraph(h, s.cell_head) for h in ("", "Name", "Signature", "Date")],
            [Paragraph("Supervisee", s.cell_strong), Paragraph(escape(r.practitioner), s.cell), "",
             day(r.supervisee_agreed_on)],
            [Paragraph("Supervisor", s.cell_strong), Paragraph(escape(r.supervisor_name), s.cell), "",
             day(r.supervisor_agreed_on)],
            [Paragraph("Next session", s.cell_strong), day(r.next_session_on), "", ""],
        ]
        widths = [32 * mm, 50 * mm, self.frame_width - 32 * mm - 50 * mm - 36 * mm, 36 * mm]
        table = self._table(data, widths, [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.accent),
            ("LINEBELOW", (1, 1), (-1, 2), 0.6, self.ink),
            ("LINEBELOW", (1, 3), (1, 3), 0.6, self.ink),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ], rowHeights=[None, 15 * mm, 15 * mm, 15 * mm])
        return [
            *self._section("Sign-off", "section-sign-off"),
            Paragraph("We agree that this record reflects the supervision discussion.", s.small),
            self._gap(2 * mm), table,
        ]

    # -- the supervisor's fields (fillable packs) --------------------------------------------------
    def _text_field(self, name: str, tooltip: str, *, least: float, most: float | None = None,
                    fill: bool = False, reserve: float = 0, lines: bool = True,
                    multiline: bool = True) -> ff.TextField:
        return ff.TextField(name, tooltip, least=least, most=most, fill=fill, reserve=reserve,
                            multiline=multiline, gap=self.comment_gap if lines else None,
                            rule=self.rule, border=self.rule, text=self.ink)

    def _entry_comments(self, key: str, number: int, total: int) -> list[Flowable]:
        """The comments field under a reflection, taking the rest of its last page."""
        label = Paragraph("Supervisor's comments on this reflection", self.styles.stage_label)
        field = self._text_field(ff.comment_field(key),
                                 f"Supervisor's comments on reflection {number} of {total}",
                                 least=self.entry_comment_least, most=self.entry_comment_most,
                                 fill=True, reserve=2)
        return [CondPageBreak(self._height([label]) + self.entry_comment_least + 4), label,
                self._gap(2 * mm), field]

    def _agreed_fields(self) -> list[Flowable]:
        """Actions already recorded, then editable rows: action, who, due by."""
        s = self.styles
        intro = ("Add any further actions agreed in the rows below." if self.report.agreed else
                 "None recorded yet: type the actions agreed in this session in the rows below.")
        rows = []
        for row in range(1, self.action_rows + 1):
            words = {"what": f"Action agreed {row}: what will be done",
                     "who": f"Action agreed {row}: who will do it",
                     "due": f"Action agreed {row}: due by (a date)"}
            rows.append([self._text_field(ff.action_field(row, part), words[part], least=9 * mm,
                                          lines=False, multiline=part == "what")
                         for part in ff.ACTION_PARTS] + [""])
        table = self._actions_table(self.report.agreed, extra_rows=rows)
        return [Paragraph(intro, s.note), self._gap(2 * mm), table]

    def _sign_off_fields(self) -> list[Flowable]:
        """Both people's names and dates, the supervisor's as fields, the next session's date
        and the supervisor's sign-off checkbox."""
        r, s = self.report, self.styles

        def field(name: str, tooltip: str) -> ff.TextField:
            return self._text_field(name, tooltip, least=8 * mm, lines=False, multiline=False)

        def day(value) -> Paragraph:
            return Paragraph(format_day(value) if value else "", s.cell)

        planned = f"Planned: {format_day(r.next_session_on)}" if r.next_session_on else ""
        data = [
            [Paragraph(h, s.cell_head) for h in ("", "Name", "Role", "Signature", "Date")],
            [Paragraph("Supervisee", s.cell_strong), Paragraph(escape(r.practitioner), s.cell), "", "",
             day(r.supervisee_agreed_on)],
            [Paragraph("Supervisor", s.cell_strong),
             field(ff.SUPERVISOR_NAME, "Supervisor's name"),
             field(ff.SUPERVISOR_ROLE, "Supervisor's role"), "",
             field(ff.SUPERVISOR_DATE, "Date of the supervisor's sign-off")],
            [Paragraph("Next session", s.cell_strong),
             field(ff.NEXT_SESSION, "Date of the next supervision session"),
             Paragraph(planned, s.cell), "", ""],
        ]
        widths = [28 * mm, 42 * mm, 36 * mm, self.frame_width - 28 * mm - 42 * mm - 36 * mm - 30 * mm,
                  30 * mm]
        table = self._table(data, widths, [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.accent),
            ("LINEBELOW", (3, 1), (3, 2), 0.6, self.ink),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ], rowHeights=[None, 12 * mm, 12 * mm, 12 * mm])
        check = ff.CheckBox(ff.SIGNOFF, "Supervisor's sign-off: this record reflects our discussion",
                            Paragraph("Supervisor: this record reflects our discussion", s.cell_strong),
                            border=self.ink, tick=self.ink)
        return [
            *self._section("Sign-off", "section-sign-off"),
            Paragraph("We agree that this record reflects the supervision discussion.", s.small),
            self._gap(2 * mm), table, self._gap(4 * mm), check,
        ]
