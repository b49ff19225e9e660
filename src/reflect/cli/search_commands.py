"""`search`: the journal's full-text search, as tab-separated lines or JSON for scripts.

The words can come from a file or stdin (`--query-file -`) so that they stay out of the process
list, where any user of a shared computer could read them.
"""

from __future__ import annotations

import sys

from reflect.cli.journal_access import open_existing
from reflect.cli.text_io import print_json
from reflect.domain.errors import UsageError

_MOST_QUERY = 64 * 1024  # bytes; far beyond any search, and stdin is not read forever


def search(args) -> int:
    text = args.text if args.query_file is None else _query_from(args.query_file)
    with open_existing(args) as journal:
        hits = journal.search.search(text, limit=max(1, args.limit))
    if args.json:
        print_json([hit.to_json_dict() for hit in hits])
    else:
        for hit in hits:
            print(f"{hit.kind} {hit.id}\t{hit.title}\t{hit.snippet.marked()}")
    return 0


def _query_from(source: str) -> str:
    """The words in `source` ('-' is stdin), read only up to the limit (never /dev/zero forever)."""
    unreadable = UsageError(f"The query file {source} cannot be read as UTF-8 text.")
    try:
        if source == "-":
            data = sys.stdin.buffer.read(_MOST_QUERY + 1)
        else:
            with open(source, "rb") as file:
                data = file.read(_MOST_QUERY + 1)
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable from exc
    if len(data) > _MOST_QUERY:
        raise UsageError(f"The search words are longer than {_MOST_QUERY // 1024} KB.")
    if not text.strip():
        raise UsageError("No words to search for were given.")
    return text.strip()
