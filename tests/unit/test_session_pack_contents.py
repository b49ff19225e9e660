"""What the session pack prints, as a supervisor reading it would check: who, everything in full,
the session's notes, no heading left alone at a page's foot, and the sign-offs already recorded."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from reflect.domain.report import ReportAction, ReportAgendaItem, ReportBriefing, SessionReport
from reflect.export import form_fields as ff
from reflect.export.reply_reader import form_values
from tests.unit.pdf_helpers import body_text, norm
from tests.unit.reply_pack_helpers import render
from tests.unit.test_pdf_writer import _report

#: a 300-character title of ordinary words
LONG_TITLE = ("Thinking about how we hold on to professional curiosity when a family's account "
              "keeps changing between visits, and what the chronology, the health visitor's notes "
              "and the school's concerns together tell us about drift, escalation and the voice of "
              "the child in a plan that nobody quite owns any longer")
NOTES = (("Session notes", "We went through the caseload and the two new referrals."),
         ("Learning needs", "Shadow a strategy meeting; read the neglect toolkit."),
         ("Wellbeing", "Tired after a run of late visits; the team has been supportive."),
         ("Workload", "Eighteen families, two in pre-proceedings."))


def _pages(data: bytes) -> list[str]:
    return [norm(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]


def _text(data: bytes, rep: SessionReport | None = None) -> str:
    """The whole text, whitespace folded; without the page furniture (running head, footer,
    page numbers) when `rep` is given, so text running on to the next page reads as one."""
    if rep is None:
        return norm(" ".join(_pages(data)))
    return norm(body_text(data, header=f"Supervision pack — {rep.when} · {rep.practitioner}"))


@pytest.mark.parametrize("fields", [True, False])
def test_cover_and_sign_off_name_the_supervisee_and_their_role(fields):
    """The cover's "Supervisee" and the sign-off's supervisee row give the name and the role."""
    rep = replace(_report(1), practitioner="Sam Practitioner", practitioner_role="Senior social worker")
    pages = _pages(render(rep, fields=fields))
    assert "Supervisee Sam Practitioner, Senior social worker" in pages[0]
    sign_off = next(p for p in pages if "We agree that this record reflects" in p)
    assert "Supervisee Sam Practitioner Senior social worker" in sign_off


@pytest.mark.parametrize("fields", [True, False])
def test_a_supervisee_without_name_or_role_is_not_given_rather_than_blank(fields):
    """With neither a name nor a role in settings, the cover and the sign-off say "Not given"."""
    rep = replace(_report(1), practitioner="", practitioner_role="", supervisor_name="",
                  supervisor_role="")
    pages = _pages(render(rep, fields=fields))
    assert "Supervisee Not given" in pages[0] and "Supervisor Not given" in pages[0]
    sign_off = next(p for p in pages if "We agree that this record reflects" in p)
    assert "Supervisee Not given" in sign_off


def _everything_long() -> SessionReport:
    """Every kind of text at its longest: titles, learning points, tags, agenda, actions, notes."""
    rep = _report(2)
    tags = tuple(f"professional curiosity theme {n}" for n in range(25))
    briefing = ReportBriefing("briefing-7", LONG_TITLE + " (the briefing)", "A partnership",
                              tuple(f"Learning point {n}: " + LONG_TITLE for n in range(4)))
    first = replace(rep.entries[0], title=LONG_TITLE, tags=tags, briefing_title=briefing.title,
                    briefing_key=briefing.key, question=LONG_TITLE + "?")
    long_who = "Jo Supervisor together with the designated safeguarding lead and the school nurse"
    return replace(
        rep, entries=(first, rep.entries[1]), briefings=(briefing,),
        agenda=(ReportAgendaItem("Agenda: " + LONG_TITLE, "Development"),),
        carried_forward=(ReportAction("Carried: " + LONG_TITLE, long_who, None, "Open",
                                      agreed_in="Session Tue 3 Nov 2026"),),
        agreed=(ReportAction("Agreed: " + LONG_TITLE, long_who, date(2027, 1, 5), "Open"),),
        session_notes=tuple((label, text + " " + LONG_TITLE) for label, text in NOTES),
        practitioner_role="Senior social worker in the children's disability team, east locality")


@pytest.mark.parametrize("fields", [True, False])
def test_nothing_is_cut_long_values_wrap(fields):
    """A 300-character title, every learning point, every tag, the agenda, actions, notes and a long
    role are all in the PDF's text, whole (whitespace folded): long values wrap, nothing is elided."""
    assert len(LONG_TITLE) == 300
    rep = _everything_long()
    text = _text(render(rep, fields=fields), rep)
    entry, briefing = rep.entries[0], rep.briefings[0]
    whole = [entry.display_title, entry.question, ", ".join(entry.tags), briefing.title,
             *briefing.learning, rep.agenda[0].text, rep.carried_forward[0].description,
             rep.carried_forward[0].who, rep.agreed[0].description, rep.practitioner_role,
             *(text for _, text in rep.session_notes)]
    for value in whole:
        assert norm(value) in text
    own = sum(answer.count("…") for e in rep.entries for _, answer in e.stages)
    assert text.count("…") == own  # no ellipsis but the reflections' own


def test_a_briefing_title_never_ends_a_page_alone():
    """Briefings without a partnership line, of every length: each title is on the same page as
    the start of its learning (the title asks for room, it is not left at the foot of a page)."""
    briefings = tuple(
        ReportBriefing(f"briefing-{n}", f"Briefing title number {n}", "",
                       tuple(f"Point {n}.{k}: " + "what the review found about drift. " * (1 + (n * k) % 4)
                             for k in range(1 + n % 5)))
        for n in range(1, 41))
    rep = replace(_report(1), briefings=briefings)
    for fields in (True, False):
        pages = _pages(render(rep, fields=fields))
        for briefing in briefings:
            page = next(p for p in pages if re.search(rf"{re.escape(briefing.title)}(?!\d)", p))
            assert norm(briefing.learning[0])[:40] in page, briefing.title


@pytest.mark.parametrize("fields", [True, False])
def test_session_notes_and_check_in_print_under_their_labels(fields):
    """The notes and wellbeing check-in have their own section, each under its label; an empty
    one says so; with none given (left out) the section is not there at all."""
    notes = NOTES[:2] + (("Wellbeing", ""),) + NOTES[3:]
    text = _text(render(replace(_report(1), session_notes=notes), fields=fields))
    assert "Session notes and wellbeing check-in" in text
    for label, words in notes:
        assert f"{label} {words or 'Not written'}" in text
    without = _text(render(_report(1), fields=fields))
    assert "wellbeing check-in" not in without


def test_notes_all_empty_say_so():
    empty = tuple((label, "") for label, _ in NOTES)
    text = _text(render(replace(_report(1), session_notes=empty)))
    assert "Nothing was written in this session's notes or check-in." in text


def _signed_off() -> SessionReport:
    return replace(_report(1), supervisee_agreed_on=date(2026, 12, 2), supervisor_agreed_on=date(2026, 12, 1),
                   signed_by_name="Jo Supervisor", signed_by_role="Team manager")


def test_a_later_pack_starts_with_the_recorded_sign_off_filled_in():
    """Once the supervisor has signed off, their name, role and date are the fields' values and
    the sign-off is ticked; both sign-offs are printed in words."""
    data = render(_signed_off())
    values = form_values(data)
    assert values[ff.SUPERVISOR_NAME] == "Jo Supervisor"
    assert values[ff.SUPERVISOR_ROLE] == "Team manager"
    assert values[ff.SUPERVISOR_DATE] == "Tue 1 Dec 2026"
    assert values[ff.SIGNOFF] is True
    assert values[ff.NEXT_SESSION] == "" and values[ff.OVERALL] == ""
    assert ("Recorded in the journal: agreed by the supervisee on Wed 2 Dec 2026; signed off by the "
            "supervisor (Jo Supervisor, Team manager) on Tue 1 Dec 2026.") in _text(data)


def test_a_print_only_later_pack_prints_both_sign_offs():
    text = _text(render(_signed_off(), fields=False))
    assert "Supervisor Jo Supervisor Team manager" in text
    assert "signed off by the supervisor (Jo Supervisor, Team manager) on Tue 1 Dec 2026" in text
    assert "agreed by the supervisee on Wed 2 Dec 2026" in text


def test_a_pack_before_any_sign_off_has_empty_supervisor_fields():
    values = form_values(render(_report(1)))
    assert [values[name] for name in (ff.SUPERVISOR_NAME, ff.SUPERVISOR_ROLE, ff.SUPERVISOR_DATE)] == [""] * 3
    assert values[ff.SIGNOFF] is False


def test_a_prefilled_name_beyond_winansi_keeps_its_value_and_asks_readers_to_draw_it():
    """A name the form font cannot draw (Ł) is still the field's value, and the form asks readers
    to draw the fields themselves (with a font that has it); plain names do not need that."""
    data = render(replace(_signed_off(), signed_by_name="Łucja Nowak"))
    assert form_values(data)[ff.SUPERVISOR_NAME] == "Łucja Nowak"
    form = PdfReader(io.BytesIO(data)).trailer["/Root"]["/AcroForm"]
    assert bool(form["/NeedAppearances"])
    plain = PdfReader(io.BytesIO(render(_signed_off()))).trailer["/Root"]["/AcroForm"]
    assert "/NeedAppearances" not in plain


def test_pdfium_draws_the_prefilled_sign_off():
    """The pre-filled name, role, date and tick show in PDFium (Chrome, Edge) without any typing."""
    from tests.unit.test_reply_pack_readers import _ink, _renders, _widgets

    data = render(_signed_off())
    widgets = _widgets(data)
    height = float(PdfReader(io.BytesIO(data)).pages[0].mediabox.height)
    pages = _renders(data)
    names = (ff.SUPERVISOR_NAME, ff.SUPERVISOR_ROLE, ff.SUPERVISOR_DATE, ff.SIGNOFF)
    drawn = {name: _ink(pages[widgets[name][0]], widgets[name][1], height) > 20 for name in names}
    assert drawn == dict.fromkeys(names, True)
    assert _ink(pages[widgets[ff.NEXT_SESSION][0]], widgets[ff.NEXT_SESSION][1], height) == 0


def _field_font_sizes(data: bytes) -> dict[str, float]:
    sizes = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page.get("/Annots", ()):
            widget = ref.get_object()
            if "/DA" in widget:
                sizes[str(widget["/T"])] = float(str(widget["/DA"]).split()[1])
    return sizes


def test_a_long_prefilled_value_is_drawn_smaller_to_fit_its_field():
    """A pre-filled name too long for its one-line field is drawn smaller (not clipped at the usual
    size); short values and empty fields keep the usual size."""
    short = _field_font_sizes(render(_signed_off()))
    long = _field_font_sizes(render(replace(_signed_off(), signed_by_name="Łucja Nowak-Kowalska-Wiśniewska")))
    assert short[ff.SUPERVISOR_NAME] == short[ff.NEXT_SESSION] == ff.FIELD_FONT_SIZE
    assert ff.SMALLEST_FONT_SIZE <= long[ff.SUPERVISOR_NAME] < ff.FIELD_FONT_SIZE
    assert long[ff.NEXT_SESSION] == ff.FIELD_FONT_SIZE
