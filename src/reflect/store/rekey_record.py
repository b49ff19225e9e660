"""The record of a passphrase change re-keying the backups, kept in the journal while it runs.

Re-keying the backups takes 0.6 s each on a large journal, after the journal itself has its new
key. A kill in between leaves backups that open only with the previous passphrase; this row is how
the next unlock knows to say so. It holds when the change began and how far it got — never a key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reflect.store.database import Database


@dataclass(frozen=True)
class BackupRekeying:
    """A re-keying of the backups that began at `started_at` (ISO, UTC) and did `done` of `total`."""

    started_at: str
    done: int
    total: int


class RekeyRecord:
    def __init__(self, db: Database) -> None:
        self.db = db

    def begin(self, total: int) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT OR REPLACE INTO backup_rekeying (id, started_at, done, total) VALUES "
                "(1, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), 0, ?)", [total])

    def progress(self, done: int, total: int) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE backup_rekeying SET done = ?, total = ? WHERE id = 1",
                            [done, total])

    def finish(self) -> None:
        """The re-keying ended (or the user chose to keep the backups as they are)."""
        with self.db.atomic():
            self.db.execute("DELETE FROM backup_rekeying")

    def unfinished(self) -> BackupRekeying | None:
        row = self.db.execute("SELECT started_at, done, total FROM backup_rekeying").fetchone()
        return None if row is None else BackupRekeying(*row)
