"""Sessions, their linked reflections and agenda in order, and how actions carry forward."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reflect.domain.journal import NewEntry
from reflect.domain.session_rules import action_notes, is_overdue, order_for_list, session_notes
from reflect.domain.supervision import ActionStatus, NewAction, NewSession, SupervisionFunction
from reflect.store.journal import Journal

PASS = "a long enough passphrase"


@pytest.fixture
def store(tmp_path):
    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        yield journal


def _session(store, when: str | None):
    return store.sessions.create_session(
        NewSession(starts_at=datetime.fromisoformat(when) if when else None))


def _entries(store, n):
    return [store.entries.create_entry(NewEntry(model="free", title=f"e{i}")).id for i in range(n)]


def test_links_keep_their_order_and_reorder(store):
    """Linked reflections come back in the order added, then in the order chosen."""
    session = _session(store, "2026-12-01T10:00")
    a, b, c = _entries(store, 3)
    for entry_id in (b, a, c):
        store.sessions.link_entry(session.id, entry_id)
    store.sessions.link_entry(session.id, a)  # linking twice changes nothing
    assert store.sessions.linked_entry_ids(session.id) == [b, a, c]
    store.sessions.reorder_entries(session.id, [c, b, a])
    assert store.sessions.linked_entry_ids(session.id) == [c, b, a]
    store.sessions.unlink_entry(session.id, b)
    assert store.sessions.linked_entry_ids(session.id) == [c, a]
    with pytest.raises(ValueError):
        store.sessions.reorder_entries(session.id, [a])
    assert [s.id for s in store.sessions.sessions_for_entry(a)] == [session.id]


def test_deleting_a_session_keeps_its_reflections(store):
    """Deleting a session reports how many reflections were linked and keeps them."""
    session = _session(store, "2026-12-01T10:00")
    ids = _entries(store, 2)
    for entry_id in ids:
        store.sessions.link_entry(session.id, entry_id)
    assert store.sessions.delete_session(session.id) == 2
    assert store.entries.count_entries() == 2


def test_agenda_order_edit_and_remove(store):
    """Agenda items keep their order and function; they can be edited, reordered and removed."""
    session = _session(store, "2026-12-01T10:00")
    first = store.sessions.add_agenda_item(session.id, "Caseload", SupervisionFunction.MANAGEMENT)
    second = store.sessions.add_agenda_item(session.id, "Wellbeing", SupervisionFunction.SUPPORT)
    store.sessions.update_agenda_item(first, function=SupervisionFunction.DEVELOPMENT)
    store.sessions.reorder_agenda(session.id, [second, first])
    assert [(i.text, i.function.value) for i in store.sessions.agenda(session.id)] == [
        ("Wellbeing", "support"), ("Caseload", "development")]
    store.sessions.remove_agenda_item(second)
    assert [i.id for i in store.sessions.agenda(session.id)] == [first]


def test_open_actions_carry_forward_until_closed(store):
    """An action agreed in one session shows in each later session while open, and in the one
    where it was closed, but not after."""
    s1 = _session(store, "2026-09-01T10:00")
    s2 = _session(store, "2026-10-01T10:00")
    s3 = _session(store, "2026-11-01T10:00")
    keep = store.actions.add(NewAction("Book joint visit", session_id=s1.id))
    close = store.actions.add(NewAction("Read procedures", session_id=s1.id))
    store.actions.set_status(close.id, ActionStatus.DONE, on=date(2026, 10, 1))
    carried = {s.id: [a.description for a in store.actions.carried_forward_to(s.id)]
               for s in (s1, s2, s3)}
    assert carried[s1.id] == []  # nothing before the first session
    assert sorted(carried[s2.id]) == ["Book joint visit", "Read procedures"]  # closed there
    assert carried[s3.id] == ["Book joint visit"]
    assert [a.id for a in store.actions.agreed_in(s1.id)] == [keep.id, close.id]


def test_actions_outside_sessions_and_undated_sessions(store):
    """An action from a reflection carries to the next session; an undated session reviews all open."""
    entry_id = _entries(store, 1)[0]
    loose = store.actions.add(NewAction("From a reflection", entry_id=entry_id))
    later = _session(store, "2099-01-01T10:00")
    undated = _session(store, None)
    assert [a.id for a in store.actions.carried_forward_to(later.id)] == [loose.id]
    assert [a.id for a in store.actions.carried_forward_to(undated.id)] == [loose.id]
    assert [a.id for a in store.actions.from_entry(entry_id)] == [loose.id]


def test_actions_due_soonest_first_and_overdue(store):
    """all() lists due soonest first (undated last); due_by includes overdue open actions only."""
    a = store.actions.add(NewAction("later", due_on=date(2026, 12, 20)))
    b = store.actions.add(NewAction("sooner", due_on=date(2026, 11, 1)))
    c = store.actions.add(NewAction("no date"))
    d = store.actions.add(NewAction("done", due_on=date(2026, 10, 1)))
    store.actions.set_status(d.id, ActionStatus.DONE, on=date(2026, 10, 2))
    assert [x.id for x in store.actions.all()] == [d.id, b.id, a.id, c.id]
    assert [x.id for x in store.actions.due_by(date(2026, 12, 10))] == [b.id]
    e = store.actions.add(NewAction("sooner still", due_on=date(2026, 10, 30)))
    for day in (date(2026, 12, 10), date(2026, 12, 31), date(2026, 9, 1)):  # the brief lists the same
        assert store.actions.due_by_in_brief(day) == [(x.id, x.description, x.due_on)
                                                      for x in store.actions.due_by(day)]
    assert [row[0] for row in store.actions.due_by_in_brief(date(2026, 12, 31))] == [e.id, b.id, a.id]
    today = date(2026, 11, 26)
    assert [is_overdue(x, today) for x in (store.actions.get(b.id), store.actions.get(d.id))] == [True, False]


def test_session_and_action_notes(store):
    """Undated sessions, clashes and past due dates get plain notes (never errors)."""
    s1 = _session(store, "2026-12-01T10:00")
    others = store.sessions.list_sessions()
    assert "no date" in session_notes(None, None, others)[0]
    assert "already have a session" in session_notes(None, s1.starts_at, others)[0]
    assert session_notes(s1.id, s1.starts_at, others) == []
    assert "already passed" in action_notes(date(2026, 1, 1), date(2026, 11, 26), is_new=True)[0]
    assert action_notes(date(2026, 1, 1), date(2026, 11, 26), is_new=False) == []


def test_order_for_list_upcoming_then_past(store):
    """Upcoming sessions soonest first with undated last; past ones most recent first."""
    past1 = _session(store, "2026-01-01T10:00")
    past2 = _session(store, "2026-06-01T10:00")
    soon = _session(store, "2026-12-01T10:00")
    later = _session(store, "2027-01-01T10:00")
    undated = _session(store, None)
    upcoming, past = order_for_list(store.sessions.list_sessions(), datetime(2026, 11, 26, 9, 0))
    assert [s.id for s in upcoming] == [soon.id, later.id, undated.id]
    assert [s.id for s in past] == [past2.id, past1.id]
    assert store.sessions.next_session(datetime(2026, 11, 26, 9, 0)).id == soon.id
