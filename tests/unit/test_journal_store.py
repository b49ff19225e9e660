"""Entries, answers and tags in the store."""

from __future__ import annotations

import pytest

from reflect.domain.journal import AnswerDraft, EntryStatus, NewEntry
from reflect.store.journal import Journal

PASS = "a long enough passphrase"


@pytest.fixture
def store(tmp_path):
    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        yield journal


def test_entry_round_trip(store):
    """An entry created with answers and tags comes back as an equal frozen Entry."""
    created = store.entries.create_entry(NewEntry(
        title="Missed appointments", model="gibbs", tags=("escalation", "Safe sleep"),
        answers=(("description", "What happened"), ("feelings", "Uneasy")),
    ))
    again = store.entries.get_entry(created.id)
    assert again == created
    assert again.answer("feelings") == "Uneasy"
    assert again.tags == ("escalation", "Safe sleep")
    assert again.status is EntryStatus.DRAFT
    with pytest.raises(AttributeError):
        again.title = "changed"  # frozen


def test_save_answer_upserts_and_bumps_updated(store):
    """Saving a stage twice keeps one answer with the latest text and moves updated_at forward."""
    entry = store.entries.create_entry(NewEntry(model="free"))
    first = store.entries.save_answer(AnswerDraft(entry.id, "reflection", "one"))
    second = store.entries.save_answer(AnswerDraft(entry.id, "reflection", "two"))
    again = store.entries.get_entry(entry.id)
    assert [a.text for a in again.answers] == ["two"]
    assert second >= first and again.updated_at == second


def test_text_survives_round_trip_exactly(store):
    """Unicode, control characters, emoji and very long text are stored and read back unchanged."""
    text = "Łódź\tİstanbul Ελλάδα Москва <b>&amp;</b> 🙂\r\n" * 2000 + "\x00end"
    entry = store.entries.create_entry(NewEntry(model="free", title="<script>&"))
    store.entries.save_answer(AnswerDraft(entry.id, "reflection", text))
    assert store.entries.get_entry(entry.id).answer("reflection") == text
    assert store.entries.get_entry(entry.id).title == "<script>&"


def test_tags_are_case_insensitive_and_shared(store):
    """Tags differing only in case are one tag; removing a tag from an entry keeps it for others."""
    a = store.entries.create_entry(NewEntry(model="free", tags=("CIN",)))
    b = store.entries.create_entry(NewEntry(model="free", tags=("cin", "MASH")))
    assert store.entries.get_entry(b.id).tags == ("CIN", "MASH")
    store.entries.set_tags(b.id, ["MASH"])
    assert store.entries.get_entry(a.id).tags == ("CIN",)
    assert store.entries.all_tags() == ["CIN", "MASH"]


def test_deleting_an_entry_removes_its_answers(store):
    """Answers and tag links go with their entry (foreign keys cascade)."""
    entry = store.entries.create_entry(NewEntry(model="free", tags=("x",),
                                                answers=(("reflection", "gone soon"),)))
    store.entries.delete_entry(entry.id)
    assert store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM entry_tags").fetchone()[0] == 0
    assert store.search.search("gone") == []


def test_question_counts(store):
    """question_counts counts entries per question of one briefing."""
    from reflect.domain.briefing import Briefing, Section, SectionKind

    briefing_id = store.briefings.add(Briefing(
        "T", "P", "S", (Section(SectionKind.CONSIDER, "Q", "- a?\n- b?"),), (), ("a?", "b?"), ()))
    questions = store.briefings.get(briefing_id).question_items
    for _ in range(2):
        store.entries.create_entry(NewEntry(model="free", briefing_id=briefing_id,
                                            question_id=questions[1].id))
    assert store.entries.question_counts(briefing_id) == {questions[1].id: 2}
