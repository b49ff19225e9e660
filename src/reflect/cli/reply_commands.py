"""`reply import FILE`: record the supervisor's filled-in pack in its session, from the command line.

The same use cases the window runs (`services.replies`, `services.reply_import`): the pack is
checked against the export log first, and refused with a message naming what is wrong (exit 2 for
a file that is not a pack of this journal or whose export is not in the log, 3 for a wrong
password, 7 for pages changed since export); nothing is recorded then. On success a JSON summary
of what was recorded is printed.
"""

from __future__ import annotations

from pathlib import Path

from reflect.cli.journal_access import journal_paths, open_existing
from reflect.cli.text_io import print_json, read_text_file


def import_file(args) -> int:
    from reflect.services.replies import read_and_verify
    from reflect.services.reply_import import import_reply
    from reflect.settings import Settings

    paths = journal_paths(args)
    password = _password(Path(args.password_file)) if args.password_file else None
    with open_existing(args, paths) as journal:
        practitioner = Settings.load(paths.settings_file).practitioner_name
        check = read_and_verify(journal, Path(args.file), password, practitioner=practitioner)
        imported = import_reply(journal, check, unverified=args.unverified)
        print_json(reply_summary(check, imported))
    return 0


def _password(file: Path) -> str:
    text = read_text_file(file, f"The password file {file} cannot be read as UTF-8 text.")
    return text.removesuffix("\n").removesuffix("\r")  # the line end an editor adds, no more


def _day(day) -> str | None:
    return day.isoformat() if day else None


def reply_summary(check, imported) -> dict:
    """What was recorded, for scripts: comments, actions, next session and sign-off."""
    reply = imported.reply
    return {
        "session_id": reply.session_id,
        "export_id": reply.export_id,
        "verified": reply.verified,
        "file_sha256": reply.file_sha256,
        "imported_at": reply.imported_at.isoformat(),
        "comments": [{"field": c.field, "entry_id": c.entry_id, "kind": c.kind, "text": c.text,
                      "cut": c.cut} for c in check.comments],
        "actions": [{"row": a.row, "description": a.description, "owner": a.owner.value,
                     "owner_name": a.owner_name, "due_on": _day(a.due_on)} for a in check.actions],
        "actions_added": list(imported.actions_added),
        "actions_updated": list(imported.actions_updated),
        "next_session": ({"on": _day(check.next_session_on), "session_id": imported.next_session_id}
                         if check.next_session_on else None),
        "sign_off": {"signed_off": reply.signed_off, "by": reply.supervisor_name,
                     "role": reply.supervisor_role, "on": _day(reply.signed_on)},
        "other_marks": {str(page + 1): count for page, count in sorted(check.other_marks.items())},
        "cut": sorted(check.cut),
        "notes": list(imported.notes),
    }
