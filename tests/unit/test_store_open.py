"""Opening the encrypted journal: keys, damage, and what is on disk."""

from __future__ import annotations

import sqlite3

import pytest
import sqlcipher3

from reflect.domain.errors import JournalDamaged, JournalNotFound, WrongPassphrase
from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.store.journal import Journal

PASS = "a long enough passphrase"
MARKER = "zebracanaryQ7 unmistakable"


def _make(tmp_path):
    return Journal.open(tmp_path / "j.db", PASS, create=True)


def test_wrong_passphrase_is_refused_and_nothing_changes(tmp_path):
    """A wrong passphrase raises WrongPassphrase and leaves the file byte-for-byte unchanged."""
    _make(tmp_path).close()
    before = (tmp_path / "j.db").read_bytes()
    with pytest.raises(WrongPassphrase) as caught:
        Journal.open(tmp_path / "j.db", "not the passphrase")
    assert "passphrase" in caught.value.message
    assert (tmp_path / "j.db").read_bytes() == before
    Journal.open(tmp_path / "j.db", PASS).close()  # the right one still works


def test_file_is_encrypted_and_holds_no_plaintext(tmp_path):
    """The file does not start with the SQLite header and no saved answer appears in it or its WAL."""
    journal = _make(tmp_path)
    entry = journal.entries.create_entry(NewEntry(title="T", model="free"))
    journal.entries.save_answer(AnswerDraft(entry.id, "reflection", MARKER))
    on_disk = b"".join(
        p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("j.db") and p.is_file()
    )
    journal.close()
    data = (tmp_path / "j.db").read_bytes()
    assert not data.startswith(b"SQLite format 3")
    for blob in (data, on_disk):
        assert MARKER.encode("utf-8") not in blob
        assert MARKER.encode("utf-16-le") not in blob


def test_plain_sqlite_file_is_not_a_journal(tmp_path):
    """An ordinary SQLite database is refused as 'not a Reflect journal', untouched."""
    path = tmp_path / "j.db"
    conn = sqlite3.connect(path)
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(JournalDamaged) as caught:
        Journal.open(path, PASS)
    assert "not a Reflect journal" in caught.value.message
    assert path.read_bytes() == before


def test_short_garbage_file_is_damaged(tmp_path):
    """A file too small to be a journal is reported as damaged, not as a wrong passphrase."""
    path = tmp_path / "j.db"
    path.write_bytes(b"this is not a database at all")
    with pytest.raises(JournalDamaged):
        Journal.open(path, PASS)


def test_missing_journal_is_reported(tmp_path):
    """Opening a folder with no journal (without create) says so and creates nothing."""
    with pytest.raises(JournalNotFound):
        Journal.open(tmp_path / "j.db", PASS)
    assert not (tmp_path / "j.db").exists()


def test_wal_full_sync_and_foreign_keys(tmp_path):
    """The connection runs in WAL mode with synchronous=FULL and foreign keys enforced."""
    with _make(tmp_path) as journal:
        assert journal.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert journal.db.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert journal.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert journal.db.execute("PRAGMA temp_store").fetchone()[0] == 2


def test_sqlite_utils_catches_sqlcipher_errors(tmp_path):
    """sqlite-utils' ignore/exists paths work on the SQLCipher connection (its error classes)."""
    with _make(tmp_path) as journal:
        db = journal.db
        db["no_such_table"].drop(ignore=True)
        db["no_such_view"].drop(ignore=True)
        assert not db["no_such_table"].exists()
        db["scratch"].insert({"id": 1, "x": "y"}, pk="id")
        db["scratch"].drop_index("no_such_index", ignore=True)
        db["scratch"].drop()
        assert "scratch" not in db.table_names()
        with pytest.raises(sqlcipher3.dbapi2.OperationalError):
            db["scratch"].drop()  # without ignore=True the real driver error still surfaces


def test_journal_files_are_private(tmp_path):
    """The journal and its WAL are readable by the owner only (0600) on POSIX."""
    import os
    import stat

    if os.name != "posix":
        pytest.skip("POSIX permissions")
    with _make(tmp_path):
        for name in ("j.db", "j.db-wal"):
            path = tmp_path / name
            if path.exists():
                assert stat.S_IMODE(path.stat().st_mode) == 0o600
