"""The dashboard's queries: exact numbers on a hand-built journal, and a demo journal checked against
independent Python computations over the stores' own data."""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest

from reflect.briefings.parser import parse_text
from reflect.domain.dashboard import (
    ACTION_WINDOW_DAYS,
    CPD_MODELS,
    PEER_STAGE,
    Month,
    last_months,
    registration_year,
)
from reflect.domain.entry_filter import EntryFilter
from reflect.domain.journal import NewEntry
from reflect.domain.supervision import (
    ActionStatus,
    NewAction,
    NewSession,
    SessionStatus,
    SupervisionFunction,
)
from reflect.services.demo import build_demo
from reflect.store.dashboard_queries import WHITESPACE, DashboardQueries
from reflect.store.entry_query import EntryQuery

TODAY = date(2026, 7, 15)
NOW = datetime(2026, 7, 15, 9, 0)

BABY_T = """# Baby T 7 minute briefing

## Background
A baby was harmed.

## What can we consider?
- How do we hear the voice of the baby?
- Who else is in the household?
"""


def _at(year: int, month: int, day: int) -> datetime:
    # Midday UTC, so the local calendar date is the same in every time zone the tests run in.
    return datetime(year, month, day, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def hand_built(journal):
    """Sessions, actions, briefings and entries whose dashboard numbers are known exactly."""
    child_r = journal.briefings.get(journal.briefings.list()[0].id)
    baby_t_id = journal.briefings.add(parse_text(BABY_T), key="baby-t")
    q = child_r.question_items
    make = journal.entries.create_entry
    # Child R: questions 1 (twice) and 3 answered; one entry on the briefing but no question.
    for question, when in ((q[0], _at(2026, 3, 2)), (q[0], _at(2026, 3, 20)), (q[2], _at(2026, 7, 14))):
        make(NewEntry(model="free", briefing_id=child_r.id, question_id=question.id, created_at=when))
    make(NewEntry(model="free", briefing_id=child_r.id, created_at=_at(2025, 8, 1)))
    make(NewEntry(model="driscoll", created_at=_at(2025, 7, 31)))  # before the 12 months
    # CPD records: one the day before the registration year, three inside it (peer: one real,
    # one only whitespace, one missing), and an NMC account that is not a CPD record.
    cpd = [
        (_at(2025, 11, 30), "Talked it through with a senior practitioner"),
        (_at(2025, 12, 1), "  \u00a0\n\u2003"),
        (_at(2026, 3, 1), "Reflected with a peer in the team meeting"),
        (_at(2026, 5, 1), None),
    ]
    for when, peer in cpd:
        answers = (("learnt", "Something"),) + (((PEER_STAGE, peer),) if peer is not None else ())
        make(NewEntry(model="swe_cpd", created_at=when, answers=answers))
    make(NewEntry(model="nmc", created_at=_at(2026, 3, 1), answers=((PEER_STAGE, "peer"),)))

    sessions = journal.sessions
    sessions.create_session(NewSession(datetime(2026, 7, 1, 10, 0), status=SessionStatus.HELD))
    sessions.create_session(NewSession(datetime(2026, 7, 15, 8, 0)))  # earlier today: gone by
    sessions.create_session(NewSession(datetime(2026, 7, 16, 9, 0), status=SessionStatus.CANCELLED))
    sessions.create_session(NewSession(None))  # undated: never "next"
    upcoming = sessions.create_session(NewSession(datetime(2026, 7, 20, 10, 0),
                                                  supervisor_role="Team manager"))
    sessions.create_session(NewSession(datetime(2026, 8, 1, 10, 0)))
    sessions.add_agenda_item(upcoming.id, "Caseload", SupervisionFunction.MANAGEMENT)
    sessions.add_agenda_item(upcoming.id, "Child R learning", SupervisionFunction.DEVELOPMENT)
    sessions.link_entry(upcoming.id, 1)

    actions = journal.actions
    ids = {}
    for name, due in (("overdue", date(2026, 7, 10)), ("today", TODAY), ("last", date(2026, 7, 29)),
                      ("too_late", date(2026, 7, 30)), ("undated", None), ("done", date(2026, 7, 1)),
                      ("dropped", date(2026, 7, 16))):
        ids[name] = actions.add(NewAction(description=name, due_on=due)).id
    actions.set_status(ids["done"], ActionStatus.DONE, on=TODAY)
    actions.set_status(ids["dropped"], ActionStatus.DROPPED, on=TODAY)
    return journal, {"child_r": child_r.id, "baby_t": baby_t_id, "session": upcoming.id, **ids}


def test_hand_built_numbers(hand_built):
    """Every card's numbers on a journal built to known values."""
    journal, ids = hand_built
    data = DashboardQueries(journal.db).load(TODAY, NOW)

    assert data.next_session.session.id == ids["session"]
    assert (data.next_session.agenda_items, data.next_session.reflections) == (2, 1)

    assert [a.id for a in data.actions] == [ids["overdue"], ids["today"], ids["last"]]
    assert (data.overdue_count, data.due_soon_count) == (1, 2)

    assert [(c.briefing_id, c.title, c.answered, c.total) for c in data.coverage] == [
        (ids["child_r"], "Child R", 2, 7), (ids["baby_t"], "Baby T", 0, 2)]
    assert data.coverage[0].full_title.endswith("Child R")

    assert [m.month for m in data.months] == list(last_months(TODAY))
    counts = {m.month: m.reflections for m in data.months if m.reflections}
    assert counts == {Month(2025, 8): 1, Month(2025, 11): 1, Month(2025, 12): 1, Month(2026, 3): 4,
                      Month(2026, 5): 1, Month(2026, 7): 1}

    assert (data.cpd.records, data.cpd.with_peer) == (3, 1)
    assert (data.cpd.year_start, data.cpd.year_end) == (date(2025, 12, 1), date(2026, 11, 30))
    assert data.cpd.met


def test_no_session_planned_and_nothing_due(journal):
    """A new journal: no next session, no actions, no questions answered, no CPD records."""
    data = DashboardQueries(journal.db).load(TODAY, NOW)
    assert data.next_session is None
    assert data.actions == ()
    assert not data.any_question_answered
    assert data.reflections_in_months == 0
    assert (data.cpd.records, data.cpd.with_peer, data.cpd.met) == (0, 0, False)


def test_cpd_year_turns_on_1_december(hand_built):
    """On 1 December the records of the year just ended no longer count."""
    journal, _ = hand_built
    queries = DashboardQueries(journal.db)
    assert queries.cpd_picture(date(2026, 11, 30)).records == 3
    assert queries.cpd_picture(date(2026, 12, 1)).records == 0
    assert queries.cpd_picture(date(2025, 11, 30)).records == 1


def test_counts_agree_with_the_lists_they_open(hand_built):
    """A month's count and the CPD count equal what the entry list shows for the same filter."""
    journal, _ = hand_built
    data = DashboardQueries(journal.db).load(TODAY, NOW)
    entry_query = EntryQuery(journal.db)
    for item in data.months:
        shown = entry_query.count(EntryFilter(created_from=item.month.first, created_to=item.month.last))
        assert shown == item.reflections, item.month
    start, end = registration_year(TODAY)
    assert entry_query.count(EntryFilter(models=CPD_MODELS, created_from=start, created_to=end)) == 3


def test_whitespace_matches_python_strip():
    """The characters SQL trims are exactly those Python's str.strip() removes."""
    assert WHITESPACE == "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


# -- a lived-in journal, checked against independent computations ---------------------------------
@pytest.fixture
def demo(journal):
    build_demo(journal, entries=300, today=TODAY)
    return journal


def test_demo_matches_python(demo):
    """Each card equals the same figure computed in Python from the stores' domain objects."""
    data = DashboardQueries(demo.db).load(TODAY, NOW)
    entries = demo.entries.list_entries()

    planned = [s for s in demo.sessions.list_sessions()
               if s.status is SessionStatus.PLANNED and s.starts_at and s.starts_at >= NOW]
    first = min(planned, key=lambda s: (s.starts_at, s.id))
    assert data.next_session.session == first
    assert data.next_session.reflections == len(demo.sessions.linked_entry_ids(first.id))
    assert data.next_session.agenda_items == len(demo.sessions.agenda(first.id))

    last = TODAY + timedelta(days=ACTION_WINDOW_DAYS)
    due = sorted((a for a in demo.actions.all() if a.status is ActionStatus.OPEN and a.due_on
                  and a.due_on <= last), key=lambda a: (a.due_on, a.id))
    assert [a.id for a in data.actions] == [a.id for a in due]
    assert data.overdue_count == sum(a.due_on < TODAY for a in due) > 0

    for coverage in data.coverage:
        questions = {q.id for q in demo.briefings.get(coverage.briefing_id).question_items}
        answered = {e.question_id for e in entries if e.briefing_id == coverage.briefing_id} & questions
        assert (coverage.answered, coverage.total) == (len(answered), len(questions))

    by_month = Counter(Month.of(e.created_at.astimezone().date()) for e in entries)
    assert [(m.month, m.reflections) for m in data.months] == [
        (month, by_month[month]) for month in last_months(TODAY)]
    assert data.reflections_in_months > 0

    start, end = registration_year(TODAY)
    records = [demo.entries.get_entry(e.id) for e in entries
               if e.model in CPD_MODELS and start <= e.created_at.astimezone().date() <= end]
    with_peer = [r for r in records if r.answer(PEER_STAGE).strip()]
    assert (data.cpd.records, data.cpd.with_peer) == (len(records), len(with_peer))
    assert 0 < len(with_peer) < len(records)  # the demo has records with and without peer reflection


@pytest.mark.slow
def test_load_is_fast_at_ten_thousand_entries(journal):
    """10,000 entries and 500 sessions: the whole dashboard loads in well under 50 ms."""
    build_demo(journal, entries=10_000, today=TODAY)
    queries = DashboardQueries(journal.db)
    timings = []
    for _ in range(7):
        started = time.perf_counter()
        queries.load(TODAY, NOW)
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.05, timings


def test_the_months_and_cpd_counts_read_an_index_not_every_entry(hand_built):
    """Both read a year of entries by creation time from `entries_created` alone: at unlock the
    connection is fresh, and scanning the table meant decrypting every page of it."""
    journal, _ids = hand_built
    plans = {}

    class Recording:
        def __init__(self, db):
            self.db = db

        def execute(self, sql, params=()):
            if "FROM entries" in sql and "created_at" in sql:
                plans[sql] = " | ".join(row[-1] for row in
                                       journal.db.execute("EXPLAIN QUERY PLAN " + sql, params))
            return self.db.execute(sql, params)

    queries = DashboardQueries(Recording(journal.db))
    today = date(2026, 7, 20)
    assert queries.reflections_per_month(today) == DashboardQueries(journal.db).reflections_per_month(today)
    queries.cpd_picture(today)
    assert len(plans) == 2
    for plan in plans.values():
        assert "COVERING INDEX entries_created" in plan and "SCAN entries" not in plan, plan
