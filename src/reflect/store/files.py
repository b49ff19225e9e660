"""Files and folders that hold journal data are private to the user (0700 / 0600 on POSIX)."""

from __future__ import annotations

import os
from pathlib import Path


def make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        try:
            os.chmod(path, 0o700)
        except OSError:
            pass  # a folder we do not own (e.g. a mounted share): leave it as IT set it


def make_private_file(path: Path) -> None:
    if os.name == "posix":
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass
