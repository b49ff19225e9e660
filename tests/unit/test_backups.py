"""Backups: when they are taken, what is kept, restoring one, re-keying, and the encrypted copy."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reflect.domain.errors import JournalDamaged, WrongPassphrase
from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.store import backups
from reflect.store.journal import Journal

PASS = "a long enough passphrase"


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "j.db", PASS, create=True, backup_dir=tmp_path / "elsewhere") as j:
        yield j


def _entry(journal, text):
    entry = journal.entries.create_entry(NewEntry(model="free", title=text))
    journal.entries.save_answer(AnswerDraft(entry.id, "reflection", text))
    return entry.id


def test_backup_only_when_changed(journal, tmp_path):
    """A backup on unlock is taken only when the journal changed after the newest backup; it goes
    to the configured (moved) backup folder."""
    assert journal.needs_backup()
    first = journal.backup_if_changed()
    assert first is not None and first.parent == tmp_path / "elsewhere"
    assert journal.backup_if_changed() is None
    _entry(journal, "new words")
    assert journal.backup_if_changed() is not None


def test_retention_keeps_ten_and_one_a_month():
    """Of 40 daily and some monthly backups, keep the newest 10 and each recent month's newest."""
    now = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
    daily = [now - timedelta(days=d) for d in range(40)]
    monthly = [datetime(2026, m, 15, tzinfo=timezone.utc) for m in range(1, 10)]
    old = [datetime(2024, 6, 1, tzinfo=timezone.utc)]
    files = sorted([backups.BackupFile(Path(f"/b/{t.isoformat()}"), t, "x", 1)
                    for t in daily + monthly + old], key=lambda b: b.taken_at, reverse=True)
    keep = backups.to_keep(files, now)
    newest_ten = {b.path for b in files[:10]}
    assert newest_ten <= keep
    kept_months = {(b.taken_at.year, b.taken_at.month) for b in files if b.path in keep}
    assert kept_months == {(2026, m) for m in range(1, 12)}  # Dec 2025 has none; 2024 too old
    assert Path(f"/b/{old[0].isoformat()}") not in keep
    assert len(keep) == 10 + 1 + 9  # ten newest (Nov), the newest of October, one each Jan-Sep


def test_restore_brings_back_the_backup_and_keeps_the_present(journal):
    """Restoring puts the backup's entries back; what was there is itself backed up first."""
    kept = _entry(journal, "before the backup")
    backup = journal.backup("manual")
    later = _entry(journal, "after the backup")
    safety = journal.restore(backup)
    ids = [e.id for e in journal.entries.list_entries()]
    assert kept in ids and later not in ids
    assert [h.id for h in journal.search.search("before")] == [kept]
    assert journal.integrity_ok()
    assert backups.inspect(journal.db, safety).entries == 2  # the present state, saved


def test_restore_refuses_a_damaged_backup(journal, tmp_path):
    """A damaged file is refused with a plain message and the journal is unchanged."""
    kept = _entry(journal, "still here")
    bad = tmp_path / "elsewhere" / "journal-20260101T000000000000Z-manual.reflect-backup"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"\x00" * 8192)
    with pytest.raises(JournalDamaged):
        journal.restore(bad)
    assert [e.id for e in journal.entries.list_entries()] == [kept]


def test_change_passphrase_rekeys_journal_and_backups(tmp_path):
    """After a change the old passphrase fails and the new one opens the journal and its backups."""
    path, folder = tmp_path / "j.db", tmp_path / "backups"
    with Journal.open(path, PASS, create=True, backup_dir=folder) as journal:
        _entry(journal, "secret")
        journal.backup("manual")
        with pytest.raises(WrongPassphrase):
            journal.change_passphrase("not it at all", "a brand new passphrase")
        assert journal.change_passphrase(PASS, "a brand new passphrase") == []
        reasons = [b.reason for b in backups.list_backups(folder)]
        assert "before-passphrase-change" in reasons
    with pytest.raises(WrongPassphrase):
        Journal.open(path, PASS)
    with Journal.open(path, "a brand new passphrase") as journal:
        assert journal.entries.count_entries() == 1
        for backup in backups.list_backups(folder):
            assert backups.inspect(journal.db, backup.path).healthy


def test_encrypted_copy_opens_with_the_same_passphrase(journal, tmp_path):
    """Take my journal with me: the copy is encrypted and opens elsewhere with the same passphrase."""
    _entry(journal, "portable words")
    target = tmp_path / "usb" / "my-journal.reflect"
    target.parent.mkdir()
    journal.export_encrypted_copy(target)
    assert b"portable words" not in target.read_bytes()
    with Journal.open(target, PASS) as copy:
        assert [h.title for h in copy.search.search("portable")] == ["portable words"]


def test_a_copy_from_another_journal_with_the_same_passphrase_can_replace_this_one(tmp_path):
    """Open journal copy: a separately created journal (its own salt) with the same passphrase restores."""
    with Journal.open(tmp_path / "laptop" / "j.db", PASS, create=True) as other:
        _entry(other, "written on the old laptop")
        other.export_encrypted_copy(tmp_path / "copy.reflect")
    with Journal.open(tmp_path / "new" / "j.db", PASS, create=True) as journal:
        journal.restore(tmp_path / "copy.reflect")
        assert [e.title for e in journal.entries.list_entries()] == ["written on the old laptop"]


def test_listing_reads_the_moment_in_each_name_and_skips_impossible_ones(tmp_path):
    """Names carry the UTC moment to the microsecond; a file whose name only looks like a backup
    (month 13) is passed over instead of stopping the list."""
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20261126T153000123456", "20261399T000000000000", "20260229T120000000000"):
        (folder / f"journal-{stamp}Z-manual{backups.BACKUP_SUFFIX}").write_bytes(b"x")
    found = backups.list_backups(folder)
    assert [b.taken_at for b in found] == [datetime(2026, 11, 26, 15, 30, 0, 123456, tzinfo=timezone.utc)]
    assert found[0].reason == "manual" and found[0].size == 1


def test_a_background_backup_uses_its_own_connection_while_the_journal_is_written(journal):
    """The on-unlock backup runs on a worker through a read-only connection of its own; the app
    goes on writing meanwhile, and the copy is whole and opens with the passphrase."""
    import threading

    for n in range(20):
        _entry(journal, f"before the backup {n}")
    result = []
    worker = threading.Thread(target=lambda: result.append(journal.backup_in_background("on-unlock")()))
    worker.start()
    for n in range(20):
        _entry(journal, f"while it is taken {n}")
    worker.join(60)
    (path,) = result
    assert path.name.endswith(f"-on-unlock{backups.BACKUP_SUFFIX}")
    with Journal.open(path, PASS, lock_path=path.with_suffix(".lock")) as copy:
        assert 20 <= copy.entries.count_entries() <= 40
    assert journal.entries.count_entries() == 40


def test_a_passphrase_change_waits_for_a_background_backup(journal, tmp_path):
    """A backup running on a worker finishes before the re-key starts, so it is re-keyed too:
    no backup is left on the old passphrase."""
    import threading

    from reflect.store.connection import passphrase_opens

    _entry(journal, "something to back up")
    worker = threading.Thread(target=journal.backup_in_background("on-unlock"))
    worker.start()
    left = journal.change_passphrase(PASS, "a brand new passphrase")
    worker.join(60)
    found = backups.list_backups(journal.backup_dir)
    assert left == [] and any(b.reason == "on-unlock" for b in found)
    assert all(passphrase_opens(b.path, "a brand new passphrase") for b in found)


def test_a_copy_left_half_written_by_a_killed_process_is_cleared_by_the_next_backup(journal):
    folder = journal.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    leftover = folder / f"journal-20261126T150000000000Z-on-unlock{backups.BACKUP_SUFFIX}.partial"
    leftover.write_bytes(b"half a copy")
    _entry(journal, "new words")
    taken = journal.backup("manual")
    assert not leftover.exists() and taken.exists()
    assert [p.name for p in folder.iterdir()] == [taken.name]


def test_the_newest_backup_that_opens_is_whole_and_takes_the_current_passphrase(journal):
    """A damaged newest backup is passed over for the one before; after a re-key, a backup still
    on the old passphrase is not offered, and the next backup taken is."""
    older = journal.backup("manual")
    damaged = journal.backup("manual")
    damaged.write_bytes(damaged.read_bytes()[:4096] + b"\0" * 8192)
    assert journal.newest_backup_that_opens().path == older
    journal.rekey(PASS, "a brand new passphrase")
    assert journal.newest_backup_that_opens() is None
    newer = journal.backup("manual")
    assert journal.newest_backup_that_opens().path == newer
