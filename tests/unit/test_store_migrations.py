"""The schema, its migrations, the backup before them and refusing newer journals."""

from __future__ import annotations

import pytest
from sqlite_utils import Migrations

from reflect.domain.errors import JournalTooNew
from reflect.store import migrations as m
from reflect.store.backups import list_backups
from reflect.store.journal import Journal

PASS = "a long enough passphrase"

EXPECTED_TABLES = {
    "_sqlite_migrations", "briefings", "briefing_sections", "briefing_items", "entries",
    "answers", "tags", "entry_tags", "revisions", "sessions", "agenda_items", "session_entries",
    "actions", "watch_list", "export_log", "answers_fts", "entries_fts", "briefings_fts",
    "dictionary_words", "accepted_findings", "journal_meta", "revision_notes",
    "journal_identity", "export_packs", "reply_imports", "reply_comments", "reply_actions",
    "backup_rekeying",
}


def test_blank_journal_has_exactly_the_expected_tables(tmp_path):
    """A new journal has every table of the first migration, and only those (plus FTS shadows)."""
    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        names = set(journal.db.table_names())
        shadows = {n for n in names if n.split("_")[-1] in ("data", "idx", "docsize", "config",
                                                              "content")
                   and n.rsplit("_", 1)[0] in EXPECTED_TABLES}
        assert names - shadows == EXPECTED_TABLES
        applied = [a.name for a in m.MIGRATIONS.applied(journal.db)]
        assert applied == m.known_names()


def test_every_table_has_an_integer_primary_key(tmp_path):
    """Each ordinary table has an explicit `id INTEGER PRIMARY KEY`."""
    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        for table in journal.db.tables:
            if table.name.endswith(("_fts", "_data", "_idx", "_docsize", "_config")):
                continue
            assert table.pks == ["id"], table.name
            assert table.columns_dict["id"] is int, table.name


def test_journal_from_newer_version_is_refused_untouched(tmp_path):
    """A journal with a migration this version does not know raises JournalTooNew, unchanged."""
    path = tmp_path / "j.db"
    with Journal.open(path, PASS, create=True) as journal:
        journal.db["_sqlite_migrations"].insert(
            {"migration_set": "reflect", "name": "m999_from_the_future", "applied_at": "2030"}
        )
    before = path.read_bytes()
    with pytest.raises(JournalTooNew):
        Journal.open(path, PASS)
    assert path.read_bytes() == before


def test_backup_taken_before_pending_migrations(tmp_path):
    """Opening a journal with a pending migration backs it up first; the backup holds the old schema."""
    path = tmp_path / "j.db"
    with Journal.open(path, PASS, create=True) as journal:
        assert list_backups(journal.backup_dir) == []  # a brand-new journal needs no backup

    newer = Migrations("reflect")
    for existing in m.MIGRATIONS._migrations:  # this version's migrations, then one more
        newer(name=existing.name)(existing.fn)

    @newer()
    def m900_add_mood(db):
        db["entries"].add_column("mood", str)

    with Journal.open(path, PASS, migrations=newer) as journal:
        assert "mood" in journal.db["entries"].columns_dict
        found = list_backups(journal.backup_dir)
    assert len(found) == 1 and found[0].reason == "before-upgrade"
    with Journal.open(found[0].path, PASS, migrations=m.MIGRATIONS) as old:
        assert "mood" not in old.db["entries"].columns_dict


def test_search_survives_transform_of_an_indexed_table(tmp_path):
    """After transform() on `answers` and recreating the triggers, FTS still finds old and new text."""
    from reflect.domain.journal import AnswerDraft, NewEntry

    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        entry = journal.entries.create_entry(NewEntry(model="free"))
        journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "professional curiosity"))
        with journal.db.atomic():
            journal.db["answers"].transform(types={"stage": str})
            m.recreate_search_triggers(journal.db)
        assert [h.id for h in journal.search.search("curiosity")] == [entry.id]
        journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "escalation policy"))
        assert [h.id for h in journal.search.search("escalation")] == [entry.id]
        assert journal.search.search("curiosity") == []
        assert journal.integrity_ok()


def test_change_stamp_moves_on_writes_to_user_data(tmp_path):
    """journal_meta.changed_at moves when an entry, answer or action is written, and survives transform."""
    from reflect.domain.journal import AnswerDraft, NewEntry

    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        old = "2000-01-01T00:00:00.000+00:00"

        def stamp_moved_by(write) -> bool:
            journal.db.execute("UPDATE journal_meta SET changed_at = ?", [old])
            write()
            return journal.db.execute("SELECT changed_at FROM journal_meta").fetchone()[0] > old

        entry = journal.entries.create_entry(NewEntry(model="free"))
        assert stamp_moved_by(lambda: journal.entries.create_entry(NewEntry(model="free")))
        with journal.db.atomic():
            journal.db["answers"].transform(types={"stage": str})
            m.recreate_triggers(journal.db)
        assert stamp_moved_by(lambda: journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "x")))
        assert not stamp_moved_by(lambda: journal.revisions.snapshot(entry.id, "closed"))
