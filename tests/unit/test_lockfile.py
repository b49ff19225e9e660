"""One running Reflect per journal: the lock file beside the database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from reflect.domain.errors import JournalInUse
from reflect.store.journal import Journal
from reflect.store.lockfile import JournalLock

PASS = "a long enough passphrase"


def test_second_open_refused_while_lock_held(tmp_path):
    """While one Journal is open, a second open of the same file raises JournalInUse."""
    with Journal.open(tmp_path / "j.db", PASS, create=True):
        with pytest.raises(JournalInUse) as caught:
            Journal.open(tmp_path / "j.db", PASS)
        assert "already open" in caught.value.message
    Journal.open(tmp_path / "j.db", PASS).close()  # released on close


def test_stale_lock_file_is_taken_over(tmp_path):
    """A lock file left behind by a process that no longer exists does not block opening."""
    Journal.open(tmp_path / "j.db", PASS, create=True).close()
    (tmp_path / "j.db.lock").write_text(json.dumps({"pid": 999999, "host": "x"}))
    with Journal.open(tmp_path / "j.db", PASS):
        assert json.loads((tmp_path / "j.db.lock").read_text())["pid"] == os.getpid()


@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_lock_of_killed_process_is_taken_over(tmp_path):
    """A process holding the lock blocks others until it is killed; then the lock is taken over."""
    lock_path = tmp_path / "j.db.lock"
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from reflect.store.lockfile import JournalLock
            JournalLock(__import__('pathlib').Path({str(lock_path)!r})).acquire()
            print('held', flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(JournalInUse):
            JournalLock(lock_path).acquire()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    lock = JournalLock(lock_path)
    lock.acquire()
    assert lock.held
    lock.release()
    assert not lock_path.exists()
