"""Killing Reflect (SIGKILL) while someone types loses at most the last second of typing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reflect.paths import AppPaths
from reflect.services.opening import open_journal

CHILD = Path(__file__).with_name("typing_child.py")
pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")


def _start(data_dir, passphrase_file, mode):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, str(CHILD), str(data_dir), str(passphrase_file), mode],
                            stdout=subprocess.PIPE, text=True, env=env)


def _entry_text(data_dir, passphrase, entry_id) -> str:
    with open_journal(AppPaths(data_dir), passphrase) as journal:
        assert journal.integrity_ok()
        return " ".join(a.text for a in journal.entries.get_entry(entry_id).answers)


def test_text_typed_before_a_pause_survives_sigkill(tmp_path, passphrase_file, passphrase):
    """Type, pause past the debounce, SIGKILL: reopening finds the text."""
    child = _start(tmp_path / "j", passphrase_file, "pause")
    try:
        entry_id = int(child.stdout.readline().split()[1])
        assert child.stdout.readline().strip() == "typed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert "The chronology told a different story" in _entry_text(tmp_path / "j", passphrase, entry_id)


@pytest.mark.parametrize("run_for", [2.5, 4.0])
def test_continuous_typing_loses_at_most_a_second(tmp_path, passphrase_file, passphrase, run_for):
    """Type without pausing, SIGKILL mid-word: every word typed over a second before is saved."""
    child = _start(tmp_path / "j", passphrase_file, "continuous")
    words: list[tuple[int, float]] = []
    try:
        entry_id = int(child.stdout.readline().split()[1])
        started = time.monotonic()
        while time.monotonic() - started < run_for:
            _, n, at = child.stdout.readline().split()
            words.append((int(n), float(at)))
    finally:
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait()
    text = _entry_text(tmp_path / "j", passphrase, entry_id)
    must_have = [n for n, at in words if killed_at - at > 1.0]
    assert must_have, "the child typed for too short a time to test anything"
    missing = [n for n in must_have if f"w{n} " not in text + " "]
    assert missing == []
