"""Opening a journal for the app and the command line: the store plus the bundled briefings.

Lives outside `store/` because it joins two layers the import rule keeps apart: the store (which
knows nothing of parsing) and the briefing library (which knows nothing of SQL).
"""

from __future__ import annotations

import logging
from pathlib import Path

from reflect.paths import AppPaths
from reflect.settings import Settings
from reflect.store.journal import Journal

log = logging.getLogger(__name__)


def backup_dir_for(paths: AppPaths, settings: Settings | None = None) -> Path:
    if settings and settings.backup_dir:
        return Path(settings.backup_dir)
    return paths.default_backup_dir


def journal_exists(paths: AppPaths) -> bool:
    return paths.journal_file.exists() and paths.journal_file.stat().st_size > 0


def open_journal(paths: AppPaths, passphrase: str, *, create: bool = False,
                 settings: Settings | None = None) -> Journal:
    """Open (or create) the journal in `paths` and make sure the bundled briefings are in it."""
    if create:
        paths.ensure()
    journal = Journal.open(paths.journal_file, passphrase, create=create,
                           backup_dir=backup_dir_for(paths, settings), lock_path=paths.lock_file)
    try:
        ensure_bundled_briefings(journal)
    except BaseException:
        journal.close()
        raise
    return journal


def ensure_bundled_briefings(journal: Journal) -> list[int]:
    """Add any bundled briefing the journal does not have yet; returns the new ids.

    Files are parsed only when missing: this runs at every unlock.
    """
    from reflect.briefings.library import bundled_keys, load_bundled

    if all(journal.briefings.id_for_key(key) is not None for key in bundled_keys()):
        return []
    added = []
    for key, briefing in load_bundled():
        if journal.briefings.id_for_key(key) is None:
            added.append(journal.briefings.add(briefing, key=key, source_name=f"{key} (bundled)"))
    return added


def newest_backup_opening_with(paths: AppPaths, passphrase: str, settings: Settings | None = None):
    """The newest backup that is whole and opens with `passphrase`, or None."""
    from reflect.store import backups
    from reflect.store.connection import quick_check

    for backup in backups.list_backups(backup_dir_for(paths, settings)):
        if quick_check(backup.path, passphrase):
            return backup
    return None


def recover_from_backup(paths: AppPaths, passphrase: str, backup_path: Path,
                        settings: Settings | None = None) -> Journal:
    """Put a damaged journal aside (never deleted) and open a copy of `backup_path` in its place."""
    import shutil
    from datetime import datetime

    from reflect.store.files import make_private_file

    journal_file = paths.journal_file
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        damaged = journal_file.with_name(journal_file.name + suffix)
        if damaged.exists():
            damaged.replace(journal_file.with_name(f"{journal_file.name}.damaged-{stamp}{suffix}"))
    staged = journal_file.with_name(journal_file.name + ".restoring")
    shutil.copyfile(backup_path, staged)
    make_private_file(staged)
    staged.replace(journal_file)
    log.warning("journal restored from a backup after damage")
    return open_journal(paths, passphrase, settings=settings)
