"""`export session|portfolio|entry`: a PDF for a supervisor, from the command line.

The export itself is the same use case the window runs (`services.exporting`), including the check
for details that may identify someone: when it finds some, nothing is written, the findings are
listed on stderr (one a line) and the exit code is 6, unless `--accept-findings` is given. Text
in a right-to-left script, which the PDF would print wrongly, is refused the same way, and only
warned about with `--accept-findings`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reflect.cli.journal_access import journal_paths, latest_session_id, must_exist, open_existing
from reflect.cli.text_io import print_json, read_text_file
from reflect.domain.display_name import display_name
from reflect.domain.errors import UsageError


def export(args) -> int:
    paths = journal_paths(args)
    with open_existing(args, paths) as journal:
        return _export(args, journal, paths)


def _export(args, journal, paths) -> int:
    from reflect.services import exporting as svc
    from reflect.services.print_warnings import RightToLeftBlocksExport

    request = _request(args, journal, paths)
    try:
        result = svc.export_document(journal, request, Path(args.out).absolute(),
                                     accept_findings=args.accept_findings,
                                     warn=lambda exc: _right_to_left(journal, exc, "Warning: "))
    except svc.FindingsBlockExport as exc:
        print(f"reflect: {display_name(exc.message)} Scripts can export anyway with --accept-findings.",
              file=sys.stderr)
        for finding in exc.findings:
            print(_describe(journal, finding), file=sys.stderr)
        return exc.exit_code
    except RightToLeftBlocksExport as exc:
        _right_to_left(journal, exc, "", " Scripts can export anyway with --accept-findings.")
        return exc.exit_code
    if args.json:
        print_json({"path": str(result.path), "sha256": result.sha256, "pages": result.pages,
                    "entries": result.entry_count, "encrypted": result.encrypted})
    else:
        print(display_name(result.path))
    return 0


def _request(args, journal, paths):
    """What to export, as `services.exporting` takes it; a usage error if it names nothing."""
    from reflect.domain.entry_filter import EntryFilter
    from reflect.domain.report import ExportOptions
    from reflect.services.exporting import ExportRequest
    from reflect.settings import Settings

    password = _pdf_password(Path(args.password_file)) if args.password_file else None
    settings = Settings.load(paths.settings_file)
    options = ExportOptions(include_briefings=args.include_briefings, password=password,
                            practitioner=settings.practitioner_name,
                            practitioner_role=settings.practitioner_role,
                            fields=getattr(args, "fields", True),
                            include_session_notes=getattr(args, "include_session_notes", True))
    if args.export_command == "session":
        session_id = latest_session_id(journal) if args.latest else args.id
        must_exist(journal.sessions.get_session, session_id, "session")
        return ExportRequest("session", options, session_id=session_id)
    if args.export_command == "entry":
        must_exist(journal.entries.get_entry, args.id, "reflection")
        return ExportRequest("entry", options, entry_id=args.id)
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UsageError("--from is after --to.")
    return ExportRequest("portfolio", options, entry_filter=EntryFilter(
        created_from=args.date_from, created_to=args.date_to))


def _pdf_password(file: Path) -> str:
    text = read_text_file(file, f"The password file {file} cannot be read as UTF-8 text.")
    text = text.removesuffix("\n").removesuffix("\r")  # the line end an editor adds, no more
    if len(text) < 8:
        raise UsageError(f"The password in {file} is shorter than 8 characters.")
    return text


def _right_to_left(journal, exc, lead: str, tail: str = "") -> None:
    """The right-to-left warning on stderr, then one line per field holding such text."""
    from reflect.services.print_warnings import RIGHT_TO_LEFT, right_to_left_sample

    print(f"reflect: {lead}{RIGHT_TO_LEFT if lead else exc.message}{tail}", file=sys.stderr)
    for field in exc.fields:
        print(f"Right-to-left text '{right_to_left_sample(field)}'{_where(journal, field)}", file=sys.stderr)


def _describe(journal, finding) -> str:
    """One plain line: "Postcode 'WN1 1AA' in 'Thinking about…' (Description): …context…"."""
    return f"{finding.label} '{' '.join(finding.text.split())}'{_where(journal, finding)}: {finding.context}"


def _where(journal, found) -> str:
    """" in 'Thinking about…' (Description)": where a finding or a checked field is."""
    where = ""
    if found.entry_id is not None:
        try:
            title = " ".join(journal.entries.get_entry(found.entry_id).title.split()) or "Untitled"
        except KeyError:
            title = f"reflection {found.entry_id}"
        where = f" in '{title if len(title) <= 40 else title[:39].rstrip() + '…'}'"
    if found.field:
        where += f" ({found.field})"
    return where
