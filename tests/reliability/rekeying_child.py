"""Child process for the interrupted passphrase change: changes it as the window does, then waits.

Usage: rekeying_child.py JOURNAL_PATH OLD_PASSPHRASE_FILE NEW_PASSPHRASE_FILE BACKUPS
Takes BACKUPS backups, then the window's steps: a backup, `rekey`, and the backups' re-keying on
the worker's function. After the first backup is re-keyed it prints "rekeyed 1 of N" and sleeps, so
the test can SIGKILL it at that moment: the journal on the new key, the other backups on the old.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reflect.services.passphrase import read_passphrase_file
from reflect.store.journal import Journal


def main() -> None:
    path, old_file, new_file, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    old, new = read_passphrase_file(old_file), read_passphrase_file(new_file)
    journal = Journal.open(Path(path), old, create=True)
    for _ in range(count):
        journal.backup("manual")
    journal.backup("before-passphrase-change")
    journal.rekey(old, new)

    def progress(done: int, total: int) -> bool:  # what the window does on each step
        journal.rekeying.progress(done, total)
        print(f"rekeyed {done} of {total}", flush=True)
        if done == 1:
            time.sleep(3600)  # killed here
        return True

    journal.rekey_backups_in_background(old, new)(progress)


if __name__ == "__main__":
    main()
