"""The unlocking half of the start-up floor, in a fresh process as Reflect unlocks at start-up.

Usage: unlock_probe.py JOURNAL_DB PASSPHRASE_FILE   (prints the seconds to open the journal and read
from it: SQLCipher's key derivation, the lock, the checks; the store's code is imported first,
untimed: a bare window imports no journal code either).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reflect.store.journal import Journal

if __name__ == "__main__":
    path, passphrase = Path(sys.argv[1]), Path(sys.argv[2]).read_text(encoding="utf-8").rstrip("\n")
    started = time.perf_counter()
    journal = Journal.open(path, passphrase)
    journal.db.execute("SELECT count(*) FROM entries").fetchone()
    print(time.perf_counter() - started)
    journal.close()
