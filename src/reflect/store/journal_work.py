"""Work on the journal for worker threads, each through a connection of its own.

The app's own connection never leaves the UI thread. Each method here returns a function for
`run_in_background` that opens a separate read-only keyed connection (or works on closed files):
the quick check, backups, checking backups, re-keying backups, reading the whole journal, and the
encrypted copy. On a 10,000-entry journal each of these takes from 0.3 s to several seconds, too
long to hold the window up. Backups, checks of backups, restores and re-keying take the journal's
`_backups_busy` lock, so none of them sees another half done.

The functions import nothing when they run (see `services.opening.OpeningJournal`): two threads
importing at once can see each other's half-initialised modules. What they use is imported by the
method that makes them, on the calling thread: the backups' module, for one, is not loaded by
opening the journal and painting its first screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reflect.store.action_store import ActionStore
from reflect.store.connection import (
    as_database,
    key_fits,
    passphrase_opens,
    quick_check,
    rekey_file,
    separate_connection,
)
from reflect.store.session_store import SessionStore

if TYPE_CHECKING:
    from reflect.domain.backups import BackupContents
    from reflect.store.briefing_store import BriefingStore
    from reflect.store.database import Database
    from reflect.store.reply_store import ReplyStore

T = TypeVar("T")


class JournalReader:
    """The stores `ReportLoader` and `load_archive` read, over a connection of a worker's own."""

    def __init__(self, db: Database, briefings: type[BriefingStore], replies: type[ReplyStore]) -> None:
        self.db = db
        self.briefings = briefings(db)
        self.sessions = SessionStore(db)
        self.actions = ActionStore(db)
        self.replies = replies(db)


class JournalWork:
    """A mixin of `Journal`: needs `path`, `backup_dir`, `_passphrase` and `_backups_busy`."""

    def quick_check_in_background(self):
        """A function for a worker thread that reports whether the file is whole (own connection)."""
        path, passphrase = self.path, self._passphrase
        return lambda: quick_check(path, passphrase)

    def backup_in_background(self, reason: str = "on-unlock") -> Callable[[], Path]:
        """A function for a worker thread that takes the backup `backup(reason)` would, through its
        own read-only connection, and returns its path. On a 10,000-entry journal a backup takes
        0.6 s, too long to hold the window up at every unlock. Backups, a restore and a passphrase
        change wait for one another, so no backup is left on an old key or pruned mid-restore."""
        path, passphrase, folder, busy = self.path, self._passphrase, self.backup_dir, self._backups_busy
        from reflect.store import backups  # here, on the calling thread

        def work() -> Path:
            with busy:
                return backups.take_backup_of_file(path, passphrase, folder, reason)
        return work

    def inspect_backups_in_background(self, paths: list[Path],
                                      found: list[BackupContents]) -> Callable:
        """A function `work(progress)` for a worker thread: appends to `found` what each backup in
        `paths` holds (whole? how many reflections and sessions?), read through one read-only
        connection of its own; `progress(done, total)` after each, and it stops when that returns
        False. Checking a year of backups of a large journal takes seconds (0.3 s each at 10,000
        reflections), too long for the UI thread. Backups, restores and re-keying wait for it."""
        path, passphrase, busy = self.path, self._passphrase, self._backups_busy
        from reflect.store import backups  # here, on the calling thread

        def work(progress) -> list[BackupContents]:
            with busy, separate_connection(path, passphrase) as conn:
                for done, backup in enumerate(paths, 1):
                    contents = backups.inspect(conn, backup)
                    if not contents.healthy and not key_fits(backup, passphrase):
                        contents = replace(contents, other_key=True)
                    found.append(contents)
                    if not progress(done, len(paths)):
                        break
            return found
        return work

    def read_in_background(self, read: Callable[[JournalReader], T]) -> Callable[[], T]:
        """A function for a worker thread: `read(reader)`, where the `JournalReader` has the stores
        a report or archive needs over a read-only connection of its own, so a long read (the whole
        journal: 1.3 s at 10,000 reflections) never holds the window up. It sees what was saved
        when it starts; flush pending edits first."""
        path, passphrase = self.path, self._passphrase
        # Imported here, on the calling thread (the worker imports nothing), not with this module:
        # the briefings and replies are not needed to open the journal and paint its first screen.
        from reflect.store.briefing_store import BriefingStore
        from reflect.store.reply_store import ReplyStore

        def work() -> T:
            with separate_connection(path, passphrase) as conn:
                return read(JournalReader(as_database(conn), BriefingStore, ReplyStore))
        return work

    def encrypted_copy_in_background(self, target: Path) -> Callable[[], Path]:
        """A function for a worker thread that writes the copy `export_encrypted_copy` would (0.6 s
        at 10,000 reflections), through a read-only connection of its own; returns `target`."""
        path, passphrase, busy, target = self.path, self._passphrase, self._backups_busy, Path(target)
        from reflect.store import backups  # here, on the calling thread

        def work() -> Path:
            with busy:  # not while a passphrase change is under way: the copy would have the old key
                backups.copy_of_file(path, passphrase, target)
            return target
        return work

    def rekey_backups_in_background(self, old: str, new: str) -> Callable:
        """A function `work(progress)` for a worker thread: re-key every backup from `old` to `new`
        through connections of its own, `progress(done, total)` after each; returns those left on
        the old key (damaged, or not writable). It does not stop early: a half re-keyed set of
        backups is worse than a slow one. A backup already on `new` (taken since) is fine."""
        folder, busy = self.backup_dir, self._backups_busy
        from reflect.store import backups  # here, on the calling thread

        def work(progress) -> list[Path]:
            with busy:
                found = backups.list_backups(folder)
                left = []
                for done, backup in enumerate(found, 1):
                    if not rekey_file(backup.path, old, new) and not passphrase_opens(backup.path, new):
                        left.append(backup.path)
                    progress(done, len(found))
                return left
        return work

    def backups_on_another_key_in_background(self) -> Callable[[], list[Path]]:
        """A function for a worker thread: the backups that do not open with the journal's
        passphrase (after an interrupted change: those still on the previous one), newest first."""
        folder, passphrase, busy = self.backup_dir, self._passphrase, self._backups_busy
        from reflect.store import backups  # here, on the calling thread

        def work() -> list[Path]:
            with busy:
                return [backup.path for backup in backups.list_backups(folder)
                        if not passphrase_opens(backup.path, passphrase)]
        return work

    def rekey_backups_from_in_background(self, previous: str) -> Callable:
        """`rekey_backups_in_background` from `previous` to the journal's own passphrase, to finish
        an interrupted change; returns those left on another key (the previous passphrase was
        wrong for them, or they are damaged)."""
        return self.rekey_backups_in_background(previous, self._passphrase)
