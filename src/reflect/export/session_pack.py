"""The supervision pack: what the supervisor reads before, and writes on during, a session.

Order follows the session itself: cover (who, when, the confidentiality notice), agenda with the
function of supervision each item serves, actions carried forward with their status, the session's
notes and wellbeing check-in (unless the export leaves them out), the briefings behind the
reflections (optional), each reflection in the order the practitioner chose (one per page, so each
can be annotated), actions agreed (with blank rows when none are recorded yet), ruled space for the
supervisor's comments, and a sign-off block for both people, with the sign-offs the journal has
recorded already.

Nothing from the journal is cut: every title, learning point, tag and note wraps, and a heading
asks for room for itself and the start of what follows, so it never stands alone at a page's foot.

With `fields=True` (the default) the supervisor's side is fillable (`form_fields`): comments under
each reflection and overall, editable rows of actions agreed, the next session's date, their name,
role and date and a sign-off checkbox; the ruled lines stay on the page beneath the fields, so the
pack prints as before when nothing is typed. Once the supervisor has signed off (a reply imported),
a later pack starts with their name, role, date and the tick filled in. `fields=False` is the
print-only pack. Either way the PDF's metadata names the journal and this export (`identity`), so a
reply can be matched to it.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph

from reflect.domain.report import NOT_GIVEN, SessionReport, person
from reflect.domain.session_rules import format_day
from reflect.export import form_fields as ff
from reflect.export.escape import escape, paragraphs
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
        self._written = None  # what the canvas held of the pack as it wrote it (`_built`)

    @property
    def export_id(self) -> str:
        return self.identity.export_id

    def describe_output(self, data: bytes):
        """What the export log keeps about a fillable pack (`pack_contents`); None when print-only."""
        if not self.fields:
            return None
        from reflect.export.pack_contents import pack_contents, written_contents

        written = self._written and written_contents(self._written, self.anchor_pages)
        return written or pack_contents(data, self.anchor_pages)

    def _built(self, canv) -> None:
        super()._built(canv)
        self._written = None
        if self.fields:
            from reflect.export.pack_contents import written_record

            self._written = written_record(canv)

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
        story += self._session_notes()
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
        supervisor = person(r.supervisor_name, r.supervisor_role)
        rows = [
            ("Supervisee", r.supervisee),
            ("Supervisor", supervisor or NOT_GIVEN),
            ("Date and time", r.when),
            ("Type of supervision", r.session_type),
            ("Reflections", f"{len(r.entries)}"),
            ("Actions", f"{len(r.carried_forward)} carried forward, {len(r.agreed)} agreed"),
            ("Prepared on", format_day(r.prepared_on)),
        ]
        contents = ["Agenda", "Actions carried forward"] + (["Session notes"] if r.session_notes else [])
        contents += ["Briefings referenced"] if r.briefings else []
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

    def _session_notes(self) -> list[Flowable]:
        """The session's notes and wellbeing check-in, each under its label (none when left out)."""
        notes, s = self.report.session_notes, self.styles
        if not notes:
            return []
        out = [self._gap(8 * mm), CondPageBreak(50 * mm),
               *self._section("Session notes and wellbeing check-in", "section-session-notes",
                              outline="Session notes")]
        if not any(text.strip() for _, text in notes):
            return out + [Paragraph("Nothing was written in this session's notes or check-in.", s.note)]
        for label, text in notes:
            out += [CondPageBreak(self._stage_room), Paragraph(escape(label), s.stage_label)]
            blocks = paragraphs(text)
            out += [Paragraph(markup, s.body if starts else s.body_cont) for markup, starts in blocks]
            if not blocks:
                out.append(Paragraph("Not written", s.empty))
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
        r = self.report
        name = r.signed_by_name or r.supervisor_name
        role = r.signed_by_role or r.supervisor_role
        data = [
            self._sign_off_head(),
            self._supervisee_row(),
            [self._cell("Supervisor", strong=True), self._cell(name), self._cell(role), "",
             self._day(r.supervisor_agreed_on)],
            [self._cell("Next session", strong=True), self._day(r.next_session_on), "", "", ""],
        ]
        widths = self._sign_off_widths()
        table = self._table(data, widths, [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.accent),
            ("LINEBELOW", (1, 1), (-1, 2), 0.6, self.ink),
            ("LINEBELOW", (1, 3), (1, 3), 0.6, self.ink),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ], rowHeights=self._row_heights(data, widths, 15 * mm))
        return [*self._sign_off_intro(), table, *self._recorded()]

    # -- the sign-off's parts, shared by both kinds of pack -----------------------------------------
    def _sign_off_intro(self) -> list[Flowable]:
        return [*self._section("Sign-off", "section-sign-off"),
                Paragraph("We agree that this record reflects the supervision discussion.",
                          self.styles.small),
                self._gap(2 * mm)]

    def _cell(self, text: str, *, strong: bool = False) -> Paragraph:
        s = self.styles
        return Paragraph(escape(text), s.cell_strong if strong else s.cell)

    def _day(self, value) -> Paragraph:
        return Paragraph(format_day(value) if value else "", self.styles.cell)

    def _sign_off_head(self) -> list[Paragraph]:
        return [Paragraph(h, self.styles.cell_head) for h in ("", "Name", "Role", "Signature", "Date")]

    def _supervisee_row(self) -> list:
        """The practitioner's name and role (never a blank row: "Not given" when neither is)."""
        r = self.report
        name = r.practitioner or (NOT_GIVEN if not r.practitioner_role else "")
        return [self._cell("Supervisee", strong=True), self._cell(name), self._cell(r.practitioner_role),
                "", self._day(r.supervisee_agreed_on)]

    def _sign_off_widths(self) -> list[float]:
        fixed = [28 * mm, 42 * mm, 36 * mm, 30 * mm]
        return [*fixed[:3], self.frame_width - sum(fixed), fixed[3]]

    @staticmethod
    def _row_heights(data: list[list], widths: list[float], least: float,
                     padding: tuple[float, float] = (10, 8)) -> list[float | None]:
        """The header row as tall as it needs, the others at least `least` and as tall as their
        longest cell (a long name or role wraps, never runs into the row below)."""
        across, down = padding
        heights: list[float | None] = [None]
        for row in data[1:]:
            tallest = max((cell.wrap(width - across, 1000)[1] for cell, width in zip(row, widths, strict=True)
                           if isinstance(cell, Flowable)), default=0)
            heights.append(max(least, tallest + down))
        return heights

    def _recorded(self) -> list[Flowable]:
        """The sign-offs the journal holds already, in words (printed whatever the fields show)."""
        r = self.report
        said = []
        if r.supervisee_agreed_on:
            said.append(f"agreed by the supervisee on {format_day(r.supervisee_agreed_on)}")
        if r.supervisor_agreed_on:
            who = person(r.signed_by_name or r.supervisor_name, r.signed_by_role or r.supervisor_role)
            said.append(f"signed off by the supervisor{f' ({who})' if who else ''} on "
                        f"{format_day(r.supervisor_agreed_on)}")
        if not said:
            return []
        return [self._gap(3 * mm), Paragraph(escape(f"Recorded in the journal: {'; '.join(said)}."),
                                             self.styles.small)]

    # -- the supervisor's fields (fillable packs) --------------------------------------------------
    def _text_field(self, name: str, tooltip: str, *, least: float, most: float | None = None,
                    fill: bool = False, reserve: float = 0, lines: bool = True,
                    multiline: bool = True, value: str = "") -> ff.TextField:
        return ff.TextField(name, tooltip, least=least, most=most, fill=fill, reserve=reserve,
                            multiline=multiline, gap=self.comment_gap if lines else None,
                            rule=self.rule, border=self.rule, text=self.ink, value=value)

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
        """Both people's names and dates, the supervisor's as fields (filled in with the sign-off
        the journal has recorded, if any), the next session's date and the sign-off checkbox."""
        r, s = self.report, self.styles

        def field(name: str, tooltip: str, value: str = "") -> ff.TextField:
            return self._text_field(name, tooltip, least=8 * mm, lines=False, multiline=False,
                                    value=value)

        signed_on = format_day(r.supervisor_agreed_on) if r.supervisor_agreed_on else ""
        planned = f"Planned: {format_day(r.next_session_on)}" if r.next_session_on else ""
        data = [
            self._sign_off_head(),
            self._supervisee_row(),
            [self._cell("Supervisor", strong=True),
             field(ff.SUPERVISOR_NAME, "Supervisor's name", r.signed_by_name),
             field(ff.SUPERVISOR_ROLE, "Supervisor's role", r.signed_by_role), "",
             field(ff.SUPERVISOR_DATE, "Date of the supervisor's sign-off", signed_on)],
            [self._cell("Next session", strong=True),
             field(ff.NEXT_SESSION, "Date of the next supervision session"),
             self._cell(planned), "", ""],
        ]
        widths = self._sign_off_widths()
        table = self._table(data, widths, [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.accent),
            ("LINEBELOW", (3, 1), (3, 2), 0.6, self.ink),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ], rowHeights=self._row_heights(data, widths, 12 * mm))
        check = ff.CheckBox(ff.SIGNOFF, "Supervisor's sign-off: this record reflects our discussion",
                            Paragraph("Supervisor: this record reflects our discussion", s.cell_strong),
                            border=self.ink, tick=self.ink, checked=r.supervisor_agreed_on is not None)
        return [*self._sign_off_intro(), table, self._gap(4 * mm), check, *self._recorded()]
