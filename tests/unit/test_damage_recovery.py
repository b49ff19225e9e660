"""A damaged journal is noticed and the newest good backup can take its place, keeping the damaged file."""

from __future__ import annotations

import pytest

from reflect.domain.errors import JournalDamaged, WrongPassphrase
from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.paths import AppPaths
from reflect.services.opening import newest_backup_opening_with, open_journal, recover_from_backup
from reflect.store.connection import quick_check

PASS = "a long enough passphrase"


def _damage(path, offset_pages=3):
    data = bytearray(path.read_bytes())
    start = 4096 * offset_pages
    data[start:start + 512] = b"\xff" * 512
    path.write_bytes(bytes(data))


def test_damage_in_the_middle_is_found_and_a_backup_restores(tmp_path):
    """Corrupt pages fail quick_check; recovering opens the backup and keeps the damaged file aside."""
    paths = AppPaths(tmp_path / "j")
    with open_journal(paths, PASS, create=True) as journal:
        entry = journal.entries.create_entry(NewEntry(model="free", title="kept safe"))
        journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "words " * 5000))
        journal.backup("manual")
    assert quick_check(paths.journal_file, PASS)
    _damage(paths.journal_file)
    assert not quick_check(paths.journal_file, PASS)

    backup = newest_backup_opening_with(paths, PASS)
    assert backup is not None and newest_backup_opening_with(paths, "wrong passphrase") is None
    with recover_from_backup(paths, PASS, backup.path) as journal:
        assert journal.entries.get_entry(entry.id).title == "kept safe"
        assert journal.integrity_ok()
    assert list(paths.data_dir.glob("journal.db.damaged-*"))


def test_damaged_first_page_is_told_apart_from_a_typo(tmp_path):
    """When page 1 is damaged the journal refuses the right passphrase, but the backup accepts it:
    that tells Reflect the file, not the passphrase, is the problem."""
    paths = AppPaths(tmp_path / "j")
    with open_journal(paths, PASS, create=True) as journal:
        journal.backup("manual")
    _damage(paths.journal_file, offset_pages=0)
    with pytest.raises((WrongPassphrase, JournalDamaged)):
        open_journal(paths, PASS)
    assert newest_backup_opening_with(paths, PASS) is not None
