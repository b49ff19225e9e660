"""Recording a checked reply (`replies.ReplyCheck`) in the session it answers, all or nothing.

What the supervisor wrote becomes the journal's own records, through the normal stores:
comments per reflection and overall (`ReplyStore`), each filled action row a normal action agreed
in the session (carried forward like any other), the next session planned on the date given with
the same supervisor (as one planned by hand: `session_rules.planned_start`), and the sign-off on
the session. Importing the same reply again, or a later version of it, updates those records:
comments by field, actions by their row, the next session it planned; every file stays listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reflect.domain.errors import ReflectError
from reflect.domain.reply import ReplyImport
from reflect.domain.session_rules import planned_start, session_notes
from reflect.domain.supervision import NewAction, NewSession, SessionStatus
from reflect.services.replies import NOTHING_RECORDED, ProposedAction, ReplyCheck
from reflect.store.rows import utc_now


class ReplyWithoutSession(ReflectError):
    exit_code = 2
    default_text = ("Reflect cannot tell which session this reply is to: the session may have "
                    "been deleted. " + NOTHING_RECORDED)


@dataclass(frozen=True)
class ImportedReply:
    reply: ReplyImport
    actions_added: tuple[int, ...]
    actions_updated: tuple[int, ...]
    next_session_id: int | None
    notes: tuple[str, ...] = ()  # plain-words remarks (a clash with another session's time)


def import_reply(journal, check: ReplyCheck, *, unverified: bool = False,
                 actions: tuple[ProposedAction, ...] | None = None,
                 now: datetime | None = None) -> ImportedReply:
    """Record `check` in its session (`actions`: the preview's edited rows, else the check's).

    A reply whose pack is not in the export log is refused (its `problem`) unless `unverified`."""
    if not check.verified and not unverified:
        raise check.problem or ReflectError()
    if check.session_id is None or not _session_exists(journal, check.session_id):
        raise ReplyWithoutSession()
    session = journal.sessions.get_session(check.session_id)
    with journal.db.atomic():
        planned, notes = _plan_next(journal, check, session)
        reply = journal.replies.record_import(ReplyImport(
            id=0, export_id=check.export_id, session_id=session.id, file_sha256=check.file_sha256,
            file_name=check.path.name, imported_at=now or utc_now(), verified=check.verified,
            supervisor_name=check.supervisor_name, supervisor_role=check.supervisor_role,
            signed_off=check.signed_off, signed_on=check.signed_on,
            next_session_on=check.next_session_on, next_session_id=planned,
        ))
        journal.replies.save_comments(reply, check.comments)
        added, updated = _record_actions(journal, check, session.id,
                                         check.actions if actions is None else actions)
        _record_session(journal, check, session)
    return ImportedReply(reply, tuple(added), tuple(updated), planned, tuple(notes))


def _session_exists(journal, session_id: int) -> bool:
    try:
        journal.sessions.get_session(session_id)
    except KeyError:
        return False
    return True


def _record_actions(journal, check: ReplyCheck, session_id: int,
                    rows: tuple[ProposedAction, ...]) -> tuple[list[int], list[int]]:
    added, updated = [], []
    for row in rows:
        earlier = journal.replies.action_for_row(check.export_id, row.row)
        if earlier is not None:
            journal.actions.update(earlier, description=row.description, owner=row.owner,
                                   owner_name=row.owner_name, due_on=row.due_on)
            updated.append(earlier)
            continue
        action = journal.actions.add(NewAction(row.description, owner=row.owner,
                                               owner_name=row.owner_name, due_on=row.due_on,
                                               session_id=session_id))
        journal.replies.link_action(check.export_id, row.row, action.id)
        added.append(action.id)
    return added, updated


def _record_session(journal, check: ReplyCheck, session) -> None:
    changes: dict[str, object] = {}
    if check.next_session_on is not None:
        changes["next_session_on"] = check.next_session_on
    if check.signed_off:
        changes["supervisor_agreed_on"] = check.signed_on
        if session.status is SessionStatus.PLANNED:
            # The supervisor signed the record off, so the session took place. (A reply without
            # a sign-off can come before the session: comments on the pack sent ahead of it.)
            changes["status"] = SessionStatus.HELD
    if check.supervisor_name and not session.supervisor_name:
        changes["supervisor_name"] = check.supervisor_name
    if check.supervisor_role and not session.supervisor_role:
        changes["supervisor_role"] = check.supervisor_role
    journal.sessions.update_session(session.id, **changes)


def _plan_next(journal, check: ReplyCheck, session) -> tuple[int | None, list[str]]:
    """The session planned on the reply's next date: the one an earlier import of this reply
    planned (moved to the new date), else one already on that day with this supervisor, else a
    new one, at the time a session planned by hand starts."""
    day: date | None = check.next_session_on
    if day is None:
        return None, []
    sessions = journal.sessions.list_sessions()
    earlier = next((r.next_session_id for r in journal.replies.imports_of(check.export_id)
                    if r.next_session_id is not None), None)
    mine = next((s for s in sessions if s.id == earlier), None)
    if mine is not None:
        if mine.starts_at is None or mine.starts_at.date() != day:
            start = planned_start(day) if mine.starts_at is None else datetime.combine(
                day, mine.starts_at.time())
            journal.sessions.update_session(mine.id, starts_at=start)
        return mine.id, []
    name = session.supervisor_name or check.supervisor_name
    same_day = [s for s in sessions if s.id != session.id and s.starts_at is not None
                and s.starts_at.date() == day and s.status is not SessionStatus.CANCELLED
                and s.supervisor_name == name]
    if same_day:
        return same_day[0].id, []
    start = planned_start(day)
    notes = session_notes(None, start, sessions)
    planned = journal.sessions.create_session(NewSession(
        starts_at=start, supervisor_name=name,
        supervisor_role=session.supervisor_role or check.supervisor_role, type=session.type))
    return planned.id, notes
