"""Killing Reflect at random moments while it saves never loses an acknowledged save or damages the file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reflect.store.journal import Journal

CHILD = Path(__file__).with_name("saving_child.py")
KILLS = 30
pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")


def _run_and_kill(path: Path, passphrase_file: Path, start: int, rng: random.Random) -> list[int]:
    child = subprocess.Popen([sys.executable, str(CHILD), str(path), str(passphrase_file), str(start)],
                             stdout=subprocess.PIPE, text=True)
    acked: list[int] = []
    try:
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.02, 0.6)
        os.set_blocking(child.stdout.fileno(), False)
        while time.monotonic() < deadline:
            time.sleep(0.005)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    os.set_blocking(child.stdout.fileno(), True)
    for line in child.stdout.read().splitlines():
        if line.startswith("ack "):
            acked.append(int(line.split()[1]))
    return acked


def test_acknowledged_saves_survive_sigkill(tmp_path, passphrase_file, passphrase):
    """30 SIGKILLs at random points: every acknowledged save is there, integrity and FTS checks pass."""
    rng = random.Random(20261126)
    path = tmp_path / "journal.db"
    next_n, all_acked = 0, []
    for _ in range(KILLS):
        acked = _run_and_kill(path, passphrase_file, next_n, rng)
        all_acked.extend(acked)
        next_n += 100_000  # each run numbers its saves apart from the others
        with Journal.open(path, passphrase) as journal:
            assert journal.integrity_ok()
            titles = {e.title for e in journal.entries.list_entries()}
            texts = {a[0] for a in journal.db.execute("SELECT text FROM answers")}
            for n in acked:
                assert f"entry-{n}" in titles
                assert f"save-{n} " + "word " * 200 in texts
            if acked:
                found = journal.search.search(f'"save-{acked[-1]}"', kinds=("entry",))
                assert [h.title for h in found] == [f"entry-{acked[-1]}"]
    assert len(all_acked) > KILLS  # the kills really did interrupt a stream of saves
