"""A new session follows the last one: the date agreed there, the same supervisor, always after it."""

from __future__ import annotations

from datetime import date, datetime

from reflect.domain.session_rules import is_upcoming, next_session
from reflect.domain.supervision import Session, SessionStatus, SessionType

NOW = datetime(2026, 11, 26, 9, 0)


def session(id_: int, starts_at: datetime | None, *, status=SessionStatus.PLANNED, next_on=None,
            name: str = "", role: str = "") -> Session:
    return Session(id=id_, starts_at=starts_at, supervisor_name=name, supervisor_role=role,
                   type=SessionType.PLANNED, status=status, notes="", wellbeing="", workload="",
                   learning_needs="", next_session_on=next_on, supervisee_agreed_on=None,
                   supervisor_agreed_on=None, created_at=NOW, updated_at=NOW)


def test_no_sessions_yet_means_a_week_from_now_at_ten():
    """With nothing to go on, a week from today at 10:00 and no supervisor."""
    new = next_session([], NOW)
    assert (new.starts_at, new.supervisor_name) == (datetime(2026, 12, 3, 10, 0), "")


def test_the_date_agreed_in_the_last_session_at_its_time_of_day():
    """The latest session's next date, at the time it started, with its supervisor."""
    sessions = [session(1, datetime(2026, 10, 1, 9, 0), next_on=date(2026, 11, 1), name="Al"),
                session(2, datetime(2026, 11, 20, 14, 30), next_on=date(2026, 12, 18), name="Jo",
                        role="Team manager"),
                session(3, None, name="Undated")]
    new = next_session(sessions, NOW)
    assert (new.starts_at, new.supervisor_name, new.supervisor_role) == (
        datetime(2026, 12, 18, 14, 30), "Jo", "Team manager")


def test_a_cancelled_session_is_not_the_last_one():
    """A cancelled session's agreements are not followed."""
    sessions = [session(1, datetime(2026, 11, 20, 10, 0), next_on=date(2026, 12, 18), name="Jo"),
                session(2, datetime(2026, 12, 1, 10, 0), status=SessionStatus.CANCELLED, name="Sam")]
    assert next_session(sessions, NOW).supervisor_name == "Jo"


def test_without_a_date_agreed_it_still_comes_after_the_last():
    """A last session planned beyond next week is followed four weeks later, not overlapped."""
    sessions = [session(1, datetime(2026, 12, 3, 10, 0))]
    assert next_session(sessions, NOW).starts_at == datetime(2026, 12, 31, 10, 0)


def test_held_sessions_are_never_upcoming():
    """Held is past whatever the date; planned is upcoming until it starts; undated is upcoming."""
    assert not is_upcoming(session(1, datetime(2026, 12, 3, 10, 0), status=SessionStatus.HELD), NOW)
    assert is_upcoming(session(2, datetime(2026, 12, 3, 10, 0)), NOW)
    assert not is_upcoming(session(3, datetime(2026, 11, 1, 10, 0)), NOW)
    assert is_upcoming(session(4, None), NOW)
