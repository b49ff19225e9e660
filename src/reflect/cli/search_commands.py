"""`search`: the journal's full-text search, as tab-separated lines or JSON for scripts."""

from __future__ import annotations

from reflect.cli.journal_access import open_existing
from reflect.cli.text_io import print_json


def search(args) -> int:
    with open_existing(args) as journal:
        hits = journal.search.search(args.text, limit=max(1, args.limit))
    if args.json:
        print_json([hit.to_json_dict() for hit in hits])
    else:
        for hit in hits:
            print(f"{hit.kind} {hit.id}\t{hit.title}\t{hit.snippet.marked()}")
    return 0
