"""Rules about sessions and actions that the forms check as the user types.

Each returns plain-words notes, never raises: a session without a date or an action already past
its due date is allowed (people record things late), the user is simply told.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from reflect.domain.dates import format_day
from reflect.domain.supervision import Action, ActionStatus, Session, SessionStatus


def session_notes(session_id: int | None, starts_at: datetime | None,
                  others: Iterable[Session]) -> list[str]:
    notes = []
    if starts_at is None:
        notes.append("This session has no date yet, so it will not show as your next session "
                      "and actions will not carry forward to it by date.")
        return notes
    clash = [s for s in others if s.id != session_id and s.starts_at == starts_at
             and s.status is not SessionStatus.CANCELLED]
    if clash:
        notes.append(f"You already have a session at {format_when(starts_at)}. "
                     "Both are kept; check the time is right.")
    return notes


def action_notes(due_on: date | None, today: date, *, is_new: bool) -> list[str]:
    if due_on is not None and is_new and due_on < today:
        return [f"The due date ({format_day(due_on)}) has already passed. The action is saved "
                "and shows as overdue."]
    return []


def is_overdue(action: Action, today: date) -> bool:
    return action.status is ActionStatus.OPEN and action.due_on is not None and action.due_on < today


def order_for_list(sessions: Iterable[Session], now: datetime) -> tuple[list[Session], list[Session]]:
    """Upcoming sessions (soonest first, undated last) and past ones (most recent first)."""
    upcoming, past = [], []
    for session in sessions:
        if session.starts_at is None or session.starts_at >= now:
            upcoming.append(session)
        else:
            past.append(session)
    upcoming.sort(key=lambda s: (s.starts_at is None, s.starts_at or now, s.id))
    past.sort(key=lambda s: (s.starts_at, s.id), reverse=True)
    return upcoming, past


#: the time a session planned for a day starts at, as a new session planned by hand does
PLANNED_HOUR = 10


def planned_start(day: date) -> datetime:
    return datetime.combine(day, time(PLANNED_HOUR))


def format_when(moment: datetime) -> str:
    return f"{format_day(moment.date())}, {moment.strftime('%H:%M')}"


def session_title(session: Session) -> str:
    """e.g. "Tue 1 Dec 2026, 10:00 — Planned 1:1 with Team manager"."""
    when = format_when(session.starts_at) if session.starts_at else "Date to be arranged"
    who = session.supervisor_role or session.supervisor_name
    kind = session.type.label
    return f"{when} — {kind}" + (f" with {who}" if who else "")
