"""Print a digest of everything a bundle is built from, so an unchanged build can be skipped.

`scripts/build-bundle` stores it beside PyInstaller's work files after a good build and skips the
next build while it still matches; the bundle test relies on the same rule. Covered: the app's
source and resources, this folder (spec, hooks), pyproject.toml, the Python version and the
version of every installed package. Run it with the Python that builds the bundle.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _files() -> list[Path]:
    found = [ROOT / "pyproject.toml"]
    for folder in (ROOT / "src" / "reflect", ROOT / "resources", HERE):
        found += [p for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    return sorted(found)


def digest() -> str:
    h = hashlib.sha256()
    h.update(f"{sys.version} {platform.machine()} {sys.platform}\n".encode())
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()):
        h.update(dist.encode() + b"\n")
    for path in _files():
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


if __name__ == "__main__":
    print(digest())
