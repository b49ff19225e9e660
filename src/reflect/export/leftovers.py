"""Half-written export files: made so a kill leaves only what we can recognise, and removed later.

A finished export is moved into place with one rename, so its temporary file must sit beside the
target (a move across drives is not atomic). A kill before that rename leaves the temporary file
behind. Every such file carries our own name (`.reflect-*.partial`; older versions also left
`.reflect-*.checking.pdf`), and while it is being written it holds an exclusive lock, so the
next export to that folder (and start-up, for the folders in the export log) removes the ones
nobody is writing any more — never a file another running export is still writing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None

log = logging.getLogger(__name__)

PREFIX, SUFFIX = ".reflect-", ".partial"
PATTERNS = (f"{PREFIX}*{SUFFIX}", f"{PREFIX}*.checking.pdf")


@contextlib.contextmanager
def partial_file(folder: Path) -> Iterator[tuple[BinaryIO, Path]]:
    """A new private (0600) file in `folder`, open for writing and locked while the caller writes.

    Raises OSError when the folder cannot take a new file. The caller renames or removes it."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=PREFIX, suffix=SUFFIX)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a new file: nobody else holds it, so this never waits
    with os.fdopen(fd, "w+b") as handle:
        yield handle, Path(name)


def remove_leftovers(folder: Path) -> int:
    """Remove our own half-written files in `folder` that no running export holds; how many went.

    Only regular files owned by this user are touched; anything else is left alone."""
    removed = 0
    try:
        found = [path for pattern in PATTERNS for path in folder.glob(pattern)]
    except OSError:
        return 0
    for path in found:
        removed += _remove_if_abandoned(path)
    if removed:
        log.info("removed %d half-written export file(s)", removed)
    return removed


def remove_leftovers_in(folders: Iterable[Path]) -> int:
    """`remove_leftovers` for each folder that is there (start-up: the export log's folders)."""
    return sum(remove_leftovers(folder) for folder in dict.fromkeys(folders) if folder.is_dir())


def _remove_if_abandoned(path: Path) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return 0  # a link, or gone already
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            return 0
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # OSError: an export is writing it now
            os.unlink(path)  # while holding the lock, so no writer can have taken it over
            return 1
    except OSError:
        return 0
    finally:
        os.close(fd)
    try:  # Windows: no locks, but a file another export still has open cannot be deleted
        os.unlink(path)
    except OSError:
        return 0
    return 1
