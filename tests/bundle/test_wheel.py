"""A wheel built from the tree carries the bundled files and works with no checkout around it.

The bundled files live in `resources/` at the repository top; the build copies them into the
package (setup.py). This builds a wheel from a copy of the tree, installs it alone (`--no-deps`)
into a fresh venv that borrows its dependencies from the test venv, and runs the self-test from
a folder outside the checkout: the Child R briefing, the fonts and the dictionary must all be found.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytest.importorskip("setuptools", reason="building a wheel needs setuptools")

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
TREE = ("src", "resources", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md")


def _run(*args, **kwargs):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=300,
                            stdin=subprocess.DEVNULL, **kwargs)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The python of a fresh venv holding only the wheel (its dependencies seen from the test venv)."""
    work = tmp_path_factory.mktemp("wheel")
    tree = work / "tree"
    tree.mkdir()
    for name in TREE:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.pyc", "*.egg-info"))
        else:
            shutil.copy2(source, tree / name)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", work / "dist", tree)
    (wheel,) = (work / "dist").glob("reflect-*.whl")
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel)
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "borrowed-test-venv.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    return python


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "REFLECT_HOME")}
    env["REFLECT_HOME"] = str(tmp_path / "home")
    env["TMPDIR"] = str(tmp_path)
    return env


def test_the_installed_wheel_uses_its_own_copy_of_the_files(installed, tmp_path):
    """`reflect` comes from the fresh venv, and so do its fonts, briefings and dictionaries."""
    probe = ("import reflect, reflect.domain.resources as r; "
             "print(reflect.__file__); print(r.resource_root())")
    out = _run(installed, "-c", probe, cwd=tmp_path, env=_env(tmp_path)).stdout.splitlines()
    venv = installed.parents[1]
    assert Path(out[0]).is_relative_to(venv), out
    assert Path(out[1]).is_relative_to(venv), out
    for needed in ("briefings/child-r-7-minute-briefing.txt", "dictionaries/en_GB.words.gz",
                   "fonts/DejaVuSans.ttf", "icons/reflect-32.png"):
        assert (Path(out[1]) / needed).is_file(), needed


def test_the_self_test_passes_from_the_wheel(installed, tmp_path):
    """`reflect --self-test` from outside the checkout: every step ok, exit 0."""
    result = subprocess.run([str(installed), "-m", "reflect", "--self-test"], capture_output=True,
                            text=True, timeout=300, stdin=subprocess.DEVNULL, cwd=tmp_path,
                            env=_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "briefing" in result.stdout.lower()
