"""A passphrase change killed while it re-keys the backups is found at the next open (issue 15, 7)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reflect.store.journal import Journal

CHILD = Path(__file__).with_name("rekeying_child.py")
OLD, NEW = "the old passphrase here", "a brand new passphrase"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")


def test_killed_change_is_recorded_and_can_be_finished(tmp_path):
    """SIGKILL after one of five backups is re-keyed: the next open knows, and re-keying finishes it."""
    old_file, new_file = tmp_path / "old.txt", tmp_path / "new.txt"
    old_file.write_text(OLD, encoding="utf-8")
    new_file.write_text(NEW, encoding="utf-8")
    path = tmp_path / "journal.db"
    child = subprocess.Popen([sys.executable, str(CHILD), str(path), str(old_file), str(new_file), "4"],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "rekeyed 1 of 5"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    with Journal.open(path, NEW) as journal:
        unfinished = journal.rekeying.unfinished()
        assert unfinished is not None and (unfinished.done, unfinished.total) == (1, 5)
        assert OLD not in repr(journal.db.execute("SELECT * FROM backup_rekeying").fetchall())
        on_old_key = journal.backups_on_another_key_in_background()()
        assert len(on_old_key) == 4

        assert journal.rekey_backups_from_in_background(OLD)(journal.rekeying.progress) == []
        journal.rekeying.finish()
        assert journal.backups_on_another_key_in_background()() == []
        assert journal.rekeying.unfinished() is None


def test_a_change_that_ends_leaves_no_record(tmp_path):
    """`change_passphrase` all in one go re-keys every backup and clears its record."""
    with Journal.open(tmp_path / "journal.db", OLD, create=True) as journal:
        journal.backup("manual")
        assert journal.change_passphrase(OLD, NEW) == []
        assert journal.rekeying.unfinished() is None
        assert journal.backups_on_another_key_in_background()() == []
