"""Benchmark rows for the PyInstaller bundle: its size and start-up beside a bare PySide6 window
bundled the same way (bare_window.py with bare_window.spec: the same exclusions, plugin trimming,
stripping and run-time hook as Reflect's bundle).

Reflect's bundle is dist/Reflect as scripts/build-bundle left it (run.py --build-bundle brings it
up to date first). The bare window's bundle is built once into build/bench-bare/ and reused while
nothing it is made from has changed (run.py --rebuild-bare builds it again anyway). Without
PyInstaller or a built dist/Reflect the rows are skipped, and `rows` says why.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from painted import run_to_paint

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP = ROOT / "dist" / "Reflect"
BARE_WORK = ROOT / "build" / "bench-bare"
BARE = BARE_WORK / "dist" / "bare-window"
EXE = ".exe" if sys.platform.startswith("win") else ""
SIZE_GOAL_MB = 185  # 212 MB before the bundle was trimmed (issue 17)
RUNS = 9


def pyinstaller_python() -> str | None:
    """A Python that has PyInstaller: scripts/build-bundle's .venv, else this one."""
    for candidate in (ROOT / ".venv" / "bin" / "python", ROOT / ".venv" / "Scripts" / "python.exe",
                      Path(sys.executable)):
        if candidate.exists() and subprocess.run([str(candidate), "-c", "import PyInstaller"],
                                                 capture_output=True).returncode == 0:
            return str(candidate)
    return None


def build_app_bundle() -> None:
    """Bring dist/Reflect up to date (scripts/build-bundle skips an unchanged build)."""
    subprocess.run(["bash", str(ROOT / "scripts" / "build-bundle"), "--no-self-test"], check=True,
                   cwd=ROOT, stdin=subprocess.DEVNULL)


def _bare_key(python: str) -> str:
    """What the bare bundle is made from: its script and spec, the shared trimming, the versions."""
    h = hashlib.sha256()
    versions = subprocess.run(
        [python, "-c", "import sys, PyInstaller, PySide6; "
                       "print(sys.version, PyInstaller.__version__, PySide6.__version__)"],
        capture_output=True, text=True, check=True).stdout
    h.update(versions.encode())
    packaging = ROOT / "packaging" / "pyinstaller"
    files = [HERE / "bare_window.py", HERE / "bare_window.spec", packaging / "lean.py",
             packaging / "qt_trim.py", *sorted((packaging / "hooks").rglob("*"))]
    for path in files:
        if path.is_file() and path.suffix != ".pyc":
            h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def bare_bundle(python: str, rebuild: bool = False) -> Path:
    """build/bench-bare/dist/bare-window, built only when missing, out of date or asked for."""
    key = _bare_key(python)
    stamp = BARE_WORK / "inputs.sha256"
    program = BARE / f"bare-window{EXE}"
    if rebuild or not program.exists() or not stamp.exists() or stamp.read_text() != key:
        shutil.rmtree(BARE_WORK, ignore_errors=True)
        BARE_WORK.mkdir(parents=True)
        print("building the bare PySide6 window's bundle (once; see bench/bundle.py)")
        subprocess.run([python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                        "--distpath", str(BARE_WORK / "dist"), "--workpath", str(BARE_WORK / "work"),
                        str(HERE / "bare_window.spec")], check=True, cwd=ROOT, capture_output=True)
        stamp.write_text(key)
    return BARE


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_PLUGIN_PATH")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def start_times(data: Path, passphrase_file: Path, runs: int = RUNS) -> dict[str, float]:
    """Medians, in seconds, from starting each program to its first painted frame (`painted`,
    `bare_painted`) and to its exit (`exited`, `bare_exited`): the bundled Reflect unlocking the
    benchmark journal, and the bundled bare window (interleaved, so a busy moment of the machine
    hits both alike). Each is a fresh process; the OS file cache is warm, as on a laptop that has
    run Reflect before."""
    app, bare, env = [], [], _env()
    # The windowed Reflect.exe has no stdout on Windows to report its paint on; reflect-cli starts
    # the same window from the same code when given no command.
    program = APP / (f"reflect-cli{EXE}" if sys.platform.startswith("win") else f"Reflect{EXE}")
    for _ in range(runs):
        app.append(run_to_paint([str(program), "--data-dir", str(data), "--passphrase-file",
                                 str(passphrase_file), "--exit-after-first-paint"], env=env,
                                stdin=subprocess.DEVNULL))
        bare.append(run_to_paint([str(BARE / f"bare-window{EXE}")], env=env, stdin=subprocess.DEVNULL))
    return {"painted": statistics.median(t[0] for t in app), "exited": statistics.median(t[1] for t in app),
            "bare_painted": statistics.median(t[0] for t in bare),
            "bare_exited": statistics.median(t[1] for t in bare)}
