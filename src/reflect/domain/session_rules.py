"""Rules about sessions and actions that the forms check as the user types.

Each returns plain-words notes, never raises: a session without a date or an action already past
its due date is allowed (people record things late), the user is simply told.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from reflect.domain.day_format import format_day
from reflect.domain.supervision import Action, ActionStatus, NewSession, Session, SessionStatus


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


def is_upcoming(session: Session, now: datetime) -> bool:
    """Still to come: not yet held, and undated or not yet started. A session marked held is
    past whatever its date says (it was held early, or recorded with the date it was planned for)."""
    if session.status is SessionStatus.HELD:
        return False
    return session.starts_at is None or session.starts_at >= now


def order_for_list(sessions: Iterable[Session], now: datetime) -> tuple[list[Session], list[Session]]:
    """Upcoming sessions (soonest first, undated last) and past ones (most recent first)."""
    upcoming, past = [], []
    for session in sessions:
        (upcoming if is_upcoming(session, now) else past).append(session)
    upcoming.sort(key=lambda s: (s.starts_at is None, s.starts_at or now, s.id))
    past.sort(key=lambda s: (s.starts_at or now, s.id), reverse=True)
    return upcoming, past


#: the time a session planned for a day starts at, as a new session planned by hand does
PLANNED_HOUR = 10
#: how far apart sessions are when nothing was agreed (monthly, as most supervision policies ask)
USUAL_GAP = timedelta(days=28)


def default_start(now: datetime) -> datetime:
    """A session's suggested time with nothing to go on: a week from today at 10:00."""
    return planned_start((now + timedelta(days=7)).date())


def next_session(sessions: Iterable[Session], now: datetime) -> NewSession:
    """A new session as the last one left it: on the date agreed there for the next session (at
    the same time of day), with the same supervisor.

    The last session is the latest dated one not cancelled. With no date agreed, a week from now,
    or four weeks after the last session if that is later: a new session always comes after the
    last, so the actions carried forward from it are there at once.
    """
    dated = [s for s in sessions if s.starts_at is not None and s.status is not SessionStatus.CANCELLED]
    last = max(dated, key=lambda s: (s.starts_at, s.id), default=None)
    if last is None:
        return NewSession(starts_at=default_start(now))
    if last.next_session_on is not None and last.next_session_on > last.starts_at.date():
        start = datetime.combine(last.next_session_on, last.starts_at.time())
    else:
        start = max(default_start(now), last.starts_at + USUAL_GAP)
    return NewSession(starts_at=start, supervisor_name=last.supervisor_name,
                      supervisor_role=last.supervisor_role)


def planned_start(day: date) -> datetime:
    return datetime.combine(day, time(PLANNED_HOUR))


def format_when(moment: datetime) -> str:
    return f"{format_day(moment.date())}, {moment.strftime('%H:%M')}"


def session_title(session: Session) -> str:
    """e.g. "Tue 1 Dec 2026, 10:00 — Regular 1:1 with Team manager"."""
    when = format_when(session.starts_at) if session.starts_at else "Date to be arranged"
    who = session.supervisor_role or session.supervisor_name
    kind = session.type.label
    return f"{when} — {kind}" + (f" with {who}" if who else "")
