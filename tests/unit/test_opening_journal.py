"""Unlocking on a worker thread (`OpeningJournal`): the journal is handed over whole, errors arrive
unchanged on the caller's thread, and the worker imports nothing."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading

import pytest

from reflect.domain.errors import JournalInUse, WrongPassphrase
from reflect.domain.journal import NewEntry
from reflect.paths import AppPaths
from reflect.services.opening import OpeningJournal, open_copy, open_journal
from tests.conftest import PASSPHRASE, REPO


@pytest.fixture
def paths(tmp_path):
    paths = AppPaths(tmp_path / "journal")
    open_journal(paths, PASSPHRASE, create=True).close()
    return paths


def test_the_journal_opened_on_the_worker_is_used_on_the_calling_thread(paths):
    opened_on = []
    opening = OpeningJournal(paths, PASSPHRASE,
                             then=lambda journal: opened_on.append(threading.get_ident()))
    with opening.result() as journal:
        assert opened_on and opened_on[0] != threading.get_ident()
        # SQLite connections refuse a second thread unless handed over on purpose.
        entry = journal.entries.create_entry(NewEntry(model="free", title="After unlocking",
                                                      answers=(("reflection", "Written here."),)))
        assert journal.entries.get_entry(entry.id).title == "After unlocking"
        assert journal.briefings.list()  # the bundled briefing was seen to by result()


def test_a_new_journal_is_created_with_the_bundled_briefings(tmp_path):
    paths = AppPaths(tmp_path / "new")
    with OpeningJournal(paths, PASSPHRASE, create=True).result() as journal:
        assert journal.entries.count_entries() == 0
        assert [b.title for b in journal.briefings.list()]
    assert paths.journal_file.exists()


def test_a_bundled_briefing_deleted_comes_back_at_the_next_unlock_and_none_is_added_twice(paths):
    """Unlocking compares the bundled files' keys with the journal's (`briefing_keys`): a missing
    one is added again, one already there is left as it is (no copy)."""
    with open_journal(paths, PASSPHRASE) as journal:
        kept = {b.key: b.id for b in journal.briefings.list() if b.key}
        assert kept and journal.briefing_keys() == set(kept)
        gone = sorted(kept)[0]
        journal.briefings.delete(kept[gone])
        assert gone not in journal.briefing_keys()
    with OpeningJournal(paths, PASSPHRASE).result() as journal:
        again = {b.key: b.id for b in journal.briefings.list() if b.key}
        assert set(again) == set(kept)
        assert all(again[key] == kept[key] for key in kept if key != gone)
    with open_journal(paths, PASSPHRASE) as journal:
        assert len(journal.briefings.list()) == len(kept)


def test_a_copy_opens_only_with_its_passphrase_and_becomes_this_computers_journal(paths, tmp_path):
    """open_copy says why a copy will not open (nothing created), else puts it in place and opens it."""
    copy = tmp_path / "copy.reflect"
    with open_journal(paths, PASSPHRASE) as old:
        old.export_encrypted_copy(copy)
    here = AppPaths(tmp_path / "new computer")
    assert "did not open with that passphrase" in open_copy(here, copy, "not the right one")
    assert not here.journal_file.exists()
    with open_copy(here, copy, PASSPHRASE) as journal:
        assert journal.path == here.journal_file and journal.briefings.list()
    assert not here.journal_file.with_name(here.journal_file.name + ".restoring").exists()


def test_a_wrong_passphrase_is_raised_by_result_and_nothing_is_held(paths):
    opening = OpeningJournal(paths, "not the passphrase at all")
    with pytest.raises(WrongPassphrase):
        opening.result()
    open_journal(paths, PASSPHRASE).close()  # the lock was given back


def test_a_journal_open_elsewhere_is_refused(paths):
    with open_journal(paths, PASSPHRASE):
        with pytest.raises(JournalInUse):
            OpeningJournal(paths, PASSPHRASE).result()


def test_the_journal_is_handed_over_once(paths):
    opening = OpeningJournal(paths, PASSPHRASE)
    opening.result().close()
    with pytest.raises(RuntimeError):
        opening.result()


def test_a_failed_read_ahead_is_logged_by_type_only_and_the_journal_still_opens(paths, caplog):
    def read_ahead(journal):
        raise ValueError("a sentence from a reflection")

    caplog.set_level(logging.WARNING)
    with OpeningJournal(paths, PASSPHRASE, then=read_ahead).result() as journal:
        assert journal.entries.count_entries() == 0
    assert "ValueError" in caplog.text
    assert "a sentence from a reflection" not in caplog.text


def test_the_worker_imports_nothing(paths):
    """Two threads importing at once can see each other's half-initialised modules, so the
    worker must only use what the app has imported before it starts (as `reflect.app` does)."""
    script = (
        "import sys\n"
        "import reflect.app as app\n"
        "from reflect.services.opening import OpeningJournal\n"
        "from reflect.paths import AppPaths\n"
        "from reflect.settings import Settings\n"
        f"paths = AppPaths({str(paths.data_dir)!r})\n"
        "settings = Settings()\n"
        "first = app.FirstScreen()\n"
        "before = set(sys.modules)\n"
        f"opening = OpeningJournal(paths, {PASSPHRASE!r}, settings=settings, "
        "then=first.read)\n"
        "opening._thread.join()\n"
        "print(first.result() is not None)\n"
        "print(sorted(set(sys.modules) - before))\n"
        "journal = opening._journal\n"
        "import threading\n"  # the on-unlock backup runs on a worker too
        "work = journal.backup_in_background('on-unlock')\n"  # what it needs is loaded here
        "before_backup = set(sys.modules)\n"
        "worker = threading.Thread(target=work)\n"
        "worker.start(); worker.join()\n"
        "print(sorted(set(sys.modules) - before_backup))\n"
        "print('reflect.store.backups' in before_backup)\n"
        "from reflect.store import backups\n"
        "print(len(backups.list_backups(journal.backup_dir)))\n"
        "opening.result().close()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                         timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-5:] == ["True", "[]", "[]", "True", "1"]
