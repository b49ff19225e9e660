"""`reflect --self-test` in the normal install: passes, stays in its temp folder, stays offline.

The same check runs inside the frozen build in test_bundle.py; here it is fast (a few seconds per
run) and needs no PyInstaller.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from reflect.services import self_test
from reflect.ui.shell import gui_self_test

ALL_STEPS = self_test.STEPS + gui_self_test.STEPS

# Any attempt to open a socket from Python fails loudly; then the self-test runs as `reflect
# --self-test` does (its GUI part included).
NO_NETWORK_PRELUDE = """
import socket, sys
def refuse(*args, **kwargs):
    raise AssertionError("the self-test tried to use the network")
class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        refuse()
socket.socket = NoSocket
for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
    setattr(socket, name, refuse)
from reflect.cli import main
sys.exit(main(["--self-test"]))
"""
# The journey's steps alone (what `main` runs when given no others) need no Qt.
NO_QT = """
import sys
from reflect.services import self_test
code = self_test.main()
assert "PySide6" not in sys.modules, "the self-test's journey loaded Qt"
sys.exit(code)
"""


def _isolated_env(tmp_path: Path) -> tuple[dict[str, str], dict[str, Path]]:
    """An environment whose temp, home, data and config folders are empty folders under tmp_path."""
    folders = {name: tmp_path / name for name in ("temp", "home", "xdg-data", "xdg-config",
                                                   "xdg-cache", "localappdata")}
    for folder in folders.values():
        folder.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                             "QT_QPA_PLATFORM")}
    env.update(TMPDIR=str(folders["temp"]), TEMP=str(folders["temp"]), TMP=str(folders["temp"]),
               HOME=str(folders["home"]), XDG_DATA_HOME=str(folders["xdg-data"]),
               XDG_CONFIG_HOME=str(folders["xdg-config"]), XDG_CACHE_HOME=str(folders["xdg-cache"]),
               LOCALAPPDATA=str(folders["localappdata"]), REFLECT_HOME=str(tmp_path / "reflect-home"),
               PYTHONDONTWRITEBYTECODE="1")
    return env, folders


def _assert_all_ok(stdout: str, steps=ALL_STEPS) -> None:
    lines = stdout.splitlines()
    assert len(lines) == len(steps) + 1, stdout
    assert all(line.startswith("ok   ") for line in lines), stdout


def test_self_test_passes_and_writes_nothing_outside_its_folder(tmp_path):
    """`python -m reflect --self-test` exits 0 with an ok line per step, and leaves the temp, home,
    data and config folders as empty as it found them (no journal, settings or logs anywhere)."""
    env, folders = _isolated_env(tmp_path)
    result = subprocess.run([sys.executable, "-m", "reflect", "--self-test"], capture_output=True,
                            text=True, encoding="utf-8", env=env, timeout=120, cwd=tmp_path,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_all_ok(result.stdout)
    left = {name: sorted(str(p) for p in folder.rglob("*")) for name, folder in folders.items()}
    assert left == {name: [] for name in folders}
    assert not (tmp_path / "reflect-home").exists()


def test_self_test_uses_no_network(tmp_path):
    """With every socket call made from Python to fail, the whole self-test still passes."""
    env, _folders = _isolated_env(tmp_path)
    result = subprocess.run([sys.executable, "-c", NO_NETWORK_PRELUDE], capture_output=True,
                            text=True, encoding="utf-8", env=env, timeout=120, cwd=tmp_path,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_all_ok(result.stdout)


def test_the_journey_needs_no_qt(tmp_path):
    """The steps below the windows pass without loading Qt: only the GUI part needs it."""
    env, _folders = _isolated_env(tmp_path)
    result = subprocess.run([sys.executable, "-c", NO_QT], capture_output=True, text=True,
                            encoding="utf-8", env=env, timeout=120, cwd=tmp_path,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_all_ok(result.stdout, self_test.STEPS)


def test_a_failing_step_is_named_and_later_steps_say_why_they_did_not_run(tmp_path, monkeypatch):
    """A broken step prints FAIL with its reason, steps that need it are not run, the exit code is
    1, and the temporary folder is still removed."""
    monkeypatch.setattr(self_test.tempfile, "tempdir", str(tmp_path))

    def broken(run):
        raise self_test.StepFailed("the reflection did not read back")

    steps = tuple((name, broken if name == "write a reflection" else step, needs)
                  for name, step, needs in self_test.STEPS)
    monkeypatch.setattr(self_test, "STEPS", steps)
    out = io.StringIO()
    assert self_test.main(out) == 1
    lines = out.getvalue().splitlines()
    assert "FAIL write a reflection: the reflection did not read back" in lines
    assert ("FAIL plan a session and link the reflection: not run, because 'write a reflection' "
            "failed") in lines
    assert "ok   load the UK English dictionary" in lines
    assert lines[-1] == "ok   remove the temporary folder"
    assert list(tmp_path.iterdir()) == []


def test_cli_flag_runs_the_self_test_with_its_gui_part(monkeypatch):
    """`reflect --self-test` hands the journey's and the GUI's steps to
    reflect.services.self_test.main and returns its exit code."""
    given = []
    monkeypatch.setattr(self_test, "main", lambda steps: given.append(steps) or 7)
    from reflect.cli import main

    assert main(["--self-test"]) == 7
    assert given == [ALL_STEPS]
