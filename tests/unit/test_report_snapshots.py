"""Report snapshots: what the loader reads from the journal, and the CPD record text."""

from __future__ import annotations

import dataclasses
import time
from datetime import date

import pytest

from reflect.domain.entry_filter import EntryFilter, EntrySort
from reflect.domain.journal import EntryStatus, NewEntry
from reflect.domain.report import (
    ExportOptions,
    ReportEntry,
    action_status_text,
    cpd_record_text,
    stage_pairs,
)
from reflect.domain.supervision import Action, ActionOwner, ActionStatus, NewAction, NewSession
from reflect.domain.templates import model_by_key
from reflect.services.demo import build_demo
from reflect.store.entry_query import EntryQuery
from reflect.store.report_loader import ReportLoader

TODAY = date(2026, 6, 1)
OPTIONS = ExportOptions(practitioner="Sam Practitioner")


@pytest.fixture
def demo(journal):
    build_demo(journal, entries=60, today=TODAY)
    return journal


def _loader(journal):
    return ReportLoader(journal, today=lambda: TODAY)


def test_session_report_follows_the_session(demo):
    """A session's snapshot has its agenda, its reflections in the chosen order and both action lists."""
    session = next(s for s in demo.sessions.list_sessions() if demo.actions.agreed_in(s.id))
    linked = demo.sessions.linked_entry_ids(session.id)
    demo.sessions.reorder_entries(session.id, list(reversed(linked)))
    report = _loader(demo).session_report(session.id, OPTIONS)
    assert [e.key for e in report.entries] == [f"entry-{i}" for i in reversed(linked)]
    assert [a.text for a in report.agenda] == [a.text for a in demo.sessions.agenda(session.id)]
    assert all(a.function in ("Management", "Support", "Development", "Mediation") for a in report.agenda)
    assert [a.description for a in report.agreed] == \
        [a.description for a in demo.actions.agreed_in(session.id)]
    assert [a.description for a in report.carried_forward] == \
        [a.description for a in demo.actions.carried_forward_to(session.id)]
    assert report.practitioner == "Sam Practitioner" and report.prepared_on == TODAY
    assert report.session_type == session.type.label
    assert report.briefings == ()


def test_entry_snapshot_has_everything_a_document_shows(demo):
    """Title, briefing, question, model, status, dates, tags and stages in the model's order."""
    ids = EntryQuery(demo.db).ids(EntryFilter())
    entry_id = next(i for i in ids if demo.entries.get_entry(i).question_id)
    stored = demo.entries.get_entry(entry_id)
    snap = _loader(demo).entries([entry_id])[0]
    briefing = demo.briefings.get(stored.briefing_id)
    assert snap.title == stored.title and snap.briefing_title == briefing.title
    assert snap.question in [q.text for q in briefing.question_items]
    assert snap.status_label == stored.status.label
    assert snap.created_on == stored.created_at.astimezone().date()
    assert snap.tags == stored.tags
    model = model_by_key(stored.model)
    assert snap.model_name == model.name
    assert [label for label, _ in snap.stages] == [s.label for s in model.stages]
    assert [text for _, text in snap.stages] == [stored.answer(s.key) for s in model.stages]


def test_answers_from_another_model_follow_and_empty_stages_stay(journal):
    """Stages the model lacks come after its own (never dropped); its empty stages are kept."""
    entry = journal.entries.create_entry(NewEntry(
        title="", model="driscoll", answers=(("what", "It happened."), ("feelings", "I felt uneasy."),
                                             ("mystery_stage", "From a newer version."))))
    snap = ReportLoader(journal).entries([entry.id])[0]
    assert snap.stages == (("What?", "It happened."), ("So what?", ""), ("Now what?", ""),
                           ("Feelings", "I felt uneasy."), ("Mystery stage", "From a newer version."))
    assert snap.display_title == "Untitled reflection"
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.title = "changed"  # type: ignore[misc]


def test_briefing_summaries_only_when_asked(demo):
    """include_briefings adds each referenced briefing once: title, partnership, learning points."""
    loader = _loader(demo)
    report = loader.portfolio_report(EntryFilter(), ExportOptions(include_briefings=True))
    keys = {e.briefing_key for e in report.entries if e.briefing_key}
    assert {b.key for b in report.briefings} == keys and len(report.briefings) == len(keys)
    assert report.briefings[0].learning and report.briefings[0].partnership
    assert loader.portfolio_report(EntryFilter(), OPTIONS).briefings == ()


def test_portfolio_uses_the_entry_list_filters_oldest_first(demo):
    """A portfolio holds exactly the entries the entry list shows for the filter, oldest first."""
    chosen = EntryFilter(status=EntryStatus.READY, created_from=date(2026, 3, 1),
                         created_to=date(2026, 5, 31))
    report = _loader(demo).portfolio_report(chosen, OPTIONS, title="Appraisal")
    expected = list(reversed(EntryQuery(demo.db).ids(chosen, EntrySort.CREATED)))
    assert [e.key for e in report.entries] == [f"entry-{i}" for i in expected]
    assert all(e.status_label == "Ready for supervision" for e in report.entries)
    assert report.title == "Appraisal"
    assert (report.date_from, report.date_to) == (date(2026, 3, 1), date(2026, 5, 31))
    assert report.filter_description == ("Written: Sun 1 Mar 2026 to Sun 31 May 2026",
                                         "Status: Ready for supervision")


def test_missing_session_or_entry_raise_key_error(journal):
    """Asking for a session or entry that no longer exists raises KeyError."""
    loader = ReportLoader(journal)
    with pytest.raises(KeyError):
        loader.session_report(9999, OPTIONS)
    with pytest.raises(KeyError):
        loader.entry_report(9999, OPTIONS)


def test_action_wording_for_the_supervisor(journal):
    """Actions say who in words a supervisor understands, and the status wording of the actions table."""
    session = journal.sessions.create_session(NewSession(starts_at=None))
    mine = journal.actions.add(NewAction("Read the policy", due_on=date(2026, 5, 1), session_id=session.id))
    theirs = journal.actions.add(NewAction("Book training", owner=ActionOwner.SUPERVISOR,
                                           owner_name="Jo", session_id=session.id))
    journal.actions.set_status(theirs.id, ActionStatus.DONE, on=date(2026, 5, 20))
    agreed = ReportLoader(journal, today=lambda: TODAY).session_report(session.id, OPTIONS).agreed
    assert [(a.who, a.status, a.overdue) for a in agreed] == [
        ("Sam Practitioner (supervisee)", "Open — overdue", True),
        ("Jo (supervisor)", "Done Wed 20 May 2026", False),
    ]
    assert agreed[0].due_text == "Fri 1 May 2026" and agreed[1].due_text == "No date"
    dropped = Action(1, "x", ActionOwner.ME, "", None, ActionStatus.DROPPED, None, None, None,
                     mine.created_at)
    assert action_status_text(dropped, TODAY) == "Dropped"


def test_cpd_record_text_in_social_work_england_order(journal):
    """The CPD text lists the form's fields in order, empty ones kept, then any other answers."""
    entry = journal.entries.create_entry(NewEntry(model="swe_cpd", answers=(
        ("learnt", "How to escalate.\r\nAnd when."), ("cpd_type", "Reading a briefing"),
        ("impact", "I ask about every adult in the home."), ("feelings", "Anxious at first."))))
    text = cpd_record_text(entry)
    assert text == (
        "Type of CPD:\nReading a briefing\n\n"
        "Description and relevance:\n\n"
        "Date:\n\n"
        "What I learnt:\nHow to escalate.\nAnd when.\n\n"
        "Impact on my practice and the people I work with:\nI ask about every adult in the home.\n\n"
        "Peer reflection:\n\n"
        "Feelings:\nAnxious at first.\n"
    )
    snap = ReportLoader(journal).entries([entry.id])[0]
    assert snap.is_cpd_record and cpd_record_text(snap) == text


def test_stage_pairs_for_an_unknown_model_fall_back_to_free():
    """An entry from a newer version's model still shows its text under the Free model."""
    assert stage_pairs("future_model", {"reflection": "text", "x_y": "more"}) == (
        ("Reflection", "text"), ("X y", "more"))


def test_thousand_entry_portfolio_snapshot_is_quick(journal):
    """Loading a 1,000-entry portfolio snapshot takes well under a second."""
    build_demo(journal, entries=1000, today=TODAY)
    loader = ReportLoader(journal, today=lambda: TODAY)
    started = time.perf_counter()
    report = loader.portfolio_report(EntryFilter(), ExportOptions(include_briefings=True))
    elapsed = time.perf_counter() - started
    assert len(report.entries) == 1000
    assert all(isinstance(e, ReportEntry) and e.stages for e in report.entries)
    assert elapsed < 0.5, elapsed
