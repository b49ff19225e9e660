"""Encrypted backups of the journal: taking, checking, listing, keeping and pruning them.

`VACUUM INTO` writes a complete, compacted copy encrypted with the same key (SQLCipher keeps the
key and salt for the new file), so a backup is as private as the journal and opens with the same
passphrase. Each copy is written under a temporary name, checked with `PRAGMA integrity_check`, and
only then given its final name: a half-written or damaged copy never looks like a backup.

Kept: the newest 10, plus the newest of each of the last 12 months; the rest are deleted.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.domain.backups import BackupContents, BackupFile
from reflect.domain.errors import DISK_FULL, JournalUnavailable, is_disk_full
from reflect.store.connection import COPY, quick_check, separate_connection
from reflect.store.driver import DatabaseError
from reflect.store.files import make_private_dir, make_private_file

if TYPE_CHECKING:
    from reflect.store.database import Database

BACKUP_SUFFIX = ".reflect-backup"
KEEP_LATEST = 10
KEEP_MONTHS = 12
_NAME = re.compile(r"^journal-(\d{8}T\d{6}\d{6})Z-([a-z-]+)" + re.escape(BACKUP_SUFFIX) + "$")
_ALIAS = "reflect_backup"


def take_backup(db: Database, backup_dir: Path, reason: str) -> Path:
    """Write a verified encrypted copy of `db` into `backup_dir`, prune old ones, return the path."""
    reason = re.sub(r"[^a-z-]", "-", reason.lower()) or "manual"
    make_private_dir(backup_dir)
    _remove_unfinished(backup_dir)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    final = backup_dir / f"journal-{stamp}Z-{reason}{BACKUP_SUFFIX}"
    write_verified_copy(db, final)
    prune(backup_dir)
    return final


def _remove_unfinished(backup_dir: Path) -> None:
    """Delete copies a killed process left half-written (encrypted, but never a backup). Backups
    are taken one at a time (the journal serialises them), so none is being written now."""
    for leftover in backup_dir.glob(f"journal-*{BACKUP_SUFFIX}.partial"):
        try:
            leftover.unlink()
        except OSError:
            pass


def copy_of_file(path: Path, passphrase: str, target: Path) -> None:
    """`write_verified_copy` of the journal file at `path` through a separate read-only connection
    (for a worker thread)."""
    try:
        with separate_connection(path, passphrase, purpose=COPY) as conn:
            write_verified_copy(conn, target)
    except DatabaseError as exc:
        raise JournalUnavailable("Reflect could not read the journal to copy it. Try again.") from exc


def take_backup_of_file(path: Path, passphrase: str, backup_dir: Path, reason: str) -> Path:
    """`take_backup` through a separate read-only connection to the journal file at `path`, for a
    worker thread: the app's own connection never leaves the UI thread. WAL lets the app go on
    writing; the copy is the journal as it was when the copy began."""
    try:
        with separate_connection(path, passphrase, purpose=COPY) as conn:
            return take_backup(conn, backup_dir, reason)
    except DatabaseError as exc:
        raise JournalUnavailable("Reflect could not read the journal to back it up. It will try "
                                 "again next time it is unlocked.") from exc


def write_verified_copy(db: Database, target: Path) -> None:
    """An encrypted, integrity-checked copy of `db` at `target`, replacing it only when complete."""
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        db.execute("VACUUM INTO ?", [str(partial)])
        if not inspect(db, partial).healthy:
            raise DatabaseError("copy failed its integrity check")
        make_private_file(partial)
        with open(partial, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except (DatabaseError, OSError) as exc:
        partial.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise JournalUnavailable(f"{DISK_FULL} No copy was written to {target.parent}.") from exc
        raise JournalUnavailable(
            f"Reflect could not write a copy of the journal to {target.parent}. "
            "Check the folder can be written and the disk has space."
        ) from exc


def inspect(db: Database, path: Path, passphrase: str | None = None) -> BackupContents:
    """Attach `path` (with the journal's key, or `passphrase` for a copy made elsewhere, whose salt
    differs): is it whole, and how many entries and sessions does it hold?"""
    try:
        if passphrase is None:
            db.execute(f"ATTACH DATABASE ? AS {_ALIAS}", [str(path)])
        else:
            db.execute(f"ATTACH DATABASE ? AS {_ALIAS} KEY ?", [str(path), passphrase])
    except DatabaseError:
        return BackupContents(None, None, False)
    try:
        healthy = db.execute(f"PRAGMA {_ALIAS}.integrity_check").fetchall() == [("ok",)]
        entries, sessions = db.execute(
            f"SELECT (SELECT count(*) FROM {_ALIAS}.entries), (SELECT count(*) FROM {_ALIAS}.sessions)"
        ).fetchone()
        return BackupContents(entries, sessions, healthy)
    except DatabaseError:
        return BackupContents(None, None, False)
    finally:
        try:
            db.execute(f"DETACH DATABASE {_ALIAS}")
        except DatabaseError:
            pass


def _stamp_time(stamp: str) -> datetime | None:
    """The moment in a backup's name (YYYYMMDDTHHMMSSffffff, UTC); None if it is no real moment.

    Parsed by hand, not with `datetime.strptime`: that imports `_strptime` on first use, and a
    backup can be taken on the unlocking thread while the UI thread imports (see OpeningJournal).
    """
    try:
        return datetime(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]), int(stamp[9:11]),
                        int(stamp[11:13]), int(stamp[13:15]), int(stamp[15:21]), tzinfo=timezone.utc)
    except ValueError:
        return None


def list_backups(backup_dir: Path) -> list[BackupFile]:
    """Backups in `backup_dir`, newest first."""
    found = []
    if not backup_dir.is_dir():
        return found
    for path in backup_dir.iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        taken = _stamp_time(match.group(1))
        if taken is None:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupFile(path, taken, match.group(2), size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def to_keep(backups: list[BackupFile], now: datetime | None = None) -> set[Path]:
    """The newest KEEP_LATEST, plus the newest backup of each of the last KEEP_MONTHS months."""
    now = now or datetime.now(timezone.utc)
    keep = {b.path for b in backups[:KEEP_LATEST]}
    months_seen: set[tuple[int, int]] = set()
    earliest = (now.year * 12 + now.month - 1) - (KEEP_MONTHS - 1)
    for backup in backups:  # newest first, so the first one met in a month is its newest
        month = (backup.taken_at.year, backup.taken_at.month)
        if month in months_seen or backup.taken_at.year * 12 + backup.taken_at.month - 1 < earliest:
            continue
        months_seen.add(month)
        keep.add(backup.path)
    return keep


def prune(backup_dir: Path, now: datetime | None = None) -> list[Path]:
    """Delete backups the policy no longer keeps; returns what was deleted."""
    backups = list_backups(backup_dir)
    keep = to_keep(backups, now)
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            try:
                backup.path.unlink()
                deleted.append(backup.path)
            except OSError:
                pass  # a file we cannot delete is simply kept
    return deleted


def newest(backup_dir: Path) -> BackupFile | None:
    backups = list_backups(backup_dir)
    return backups[0] if backups else None


def newest_opening_with(backup_dir: Path, passphrase: str) -> BackupFile | None:
    """The newest backup in `backup_dir` that is whole and opens with `passphrase`, or None."""
    for backup in list_backups(backup_dir):
        if quick_check(backup.path, passphrase):
            return backup
    return None
