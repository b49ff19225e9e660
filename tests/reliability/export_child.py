"""Child process for the killed-export test: exports again and again until it is killed.

Usage: export_child.py DATA_DIR PASSPHRASE_FILE OUT_DIR pdf|zip
Creates a journal whose reflections all hold MARKER, then writes a password-protected portfolio
(pdf) or the readable take-away zip (zip) into OUT_DIR over and over, printing "done N" after each.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.domain.report import ExportOptions
from reflect.paths import AppPaths
from reflect.services import exporting as svc
from reflect.services.opening import open_journal
from reflect.services.passphrase import read_passphrase_file
from reflect.services.take_away import readable_copy_in_background

MARKER = "kestrelmarker"
PDF_PASSWORD = "a long pdf password"


def main() -> None:
    data_dir, passphrase_file, out, kind = sys.argv[1:5]
    journal = open_journal(AppPaths(Path(data_dir)), read_passphrase_file(passphrase_file), create=True)
    for n in range(60):
        entry = journal.entries.create_entry(NewEntry(model="free", title=f"Visit {n}"))
        text = f"{MARKER} {n} " + "quiet words " * 300
        journal.entries.save_answer(AnswerDraft(entry.id, "reflection", text))
    request = svc.ExportRequest("portfolio", options=ExportOptions(password=PDF_PASSWORD))
    print("ready", flush=True)
    n = 0
    while True:
        if kind == "pdf":
            svc.export_document(journal, request, Path(out) / f"pack-{n}.pdf", accept_findings=True)
        else:
            write = readable_copy_in_background(journal, "Practitioner", Path(out) / f"copy-{n}.zip")
            write(lambda done, total: True)
        print(f"done {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main()
