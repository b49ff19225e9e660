"""The frozen build: scripts/build-bundle makes dist/Reflect, and the programs in it work.

A one-folder PyInstaller build fails in ways the source tree never shows: a data file not
collected, a module loaded by name, a Qt plugin left out. So this builds the bundle (or reuses it
while nothing it is made from has changed: the script decides) and runs what IT would run after
deploying it. Skipped where PyInstaller is not installed; `scripts/test` installs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e .[bundle])")

from reflect.services.self_test import STEPS
from reflect.ui.shell.gui_self_test import STEPS as GUI_STEPS

pytestmark = pytest.mark.bundle

REPO = Path(__file__).resolve().parents[2]
DIST = REPO / "dist" / "Reflect"
EXE = ".exe" if sys.platform.startswith("win") else ""
MAX_MB = 185  # Linux, where Qt brings its own ICU (about 40 MB); see packaging/windows/README.md


@pytest.fixture(scope="module")
def bundle() -> Path:
    """dist/Reflect, built (or found up to date) by scripts/build-bundle."""
    result = subprocess.run(["bash", str(REPO / "scripts" / "build-bundle"), "--no-self-test"],
                            cwd=REPO, capture_output=True, text=True, timeout=900,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return DIST


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    temp = tmp_path / "temp"
    temp.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                             "QT_QPA_PLATFORM", "PYTHONPATH")}
    env.update(TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp),
               REFLECT_HOME=str(tmp_path / "reflect-home"), **extra)
    return env


def _run(program: Path, *args: str, env: dict[str, str], timeout: int = 120):
    return subprocess.run([str(program), *args], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=timeout, stdin=subprocess.DEVNULL, cwd=env["TMPDIR"])


def test_both_programs_share_one_folder(bundle):
    """Reflect (windowed) and reflect-cli (console) sit side by side over one _internal folder."""
    assert (bundle / f"Reflect{EXE}").is_file()
    assert (bundle / f"reflect-cli{EXE}").is_file()
    assert [p.name for p in bundle.iterdir() if p.is_dir()] == ["_internal"]


def test_cli_self_test_passes_in_the_bundle(bundle, tmp_path):
    """`reflect-cli --self-test`, with no display: exit 0, an ok line for every step (the main
    window and every page offscreen among them), and its temporary folder removed."""
    env = _env(tmp_path)
    result = _run(bundle / f"reflect-cli{EXE}", "--self-test", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(STEPS) + len(GUI_STEPS) + 1, result.stdout
    assert "ok   show every page and the Reflect page's tabs" in lines
    assert all(line.startswith("ok   ") for line in lines), result.stdout
    assert list(Path(env["TMPDIR"]).iterdir()) == []
    assert not (tmp_path / "reflect-home").exists()


def test_self_test_names_a_platform_plugin_trimmed_away(bundle, tmp_path):
    """A copy of the bundle without the desktop's platform plugin fails its self-test, saying
    which plugin is missing and what for, instead of crashing or passing."""
    platform_plugin = "qwindows.dll" if EXE else "libqxcb.so"
    copy = tmp_path / "Reflect"
    shutil.copytree(bundle, copy, symlinks=True, copy_function=_link_or_copy)
    removed = [p for p in copy.rglob(platform_plugin) if p.parent.name == "platforms"]
    assert len(removed) == 1, removed
    removed[0].unlink()
    result = _run(copy / f"reflect-cli{EXE}", "--self-test", env=_env(tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    desktop = "windows" if EXE else "xcb"
    assert failed[0].startswith("FAIL find Qt's plugins"), result.stdout
    assert f"the Qt plugin platforms/{desktop} (for windows on " in failed[0] and "missing" in failed[0]
    assert "FAIL open the main window offscreen: not run" in result.stdout
    assert "ok   reopen the journal with its passphrase" in result.stdout  # the rest still ran


def _link_or_copy(source, target):
    try:
        os.link(source, target)  # the bundle is large: share its files instead of copying them
    except OSError:
        shutil.copy2(source, target)


def test_windowed_program_runs_the_self_test_too(bundle, tmp_path):
    """The windowed Reflect program takes --self-test as well (on Windows only its exit code shows)."""
    result = _run(bundle / f"Reflect{EXE}", "--self-test", env=_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_frozen_app_opens_a_journal_and_paints_its_window(bundle, tmp_path):
    """reflect-cli creates a journal; Reflect unlocks it from a passphrase file and paints the main
    window offscreen (Qt, its platform plugin and the fonts all load from the bundle)."""
    env = _env(tmp_path)
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("correct horse battery staple\n", encoding="utf-8")
    journal = tmp_path / "journal"
    common = ("--data-dir", str(journal), "--passphrase-file", str(passphrase))
    created = _run(bundle / f"reflect-cli{EXE}", "journal", "init", *common, env=env)
    assert created.returncode == 0, created.stdout + created.stderr
    listed = _run(bundle / f"reflect-cli{EXE}", "briefing", "list", "--json", *common, env=env)
    assert listed.returncode == 0 and "Child R" in listed.stdout, listed.stdout + listed.stderr
    shown = _run(bundle / f"Reflect{EXE}", *common, "--exit-after-first-paint",
                 env={**env, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert shown.returncode == 0, shown.stdout + shown.stderr
    if not sys.platform.startswith("win"):  # the windowed Reflect.exe has no stdout on Windows
        assert any(line.startswith("painted ") for line in shown.stdout.splitlines()), shown.stdout


def test_bundle_is_lean(bundle):
    """No unused Qt modules, translations or plugins (image formats, spare platforms, Wayland's
    server-side and special-purpose shells); no TLS or readline; no test tools; a sane size."""
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    names = {p.relative_to(bundle).as_posix() for p in files}
    unwanted = ("QtNetwork", "QtQml", "QtQuick", "QtWebEngine", "QtPdf", "QtMultimedia", "Qt3D",
                "QtSql", "/translations/", "/plugins/tls/", "/plugins/imageformats/", "/iconengines/",
                "qvnc", "qminimal", "qdirect2d", "qlinuxfb", "qeglfs", "-server.", "ivi-shell",
                "wl-shell", "opengl32sw", "libssl", "_ssl.", "readline", "pytest", "hypothesis",
                "PyInstaller/")
    assert [n for n in names if any(u in n for u in unwanted)] == []
    resources = bundle / "_internal" / "reflect" / "resources"
    for needed in ("fonts/DejaVuSans.ttf", "briefings/child-r-7-minute-briefing.txt",
                   "dictionaries/en_GB.words.gz", "dictionaries/safeguarding.txt"):
        assert (resources / needed).is_file(), needed
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    assert size_mb < MAX_MB, f"the bundle has grown to {size_mb:.0f} MB"


def test_qt_is_not_loaded_before_reflect_starts(bundle):
    """PyInstaller's own PySide6 run-time hook imports QtCore before the program's first line;
    ours (packaging/pyinstaller/hooks/rthooks) replaces it, so unlocking overlaps loading Qt."""
    from PyInstaller.archive.readers import CArchiveReader

    for program in ("Reflect", "reflect-cli"):
        scripts = [name for name in CArchiveReader(str(bundle / f"{program}{EXE}")).toc if "rth" in name]
        assert "pyi_rth_pyside6_deferred" in scripts and "pyi_rth_pyside6" not in scripts, scripts
