"""Benchmark rows for the PyInstaller bundle: its size and start-up beside a bare PySide6 window
bundled the same way (bare_window.py with bare_window.spec: the same exclusions, plugin trimming,
stripping and run-time hook as Reflect's bundle).

Reflect's bundle is dist/Reflect as scripts/build-bundle left it (run.py --build-bundle brings it
up to date first). The bare window's bundle is built once into build/bench-bare/ and reused while
nothing it is made from has changed (run.py --rebuild-bare builds it again anyway). Without
PyInstaller or a built dist/Reflect the rows are skipped, and `rows` says why. Start-up is timed
with the OS file cache warm and, where the benchmark may empty it (Linux, as root), cold too: the
first start after switching on, when every library is read from disk.
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


def start_times(data: Path, passphrase_file: Path, runs: int = RUNS, *,
                cold: bool = False) -> dict[str, float]:
    """Medians, in seconds, from starting each program to its first painted frame (`painted`,
    `bare_painted`) and to its exit (`exited`, `bare_exited`): the bundled Reflect unlocking the
    benchmark journal, and the bundled bare window (interleaved, so a busy moment of the machine
    hits both alike). Each is a fresh process. The OS file cache is warm, as on a laptop that has
    run Reflect before; `cold` empties it before every start, as after switching the laptop on
    (see `can_start_cold`)."""
    app, bare, env = [], [], _env()
    before = _drop_file_cache if cold else (lambda: None)
    # The windowed Reflect.exe has no stdout on Windows to report its paint on; reflect-cli starts
    # the same window from the same code when given no command.
    program = APP / (f"reflect-cli{EXE}" if sys.platform.startswith("win") else f"Reflect{EXE}")
    for _ in range(runs):
        before()
        app.append(run_to_paint([str(program), "--data-dir", str(data), "--passphrase-file",
                                 str(passphrase_file), "--exit-after-first-paint"], env=env,
                                stdin=subprocess.DEVNULL))
        before()
        bare.append(run_to_paint([str(BARE / f"bare-window{EXE}")], env=env, stdin=subprocess.DEVNULL))
    return {"painted": statistics.median(t[0] for t in app), "exited": statistics.median(t[1] for t in app),
            "bare_painted": statistics.median(t[0] for t in bare),
            "bare_exited": statistics.median(t[1] for t in bare)}


DROP_CACHES = Path("/proc/sys/vm/drop_caches")
COLD_RUNS = 5


def can_start_cold() -> bool:
    """Whether this machine lets the benchmark empty the OS file cache (Linux, as root)."""
    return sys.platform.startswith("linux") and os.access(DROP_CACHES, os.W_OK)


def _drop_file_cache() -> None:
    os.sync()
    DROP_CACHES.write_text("3\n")


def rows(row, data: Path, passphrase_file: Path, unlock: float, *, rebuild_bare: bool = False):
    """(rows, note): the bundle's rows, or none and the reason they were skipped."""
    python = pyinstaller_python()
    if python is None:
        return [], ("bundle rows skipped: PyInstaller is not installed (scripts/build-bundle "
                    "installs it into .venv)")
    if not (APP / f"reflect-cli{EXE}").exists():
        return [], "bundle rows skipped: dist/Reflect is not built (run scripts/build-bundle)"
    stale = _app_is_stale(python)
    bare_bundle(python, rebuild_bare)
    size, bare_size = folder_mb(APP), folder_mb(BARE)
    times = start_times(data, passphrase_file)
    start, floor = times["painted"], times["bare_painted"] + unlock
    exited, exit_floor = times["exited"], times["bare_exited"] + unlock
    cold_rows, cold_note = [], "bundle cold-start rows skipped: emptying the file cache needs Linux and root"
    if can_start_cold():
        cold = start_times(data, passphrase_file, COLD_RUNS, cold=True)
        cold_floor = cold["bare_painted"] + unlock
        cold_rows, cold_note = [
            row("bundle cold start to painted dashboard (file cache emptied)", cold["painted"], "s",
                "≤ 1.5 × floor (bare bundle cold + unlock)", cold["painted"] <= 1.5 * cold_floor,
                cold_floor, cold["painted"] / cold_floor),
        ], ""
    return [
        row("bundle size (dist/Reflect)", size, "MB", f"≤ {SIZE_GOAL_MB} MB", size <= SIZE_GOAL_MB,
            bare_size, size / bare_size),
        row("bundle start-up to painted dashboard", start, "s", "≤ 1.5 × floor (bare bundle + unlock)",
            start <= 1.5 * floor, floor, start / floor),
        row("bundle start-up to painted dashboard and exit", exited, "s", "(reported)", True, exit_floor,
            exited / exit_floor),
        row("bare PySide6 window bundle start-up to paint", times["bare_painted"], "s", "(reported)", True),
        *cold_rows,
    ], "; ".join(note for note in (
        "dist/Reflect is older than what it is built from (run with --build-bundle)" if stale else "",
        cold_note) if note)


def _app_is_stale(python: str) -> bool:
    """Whether dist/Reflect was built from other sources than these (scripts/build-bundle's rule)."""
    stamp = ROOT / "build" / "pyinstaller" / "inputs.sha256"
    digest = subprocess.run([python, str(ROOT / "packaging" / "pyinstaller" / "inputs_digest.py")],
                            capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return not stamp.exists() or stamp.read_text().strip() != digest
