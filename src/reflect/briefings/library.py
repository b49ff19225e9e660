"""The briefings that ship with Reflect (the Child R briefing first among them).

They live in the repository's `resources/briefings/` and are found through `reflect.domain.resources`, so the
same code works from a source checkout, an editable install, an installed wheel and a frozen app,
without relying on the current directory or on `__file__` arithmetic.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from reflect.domain.resources import resource_dir

if TYPE_CHECKING:
    from reflect.domain.briefing import Briefing

# Kept in step with readers.SUPPORTED_SUFFIXES (a test checks); repeated here so that listing the
# bundled files at every unlock does not import the parser and the file readers.
SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".docx", ".pdf"})

#: the folder of bundled briefings inside the installed package
BUNDLED_DIR = resource_dir("briefings")


def _bundled_entries() -> list[Path]:
    if not BUNDLED_DIR.is_dir():
        return []
    entries = [
        entry
        for entry in BUNDLED_DIR.iterdir()
        if entry.is_file() and PurePath(entry.name).suffix.lower() in SUFFIXES
    ]
    return sorted(entries, key=lambda entry: entry.name)


def bundled_briefing_paths() -> list[Path]:
    """The bundled briefing files, sorted by name (empty if the package is not on disk)."""
    return _bundled_entries()


def bundled_keys() -> list[str]:
    """The keys (file names without suffix) of the bundled briefings, without parsing them."""
    return [PurePath(entry.name).stem for entry in _bundled_entries()]


def load_bundled() -> list[tuple[str, Briefing]]:
    """(key, briefing) for every bundled briefing; the key is the file name without its suffix.

    A bundled briefing that does not parse is a packaging bug, so its error is not caught here.
    """
    from reflect.briefings.readers import read_briefing_bytes

    return [
        (PurePath(entry.name).stem, read_briefing_bytes(entry.read_bytes(), entry.name))
        for entry in _bundled_entries()
    ]
