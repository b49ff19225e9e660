"""Thinning old versions: recent ones all kept, older ones one a day, a week, then a month."""

from __future__ import annotations

from datetime import datetime, timedelta

from reflect.domain.revision_policy import KEEP_NEWEST, versions_to_drop

NOW = datetime(2026, 12, 4, 12, 0)


def _every(step: timedelta, count: int, start: datetime = NOW):
    return [(i, start - step * i) for i in range(count)]


def test_recent_versions_are_all_kept():
    """Versions from the last fortnight are never dropped, however many."""
    versions = _every(timedelta(minutes=5), 3000)  # about ten days of snapshots every 5 minutes
    assert versions_to_drop(versions, NOW) == set()


def test_older_versions_keep_the_newest_of_each_day():
    """Between two weeks and three months old, one version a day: the newest of that day."""
    old = NOW - timedelta(days=30)
    versions = [(1, old.replace(hour=9)), (2, old.replace(hour=15)), (3, old.replace(hour=11))]
    versions += [(100 + i, NOW - timedelta(minutes=i)) for i in range(KEEP_NEWEST)]
    assert versions_to_drop(versions, NOW) == {1, 3}


def test_a_year_of_snapshots_thins_to_a_bounded_number():
    """A snapshot every hour for two years is kept as at most some hundreds of versions."""
    versions = _every(timedelta(hours=1), 2 * 365 * 24)
    kept = len(versions) - len(versions_to_drop(versions, NOW))
    assert kept <= 14 * 24 + 90 + 53 + 12 + KEEP_NEWEST
    assert kept >= 14 * 24  # the last fortnight whole


def test_the_newest_versions_are_kept_whatever_their_age():
    """An entry untouched for years still keeps its last few versions."""
    long_ago = NOW - timedelta(days=800)
    versions = [(i, long_ago - timedelta(minutes=i)) for i in range(KEEP_NEWEST + 5)]
    dropped = versions_to_drop(versions, NOW)
    assert all(i >= KEEP_NEWEST for i in dropped)
    assert len(dropped) == 5  # the rest fall in the same month as the kept ones
