"""The command line: the GUI by default, headless sub-commands for scripts, tests and IT.

A stable contract (later work and checks rely on it): JSON on stdout, one plain line on stderr
for problems, and exit codes 0 ok, 2 bad input or usage, 3 wrong passphrase, 4 journal in use,
5 journal too new or damaged. PySide6 is imported only when the GUI starts.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from pathlib import Path

from reflect import __version__
from reflect.domain.errors import ReflectError, UsageError

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2
        self.exit(2, f"reflect: {message} (see 'reflect --help')\n")


def _journal_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="journal folder (default: $REFLECT_HOME, else the local app-data folder)")
    common.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS,
                        help="read the passphrase from FILE instead of asking")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _journal_options()
    parser = _Parser(prog="reflect", parents=[common],
                     description="Reflect: a private, offline reflective journal.")
    parser.add_argument("--version", action="version", version=f"Reflect {__version__}")
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    journal = commands.add_parser("journal", help="create a journal").add_subparsers(
        dest="journal_command", metavar="ACTION", parser_class=_Parser, required=True)
    journal.add_parser("init", parents=[common], help="create a new, empty journal")

    briefing = commands.add_parser("briefing", help="7-minute briefings").add_subparsers(
        dest="briefing_command", metavar="ACTION", parser_class=_Parser, required=True)
    parse = briefing.add_parser("parse", help="print a briefing file as JSON (no journal needed)")
    parse.add_argument("file")
    imp = briefing.add_parser("import", parents=[common], help="add a briefing to the journal")
    imp.add_argument("file")
    lst = briefing.add_parser("list", parents=[common], help="list the journal's briefings")
    lst.add_argument("--json", action="store_true", help="print JSON")

    demo = commands.add_parser("demo", parents=[common],
                               help="fill a new journal with sample reflections")
    demo.add_argument("--entries", type=int, default=120, metavar="N")

    search = commands.add_parser("search", parents=[common], help="search entries and briefings")
    search.add_argument("text")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=int, default=50)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from reflect.app import run_gui  # Qt only when the window is wanted

            return run_gui(data_dir=getattr(args, "data_dir", None),
                           passphrase_file=getattr(args, "passphrase_file", None),
                           exit_after_first_paint=args.exit_after_first_paint)
        return _run_command(args)
    except ReflectError as exc:
        print(f"reflect: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: log the type only (messages can quote journal text)
        log.exception("unexpected error in command %s: %s", args.command, type(exc).__name__)
        print("reflect: something unexpected went wrong; nothing further was changed. "
              "Details are in the log file in the journal folder.", file=sys.stderr)
        return 1


def _run_command(args) -> int:
    if args.command == "briefing" and args.briefing_command == "parse":
        from reflect.briefings import read_briefing_file

        _print_json(read_briefing_file(Path(args.file)).to_json_dict())
        return 0

    from reflect.journal_access import journal_exists, open_journal
    from reflect.logging_setup import configure_logging
    from reflect.paths import AppPaths

    paths = AppPaths.resolve(getattr(args, "data_dir", None))
    if args.command == "journal":
        if journal_exists(paths):
            raise UsageError(f"A journal already exists in {paths.data_dir}.")
        passphrase = _passphrase(args, confirm=True)
        paths.ensure()
        configure_logging(paths)
        open_journal(paths, passphrase, create=True).close()
        print(f"Created a journal in {paths.data_dir}")
        return 0

    if args.command == "demo":
        from reflect.demo import build_demo

        creating = not journal_exists(paths)
        passphrase = _passphrase(args, confirm=creating)
        if creating:
            paths.ensure()
        configure_logging(paths)
        with open_journal(paths, passphrase, create=creating) as journal:
            if journal.entries.count_entries():
                raise UsageError("This journal already has reflections. Demo data only goes into "
                                 "a new, empty journal: choose another folder with --data-dir.")
            summary = build_demo(journal, args.entries)
        print(f"Added {summary.entries} reflections, {summary.sessions} sessions and "
              f"{summary.actions} actions ({summary.words} words) to {paths.data_dir}")
        return 0

    if not journal_exists(paths):
        from reflect.domain.errors import JournalNotFound

        raise JournalNotFound(f"There is no journal in {paths.data_dir} yet. "
                              "Create one with 'reflect journal init'.")
    configure_logging(paths)
    passphrase = _passphrase(args, confirm=False)
    with open_journal(paths, passphrase) as journal:
        if args.command == "briefing" and args.briefing_command == "import":
            from reflect.briefings import read_briefing_file

            file = Path(args.file)
            briefing = read_briefing_file(file)
            print(journal.briefings.add(briefing, source_name=file.name))
            return 0
        if args.command == "briefing" and args.briefing_command == "list":
            rows = journal.briefings.list()
            if args.json:
                _print_json([
                    {"id": b.id, "title": b.title, "partnership": b.partnership,
                     "subject": b.subject, "questions": b.question_count, "bundled": b.key is not None}
                    for b in rows
                ])
            else:
                for b in rows:
                    print(f"{b.id}\t{b.display_name}\t{b.question_count} questions\t{b.title}")
            return 0
        if args.command == "search":
            hits = journal.search.search(args.text, limit=max(1, args.limit))
            if args.json:
                _print_json([hit.to_json_dict() for hit in hits])
            else:
                for hit in hits:
                    print(f"{hit.kind} {hit.id}\t{hit.title}\t{hit.snippet.marked()}")
            return 0
    raise UsageError("Unknown command.")


def _passphrase(args, *, confirm: bool) -> str:
    from reflect.passphrase import passphrase_problem, read_passphrase_file

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


def _print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
