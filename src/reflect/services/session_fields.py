"""The session's own words a supervision pack shows, as the fields the export's check covers.

Its supervisor's name and role, the agenda, the actions carried forward and agreed, and (unless the
export leaves them out) the session's notes and wellbeing check-in, which are the practitioner's
own words as much as a reflection is. Also the name and role the supervisor signed off with, which
a later pack fills in, when they differ from the session's.
"""

from __future__ import annotations

from reflect.domain.anonymisation import CheckedField
from reflect.domain.report import SESSION_NOTE_FIELDS, SessionReport
from reflect.domain.supervision import ActionOwner


def session_fields(journal, session_id: int, report: SessionReport) -> list[CheckedField]:
    """The session's own text `report` shows, as fields to check; each names where it is stored
    (`exporting._where` reads "session:ID:FIELD", "agenda:…" and "action:…" back to edit it)."""
    session = journal.sessions.get_session(session_id)
    out = [CheckedField(None, f"session:{session_id}:supervisor_name", "Supervisor's name",
                        session.supervisor_name),
           CheckedField(None, f"session:{session_id}:supervisor_role", "Supervisor's role",
                        session.supervisor_role)]
    # The name and role the supervisor signed with (their reply's, pre-filled in the pack) when
    # they differ from the session's: the supervisor's words, so not editable here.
    for name, what, signed in (("supervisor_name", "name", report.signed_by_name),
                               ("supervisor_role", "role", report.signed_by_role)):
        if signed.strip() != getattr(session, name).strip():
            out.append(CheckedField(None, f"sign-off:{session_id}:{name}",
                                    f"Supervisor's {what} (their sign-off)", signed))
    out += [CheckedField(None, f"agenda:{session_id}:{item.id}", "Agenda item", item.text)
            for item in journal.sessions.agenda(session_id)]
    actions = journal.actions.carried_forward_to(session_id) + journal.actions.agreed_in(session_id)
    for action in actions:
        out.append(CheckedField(None, f"action:{action.id}:description", "Action", action.description))
        if action.owner is not ActionOwner.ME:
            out.append(CheckedField(None, f"action:{action.id}:owner_name", "Who does the action",
                                    action.owner_name))
    if report.session_notes:  # the practitioner's own words, as a reflection's are
        out += [CheckedField(None, f"session:{session_id}:{name}", label, getattr(session, name))
                for name, label in SESSION_NOTE_FIELDS]
    return out
