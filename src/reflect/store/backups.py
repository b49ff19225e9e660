"""Encrypted backups of the journal.

`VACUUM INTO` writes a complete, compacted copy encrypted with the same key (SQLCipher keeps the
key for the new file), so a backup is as private as the journal and opens with the same
passphrase. Each copy is written under a temporary name, checked with `PRAGMA integrity_check`, and
only then given its final name: a half-written or damaged copy never looks like a backup.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from reflect.domain.errors import JournalUnavailable
from reflect.store.driver import DatabaseError
from reflect.store.files import make_private_dir, make_private_file

BACKUP_SUFFIX = ".reflect-backup"
_NAME = re.compile(r"^journal-(\d{8}T\d{6}\d{6})Z-([a-z-]+)" + re.escape(BACKUP_SUFFIX) + "$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str
    size: int


def take_backup(db: sqlite_utils.Database, backup_dir: Path, reason: str) -> Path:
    """Write a verified encrypted copy of `db` into `backup_dir` and return its path."""
    reason = re.sub(r"[^a-z-]", "-", reason.lower()) or "manual"
    make_private_dir(backup_dir)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    final = backup_dir / f"journal-{stamp}Z-{reason}{BACKUP_SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        db.execute("VACUUM INTO ?", [str(partial)])
        _verify(db, partial)
        make_private_file(partial)
        os.replace(partial, final)
    except (DatabaseError, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise JournalUnavailable(
            f"Reflect could not write a backup to {backup_dir}. "
            "Check the folder can be written and the disk has space."
        ) from exc
    return final


def _verify(db: sqlite_utils.Database, path: Path) -> None:
    """Attach the copy (same key) and run an integrity check on it."""
    alias = "backup_check"
    db.execute(f"ATTACH DATABASE ? AS {alias}", [str(path)])
    try:
        result = db.execute(f"PRAGMA {alias}.integrity_check").fetchall()
    finally:
        db.execute(f"DETACH DATABASE {alias}")
    if result != [("ok",)]:
        raise DatabaseError("backup failed its integrity check")


def list_backups(backup_dir: Path) -> list[BackupFile]:
    """Backups in `backup_dir`, newest first."""
    found = []
    if not backup_dir.is_dir():
        return found
    for path in backup_dir.iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        taken = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=timezone.utc)
        found.append(BackupFile(path, taken, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)
