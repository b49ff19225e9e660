"""The command line: the GUI by default, headless sub-commands for scripts, tests and IT.

A stable contract (later work and checks rely on it): JSON on stdout, one plain line on stderr
for problems, and exit codes 0 ok, 2 bad input or usage, 3 wrong passphrase, 4 journal in use,
5 journal too new or damaged, 6 details that may identify someone were found: `export` wrote
nothing (the findings follow on stderr, one a line; `--accept-findings` exports anyway) or `check`
found some (its JSON lists them). PySide6 is imported only when the GUI starts.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from pathlib import Path

from reflect import __version__
from reflect.domain.diagnostics import describe
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

    export = commands.add_parser(
        "export", help="write a PDF for a supervisor, checked for details that may identify someone"
    ).add_subparsers(dest="export_command", metavar="DOCUMENT", parser_class=_Parser, required=True)
    pdf = _pdf_options()
    session = export.add_parser("session", parents=[common, pdf], help="a session's supervision pack")
    which = session.add_mutually_exclusive_group(required=True)
    which.add_argument("id", nargs="?", type=int, help="the session's id")
    which.add_argument("--latest", action="store_true",
                       help="the session with the latest date (an undated one if none has a date)")
    portfolio = export.add_parser("portfolio", parents=[common, pdf],
                                  help="the reflections written between two dates")
    portfolio.add_argument("--from", dest="date_from", type=_day, metavar="DATE", help="YYYY-MM-DD")
    portfolio.add_argument("--to", dest="date_to", type=_day, metavar="DATE", help="YYYY-MM-DD")
    entry = export.add_parser("entry", parents=[common, pdf], help="one reflection")
    entry.add_argument("id", type=int, help="the reflection's id")

    check = commands.add_parser("check", parents=[common],
                                help="list details that may identify someone (JSON; exit 6 if any)")
    what = check.add_mutually_exclusive_group(required=True)
    what.add_argument("id", nargs="?", type=int, help="a reflection's id")
    what.add_argument("--all", action="store_true", help="every reflection")
    what.add_argument("--text-file", metavar="FILE", help="any UTF-8 text file (no journal needed)")
    return parser


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


def _names_no_command(argv: list[str]) -> bool:
    """True when `argv` is only options of the window (no command, no help): the usual start.

    The full parser's eleven commands take about 6 ms to build, which every start of the window
    would otherwise pay. Anything else (any other word, an abbreviated option) gets the full parser.
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


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(with_commands=not _names_no_command(argv))
    args = parser.parse_args(argv)
    if args.self_test:
        from reflect.services import self_test

        return self_test.main()
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
        log.error("unexpected error in command %s: %s", args.command, describe(exc))
        print("reflect: something unexpected went wrong; nothing further was changed. "
              "Details are in the log file in the journal folder.", file=sys.stderr)
        return 1


def _run_command(args) -> int:
    if args.command == "check" and args.text_file:
        return _check_text_file(Path(args.text_file))
    if args.command == "briefing" and args.briefing_command == "parse":
        from reflect.briefings import read_briefing_file

        _print_json(read_briefing_file(Path(args.file)).to_json_dict())
        return 0

    from reflect.logging_setup import configure_logging
    from reflect.paths import AppPaths
    from reflect.services.opening import journal_exists, open_journal

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
        from reflect.services.demo import build_demo

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
            journal.backup_if_changed("before-import")
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
        if args.command == "export":
            return _export(args, journal, paths)
        if args.command == "check":
            return _check_entries(args, journal, paths)
    raise UsageError("Unknown command.")


def _passphrase(args, *, confirm: bool) -> str:
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


def _print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# -- export and check ---------------------------------------------------------------------------
def _export(args, journal, paths) -> int:
    from reflect.domain.entry_filter import EntryFilter
    from reflect.domain.report import ExportOptions
    from reflect.services import exporting as svc
    from reflect.settings import Settings

    password = _pdf_password(Path(args.password_file)) if args.password_file else None
    options = ExportOptions(include_briefings=args.include_briefings, password=password,
                            practitioner=Settings.load(paths.settings_file).practitioner_name)
    if args.export_command == "session":
        session_id = _latest_session(journal) if args.latest else args.id
        _must_exist(journal.sessions.get_session, session_id, "session")
        request = svc.ExportRequest("session", options, session_id=session_id)
    elif args.export_command == "entry":
        _must_exist(journal.entries.get_entry, args.id, "reflection")
        request = svc.ExportRequest("entry", options, entry_id=args.id)
    else:
        if args.date_from and args.date_to and args.date_from > args.date_to:
            raise UsageError("--from is after --to.")
        request = svc.ExportRequest("portfolio", options, entry_filter=EntryFilter(
            created_from=args.date_from, created_to=args.date_to))
    try:
        result = svc.export_document(journal, request, Path(args.out).absolute(),
                                     accept_findings=args.accept_findings)
    except svc.FindingsBlockExport as exc:
        print(f"reflect: {exc.message} Scripts can export anyway with --accept-findings.",
              file=sys.stderr)
        for finding in exc.findings:
            print(_describe(journal, finding), file=sys.stderr)
        return exc.exit_code
    if args.json:
        _print_json({"path": str(result.path), "sha256": result.sha256, "pages": result.pages,
                     "entries": result.entry_count, "encrypted": result.encrypted})
    else:
        print(result.path)
    return 0


def _pdf_password(file: Path) -> str:
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"The password file {file} cannot be read as UTF-8 text.") from exc
    text = text.removesuffix("\n").removesuffix("\r")  # the line end an editor adds, no more
    if len(text) < 8:
        raise UsageError(f"The password in {file} is shorter than 8 characters.")
    return text


def _latest_session(journal) -> int:
    sessions = journal.sessions.list_sessions()  # by date, undated last
    dated = [s for s in sessions if s.starts_at is not None]
    if not sessions:
        raise UsageError("There are no sessions in this journal yet.")
    return dated[-1].id if dated else max(s.id for s in sessions)


def _must_exist(get, item_id: int, what: str) -> None:
    try:
        get(item_id)
    except KeyError:
        raise UsageError(f"There is no {what} with id {item_id}.") from None


def _describe(journal, finding) -> str:
    """One plain line: "Postcode 'WN1 1AA' in 'Thinking about…' (Description): …context…"."""
    where = ""
    if finding.entry_id is not None:
        try:
            title = " ".join(journal.entries.get_entry(finding.entry_id).title.split()) or "Untitled"
        except KeyError:
            title = f"reflection {finding.entry_id}"
        where = f" in '{title if len(title) <= 40 else title[:39].rstrip() + '…'}'"
    if finding.field:
        where += f" ({finding.field})"
    return f"{finding.label} '{' '.join(finding.text.split())}'{where}: {finding.context}"


def _finding_json(finding, *, where: bool) -> dict:
    row = {"kind": finding.kind, "text": finding.text, "start": finding.start, "end": finding.end,
           "context": finding.context}
    if where:
        row.update(entry_id=finding.entry_id, field=finding.field)
    return row


def _report_findings(findings, *, where: bool) -> int:
    _print_json([_finding_json(f, where=where) for f in findings])
    if findings:
        print(f"reflect: {len(findings)} detail(s) may identify someone.", file=sys.stderr)
        return 6
    return 0


def _check_text_file(file: Path) -> int:
    from reflect.domain.anonymisation import check_text

    try:
        text = file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{file} cannot be read as UTF-8 text.") from exc
    return _report_findings(check_text(text), where=False)


def _check_entries(args, journal, paths) -> int:
    from reflect.domain.anonymisation import check_fields
    from reflect.services.exporting import entry_fields
    from reflect.settings import Settings

    if args.all:
        ids = sorted(e.id for e in journal.entries.list_entries())
    else:
        _must_exist(journal.entries.get_entry, args.id, "reflection")
        ids = [args.id]
    fields = [field for entry_id in ids for field in entry_fields(journal, entry_id)]
    findings = check_fields(fields, watch_terms=journal.privacy.watch_terms(),
                            accepted=journal.privacy.accepted(),
                            not_names=[Settings.load(paths.settings_file).practitioner_name])
    return _report_findings(findings, where=True)
