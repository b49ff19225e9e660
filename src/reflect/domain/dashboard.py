"""What the dashboard shows, and the calendar rules behind it, kept apart from SQL and Qt.

The dashboard is the first page after unlocking (journey 8). Its rules are easy to get subtly wrong
— the Social Work England registration year ends on 30 November, months are the user's local
calendar months, "due soon" is a fixed window — so they live here as pure functions and frozen
values that unit tests can pin down. `store/dashboard_queries.py` fills a `DashboardData` snapshot;
the page only displays it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reflect.domain.supervision import Session
from reflect.domain.templates import MODELS
from reflect.domain.wording import noun, plural

#: Actions due within this many days of today are shown (overdue ones always are).
ACTION_WINDOW_DAYS = 14
#: A session pack sent this many days ago with no reply imported is listed as awaiting one.
REPLY_WAIT_DAYS = 7
#: Months in the reflections chart, the current one included.
MONTHS_SHOWN = 12
#: Social Work England's minimum: at least two CPD records a year, one with peer reflection.
REQUIRED_RECORDS = 2
REQUIRED_PEER = 1
#: The stage of a CPD record that holds the peer reflection.
PEER_STAGE = "peer_reflection"
#: Models whose entries count as CPD records.
CPD_MODELS: frozenset[str] = frozenset(m.key for m in MODELS if m.is_cpd_record)

# Fixed English names: the app is UK English, and strftime would follow whatever C locale Qt set.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def long_day(day: date, *, weekday: bool = False) -> str:
    """e.g. "30 November 2026", or "Mon 30 November 2026"."""
    text = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{DAY_NAMES[day.weekday()]} {text}" if weekday else text


def registration_year(today: date) -> tuple[date, date]:
    """The Social Work England registration year holding `today`: 1 December to 30 November.

    30 November is still the last day of the year ending that day; 1 December starts the next.
    """
    end_year = today.year if today.month < 12 else today.year + 1
    return date(end_year - 1, 12, 1), date(end_year, 11, 30)


def relative_day(day: date, today: date) -> str:
    """"today", "tomorrow", "in 5 days", "yesterday", "3 days ago"."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; months order by time."""

    year: int
    month: int

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return self.next().first - timedelta(days=1)

    @property
    def name(self) -> str:
        """e.g. "March 2026"."""
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def short(self) -> str:
        """e.g. "Mar"."""
        return MONTH_NAMES[self.month - 1][:3]

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)


def last_months(today: date, count: int = MONTHS_SHOWN) -> tuple[Month, ...]:
    """The `count` calendar months ending with today's, oldest first."""
    index = today.year * 12 + today.month - 1 - (count - 1)
    return tuple(Month((index + i) // 12, (index + i) % 12 + 1) for i in range(count))


@dataclass(frozen=True)
class MonthCount:
    """How many reflections were written in one month (a column of the chart)."""

    month: Month
    reflections: int

    @property
    def description(self) -> str:
        """e.g. "March 2026: 14 reflections" (the column's accessible name and tooltip)."""
        return f"{self.month.name}: {plural(self.reflections, 'reflection')}"


@dataclass(frozen=True)
class Coverage:
    """How many of one briefing's reflection questions have at least one reflection."""

    briefing_id: int
    title: str
    answered: int
    total: int
    full_title: str = ""

    @property
    def label(self) -> str:
        """e.g. "Child R — 3 of 7 questions"."""
        return f"{self.title} — {self.answered} of {plural(self.total, 'question')}"

    @property
    def description(self) -> str:
        if self.total == 0:
            return f"{self.title}: this briefing has no reflection questions"
        return f"{self.title}: {self.answered} of {plural(self.total, 'question')} have a reflection"


@dataclass(frozen=True)
class DueAction:
    """An open action that is overdue or due within the window."""

    id: int
    description: str
    due_on: date
    today: date

    @property
    def overdue(self) -> bool:
        return self.due_on < self.today

    @property
    def due_text(self) -> str:
        """When it is due, in words; overdue ones say so (not only by colour)."""
        when = relative_day(self.due_on, self.today)
        day = long_day(self.due_on, weekday=True)
        if self.overdue:
            return f"Overdue: was due {day} ({when})"
        if when in ("today", "tomorrow"):
            return f"Due {when}, {day}"
        return f"Due {day} ({when})"


@dataclass(frozen=True)
class NextSession:
    """The next session planned, with how much is ready for it."""

    session: Session
    agenda_items: int
    reflections: int


@dataclass(frozen=True)
class AwaitingReply:
    """A session whose pack went to the supervisor over `REPLY_WAIT_DAYS` ago and has no reply."""

    session: Session
    exported_on: date
    today: date

    @property
    def sent_text(self) -> str:
        """e.g. "Pack exported Tue 24 November 2026 (10 days ago)"."""
        return (f"Pack exported {long_day(self.exported_on, weekday=True)} "
                f"({relative_day(self.exported_on, self.today)})")


@dataclass(frozen=True)
class CpdPicture:
    """CPD records made in one registration year against Social Work England's minimum."""

    records: int
    with_peer: int
    year_start: date
    year_end: date
    today: date
    required: int = REQUIRED_RECORDS
    required_peer: int = REQUIRED_PEER

    @classmethod
    def for_year(cls, records: int, with_peer: int, today: date) -> CpdPicture:
        start, end = registration_year(today)
        return cls(records, with_peer, start, end, today)

    @property
    def records_needed(self) -> int:
        return max(0, self.required - self.records)

    @property
    def peer_needed(self) -> int:
        return max(0, self.required_peer - self.with_peer)

    @property
    def met(self) -> bool:
        return self.records_needed == 0 and self.peer_needed == 0

    @property
    def days_left(self) -> int:
        return max(0, (self.year_end - self.today).days)

    @property
    def year_text(self) -> str:
        return f"the year ending {long_day(self.year_end)}"

    @property
    def summary(self) -> str:
        if self.records == 0:
            have = "No CPD records yet"
        else:
            peer = "none" if self.with_peer == 0 else str(self.with_peer)
            have = f"{plural(self.records, 'CPD record')}, {peer} with peer reflection"
        if self.met:
            return f"{have}: you have met Social Work England's minimum for {self.year_text}."
        needs = []
        if self.records_needed:
            more = " more" if self.records else ""
            needs.append(f"{self.records_needed}{more} CPD {noun(self.records_needed, 'record')}")
        if self.peer_needed:
            which = "of them" if not self.records else noun(self.peer_needed, "record")
            needs.append(f"peer reflection in at least {_count_word(self.peer_needed)} {which}")
        left = ("today is the last day" if self.days_left == 0
                else f"{plural(self.days_left, 'day')} left")
        return (f"{have}. For Social Work England's minimum you still need {' and '.join(needs)}, "
                f"by {long_day(self.year_end)} ({left}).")


def _count_word(n: int) -> str:
    return {1: "one", 2: "two", 3: "three"}.get(n, str(n))


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows, read at one moment."""

    today: date
    next_session: NextSession | None
    actions: tuple[DueAction, ...]
    coverage: tuple[Coverage, ...]
    months: tuple[MonthCount, ...]
    cpd: CpdPicture
    awaiting_replies: tuple[AwaitingReply, ...] = ()

    @property
    def overdue_count(self) -> int:
        return sum(a.overdue for a in self.actions)

    @property
    def due_soon_count(self) -> int:
        return len(self.actions) - self.overdue_count

    @property
    def reflections_in_months(self) -> int:
        return sum(m.reflections for m in self.months)

    @property
    def any_question_answered(self) -> bool:
        return any(c.answered for c in self.coverage)

    def actions_to_list(self, limit: int) -> tuple[DueAction, ...]:
        """At most `limit` actions, overdue first, keeping room for up to half of them due soon.

        A long tail of old overdue actions must not hide what is due this week, so when there are
        more than `limit`, the overdue ones give way to the soonest due, up to half the rows.
        """
        overdue = [a for a in self.actions if a.overdue]
        soon = [a for a in self.actions if not a.overdue]
        keep_overdue = min(len(overdue), max(limit - len(soon), limit - limit // 2))
        return tuple(overdue[:keep_overdue] + soon[:limit - keep_overdue])

    @property
    def actions_summary(self) -> str:
        """e.g. "2 overdue and 3 due in the next 14 days"."""
        if not self.actions:
            return f"No actions due in the next {ACTION_WINDOW_DAYS} days, and none overdue."
        parts = []
        if self.overdue_count:
            parts.append(f"{self.overdue_count} overdue")
        if self.due_soon_count:
            parts.append(f"{self.due_soon_count} due in the next {ACTION_WINDOW_DAYS} days")
        return " and ".join(parts) + "."
