"""Revisions: coalesced snapshots, and restoring one without losing the current text."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.store.journal import Journal

PASS = "a long enough passphrase"


@pytest.fixture
def store(tmp_path):
    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        yield journal


def _entry(store, text="first"):
    entry = store.entries.create_entry(NewEntry(model="driscoll", title="T"))
    store.entries.save_answer(AnswerDraft(entry.id, "what", text))
    return entry.id


def test_identical_snapshots_are_not_stored(store):
    """A snapshot equal to the latest revision is skipped."""
    entry_id = _entry(store)
    assert store.revisions.snapshot(entry_id, "closed") is not None
    assert store.revisions.snapshot(entry_id, "closed") is None
    store.entries.save_answer(AnswerDraft(entry_id, "what", "second"))
    assert store.revisions.snapshot(entry_id, "closed") is not None
    assert [r.answers for r in store.revisions.list(entry_id)] == [
        (("what", "second"),), (("what", "first"),)]


def test_snapshots_while_typing_are_coalesced(store):
    """With a minimum interval, changes soon after the last snapshot do not make another."""
    entry_id = _entry(store)
    store.revisions.snapshot(entry_id, "typing", min_interval=timedelta(minutes=5))
    for n in range(20):
        store.entries.save_answer(AnswerDraft(entry_id, "what", f"draft {n}"))
        store.revisions.snapshot(entry_id, "typing", min_interval=timedelta(minutes=5))
    assert len(store.revisions.list(entry_id)) == 1
    store.revisions.snapshot(entry_id, "typing", min_interval=timedelta(0))
    assert len(store.revisions.list(entry_id)) == 2


def test_restore_keeps_the_current_text_as_a_revision(store):
    """Restoring brings back the old title, model and answers; what was there becomes a revision."""
    entry_id = _entry(store, "the original")
    old = store.revisions.snapshot(entry_id, "closed")
    store.entries.update_entry(entry_id, title="Changed", model="gibbs")
    store.entries.save_answer(AnswerDraft(entry_id, "what", "rewritten"))
    store.entries.save_answer(AnswerDraft(entry_id, "feelings", "new stage"))
    store.revisions.restore(old.id)
    entry = store.entries.get_entry(entry_id)
    assert (entry.title, entry.model) == ("T", "driscoll")
    assert [(a.stage, a.text) for a in entry.answers] == [("what", "the original")]
    latest = store.revisions.list(entry_id)[0]
    assert latest.reason == "before restore"
    assert dict(latest.answers) == {"what": "rewritten", "feelings": "new stage"}
    assert [h.id for h in store.search.search("original")] == [entry_id]
    assert store.search.search("rewritten") == []
