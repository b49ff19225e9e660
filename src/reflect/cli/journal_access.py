"""How a command reaches the journal: its folder, the passphrase, and the journal opened for it.

Every command that reads the journal goes through `open_existing`, so they all refuse a missing
journal, start the log and ask for the passphrase in the same order, with the same messages.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable

from reflect.domain.errors import UsageError


def journal_paths(args):
    """The folder named by --data-dir (else $REFLECT_HOME, else the local app-data folder)."""
    from reflect.paths import AppPaths

    return AppPaths.resolve(getattr(args, "data_dir", None))


def open_existing(args, paths=None):
    """The journal in `paths` (default: from `args`), opened after asking for its passphrase; use
    it in a `with` block. A folder with no journal is a usage error that says how to make one."""
    from reflect.domain.errors import JournalNotFound
    from reflect.logging_setup import configure_logging
    from reflect.services.opening import journal_exists, open_journal

    paths = paths or journal_paths(args)
    if not journal_exists(paths):
        raise JournalNotFound(f"There is no journal in {paths.data_dir} yet. "
                              "Create one with 'reflect journal init'.")
    configure_logging(paths)
    return open_journal(paths, ask_passphrase(args, confirm=False))


def ask_passphrase(args, *, confirm: bool) -> str:
    """From --passphrase-file, else typed at the terminal (twice, and checked, when `confirm`)."""
    from reflect.services.passphrase import passphrase_problem, read_passphrase_file

    file = getattr(args, "passphrase_file", None)
    if file:
        passphrase = read_passphrase_file(file)
        if confirm and (problem := passphrase_problem(passphrase)):
            raise UsageError(problem)
        return passphrase
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("No passphrase: give --passphrase-file FILE, or run this in a terminal.")
    if not confirm:
        return getpass.getpass("Passphrase: ")
    print("Choose a passphrase for the new journal. If it is forgotten, the journal cannot be "
          "opened by anyone, including IT.", file=sys.stderr)
    first = getpass.getpass("New passphrase: ")
    second = getpass.getpass("Type it again: ")
    if problem := passphrase_problem(first, second):
        raise UsageError(problem)
    return first


def must_exist(get: Callable[[int], object], item_id: int, what: str) -> None:
    """A usage error unless `get(item_id)` finds the item (the stores raise KeyError)."""
    try:
        get(item_id)
    except KeyError:
        raise UsageError(f"There is no {what} with id {item_id}.") from None


def latest_session_id(journal) -> int:
    """The session with the latest date (an undated one if none has a date): `--latest`."""
    sessions = journal.sessions.list_sessions()  # by date, undated last
    dated = [s for s in sessions if s.starts_at is not None]
    if not sessions:
        raise UsageError("There are no sessions in this journal yet.")
    return dated[-1].id if dated else max(s.id for s in sessions)
