"""Reading rows: the one row an id names, and conversions between text columns and dates and times.

A missing id is a `KeyError` throughout the stores (`row_of`): callers catch one error class.

Moments (created, updated, saved) are stored as UTC ISO 8601 with microseconds so they sort as text
and order saves made within the same second. Calendar dates are `YYYY-MM-DD`; a session's start is
the local wall-clock time the user planned (`YYYY-MM-DDTHH:MM`), because "10:00 on Tuesday" means
that, wherever the clocks have moved since.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reflect.store.database import Database


def row_of(db: Database, sql: str, item_id: int) -> tuple:
    """The row `sql` selects with `item_id` as its one parameter; KeyError(item_id) if none."""
    row = db.execute(sql, [item_id]).fetchone()
    if row is None:
        raise KeyError(item_id)
    return row


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def moment_to_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a naive moment is local time
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def text_to_moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def date_to_text(day: date | None) -> str | None:
    return day.isoformat() if day else None


def text_to_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def local_to_text(moment: datetime | None) -> str | None:
    return moment.replace(tzinfo=None).isoformat(timespec="minutes") if moment else None


def text_to_local(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
