"""What a backup of the journal is, as plain values: the store finds and checks backups on disk,
the Backups window shows them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class BackupFile:
    """A backup file in the backup folder: when it was taken, and why."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds, read by attaching it (None: it does not open with this key)."""

    entries: int | None
    sessions: int | None
    healthy: bool
    #: it does not open with the journal's passphrase at all (after an interrupted passphrase
    #: change: it needs the previous one)
    other_key: bool = False
