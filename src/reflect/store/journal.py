"""An open journal: the lock, the encrypted database, its migrations and the stores over it.

`Journal.open` is the one way in. Order matters: take the lock (so two Reflects never migrate the
same file), prove the key, refuse a journal from a newer version, back up, migrate.
"""

from __future__ import annotations

import logging
from pathlib import Path

import sqlite_utils

from reflect.domain.errors import JournalDamaged
from reflect.store import backups
from reflect.store.action_store import ActionStore
from reflect.store.briefing_store import BriefingStore
from reflect.store.connection import connect, passphrase_opens
from reflect.store.dictionary_store import DictionaryStore
from reflect.store.driver import DatabaseError
from reflect.store.export_log_store import ExportLogStore
from reflect.store.files import make_private_file
from reflect.store.journal_store import JournalStore
from reflect.store.lockfile import JournalLock
from reflect.store.migrations import MIGRATIONS, apply_migrations
from reflect.store.privacy_store import PrivacyStore
from reflect.store.revision_store import RevisionStore
from reflect.store.search import SearchIndex
from reflect.store.session_store import SessionStore

log = logging.getLogger(__name__)


class Journal:
    def __init__(self, db: sqlite_utils.Database, path: Path, lock: JournalLock,
                 backup_dir: Path) -> None:
        self.db = db
        self.path = path
        self.backup_dir = backup_dir
        self._lock = lock
        self.briefings = BriefingStore(db)
        self.entries = JournalStore(db)
        self.sessions = SessionStore(db)
        self.actions = ActionStore(db)
        self.search = SearchIndex(db)
        self.dictionary = DictionaryStore(db)
        self.revisions = RevisionStore(db)
        self.privacy = PrivacyStore(db)
        self.exports = ExportLogStore(db)

    @classmethod
    def open(cls, path: Path, passphrase: str, *, create: bool = False,
             backup_dir: Path | None = None, lock_path: Path | None = None,
             migrations=MIGRATIONS) -> Journal:
        """Open the journal at `path` (creating it if `create` and absent).

        Raises WrongPassphrase, JournalInUse, JournalTooNew, JournalDamaged, JournalNotFound or
        JournalUnavailable; on any of them nothing on disk has been changed.
        """
        path = Path(path)
        backup_dir = backup_dir or path.parent / "backups"
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        lock = JournalLock(lock_path or path.with_name(path.name + ".lock"))
        lock.acquire()
        db = None
        try:
            db = connect(path, passphrase, create=create)
            for candidate in (path, path.with_name(path.name + "-wal"),
                              path.with_name(path.name + "-shm")):
                if candidate.exists():
                    make_private_file(candidate)
            apply_migrations(db, lambda reason: backups.take_backup(db, backup_dir, reason),
                             migrations)
            return cls(db, path, lock, backup_dir)
        except DatabaseError as exc:
            if db is not None:
                db.close()
            lock.release()
            log.error("journal could not be opened: %s", type(exc).__name__)
            raise JournalDamaged() from exc
        except BaseException:
            if db is not None:
                db.close()
            lock.release()
            raise

    def check_passphrase(self, passphrase: str) -> bool:
        return passphrase_opens(self.path, passphrase)

    def backup(self, reason: str = "manual") -> Path:
        return backups.take_backup(self.db, self.backup_dir, reason)

    def integrity_ok(self) -> bool:
        """SQLite's integrity check plus each search index's own check."""
        if self.db.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            return False
        try:
            for fts in ("answers_fts", "entries_fts", "briefings_fts"):
                self.db.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        except DatabaseError:
            return False
        return True

    def close(self) -> None:
        try:
            try:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except DatabaseError:
                pass  # a checkpoint is a tidy-up; the WAL is replayed on the next open anyway
            self.db.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

