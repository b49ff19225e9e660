"""Removing an identifier for good: earlier versions, search, and what the backups still hold."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from reflect.domain.anonymisation import check_text
from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.services import exporting as svc
from reflect.services.redaction import backups_note, replacement_in
from reflect.store import Journal
from reflect.store.rows import moment_to_text

PASS = "a long enough passphrase"


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "j.db", PASS, create=True) as j:
        yield j


def test_replacement_in_finds_what_took_the_identifiers_place():
    """One edit inside the span gives its new text; an edit reaching beyond it gives None."""
    old = "We met Mrs Smith at home."
    start = old.index("Mrs Smith")
    end = start + len("Mrs Smith")
    assert replacement_in(old, "We met the mother at home.", start, end) == "the mother"
    assert replacement_in(old, "We met Mrs S at home.", start, end) == "Mrs S"
    assert replacement_in(old, "We met at home.", start, end + 1) == ""
    assert replacement_in(old, "They met the mother at the school.", start, end) is None


def test_backups_note_names_the_month_they_are_all_gone_by():
    """Backups are kept for twelve months: the note names the first of the month a year on."""
    note = backups_note(date(2026, 12, 4))
    assert "Wed 1 Dec 2027" in note and "Encrypted backups" in note


def _entry_with_history(journal, text):
    entry = journal.entries.create_entry(NewEntry(model="free", title="Visit"))
    journal.entries.save_answer(AnswerDraft(entry.id, "reflection", text))
    journal.revisions.snapshot(entry.id, "closed")
    return entry.id


def test_an_edit_at_the_review_redacts_every_version_and_the_search_index(journal):
    """After "Mrs Smith" becomes "the mother", no version and no search finds "Smith"."""
    entry_id = _entry_with_history(journal, "Mrs Smith was at home with the baby.")
    (finding,) = [f for f in check_text("Mrs Smith was at home with the baby.") if "Smith" in f.text]
    finding = type(finding)(**{**finding.__dict__, "entry_id": entry_id, "stage": "reflection",
                               "field": "Reflection"})
    note = svc.save_field_text(journal, finding, "The mother was at home with the baby.",
                               today=date(2026, 12, 4))
    assert note is not None and "gone from 1 earlier version of" in note
    versions = journal.revisions.list(entry_id)
    assert all("Smith" not in text for v in versions for _, text in v.answers)
    assert any("The mother was at home" in text for v in versions for _, text in v.answers)
    assert all(v.note == "details removed Fri 4 Dec 2026" for v in versions)
    assert journal.search.search("Smith") == []


def test_an_edit_that_keeps_the_identifier_changes_no_version(journal):
    """If the identifier is still in the text, history is left as it was and nothing is said."""
    entry_id = _entry_with_history(journal, "Mrs Smith was at home.")
    finding = next(f for f in check_text("Mrs Smith was at home.") if "Smith" in f.text)
    finding = type(finding)(**{**finding.__dict__, "entry_id": entry_id, "stage": "reflection",
                               "field": "Reflection"})
    assert svc.save_field_text(journal, finding, "Mrs Smith was at home today.") is None
    assert any("Smith" in text for v in journal.revisions.list(entry_id) for _, text in v.answers)


def test_deleted_text_is_zeroed_in_the_file(journal):
    """The journal's connection has secure_delete on, so freed pages do not keep removed text."""
    assert journal.db.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_old_versions_are_thinned_when_a_new_one_is_taken(journal):
    """A year of hourly versions shrinks to the keeping policy's few hundred at the next snapshot."""
    entry_id = _entry_with_history(journal, "first")
    now = datetime.now().astimezone()
    rows = [[entry_id, moment_to_text(now - timedelta(days=20, hours=h)), "while writing", "Visit",
             "free", f'[["reflection", "text {h}"]]'] for h in range(24 * 300)]
    journal.db.conn.executemany("INSERT INTO revisions (entry_id, created_at, reason, title, model, "
                           "answers_json) VALUES (?, ?, ?, ?, ?, ?)", rows)
    journal.entries.save_answer(AnswerDraft(entry_id, "reflection", "second"))
    journal.revisions.snapshot(entry_id, "closed")
    count = journal.db.execute("SELECT count(*) FROM revisions WHERE entry_id = ?", [entry_id]).fetchone()[0]
    assert 60 < count < 250
