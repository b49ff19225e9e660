"""Journals in folders whose names mean something in a URI ("Team #2", "what?", "100%").

The separate connections (lock screen, quick check, background backups) opened the file by URI.
Unencoded, "#" and "?" cut the path short: SQLite opened, and created, another file, empty, so any
passphrase unlocked the window and backups held nothing. They now name the file plainly.
"""

from __future__ import annotations

import threading

import pytest

from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.store.connection import passphrase_opens, quick_check, separate_connection
from reflect.store.driver import DatabaseError
from reflect.store.journal import Journal
from tests.conftest import PASSPHRASE

NAMES = ["Team #2", "what?", "100% sure", "Łódź notes", "a&b=c;d", "plain"]


@pytest.mark.parametrize("name", NAMES)
def test_the_separate_connections_open_the_journal_itself(tmp_path, name):
    paths = AppPaths(tmp_path / name)
    with open_journal(paths, PASSPHRASE, create=True) as journal:
        entry = journal.entries.create_entry(NewEntry(model="free", title="kept"))
        journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "the words"))
        assert passphrase_opens(paths.journal_file, PASSPHRASE)
        assert not passphrase_opens(paths.journal_file, "not the passphrase at all")
        assert quick_check(paths.journal_file, PASSPHRASE)
        result = []
        worker = threading.Thread(target=lambda: result.append(journal.backup_in_background()()))
        worker.start()
        worker.join(60)
    (backup,) = result
    with Journal.open(backup, PASSPHRASE, lock_path=tmp_path / "copy.lock") as copy:
        assert [e.title for e in copy.entries.list_entries()] == ["kept"]
    assert {p.name for p in tmp_path.iterdir()} <= {name, "copy.lock"}  # no stray file beside it


def test_a_check_never_creates_a_missing_journal(tmp_path):
    missing = tmp_path / "journal.db"
    assert not passphrase_opens(missing, PASSPHRASE)
    assert not quick_check(missing, PASSPHRASE)
    assert not missing.exists()


def test_a_connection_for_reading_cannot_write(tmp_path):
    paths = AppPaths(tmp_path / "j")
    open_journal(paths, PASSPHRASE, create=True).close()
    with separate_connection(paths.journal_file, PASSPHRASE) as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone() == (0,)
        with pytest.raises(DatabaseError):
            conn.execute("DELETE FROM entries")
