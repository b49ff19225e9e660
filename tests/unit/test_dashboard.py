"""The dashboard's pure rules: the registration year, month buckets, CPD wording and due actions."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.dashboard import (
    CPD_MODELS,
    Coverage,
    CpdPicture,
    DashboardData,
    DueAction,
    Month,
    MonthCount,
    last_months,
    long_day,
    registration_year,
    relative_day,
)


@pytest.mark.parametrize(("today", "start", "end"), [
    (date(2026, 11, 30), date(2025, 12, 1), date(2026, 11, 30)),  # the last day still counts
    (date(2026, 12, 1), date(2026, 12, 1), date(2027, 11, 30)),  # the next year starts
    (date(2026, 12, 31), date(2026, 12, 1), date(2027, 11, 30)),
    (date(2027, 1, 1), date(2026, 12, 1), date(2027, 11, 30)),
    (date(2028, 2, 29), date(2027, 12, 1), date(2028, 11, 30)),  # leap day
    (date(2024, 12, 1), date(2024, 12, 1), date(2025, 11, 30)),
])
def test_registration_year_edges(today, start, end):
    """30 November ends the year; 1 December starts the next; leap days fall in the right year."""
    assert registration_year(today) == (start, end)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(9998, 12, 31)))
def test_registration_year_always_holds_today_and_tiles_the_calendar(today):
    """Any day lies in a 1 Dec – 30 Nov year, and the day after it ends starts the next one."""
    start, end = registration_year(today)
    assert start <= today <= end
    assert (start.month, start.day, end.month, end.day) == (12, 1, 11, 30)
    assert end.year == start.year + 1
    assert registration_year(end + timedelta(days=1))[0] == end + timedelta(days=1)
    assert (end - start).days in (364, 365)


def test_last_months_cross_the_year_boundary():
    """Twelve months ending with the current one, oldest first, across December–January."""
    months = last_months(date(2026, 1, 15))
    assert months[0] == Month(2025, 2)
    assert months[-1] == Month(2026, 1)
    assert [m.month for m in months] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1]
    assert all(a.next() == b for a, b in pairwise(months))
    assert last_months(date(2026, 12, 31))[0] == Month(2026, 1)
    assert len(last_months(date(2026, 7, 1), 3)) == 3


def test_month_bounds_and_names():
    """Months know their first and last days (leap Februaries too) and their names."""
    assert Month(2028, 2).last == date(2028, 2, 29)
    assert Month(2026, 2).last == date(2026, 2, 28)
    assert (Month(2026, 12).first, Month(2026, 12).last) == (date(2026, 12, 1), date(2026, 12, 31))
    assert Month(2026, 12).next() == Month(2027, 1)
    assert (Month(2026, 3).name, Month(2026, 3).short) == ("March 2026", "Mar")
    assert Month.of(date(2026, 3, 31)) == Month(2026, 3)


def test_month_count_reads_as_words():
    """A month's column says its month, year and count, with the right plural."""
    assert MonthCount(Month(2026, 3), 14).description == "March 2026: 14 reflections"
    assert MonthCount(Month(2026, 3), 1).description == "March 2026: 1 reflection"
    assert MonthCount(Month(2025, 12), 0).description == "December 2025: 0 reflections"


def _cpd(records, peer, today=date(2026, 7, 15)):
    return CpdPicture.for_year(records, peer, today)


def test_cpd_summary_when_the_minimum_is_met():
    """Two records, one with peer reflection: met, in the words the practitioner reads."""
    picture = _cpd(2, 1)
    assert picture.met
    assert picture.summary == ("2 CPD records, 1 with peer reflection: you have met Social Work "
                               "England's minimum for the year ending 30 November 2026.")
    assert _cpd(5, 3).met


@pytest.mark.parametrize(("records", "peer", "today", "expected"), [
    (0, 0, date(2026, 7, 15),
     "No CPD records yet. For Social Work England's minimum you still need 2 CPD records and peer "
     "reflection in at least one of them, by 30 November 2026 (138 days left)."),
    (1, 0, date(2026, 7, 15),
     "1 CPD record, none with peer reflection. For Social Work England's minimum you still need "
     "1 more CPD record and peer reflection in at least one record, by 30 November 2026 "
     "(138 days left)."),
    (1, 1, date(2026, 11, 29),
     "1 CPD record, 1 with peer reflection. For Social Work England's minimum you still need "
     "1 more CPD record, by 30 November 2026 (1 day left)."),
    (3, 0, date(2026, 11, 30),
     "3 CPD records, none with peer reflection. For Social Work England's minimum you still need "
     "peer reflection in at least one record, by 30 November 2026 (today is the last day)."),
    (0, 0, date(2026, 12, 1),
     "No CPD records yet. For Social Work England's minimum you still need 2 CPD records and peer "
     "reflection in at least one of them, by 30 November 2027 (364 days left)."),
])
def test_cpd_summary_says_what_is_still_needed_and_by_when(records, peer, today, expected):
    """Short of the minimum, the summary says what is missing, the deadline and the days left."""
    picture = _cpd(records, peer, today)
    assert not picture.met
    assert picture.summary == expected


def test_cpd_days_left_count_a_leap_day():
    """Days left run to 30 November and include 29 February in a leap year."""
    assert _cpd(0, 0, date(2028, 2, 28)).days_left == 276
    assert _cpd(0, 0, date(2027, 2, 28)).days_left == 275
    assert _cpd(0, 0, date(2027, 12, 1)).days_left == 365  # 2028 is a leap year


def test_cpd_models_are_the_cpd_record_models():
    """The Social Work England CPD model is the one that counts."""
    assert CPD_MODELS == {"swe_cpd"}


def test_coverage_label():
    """A briefing's coverage reads "Child R — 3 of 7 questions"."""
    coverage = Coverage(1, "Child R", 3, 7)
    assert coverage.label == "Child R — 3 of 7 questions"
    assert coverage.description == "Child R: 3 of 7 questions have a reflection"
    assert Coverage(2, "Baby T", 0, 1).label == "Baby T — 0 of 1 question"
    assert "no reflection questions" in Coverage(3, "Notes", 0, 0).description


@pytest.mark.parametrize(("due", "text"), [
    (date(2026, 7, 10), "Overdue: was due Fri 10 July 2026 (5 days ago)"),
    (date(2026, 7, 14), "Overdue: was due Tue 14 July 2026 (yesterday)"),
    (date(2026, 7, 15), "Due today, Wed 15 July 2026"),
    (date(2026, 7, 16), "Due tomorrow, Thu 16 July 2026"),
    (date(2026, 7, 29), "Due Wed 29 July 2026 (in 14 days)"),
])
def test_due_action_says_when_in_words(due, text):
    """Overdue actions say "Overdue" in words; others say when they are due."""
    action = DueAction(1, "Read the toolkit", due, date(2026, 7, 15))
    assert action.due_text == text
    assert action.overdue == text.startswith("Overdue")


def test_relative_day():
    """Relative days read naturally either side of today."""
    today = date(2026, 7, 15)
    assert [relative_day(today + timedelta(days=d), today) for d in (-3, -1, 0, 1, 9)] == [
        "3 days ago", "yesterday", "today", "tomorrow", "in 9 days"]
    assert long_day(today, weekday=True) == "Wed 15 July 2026"


def _data(overdue: int, soon: int) -> DashboardData:
    today = date(2026, 7, 15)
    actions = [DueAction(i, f"old {i}", today - timedelta(days=30 - i), today) for i in range(overdue)]
    actions += [DueAction(100 + i, f"soon {i}", today + timedelta(days=i), today) for i in range(soon)]
    return DashboardData(today, None, tuple(actions), (), (), _cpd(0, 0))


@pytest.mark.parametrize(("overdue", "soon", "shown_overdue", "shown_soon"), [
    (0, 0, 0, 0), (2, 2, 2, 2), (23, 7, 3, 2), (1, 9, 1, 4), (8, 1, 4, 1), (0, 9, 0, 5), (9, 0, 5, 0),
])
def test_actions_listed_keep_room_for_those_due_soon(overdue, soon, shown_overdue, shown_soon):
    """Five rows at most: overdue first, but old overdue actions never crowd out this week's."""
    listed = _data(overdue, soon).actions_to_list(5)
    assert sum(a.overdue for a in listed) == shown_overdue
    assert sum(not a.overdue for a in listed) == shown_soon
    assert list(listed) == sorted(listed, key=lambda a: a.due_on)  # still in date order


def test_actions_summary():
    """The actions card sums up overdue and due-soon counts, or says there are none."""
    assert _data(2, 3).actions_summary == "2 overdue and 3 due in the next 14 days."
    assert _data(0, 1).actions_summary == "1 due in the next 14 days."
    assert _data(0, 0).actions_summary == "No actions due in the next 14 days, and none overdue."
