"""`journal init` and `demo`: the commands that make a journal rather than open one.

Both choose the passphrase of a new journal (typed twice, or read from a file, and checked);
`demo` also fills a journal it just made, and refuses one that already holds reflections.
"""

from __future__ import annotations

from reflect.cli.journal_access import ask_passphrase, journal_paths
from reflect.domain.display_name import display_name
from reflect.domain.errors import UsageError


def init(args) -> int:
    from reflect.logging_setup import configure_logging
    from reflect.services.opening import ensure_data_dir, journal_exists, open_journal

    paths = journal_paths(args)
    if journal_exists(paths):
        raise UsageError(f"A journal already exists in {paths.data_dir}.")
    passphrase = ask_passphrase(args, confirm=True)
    ensure_data_dir(paths)
    configure_logging(paths)
    open_journal(paths, passphrase, create=True).close()
    print(f"Created a journal in {display_name(paths.data_dir)}")
    return 0


def demo(args) -> int:
    from reflect.logging_setup import configure_logging
    from reflect.services.demo import build_demo
    from reflect.services.opening import ensure_data_dir, journal_exists, open_journal

    paths = journal_paths(args)
    creating = not journal_exists(paths)
    passphrase = ask_passphrase(args, confirm=creating)
    if creating:
        ensure_data_dir(paths)
    configure_logging(paths)
    with open_journal(paths, passphrase, create=creating) as journal:
        if journal.entries.count_entries():
            raise UsageError("This journal already has reflections. Demo data only goes into "
                             "a new, empty journal: choose another folder with --data-dir.")
        summary = build_demo(journal, args.entries)
    print(f"Added {summary.entries} reflections, {summary.sessions} sessions and "
          f"{summary.actions} actions ({summary.words} words) to {display_name(paths.data_dir)}")
    return 0
