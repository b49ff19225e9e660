"""The journal's backups as the Backups window lists them, for ui/ (which keeps out of the store's
own modules): the files in the journal's backup folder, newest first.

Listing reads only the files' names and sizes, so it is quick enough for the UI thread; what each
backup holds is checked on a worker (`Journal.inspect_backups_in_background`).
"""

from __future__ import annotations

from reflect.domain.backups import BackupFile
from reflect.store import backups


def list_backups(journal) -> list[BackupFile]:
    """The backups of the open `journal`, newest first."""
    return backups.list_backups(journal.backup_dir)
