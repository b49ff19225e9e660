"""`briefing parse`, `briefing import` and `briefing list`: 7-minute briefings from the command line.

`parse` needs no journal, so IT can check a briefing file before anyone imports it.
"""

from __future__ import annotations

from pathlib import Path

from reflect.cli.journal_access import open_existing
from reflect.cli.text_io import print_json
from reflect.domain.display_name import display_name


def parse(args) -> int:
    from reflect.briefings import read_briefing_file

    print_json(read_briefing_file(Path(args.file)).to_json_dict())
    return 0


def import_file(args) -> int:
    """Adds the briefing (after a backup, if the journal changed since the last) and prints its id."""
    from reflect.briefings import read_briefing_file

    with open_existing(args) as journal:
        file = Path(args.file)
        briefing = read_briefing_file(file)
        journal.backup_if_changed("before-import")
        print(journal.briefings.add(briefing, source_name=file.name))
    return 0


def list_all(args) -> int:
    with open_existing(args) as journal:
        rows = journal.briefings.list()
    if args.json:
        print_json([
            {"id": b.id, "title": b.title, "partnership": b.partnership,
             "subject": b.subject, "questions": b.question_count, "bundled": b.key is not None}
            for b in rows
        ])
    else:
        for b in rows:
            print(f"{b.id}\t{display_name(b.display_name)}\t{b.question_count} questions\t"
                  f"{display_name(b.title)}")
    return 0
