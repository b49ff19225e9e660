"""A killed export leaves no readable reflection text beyond what the finished file holds, and its
half-written file is removed by the next export to the folder or at the next start-up."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

from reflect.domain.report import ExportOptions
from reflect.paths import AppPaths
from reflect.services import exporting as svc
from reflect.services.opening import OpeningJournal, open_journal
from reflect.services.take_away import readable_copy_in_background
from tests.reliability.export_child import MARKER

CHILD = Path(__file__).with_name("export_child.py")
pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")


def _readable(data: bytes) -> bytes:
    """The bytes as they are plus every deflated stream in them inflated (PDF streams, zip
    members): what anyone holding the file could read without a password."""
    out = [data]
    for match in re.finditer(rb"stream\r?\n|PK\x03\x04", data):
        start = match.end() + (26 + int.from_bytes(data[match.end() + 22:match.end() + 24], "little")
                               + int.from_bytes(data[match.end() + 24:match.end() + 26], "little")
                               if match.group().startswith(b"PK") else 0)
        for wbits in (15, -15):
            try:
                out.append(zlib.decompressobj(wbits).decompress(data[start:]))
            except zlib.error:
                continue
    return b"".join(out)


def _kill_when_a_partial_appears(data_dir: Path, passphrase_file: Path, out: Path, kind: str) -> list[Path]:
    """SIGKILL the child as soon as a half-written file shows in `out`; the leftovers. A kill that
    lands just after the rename (a busy machine) leaves none: the child is run again, up to 10 times."""
    for _ in range(10):
        _run_and_kill(data_dir, passphrase_file, out, kind)
        leftovers = [p for p in out.iterdir() if p.name.startswith(".reflect-")]
        if leftovers:
            return leftovers
    pytest.fail("ten kills all came after the half-written file was renamed")


def _run_and_kill(data_dir: Path, passphrase_file: Path, out: Path, kind: str) -> None:
    command = [sys.executable, str(CHILD), str(data_dir), str(passphrase_file), str(out), kind]
    child = subprocess.Popen(command,
                             stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
                             env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert child.stdout.readline().strip() == "ready"
        assert child.stdout.readline().startswith("done")  # one finished export: the folder is in the log
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if any(name.startswith(".reflect-") for name in os.listdir(out)):
                child.send_signal(signal.SIGKILL)
                break
        else:
            pytest.fail("no half-written file seen in two minutes")
    finally:
        child.kill()
        child.wait()


def test_killed_protected_export_leaves_nothing_readable_and_start_up_removes_it(tmp_path, passphrase_file,
                                                                                  passphrase):
    """SIGKILL while a protected PDF is written: no file holds the marker; the next unlock removes it."""
    out = tmp_path / "out"
    out.mkdir()
    leftovers = _kill_when_a_partial_appears(tmp_path / "j", passphrase_file, out, "pdf")
    for path in out.iterdir():
        assert MARKER.encode() not in _readable(path.read_bytes()), path.name
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in leftovers)
    journal = open_journal(AppPaths(tmp_path / "j"), passphrase)
    try:
        assert [p for p in out.iterdir() if p.name.startswith(".reflect-")] == []
    finally:
        journal.close()


def test_the_app_removes_leftovers_on_a_worker_once_its_window_shows(qtbot, tmp_path, passphrase_file,
                                                                    passphrase):
    """The app's unlock hands the journal over without reading the export log or touching its
    folders; once the window is painted, the folders are tidied on a worker."""
    from PySide6.QtWidgets import QApplication

    from reflect.settings import Settings
    from reflect.ui.shell import gc_guard
    from reflect.ui.shell.window_session import WindowSession

    out = tmp_path / "out"
    out.mkdir()
    assert _kill_when_a_partial_appears(tmp_path / "j", passphrase_file, out, "pdf")
    paths = AppPaths(tmp_path / "j")
    journal = OpeningJournal(paths, passphrase).result()
    session = None
    try:
        assert [p for p in out.iterdir() if p.name.startswith(".reflect-")]  # not at unlock
        session = WindowSession(QApplication.instance(), paths, Settings(), journal, lambda: None)
        qtbot.addWidget(session.start())
        qtbot.waitUntil(lambda: session.tidying is not None, timeout=10000)  # the first paint
        assert session.tidying.name == "reflect-tidy-exports"
        session.tidying.join(30)
        assert [p for p in out.iterdir() if p.name.startswith(".reflect-")] == []
        qtbot.waitUntil(lambda: session.backing_up is None or session.backing_up.done, timeout=30000)
    finally:
        if session is not None and session.window is not None:
            session.window.close()
        journal.close()
        gc_guard.thaw()  # the first paint froze what was alive (gc.freeze)


def test_killed_zip_leaves_only_a_partial_the_next_export_removes(tmp_path, passphrase_file, passphrase):
    """SIGKILL while the take-away zip is written: the next export to that folder removes the partial zip."""
    out = tmp_path / "out"
    out.mkdir()
    leftovers = _kill_when_a_partial_appears(tmp_path / "j", passphrase_file, out, "zip")
    assert leftovers and all(p.stat().st_mode & 0o777 == 0o600 for p in leftovers)
    journal = open_journal(AppPaths(tmp_path / "j"), passphrase)
    try:
        readable_copy_in_background(journal, "Practitioner", out / "again.zip")(lambda d, t: True)
        assert [p for p in out.iterdir() if p.name.startswith(".reflect-")] == []
        assert MARKER.encode() in _readable((out / "again.zip").read_bytes())  # the check can see it
    finally:
        journal.close()


def test_an_export_failing_the_second_check_never_puts_a_file_in_the_folder(tmp_path, passphrase):
    """The PDF is checked in memory: an export failing its second check never puts a file in the folder."""
    journal = open_journal(AppPaths(tmp_path / "j"), passphrase, create=True)
    out = tmp_path / "out"
    out.mkdir()
    seen: set[str] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.update(os.listdir(out))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        from reflect.domain.journal import AnswerDraft, NewEntry

        for n in range(30):
            entry = journal.entries.create_entry(NewEntry(model="free", title=f"Visit {n}"))
            journal.entries.save_answer(AnswerDraft(entry.id, "reflection", f"{MARKER} {n} " + "rain " * 300))
        request = svc.ExportRequest("portfolio", options=ExportOptions())
        report = svc.load_report(journal, request)
        pending = svc.render_pending(report, out / "p.pdf")
        journal.privacy.set_watch_terms([MARKER])
        with pytest.raises(svc.FindingsBlockExport):
            svc.verify(pending, journal.privacy.watch_terms(), svc.second_check_accepts(journal, report))
    finally:
        done.set()
        watcher.join()
        journal.close()
    assert seen == set()
