"""Reading a date as people type it: "15/01/2027", "15 Jan", "15/1/27", "tomorrow", "next Friday".

Every date field in the app and the reply import read dates through `read_date`, so a date
typed into a pack reads the same as one typed into a form. The rules are British: numbers are
day first ("3/4" is 3 April), a two-digit year is this century, ISO ("2027-01-15") is accepted.

What is missing is filled in from `today` in the direction the field looks (`AHEAD` for a due
date or the next session, `BACK` for the day something was agreed): "22" in a due date on the
25th is the 22nd of next month, never three days ago; "15 Jan" is the next 15 January; "Friday"
is the coming Friday. Why a lone day number is read rather than refused: people type "22" for
"the 22nd" all the time, and the field shows the full date it took ("Sun 22 Feb 2026") at once,
so a wrong guess is seen and corrected. Without `today` (a reply read long after it was typed)
only complete dates are read. Anything else is refused with a sentence saying what works.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

AHEAD, BACK = "ahead", "back"


class Looking(str, Enum):
    """Which way a field looks when a date leaves out its month or year."""

    AHEAD = AHEAD
    BACK = BACK


MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
WEEKDAYS = {name: number for number, names in enumerate(
    (("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "weds", "wednesday"),
     ("thu", "thur", "thurs", "thursday"), ("fri", "friday"), ("sat", "saturday"),
     ("sun", "sunday"))) for name in names}
UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "fortnights": 14}
HINT = "Type a date such as 15/01/2027, 15 Jan 2027, 2027-01-15, tomorrow or next Friday."

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2}|\d{4}))?$")
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY_PREFIX = r"(?:[a-z]+\s+)?"  # "Fri 15 Jan": commas are gone before matching
_DAY_MONTH = re.compile(rf"^{_WEEKDAY_PREFIX}(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?([a-z]+)\.?(?:\s+(\d{{4}}))?$")
_MONTH_DAY = re.compile(rf"^{_WEEKDAY_PREFIX}([a-z]+)\.?\s+{_ORDINAL}(?:\s+(\d{{4}}))?$")
_LONE_DAY = re.compile(rf"^(?:the\s+)?{_ORDINAL}$")
_WEEKDAY = re.compile(r"^(?:(next|this|last|coming)\s+)?([a-z]+)$")
_IN = re.compile(r"^(?:in\s+)?(\d{1,3}|a|one|two|three|four|six)\s+([a-z]+)(?:\s+(time|from now))?$")
_NEXT_UNIT = re.compile(r"^next\s+(week|fortnight|month)$")
_WORD_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "six": 6}


@dataclass(frozen=True)
class DateReading:
    """What `read_date` made of some text: the day, or why there is none (`problem`)."""

    day: date | None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.day is not None


def read_date(text: str, today: date | None = None, looking: Looking | str = Looking.AHEAD) -> DateReading:
    """The date `text` means, read the British way; see the module docstring for the rules."""
    value = " ".join(text.strip().lower().replace(",", " ").split())
    if not value:
        return DateReading(None, "No date typed. " + HINT)
    ahead = Looking(looking) is Looking.AHEAD
    for reader in (_complete, _relative, _partial):
        found = reader(value, today, ahead)
        if found is not None:
            return found
    return DateReading(None, f"Reflect cannot read “{text.strip()}” as a date. {HINT}")


def parse_day(text: str, today: date | None = None, looking: Looking | str = Looking.AHEAD) -> date | None:
    """The date `text` means, or None (what cannot be read is no date)."""
    return read_date(text, today, looking).day


# -- complete dates: day, month and year given ---------------------------------------------
def _complete(value: str, _today, _ahead) -> DateReading | None:
    if found := _ISO.match(value):
        return _make(int(found[1]), int(found[2]), int(found[3]))
    if (found := _NUMERIC.match(value)) and found[3]:
        return _make(_year(found[3]), int(found[2]), int(found[1]))
    if (found := _DAY_MONTH.match(value)) and found[3] and found[2] in MONTHS:
        return _make(int(found[3]), MONTHS[found[2]], int(found[1]))
    if (found := _MONTH_DAY.match(value)) and found[3] and found[1] in MONTHS:
        return _make(int(found[3]), MONTHS[found[1]], int(found[2]))
    return None


def _year(text: str) -> int:
    return int(text) + (2000 if len(text) == 2 else 0)


def _make(year: int, month: int, day: int) -> DateReading:
    try:
        return DateReading(date(year, month, day))
    except ValueError:
        if 1 <= month <= 12 and 1 <= year <= 9999:
            return DateReading(None, f"There is no {day} {calendar.month_name[month]} {year}.")
        return DateReading(None, f"That is not a date. {HINT}")


# -- words relative to today -----------------------------------------------------------------
def _relative(value: str, today: date | None, ahead: bool) -> DateReading | None:
    if today is None:
        return None
    named = {"today": 0, "now": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
    if value in named:
        return DateReading(today + timedelta(days=named[value]))
    if found := _NEXT_UNIT.match(value):
        if found[1] == "month":
            return DateReading(_add_months(today, 1))
        return DateReading(today + timedelta(days=UNITS[found[1]]))
    if found := _IN.match(value):
        count = int(found[1]) if found[1].isdigit() else _WORD_NUMBERS[found[1]]
        unit = found[2]
        if unit in ("month", "months"):
            return DateReading(_add_months(today, count))
        if unit in UNITS:
            return DateReading(today + timedelta(days=count * UNITS[unit]))
        return None
    if (found := _WEEKDAY.match(value)) and found[2] in WEEKDAYS:
        return DateReading(_weekday(today, WEEKDAYS[found[2]], found[1], ahead))
    return None


def _weekday(today: date, weekday: int, word: str | None, ahead: bool) -> date:
    """"Friday", "next Friday", "this Friday": the coming one; "last Friday": the one before.

    A bare weekday in a field that looks back is the latest one before today."""
    after = (weekday - today.weekday()) % 7 or 7
    before = (today.weekday() - weekday) % 7 or 7
    if word == "last" or (word is None and not ahead):
        return today - timedelta(days=before)
    return today + timedelta(days=after)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# -- partial dates: the month or the year left out ------------------------------------------
def _partial(value: str, today: date | None, ahead: bool) -> DateReading | None:
    day = month = None
    if (found := _NUMERIC.match(value)) and not found[3]:
        day, month = int(found[1]), int(found[2])
    elif (found := _DAY_MONTH.match(value)) and not found[3] and found[2] in MONTHS:
        day, month = int(found[1]), MONTHS[found[2]]
    elif (found := _MONTH_DAY.match(value)) and not found[3] and found[1] in MONTHS:
        day, month = int(found[2]), MONTHS[found[1]]
    elif found := _LONE_DAY.match(value):
        day = int(found[1])
    else:
        return None
    if today is None:
        return DateReading(None, f"Add the year: Reflect cannot tell which year “{value}” is in.")
    if not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
        return DateReading(None, f"That is not a date. {HINT}")
    if month is None:
        return _nearest_day_of_month(today, day, ahead)
    return _nearest_day_of_year(today, day, month, ahead)


def _nearest_day_of_month(today: date, day: int, ahead: bool) -> DateReading:
    """The next (or, looking back, the latest) day numbered `day`, today included."""
    step = 1 if ahead else -1
    year, month = today.year, today.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if (candidate >= today) if ahead else (candidate <= today):
                return DateReading(candidate)
        month += step
        if month == 13:
            year, month = year + 1, 1
        elif month == 0:
            year, month = year - 1, 12
    return DateReading(None, f"That is not a date. {HINT}")  # unreachable for 1..31


def _nearest_day_of_year(today: date, day: int, month: int, ahead: bool) -> DateReading:
    """The next (or latest) `day` `month`, today included; 29 February finds its leap year."""
    step = 1 if ahead else -1
    for offset in range(9):
        year = today.year + step * offset
        try:
            candidate = date(year, month, day)
        except ValueError:
            if day > calendar.monthrange(2000, month)[1]:
                return DateReading(None, f"There is no {day} {calendar.month_name[month]}.")
            continue
        if (candidate >= today) if ahead else (candidate <= today):
            return DateReading(candidate)
    return DateReading(None, f"There is no {day} {calendar.month_name[month]}.")
