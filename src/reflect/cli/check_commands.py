"""`check`: list the details that may identify someone, in reflections or in any text file.

The findings are JSON on stdout whatever is found; exit 6 (and one line on stderr) says there
were some, so a script can stop before anything leaves the laptop.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reflect.cli.journal_access import journal_paths, must_exist, open_existing
from reflect.cli.text_io import print_json, read_text_file
from reflect.domain.wording import plural


def check(args) -> int:
    if args.text_file:
        return _check_text_file(Path(args.text_file))
    paths = journal_paths(args)
    with open_existing(args, paths) as journal:
        return _check_entries(args, journal, paths)


def _check_text_file(file: Path) -> int:
    from reflect.domain.anonymisation import check_text

    text = read_text_file(file, f"{file} cannot be read as UTF-8 text.")
    return _report_findings(check_text(text), where=False)


def _check_entries(args, journal, paths) -> int:
    from reflect.domain.anonymisation import check_fields
    from reflect.services.exporting import entry_fields
    from reflect.settings import Settings

    if args.all:
        ids = sorted(e.id for e in journal.entries.list_entries())
    else:
        must_exist(journal.entries.get_entry, args.id, "reflection")
        ids = [args.id]
    fields = [field for entry_id in ids for field in entry_fields(journal, entry_id)]
    findings = check_fields(fields, watch_terms=journal.privacy.watch_terms(),
                            accepted=journal.privacy.accepted(),
                            not_names=[Settings.load(paths.settings_file).practitioner_name])
    return _report_findings(findings, where=True)


def _finding_json(finding, *, where: bool) -> dict:
    row = {"kind": finding.kind, "text": finding.text, "start": finding.start, "end": finding.end,
           "context": finding.context}
    if where:
        row.update(entry_id=finding.entry_id, field=finding.field)
    return row


def _report_findings(findings, *, where: bool) -> int:
    print_json([_finding_json(f, where=where) for f in findings])
    if findings:
        print(f"reflect: {plural(len(findings), 'detail')} may identify someone.", file=sys.stderr)
        return 6
    return 0
