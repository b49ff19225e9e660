"""The command line's grammar: every option and command, their help text and usage errors.

Kept apart from the commands so that starting the window parses its few options without building
(or importing) any command; `names_no_command` decides when that shortcut is safe.
"""

from __future__ import annotations

import argparse

from reflect import __version__


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


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `with_commands=False` leaves out the commands (see `main`)."""
    common = _journal_options()
    parser = _Parser(prog="reflect", parents=[common],
                     description="Reflect: a private, offline reflective journal.")
    parser.add_argument("--version", action="version", version=f"Reflect {__version__}")
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation works (in a temporary folder), then exit")
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_journal(commands, common)
    _add_briefing(commands, common)
    _add_demo_and_search(commands, common)
    _add_export(commands, common)
    _add_reply(commands, common)
    _add_session(commands, common)
    _add_check(commands, common)
    return parser


def _actions(commands, name: str, dest: str, metavar: str, summary: str):
    """A command whose sub-command (its action) is required, e.g. `briefing import`."""
    return commands.add_parser(name, help=summary).add_subparsers(
        dest=dest, metavar=metavar, parser_class=_Parser, required=True)


def _add_journal(commands, common) -> None:
    journal = _actions(commands, "journal", "journal_command", "ACTION", "create a journal")
    journal.add_parser("init", parents=[common], help="create a new, empty journal")


def _add_briefing(commands, common) -> None:
    briefing = _actions(commands, "briefing", "briefing_command", "ACTION", "7-minute briefings")
    parse = briefing.add_parser("parse", help="print a briefing file as JSON (no journal needed)")
    parse.add_argument("file")
    imp = briefing.add_parser("import", parents=[common], help="add a briefing to the journal")
    imp.add_argument("file")
    lst = briefing.add_parser("list", parents=[common], help="list the journal's briefings")
    lst.add_argument("--json", action="store_true", help="print JSON")


def _add_demo_and_search(commands, common) -> None:
    demo = commands.add_parser("demo", parents=[common],
                               help="fill a new journal with sample reflections")
    demo.add_argument("--entries", type=int, default=120, metavar="N")

    search = commands.add_parser(
        "search", parents=[common], help="search entries and briefings",
        description="Search entries and briefings. Words given as TEXT show in the process list "
                    "(ps) to other users of this computer: --query-file - reads them from stdin.")
    query = search.add_mutually_exclusive_group(required=True)
    query.add_argument("text", nargs="?", help="the words to search for (seen in the process list)")
    query.add_argument("--query-file", metavar="FILE",
                       help="read the words from FILE, or from stdin if FILE is '-' (kept out of "
                            "the process list)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=int, default=50)


def _add_export(commands, common) -> None:
    export = _actions(commands, "export", "export_command", "DOCUMENT",
                      "write a PDF for a supervisor, checked for details that may identify someone")
    pdf = _pdf_options()
    session = export.add_parser("session", parents=[common, pdf], help="a session's supervision pack")
    which = session.add_mutually_exclusive_group(required=True)
    which.add_argument("id", nargs="?", type=int, help="the session's id")
    which.add_argument("--latest", action="store_true",
                       help="the session with the latest date (an undated one if none has a date)")
    session.add_argument("--no-fields", dest="fields", action="store_false",
                         help="a print-only pack, without fields for the supervisor to fill in")
    session.add_argument("--leave-out-notes", dest="include_session_notes", action="store_false",
                         help="leave the session's notes and wellbeing check-in out of the pack")
    portfolio = export.add_parser("portfolio", parents=[common, pdf],
                                  help="the reflections written between two dates")
    portfolio.add_argument("--from", dest="date_from", type=_day, metavar="DATE", help="YYYY-MM-DD")
    portfolio.add_argument("--to", dest="date_to", type=_day, metavar="DATE", help="YYYY-MM-DD")
    entry = export.add_parser("entry", parents=[common, pdf], help="one reflection")
    entry.add_argument("id", type=int, help="the reflection's id")


def _add_reply(commands, common) -> None:
    reply = _actions(commands, "reply", "reply_command", "ACTION", "the supervisor's reply to a pack")
    imp = reply.add_parser("import", parents=[common],
                           help="check a filled-in supervision pack and record it (JSON)")
    imp.add_argument("file")
    imp.add_argument("--password-file", metavar="FILE", default=None,
                     help="the password that opens the PDF, in FILE")
    imp.add_argument("--unverified", action="store_true",
                     help="import a pack of this journal whose export is not in its log, marked unchecked")


def _add_session(commands, common) -> None:
    session = _actions(commands, "session", "session_command", "ACTION", "supervision sessions")
    show = session.add_parser("show", parents=[common],
                              help="a session with its reflections, actions and the supervisor's reply")
    which = show.add_mutually_exclusive_group(required=True)
    which.add_argument("id", nargs="?", type=int, help="the session's id")
    which.add_argument("--latest", action="store_true",
                       help="the session with the latest date (an undated one if none has a date)")
    show.add_argument("--json", action="store_true", help="print JSON (the only format for now)")


def _add_check(commands, common) -> None:
    check = commands.add_parser("check", parents=[common],
                                help="list details that may identify someone (JSON; exit 6 if any)")
    what = check.add_mutually_exclusive_group(required=True)
    what.add_argument("id", nargs="?", type=int, help="a reflection's id")
    what.add_argument("--all", action="store_true", help="every reflection")
    what.add_argument("--text-file", metavar="FILE", help="any UTF-8 text file (no journal needed)")


def _pdf_options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--out", metavar="FILE", required=True, help="where to write the PDF")
    options.add_argument("--password-file", metavar="FILE", default=None,
                         help="protect the PDF (AES-256) with the password in FILE")
    options.add_argument("--include-briefings", action="store_true",
                         help="add a short summary of each briefing referred to")
    options.add_argument("--accept-findings", action="store_true",
                         help="export even if details that may identify someone are found (for scripts)")
    options.add_argument("--json", action="store_true", help="print the result as JSON")
    return options


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: use YYYY-MM-DD") from None


def names_no_command(argv: list[str]) -> bool:
    """True when `argv` is only options of the window (no command, no help): the usual start.

    Building the full parser's commands would then be work every start of the window pays for
    nothing. Anything else (any other word, an abbreviated option) gets the full parser.
    """
    values_of = {"--data-dir", "--passphrase-file"}
    expecting_value = False
    for arg in argv:
        if expecting_value:
            expecting_value = False
        elif arg in values_of:
            expecting_value = True
        elif not arg.startswith("-") or arg in ("-h", "--help"):
            return False
    return True
