"""Which earlier versions of an entry to keep, so History stays useful and the journal stays small.

A snapshot is taken at most every few minutes while someone writes, so a reflection worked on for
months would pile up hundreds of near-identical versions, each a full copy of its text (and each a
copy of anything later removed from it). Recent history is kept whole; older history is thinned to
the last version of each day, then of each week, then of each month — as backup tools do.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

#: every version this recent is kept
KEEP_ALL = timedelta(days=14)
#: then the newest of each day up to this age, then of each ISO week up to a year, then of each month
DAILY_UNTIL = timedelta(days=90)
WEEKLY_UNTIL = timedelta(days=365)
#: the newest versions kept whatever their age
KEEP_NEWEST = 10


def versions_to_drop(versions: Iterable[tuple[int, datetime]], now: datetime) -> set[int]:
    """The ids of the versions that the policy no longer keeps, given (id, created_at) pairs."""
    newest_first = sorted(versions, key=lambda v: (v[1], v[0]), reverse=True)
    seen_buckets: set[tuple] = set()
    drop: set[int] = set()
    for index, (version_id, created_at) in enumerate(newest_first):
        age = now - created_at
        bucket = _bucket(created_at, age)
        if bucket in seen_buckets and index >= KEEP_NEWEST and age > KEEP_ALL:
            drop.add(version_id)
        seen_buckets.add(bucket)
    return drop


def _bucket(created_at: datetime, age: timedelta) -> tuple:
    if age <= DAILY_UNTIL:
        return ("day", created_at.date())
    if age <= WEEKLY_UNTIL:
        year, week, _ = created_at.isocalendar()
        return ("week", year, week)
    return ("month", created_at.year, created_at.month)
