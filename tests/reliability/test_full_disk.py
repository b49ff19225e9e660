"""A full or read-only disk, simulated by a small tmpfs mount: every failure gives the true reason,
leaves no half-made file, and what it did create is private (0600 / 0700)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reflect.domain.errors import DISK_FULL, ExportError, JournalUnavailable
from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.domain.report import ExportOptions
from reflect.paths import AppPaths
from reflect.services import exporting as svc
from reflect.services.opening import open_journal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="mounts a tmpfs")


def _mount(disk: Path, options: str) -> None:
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size=4m,mode=0700,{options}", "tmpfs",
                              str(disk)], capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here (needs root): {mounted.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB filesystem of its own, unmounted afterwards; skipped where mounting is not allowed."""
    _mount(tmp_path / "disk", "rw")
    yield tmp_path / "disk"
    subprocess.run(["umount", "-l", str(tmp_path / "disk")], check=False)


@pytest.fixture
def read_only_disk(tmp_path):
    """An empty read-only filesystem of its own, as `small_disk`."""
    _mount(tmp_path / "ro", "ro")
    yield tmp_path / "ro"
    subprocess.run(["umount", "-l", str(tmp_path / "ro")], check=False)


def _init(data: Path, passphrase_file: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reflect", "--data-dir", str(data), "journal", "init",
                           "--passphrase-file", str(passphrase_file)],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


def _fill(disk: Path) -> None:
    """Take every last byte of `disk`."""
    with open(disk / "filler", "wb", buffering=0) as handle:
        for size in (1 << 16, 4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mode & 0o777 for p in folder.rglob("*") if p.name != "filler"}


def test_journal_init_on_a_full_disk_says_so_and_leaves_no_journal(small_disk, passphrase_file):
    """`reflect journal init` on a full disk: "the disk is full", exit 5, no journal.db, the rest private."""
    _fill(small_disk)
    data = small_disk / "j"
    done = _init(data, passphrase_file)
    assert done.returncode == 5
    assert DISK_FULL in done.stderr
    assert not (data / "journal.db").exists()
    assert [name for name in os.listdir(data) if name.startswith("journal.db")] == []
    assert all(mode in (0o600, 0o700) for mode in _modes(data).values()), _modes(data)


def test_journal_init_on_a_read_only_disk_says_so(read_only_disk, passphrase_file):
    """`reflect journal init` on a read-only disk: exit 5 and "read-only", not "something unexpected"."""
    done = _init(read_only_disk / "j", passphrase_file)
    assert done.returncode == 5
    assert "read-only" in done.stderr and "unexpected" not in done.stderr
    assert os.listdir(read_only_disk) == []


def test_export_whose_log_write_fails_keeps_the_pdf_and_says_the_disk_is_full(small_disk, tmp_path,
                                                                              passphrase):
    """The journal's disk fills before the export log is written: the PDF stays, the message says why."""
    journal = open_journal(AppPaths(small_disk / "j"), passphrase, create=True)
    try:
        for n in range(5):
            entry = journal.entries.create_entry(NewEntry(model="free", title=f"Visit {n}"))
            journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "quiet words " * 100))
        _fill(small_disk)
        out = tmp_path / "out"
        out.mkdir()
        with pytest.raises(ExportError) as failed:
            svc.export_document(journal, svc.ExportRequest("portfolio", options=ExportOptions()),
                                out / "p.pdf", accept_findings=True)
        assert DISK_FULL in failed.value.message and "“p.pdf” was written" in failed.value.message
        assert os.listdir(out) == ["p.pdf"]
        with pytest.raises(JournalUnavailable) as backup:
            journal.backup("manual")
        assert DISK_FULL in backup.value.message
        assert os.listdir(small_disk / "j" / "backups") == []
    finally:
        journal.close()


def test_pdf_export_to_a_full_disk_says_so_and_leaves_nothing(small_disk, tmp_path, passphrase):
    """A PDF written to a full disk: "the disk is full", and no file, whole or half, is left there."""
    journal = open_journal(AppPaths(tmp_path / "j"), passphrase, create=True)
    try:
        entry = journal.entries.create_entry(NewEntry(model="free", title="Visit"))
        journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "quiet words " * 3000))
        _fill(small_disk)
        with pytest.raises(ExportError) as failed:
            svc.export_document(journal, svc.ExportRequest("portfolio", options=ExportOptions()),
                                small_disk / "p.pdf", accept_findings=True)
        assert DISK_FULL in failed.value.message
        assert os.listdir(small_disk) == ["filler"]
    finally:
        journal.close()
