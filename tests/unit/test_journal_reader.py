"""Reading the whole journal on a worker, through a read-only connection of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from reflect.paths import AppPaths
from reflect.services.demo import build_demo
from reflect.services.opening import open_journal
from reflect.store.archive_loader import load_archive
from tests.conftest import PASSPHRASE, REPO


def test_the_archive_read_on_a_worker_matches_the_one_read_here(tmp_path):
    with open_journal(AppPaths(tmp_path / "j"), PASSPHRASE, create=True) as journal:
        build_demo(journal, 30)
        here = load_archive(journal, "Sam")
        result = []
        worker = threading.Thread(target=lambda: result.append(
            journal.read_in_background(lambda reader: load_archive(reader, "Sam"))()))
        worker.start()
        worker.join(60)
        (there,) = result
        assert there == here
        assert len(there.entries) == 30 and there.sessions


def test_reading_and_zipping_on_a_worker_imports_nothing(tmp_path):
    """What the take-away dialog imports, and asking for the work on the UI thread, is all the
    worker uses (see OpeningJournal)."""
    with open_journal(AppPaths(tmp_path / "j"), PASSPHRASE, create=True) as journal:
        build_demo(journal, 5)
    script = (
        "import sys, threading\n"
        "import reflect.app\n"
        "from reflect.store.archive_loader import load_archive\n"
        "from reflect.export.markdown_zip import write_markdown_zip\n"
        "from reflect.services.opening import open_journal\n"
        "from reflect.paths import AppPaths\n"
        f"journal = open_journal(AppPaths({str(tmp_path / 'j')!r}), {PASSPHRASE!r})\n"
        "read = journal.read_in_background(lambda reader: load_archive(reader, 'Sam'))\n"
        "before = set(sys.modules)  # what asking for the work imports is on this thread\n"
        f"target = {str(tmp_path / 'journal.zip')!r}\n"
        "worker = threading.Thread(target=lambda: write_markdown_zip(read(), target, "
        "lambda done, total: True))\n"
        "worker.start(); worker.join()\n"
        "print(sorted(set(sys.modules) - before))\n"
        "journal.close()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                         timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "journal.zip").stat().st_size > 0
