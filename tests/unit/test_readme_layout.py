"""The README's table of folders is the tree as it is: every package listed, nothing that is gone."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src" / "reflect"


def _listed() -> set[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## For developers"):text.index("## Performance")]
    return {m.group(1).rstrip("/") for m in re.finditer(r"^\| `([a-z_/]+/)` \|", section, re.MULTILINE)}


def test_every_package_folder_is_in_the_readme_table():
    """Each package of src/reflect, and each feature folder of ui/, has a row in the README's table."""
    folders = [init.parent.relative_to(SRC) for init in SRC.rglob("__init__.py") if init.parent != SRC]
    packages = {f.as_posix() for f in folders
                if len(f.parts) == 1 or (f.parts[0] == "ui" and len(f.parts) == 2)}
    assert packages - _listed() == set()


def test_every_folder_in_the_readme_table_exists():
    """No row names a folder that is not in src/reflect."""
    assert {name for name in _listed() if not (SRC / name).is_dir()} == set()
