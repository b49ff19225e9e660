"""Reading typed dates: British numeric and worded dates, relative words, and partial dates
filled in the direction the field looks (never silently in the past for a due date)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.dates import BACK, parse_day, read_date
from reflect.domain.day_format import format_day

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(("typed", "day"), [
    ("15/01/2027", date(2027, 1, 15)), ("15/1/27", date(2027, 1, 15)), ("15.1.27", date(2027, 1, 15)),
    ("15-01-2027", date(2027, 1, 15)), ("2027-01-15", date(2027, 1, 15)),
    ("15 Jan 2027", date(2027, 1, 15)), ("15 January 2027", date(2027, 1, 15)),
    ("Fri 15th January 2027", date(2027, 1, 15)), ("Friday, 15 Jan. 2027", date(2027, 1, 15)),
    ("January 15, 2027", date(2027, 1, 15)), ("  15   JAN   2027 ", date(2027, 1, 15)),
])
def test_complete_dates_the_british_way_or_iso(typed, day):
    """Day-first numbers, day and month in words, and ISO dates are read without a today."""
    assert parse_day(typed) == day
    assert parse_day(typed, TODAY) == day


@pytest.mark.parametrize(("typed", "day"), [
    ("today", TODAY), ("Tomorrow", date(2026, 11, 26)), ("yesterday", date(2026, 11, 24)),
    ("Friday", date(2026, 11, 27)), ("fri", date(2026, 11, 27)), ("next Friday", date(2026, 11, 27)),
    ("Wednesday", date(2026, 12, 2)), ("last Friday", date(2026, 11, 20)),
    ("next week", date(2026, 12, 2)), ("in 2 weeks", date(2026, 12, 9)), ("3 days", date(2026, 11, 28)),
    ("in a fortnight", date(2026, 12, 9)), ("next month", date(2026, 12, 25)),
])
def test_words_relative_to_today(typed, day):
    """"today", "tomorrow", weekdays and "in 2 weeks" count from today."""
    assert parse_day(typed, TODAY) == day


@pytest.mark.parametrize(("typed", "day"), [
    ("22", date(2026, 12, 22)), ("25", TODAY), ("26th", date(2026, 11, 26)),
    ("24", date(2026, 12, 24)), ("31", date(2026, 12, 31)), ("15 Jan", date(2027, 1, 15)),
    ("15/1", date(2027, 1, 15)), ("1 Dec", date(2026, 12, 1)), ("30/11", date(2026, 11, 30)),
])
def test_a_lone_day_or_day_and_month_looks_ahead(typed, day):
    """"22" on 25 November is 22 December, never three days ago; "15 Jan" is next January."""
    assert parse_day(typed, TODAY) == day


def test_a_lone_day_on_or_after_today_stays_this_month():
    """"22" on the 22nd is today; on the 20th it is two days away."""
    assert parse_day("22", date(2026, 11, 22)) == date(2026, 11, 22)
    assert parse_day("22", date(2026, 11, 20)) == date(2026, 11, 22)


def test_a_day_a_short_month_lacks_goes_to_the_next_month_with_it():
    """"31" typed in a 30-day month is the 31st of the next month that has one."""
    assert parse_day("31", date(2026, 4, 5)) == date(2026, 5, 31)
    assert parse_day("30", date(2027, 1, 31)) == date(2027, 3, 30)


@pytest.mark.parametrize(("typed", "day"), [
    ("22", date(2026, 11, 22)), ("26", date(2026, 10, 26)), ("25", TODAY), ("Friday", date(2026, 11, 20)),
    ("15 Jan", date(2026, 1, 15)), ("30/11", date(2025, 11, 30)),
])
def test_fields_that_look_back_fill_in_the_past(typed, day):
    """The day something was agreed looks back: "26" on 25 November is 26 October."""
    assert parse_day(typed, TODAY, BACK) == day


@pytest.mark.parametrize(("typed", "words"), [
    ("31/02/2027", "There is no 31 February 2027."), ("30 Feb", "There is no 30 February."),
    ("32", "not a date"), ("13/13", "not a date"), ("soon", "cannot read “soon”"), ("", "No date typed"),
    ("next blursday", "cannot read"),
])
def test_what_cannot_be_read_is_refused_with_a_reason(typed, words):
    """Impossible or unreadable dates give no day and a sentence saying why."""
    reading = read_date(typed, TODAY)
    assert reading.day is None and not reading.ok
    assert words in reading.problem


def test_without_today_partial_and_relative_dates_are_not_guessed():
    """A reply read long after it was typed keeps "22", "next week" and "15 Jan" as text."""
    for typed in ("22", "next week", "15 Jan", "tomorrow", "Friday"):
        assert parse_day(typed) is None
    assert "Add the year" in read_date("15 Jan").problem


def test_29_february_finds_its_leap_year():
    """"29 Feb" looking ahead from 2026 is 29 February 2028."""
    assert parse_day("29 Feb", TODAY) == date(2028, 2, 29)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_every_date_the_fields_show_reads_back(day):
    """What a date field shows ("Fri 15 Jan 2027") and ISO both read back as the same day."""
    assert parse_day(format_day(day)) == day
    assert parse_day(day.isoformat()) == day
    assert parse_day(f"{day.day}/{day.month}/{day.year}") == day


@given(st.integers(1, 31), st.dates(min_value=date(2000, 1, 1), max_value=date(2999, 1, 1)))
def test_a_lone_day_never_lands_in_the_past_looking_ahead(number, today):
    """Looking ahead, a lone day number is today or later, within two months, on that day."""
    day = parse_day(str(number), today)
    assert day is not None and today <= day <= today + timedelta(days=62) and day.day == number
    back = parse_day(str(number), today, BACK)
    assert back is not None and today - timedelta(days=62) <= back <= today and back.day == number
