"""`session show ID|--latest --json`: one session as JSON, for scripts and IT.

Its details, agenda, reflections (ids and titles, not their text), the actions it agreed and
reviews, and the supervisor's reply as imported: comments, the next date and the sign-off, with
every reply file imported.
"""

from __future__ import annotations

from reflect.cli.journal_access import latest_session_id, must_exist, open_existing
from reflect.cli.text_io import print_json


def show(args) -> int:
    with open_existing(args) as journal:
        session_id = latest_session_id(journal) if args.latest else args.id
        must_exist(journal.sessions.get_session, session_id, "session")
        print_json(session_json(journal, session_id))
    return 0


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _action(action) -> dict:
    return {"id": action.id, "description": action.description, "owner": action.owner.value,
            "owner_name": action.owner_name, "due_on": _day(action.due_on),
            "status": action.status.value, "session_id": action.session_id}


def session_json(journal, session_id: int) -> dict:
    s = journal.sessions.get_session(session_id)
    entries = []
    for entry_id in journal.sessions.linked_entry_ids(session_id):
        entries.append({"id": entry_id, "title": journal.entries.get_entry(entry_id).title})
    return {
        "id": s.id, "starts_at": s.starts_at.isoformat() if s.starts_at else None,
        "type": s.type.value, "status": s.status.value, "supervisor_name": s.supervisor_name,
        "supervisor_role": s.supervisor_role, "next_session_on": _day(s.next_session_on),
        "supervisee_agreed_on": _day(s.supervisee_agreed_on),
        "supervisor_agreed_on": _day(s.supervisor_agreed_on),
        "agenda": [{"text": i.text, "function": i.function.value} for i in journal.sessions.agenda(s.id)],
        "reflections": entries,
        "actions_agreed": [_action(a) for a in journal.actions.agreed_in(s.id)],
        "actions_carried_forward": [_action(a) for a in journal.actions.carried_forward_to(s.id)],
        "reply": _reply_json(journal.replies.for_session(s.id)),
    }


def _reply_json(reply) -> dict | None:
    if reply is None:
        return None
    latest = reply.latest
    return {
        "verified": latest.verified,
        "signed_off": {"signed_off": latest.signed_off, "by": latest.supervisor_name,
                       "role": latest.supervisor_role, "on": _day(latest.signed_on)},
        "next_session": {"on": _day(latest.next_session_on), "session_id": latest.next_session_id},
        "overall": reply.overall,
        "comments": [{"entry_id": c.entry_id, "kind": c.kind, "field": c.field, "text": c.text,
                      "cut": c.cut} for c in reply.comments],
        "imports": [{"file_name": i.file_name, "file_sha256": i.file_sha256,
                     "imported_at": i.imported_at.isoformat(), "verified": i.verified,
                     "export_id": i.export_id} for i in reply.imports],
    }
