"""Opening a journal for the app and the command line: the store plus the bundled briefings.

Lives outside `store/` because it joins two layers the import rule keeps apart: the store (which
knows nothing of parsing) and the briefing library (which knows nothing of SQL).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from reflect.domain.errors import JournalUnavailable, write_failure
from reflect.paths import AppPaths
from reflect.services.passphrase import require_new_passphrase
from reflect.settings import Settings
from reflect.store.driver import use_sqlcipher
from reflect.store.journal import Journal
from reflect.store.migrations import ImportRefused

log = logging.getLogger(__name__)


def backup_dir_for(paths: AppPaths, settings: Settings | None = None) -> Path:
    if settings and settings.backup_dir:
        return Path(settings.backup_dir)
    return paths.default_backup_dir


def journal_exists(paths: AppPaths) -> bool:
    return paths.journal_file.exists() and paths.journal_file.stat().st_size > 0


def open_journal(paths: AppPaths, passphrase: str, *, create: bool = False,
                 settings: Settings | None = None) -> Journal:
    """Open (or create) the journal in `paths` and make sure the bundled briefings are in it.

    A new journal's passphrase must meet the rule (UsageError says why not); an existing one opens
    with whatever it was keyed with."""
    return _with_bundled_briefings(_open_store(paths, passphrase, create, settings))


def _open_store(paths: AppPaths, passphrase: str, create: bool, settings: Settings | None,
                check_same_thread: bool = True, may_import: bool = True) -> Journal:
    if create and not journal_exists(paths):
        require_new_passphrase(passphrase)
    if create:
        ensure_data_dir(paths)
    return Journal.open(paths.journal_file, passphrase, create=create,
                        backup_dir=backup_dir_for(paths, settings), lock_path=paths.lock_file,
                        check_same_thread=check_same_thread, may_import=may_import)


def ensure_data_dir(paths: AppPaths) -> None:
    """`paths.ensure()`, saying why not in words when the folder cannot be made (full, read-only)."""
    try:
        paths.ensure()
    except OSError as exc:
        raise write_failure(exc, paths.data_dir) or JournalUnavailable(
            f"Reflect cannot create the folder {paths.data_dir}. Check the disk can be written.") from exc


def _with_bundled_briefings(journal: Journal, *, tidy: bool = True) -> Journal:
    try:
        ensure_bundled_briefings(journal)
    except BaseException:
        journal.close()
        raise
    if tidy:
        remove_export_leftovers(journal)
    return journal


def export_folders(journal: Journal) -> list[Path]:
    """The folders of the export log, where a killed export may have left a partial file."""
    try:
        names = {Path(record.file_name) for record in journal.exports.all()}
    except Exception as exc:  # tidying must never stop an unlock; the type only (names are private)
        log.warning("export log not read for tidying: %s", type(exc).__name__)
        return []
    return sorted({name.parent for name in names if name.is_absolute()})


def remove_leftovers_from(folders: list[Path]) -> int:
    """Remove what killed exports left in `folders` (see `export.leftovers`). Touches the file
    system only, never the journal, so it may run on any thread."""
    from reflect.export.leftovers import remove_leftovers_in

    try:
        return remove_leftovers_in(folders)
    except Exception as exc:  # the type only: a path can name a person
        log.warning("export leftovers not removed: %s", type(exc).__name__)
        return 0


def remove_export_leftovers(journal: Journal) -> int:
    """Remove what killed exports left in the folders of the export log.

    A take-away zip is not in the log: its leftovers go at the next export to that folder."""
    return remove_leftovers_from(export_folders(journal))


class OpeningJournal:
    """`open_journal` with the slow part on a worker thread, so unlocking overlaps the window's
    own start-up.

    Most of unlocking is SQLCipher deriving the key from the passphrase (PBKDF2, about 80 ms),
    which runs in SQLite's C code with the GIL released: the UI thread loads the window's code in
    the meantime. `result()` waits and hands the open journal over to the calling thread, which
    alone uses it from then on; the worker never touches it again. Errors (a wrong passphrase, a
    damaged or too new journal, one open elsewhere) are raised by `result()`, unchanged.

    The worker runs store code only and imports nothing: two threads importing at once can see
    each other's half-initialised modules. So the bundled briefings, whose check imports the
    briefing library, are seen to by `result()` on the calling thread. So is a journal with
    migrations pending (after an upgrade), as they need sqlite-utils, which start-up leaves out
    (see `store.database`): the worker stops before changing anything and `result()` loads
    sqlite-utils and opens the journal again, here. A new journal is all migrations to apply, so
    for one sqlite-utils is loaded here first.

    `then(journal)`, if given, also runs on the worker once the journal is open: the app reads what
    its first screen shows, so those pages are already decrypted in the connection's cache. It
    must use modules already imported; its result is dropped and its errors are only logged (the
    UI thread reads the same again).
    """

    def __init__(self, paths: AppPaths, passphrase: str, *, create: bool = False,
                 settings: Settings | None = None,
                 then: Callable[[Journal], object] | None = None) -> None:
        self.passphrase = passphrase
        self.create = create
        self._journal: Journal | None = None
        self._error: BaseException | None = None
        self._open_here: tuple | None = None  # (paths, settings) when result() must open it
        self._then = then
        if create and not journal_exists(paths):
            use_sqlcipher()
        self._thread = threading.Thread(target=self._open, args=(paths, passphrase, create, settings),
                                        name="reflect-unlock", daemon=True)
        self._thread.start()

    def _open(self, paths: AppPaths, passphrase: str, create: bool, settings: Settings | None) -> None:
        try:
            self._journal = _open_store(paths, passphrase, create, settings, check_same_thread=False,
                                        may_import=False)
        except ImportRefused:
            self._open_here = (paths, settings)
            return
        except BaseException as exc:  # handed to result(), which raises it on the caller's thread
            self._error = exc
            return
        if self._then is not None:
            try:
                self._then(self._journal)
            except Exception as exc:  # the type only: messages can quote journal text
                log.warning("reading ahead after unlocking failed: %s", type(exc).__name__)

    def result(self) -> Journal:
        self._thread.join()
        error, self._error = self._error, None
        if error is not None:
            raise error
        if self._open_here is not None:
            (paths, settings), self._open_here = self._open_here, None
            use_sqlcipher()
            self._journal = _open_store(paths, self.passphrase, self.create, settings)
        journal, self._journal = self._journal, None
        if journal is None:
            raise RuntimeError("the journal was already handed over")
        return _with_bundled_briefings(journal, tidy=False)  # the window tidies once it shows


def tidy_exports_in_background(journal: Journal) -> threading.Thread | None:
    """Remove what killed exports left in the folders of the export log, on a worker: a folder on
    a network drive that is not there can take seconds to answer, and the window must not wait
    for it. The app calls this once its first frame is painted; the log is read here, on the
    journal's thread. None when the log names no folder."""
    folders = export_folders(journal)
    if not folders:
        return None
    import reflect.export.leftovers  # noqa: F401  (imported here, not on the worker)

    thread = threading.Thread(target=remove_leftovers_from, args=(folders,),
                              name="reflect-tidy-exports", daemon=True)
    thread.start()
    return thread


def ensure_bundled_briefings(journal: Journal) -> list[int]:
    """Add any bundled briefing the journal does not have yet; returns the new ids.

    Files are parsed only when missing: this runs at every unlock.
    """
    from reflect.briefings.library import bundled_keys, load_bundled

    if set(bundled_keys()) <= journal.briefing_keys():  # the briefings' store is not loaded for this
        return []
    added = []
    for key, briefing in load_bundled():
        if journal.briefings.id_for_key(key) is None:
            added.append(journal.briefings.add(briefing, key=key, source_name=f"{key} (bundled)"))
    return added


def newest_backup_opening_with(paths: AppPaths, passphrase: str, settings: Settings | None = None):
    """The newest backup that is whole and opens with `passphrase`, or None."""
    from reflect.store import backups

    return backups.newest_opening_with(backup_dir_for(paths, settings), passphrase)


def recover_from_backup(paths: AppPaths, passphrase: str, backup_path: Path,
                        settings: Settings | None = None) -> Journal:
    """Put a damaged journal aside (never deleted) and open a copy of `backup_path` in its place."""
    from datetime import datetime

    journal_file = paths.journal_file
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        damaged = journal_file.with_name(journal_file.name + suffix)
        if damaged.exists():
            damaged.replace(journal_file.with_name(f"{journal_file.name}.damaged-{stamp}{suffix}"))
    _copy_in_place(backup_path, journal_file)
    log.warning("journal restored from a backup after damage")
    return open_journal(paths, passphrase, settings=settings)


def open_copy(paths: AppPaths, copy: Path, passphrase: str,
              settings: Settings | None = None) -> Journal | str:
    """Make a copy from "Take my journal with me" this computer's journal and open it; if it
    cannot be, why not, in words for the user."""
    from reflect.store.connection import passphrase_opens, quick_check

    if not passphrase_opens(copy, passphrase):
        return ("That file did not open with that passphrase. Check it is a Reflect journal copy "
                "and type the passphrase it was made with.")
    if not quick_check(copy, passphrase):
        return "That copy is damaged. Try another copy, or start a new journal."
    ensure_data_dir(paths)
    _copy_in_place(copy, paths.journal_file)
    log.info("journal set up from a copy")
    return open_journal(paths, passphrase, settings=settings)


def _copy_in_place(source: Path, journal_file: Path) -> None:
    """Copy `source` to `journal_file` under another name first, so a half-copied file never
    stands in the journal's place."""
    import shutil

    from reflect.store.files import make_private_file

    staged = journal_file.with_name(journal_file.name + ".restoring")
    shutil.copyfile(source, staged)
    make_private_file(staged)
    staged.replace(journal_file)
