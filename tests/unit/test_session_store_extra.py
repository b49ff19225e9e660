"""SessionStore.counts: the per-session numbers the sessions list shows, from one query."""

from __future__ import annotations

from datetime import datetime

import pytest

from reflect.domain.journal import NewEntry
from reflect.domain.supervision import NewAction, NewSession
from reflect.store.journal import Journal

PASS = "a long enough passphrase"


@pytest.fixture
def store(tmp_path):
    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        yield journal


def test_counts_linked_reflections_and_agreed_actions(store):
    """Each session's linked reflections and agreed actions are counted; empty sessions give zeros."""
    busy = store.sessions.create_session(NewSession(starts_at=datetime(2026, 12, 1, 10, 0)))
    empty = store.sessions.create_session(NewSession(starts_at=None))
    for index in range(3):
        entry = store.entries.create_entry(NewEntry(model="free", title=f"e{index}"))
        store.sessions.link_entry(busy.id, entry.id)
    store.actions.add(NewAction("Agreed here", session_id=busy.id))
    store.actions.add(NewAction("Not in a session"))
    assert store.sessions.counts() == {busy.id: (3, 1), empty.id: (0, 0)}
