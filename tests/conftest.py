"""Shared test set-up.

Qt runs offscreen (CI has no display), and every test gets its own data folder so no test can
touch the real journal in the user's home folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_ACCESSIBILITY", "1")

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Point REFLECT_HOME (and HOME-based defaults) at a fresh folder for every test."""
    home = tmp_path / "reflect-home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "localappdata"))
    return home


@pytest.fixture
def passphrase():
    return PASSPHRASE


@pytest.fixture
def passphrase_file(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def journal(tmp_path):
    """A new, open journal (with the bundled briefings), closed after the test."""
    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal

    opened = open_journal(AppPaths(tmp_path / "journal"), PASSPHRASE, create=True)
    yield opened
    opened.close()


@pytest.fixture
def run_cli(tmp_path, passphrase_file):
    """Run `python -m reflect ...` in a child process; returns the CompletedProcess."""
    import subprocess

    def run(*args: str, data_dir: Path | None = None, passphrase: bool = True, timeout=120):
        command = [sys.executable, "-m", "reflect", *args]
        if data_dir is not None:
            command += ["--data-dir", str(data_dir)]
        if passphrase:
            command += ["--passphrase-file", str(passphrase_file)]
        env = dict(os.environ)
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env,
                              stdin=subprocess.DEVNULL, encoding="utf-8")

    return run
