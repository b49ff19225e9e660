"""An open journal: the lock, the encrypted database, its migrations and the stores over it.

`Journal.open` is the one way in. Order matters: take the lock (so two Reflects never migrate the
same file), prove the key, refuse a journal from a newer version, back up, migrate.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.domain.errors import JournalDamaged, WrongPassphrase, write_failure
from reflect.domain.passphrase_forms import normalised, opening_forms
from reflect.store.action_store import ActionStore
from reflect.store.connection import (
    connect,
    open_keyed,
    passphrase_opens,
)
from reflect.store.database import Database
from reflect.store.driver import DatabaseError
from reflect.store.files import make_private_file
from reflect.store.journal_work import JournalWork
from reflect.store.lockfile import JournalLock
from reflect.store.migrations import apply_migrations
from reflect.store.session_store import SessionStore

if TYPE_CHECKING:
    from reflect.domain.backups import BackupContents, BackupFile
    from reflect.store.briefing_store import BriefingStore
    from reflect.store.dictionary_store import DictionaryStore
    from reflect.store.entry_store import EntryStore
    from reflect.store.export_log_store import ExportLogStore
    from reflect.store.privacy_store import PrivacyStore
    from reflect.store.rekey_record import RekeyRecord
    from reflect.store.reply_store import ReplyStore
    from reflect.store.revision_store import RevisionStore
    from reflect.store.search import SearchIndex

_BUILT_ON_FIRST_USE = ("briefings", "entries", "search", "dictionary", "revisions", "privacy",
                       "exports", "replies", "identity", "rekeying")

log = logging.getLogger(__name__)


class Journal(JournalWork):
    """The open journal. It keeps the passphrase while open (SQLCipher holds the derived key in
    memory anyway) because restoring a backup reopens the file and a new passphrase re-keys the
    backups; `close()` drops it."""

    def __init__(self, db: Database, path: Path, lock: JournalLock,
                 backup_dir: Path, passphrase: str = "") -> None:
        self.path = path
        self.backup_dir = backup_dir
        self._lock = lock
        self._passphrase = passphrase
        self._backups_busy = threading.RLock()  # held by a backup, a restore, a passphrase change
        self._bind(db)

    def _bind(self, db: Database) -> None:
        self.db = db
        self.sessions = SessionStore(db)  # these two feed the dashboard, the first screen
        self.actions = ActionStore(db)
        for name in _BUILT_ON_FIRST_USE:  # after a restore, build them again on the new file
            self.__dict__.pop(name, None)

    # The other stores, and their modules, are built on first use: the first screen does not
    # need them, so no start imports them.
    @cached_property
    def briefings(self) -> BriefingStore:
        from reflect.store.briefing_store import BriefingStore

        return BriefingStore(self.db)

    def briefing_keys(self) -> set[str]:
        """The keys of the briefings kept under one (the bundled ones). Every unlock checks them,
        so this reads them without building the briefings' store and loading their types."""
        return {key for (key,) in self.db.execute("SELECT key FROM briefings WHERE key IS NOT NULL")}

    @cached_property
    def entries(self) -> EntryStore:
        from reflect.store.entry_store import EntryStore

        return EntryStore(self.db)

    @cached_property
    def search(self) -> SearchIndex:
        from reflect.store.search import SearchIndex

        return SearchIndex(self.db)

    @cached_property
    def dictionary(self) -> DictionaryStore:
        from reflect.store.dictionary_store import DictionaryStore

        return DictionaryStore(self.db)

    @cached_property
    def revisions(self) -> RevisionStore:
        from reflect.store.revision_store import RevisionStore

        return RevisionStore(self.db)

    @cached_property
    def privacy(self) -> PrivacyStore:
        from reflect.store.privacy_store import PrivacyStore

        return PrivacyStore(self.db)

    @cached_property
    def exports(self) -> ExportLogStore:
        from reflect.store.export_log_store import ExportLogStore

        return ExportLogStore(self.db)

    @cached_property
    def replies(self) -> ReplyStore:
        from reflect.store.reply_store import ReplyStore

        return ReplyStore(self.db)

    @cached_property
    def rekeying(self) -> RekeyRecord:
        """Whether a passphrase change was still re-keying the backups when it was interrupted."""
        from reflect.store.rekey_record import RekeyRecord

        return RekeyRecord(self.db)

    @cached_property
    def identity(self) -> str:
        """The journal's stable id (a UUID made once, by its migration), written into every pack
        so a reply can be matched to the journal it came from. Not a secret."""
        return self.db.execute("SELECT journal_id FROM journal_identity WHERE id = 1").fetchone()[0]

    @classmethod
    def open(cls, path: Path, passphrase: str, *, create: bool = False,
             backup_dir: Path | None = None, lock_path: Path | None = None,
             migrations=None, check_same_thread: bool = True, may_import: bool = True) -> Journal:
        """Open the journal at `path` (creating it if `create` and absent).

        Raises WrongPassphrase, JournalInUse, JournalTooNew, JournalDamaged, JournalNotFound or
        JournalUnavailable; on any of them nothing on disk has been changed. `migrations`: a
        `sqlite_utils.Migrations` to apply instead of this version's (tests). With `may_import`
        False (a thread that must import nothing) a journal with migrations pending raises
        `migrations.ImportRefused` instead, before anything is changed.
        """
        path = Path(path)
        backup_dir = backup_dir or path.parent / "backups"
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        lock = JournalLock(lock_path or path.with_name(path.name + ".lock"))
        lock.acquire()
        db = None
        new = create and not (path.exists() and path.stat().st_size > 0)
        try:
            db, key = open_keyed(path, passphrase, create=create, check_same_thread=check_same_thread)
            for candidate in (path, path.with_name(path.name + "-wal"),
                              path.with_name(path.name + "-shm")):
                if candidate.exists():
                    make_private_file(candidate)
            apply_migrations(db, lambda reason: _backup_before_upgrade(db, backup_dir, reason),
                             migrations, may_import=may_import)
            return cls(db, path, lock, backup_dir, key)
        except BaseException as exc:
            if db is not None:
                db.close()
            if new:
                _remove_new_journal(path)  # a create that failed leaves no half-made journal
            lock.release()
            if isinstance(exc, DatabaseError):
                log.error("journal could not be opened: %s", type(exc).__name__)
                raise write_failure(exc, path.parent) or JournalDamaged() from exc
            raise

    def check_passphrase(self, passphrase: str) -> bool:
        return passphrase_opens(self.path, passphrase)

    def passphrase_problem(self, rule: Callable[[str], str | None]) -> str | None:
        """What `rule` says of this journal's passphrase (None: nothing), so a service can hold
        it to the rule for new passphrases without the passphrase leaving the store."""
        return rule(self._passphrase)

    def backup(self, reason: str = "manual") -> Path:
        from reflect.store import backups

        with self._backups_busy:
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

    def change_count(self) -> tuple[int, int]:
        """A mark that moves whenever anything is written to the journal: rows changed through
        this connection, and SQLite's count of commits by any other. Equal marks mean what was
        read in between is still current. Cheap (no table is read), so a page can ask at every
        visit whether it needs to read again."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        return self.db.conn.total_changes, version

    # -- backups, restore, passphrase ------------------------------------------------------
    def changed_at(self) -> str:
        row = self.db.execute("SELECT changed_at FROM journal_meta WHERE id = 1").fetchone()
        return row[0] if row else ""

    def needs_backup(self) -> bool:
        """True when the journal changed after its newest backup (or it has none)."""
        from reflect.store import backups

        latest = backups.newest(self.backup_dir)
        return latest is None or latest.taken_at.isoformat() < self.changed_at()

    def backup_if_changed(self, reason: str = "on-unlock") -> Path | None:
        return self.backup(reason) if self.needs_backup() else None

    def newest_backup_that_opens(self) -> BackupFile | None:
        """The newest whole backup that opens with this journal's passphrase, or None: what to
        offer when the open journal fails its check (the passphrase never leaves the store)."""
        from reflect.store import backups

        return backups.newest_opening_with(self.backup_dir, self._passphrase)

    def list_backups(self) -> list[tuple[BackupFile, BackupContents]]:
        from reflect.store import backups

        return [(b, backups.inspect(self.db, b.path)) for b in backups.list_backups(self.backup_dir)]

    def export_encrypted_copy(self, target: Path) -> None:
        """A copy that opens with the same passphrase (Take my journal with me)."""
        from reflect.store import backups

        backups.write_verified_copy(self.db, Path(target))

    def restore(self, backup: Path) -> Path:
        """Replace the journal with `backup`, after backing up the current state (returned).

        The backup is checked first (whole, opens with this passphrase); if reopening fails the
        journal as it was is put back.
        """
        with self._backups_busy:
            return self._restore(Path(backup))

    def _restore(self, backup: Path) -> Path:
        from reflect.store import backups

        backup = Path(backup)
        if not backups.inspect(self.db, backup, self._passphrase).healthy:
            raise JournalDamaged("This backup is damaged, or it was made with a different "
                                 "passphrase. Your journal has not been changed.")
        # Copy first: the safety backup below prunes old backups, possibly this very one.
        staged = self.path.with_name(self.path.name + ".restoring")
        shutil.copyfile(backup, staged)
        make_private_file(staged)
        with open(staged, "rb") as fh:
            os.fsync(fh.fileno())
        try:
            safety = self.backup("before-restore")
        except BaseException:
            staged.unlink(missing_ok=True)
            raise
        self._swap_in(staged, fallback=safety)
        return safety

    def _swap_in(self, staged: Path, fallback: Path) -> None:
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()
        for suffix in ("-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        os.replace(staged, self.path)
        try:
            db = connect(self.path, self._passphrase)
            apply_migrations(db, lambda reason: _backup_before_upgrade(db, self.backup_dir, reason))
        except BaseException:
            log.error("restored copy would not open; putting the journal back")
            shutil.copyfile(fallback, self.path)
            self._bind(connect(self.path, self._passphrase))
            raise
        self._bind(db)

    def change_passphrase(self, old: str, new: str) -> list[Path]:
        """Re-key the journal (after a backup) and its backups; returns backups left on the old key.

        All in one go, for the command line and tests. The window does the same in steps, so it
        is never held up for long: `backup_in_background`, then `rekey`, then
        `rekey_backups_in_background` (each backup takes 0.6 s at 10,000 reflections).
        """
        with self._backups_busy:
            self.check_current_passphrase(old)
            self.backup("before-passphrase-change")
            self.rekey(old, new)
            left = self.rekey_backups_in_background(old, new)(self.rekeying.progress)
            self.rekeying.finish()
            return left

    def check_current_passphrase(self, old: str) -> None:
        if self._passphrase not in opening_forms(old):
            raise WrongPassphrase("The current passphrase is not right. Nothing has been changed.")

    def rekey(self, old: str, new: str) -> None:
        """Re-encrypt the journal itself with `new` (its backups keep `old` until re-keyed).

        The journal records first that its backups are to be re-keyed (`rekeying`): if the change
        is killed before they all are, the next unlock finds the record and says so.
        """
        from reflect.store import backups

        with self._backups_busy:
            self.check_current_passphrase(old)
            self.rekeying.begin(len(backups.list_backups(self.backup_dir)))
            new = normalised(new)
            self.db.conn.reset_key(new)
            self._passphrase = new
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self._passphrase = ""
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


def _backup_before_upgrade(db: Database, folder: Path, reason: str) -> Path:
    """The backup taken before migrating a journal that holds data. The backups' module is
    loaded here, on first need: the unlocking worker never gets here (it leaves such a journal to
    the calling thread, see `migrations.apply_migrations`)."""
    from reflect.store import backups

    return backups.take_backup(db, folder, reason)


def _remove_new_journal(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            leftover.unlink()
