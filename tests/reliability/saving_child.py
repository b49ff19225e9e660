"""Child process for the crash test: saves answers in a loop and acknowledges each save.

Usage: saving_child.py JOURNAL_PATH PASSPHRASE_FILE START
Each line "ack N" on stdout means save N has returned from the store (it is committed).
Saves alternate between creating an entry with answer text "save-N" and rewriting one long
answer, so both inserts and in-place updates (with their search-index triggers) are killed mid-way.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.services.passphrase import read_passphrase_file
from reflect.store.journal import Journal


def main() -> None:
    path, passphrase_file, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    journal = Journal.open(Path(path), read_passphrase_file(passphrase_file), create=True)
    long_entry = journal.entries.create_entry(NewEntry(model="gibbs", title="long"))
    print("ready", flush=True)
    n = start
    while True:
        entry = journal.entries.create_entry(NewEntry(model="free", title=f"entry-{n}"))
        journal.entries.save_answer(AnswerDraft(entry.id, "reflection", f"save-{n} " + "word " * 200))
        journal.entries.save_answer(AnswerDraft(long_entry.id, "description",
                                                f"rewrite-{n} " + "text " * (n % 500)))
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main()
