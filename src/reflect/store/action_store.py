"""Actions agreed in supervision (or taken from a reflection), and which carry forward where.

Carry-forward rule: a session reviews the actions agreed before it (in an earlier session, or
outside any session) that were still open when it started, including those closed on or after
its date, so a past session still shows what was reviewed in it and with what outcome.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from reflect.domain.supervision import Action, ActionOwner, ActionStatus, NewAction
from reflect.store.rows import (
    date_to_text,
    moment_to_text,
    row_of,
    text_to_date,
    text_to_moment,
    utc_now,
)

_COLUMNS = (
    "a.id, a.description, a.owner, a.owner_name, a.due_on, a.status, a.status_changed_on, "
    "a.session_id, a.entry_id, a.created_at"
)

if TYPE_CHECKING:
    from reflect.store.database import Database
_ORDER = "ORDER BY a.due_on IS NULL, a.due_on, a.id"
_DUE_BY = "FROM actions a WHERE a.status = 'open' AND a.due_on IS NOT NULL AND a.due_on <= ?"


class ActionStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, new: NewAction) -> Action:
        with self.db.atomic():
            cur = self.db.execute(
                "INSERT INTO actions (description, owner, owner_name, due_on, status, session_id, "
                "entry_id, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)",
                [new.description, ActionOwner(new.owner).value, new.owner_name,
                 date_to_text(new.due_on), new.session_id, new.entry_id, moment_to_text(utc_now())],
            )
        return self.get(cur.lastrowid)

    def get(self, action_id: int) -> Action:
        return _action(row_of(self.db, f"SELECT {_COLUMNS} FROM actions a WHERE a.id = ?", action_id))

    _UNSET = object()

    def update(self, action_id: int, *, description: str | None = None,
               owner: ActionOwner | None = None, owner_name: str | None = None,
               due_on=_UNSET) -> None:
        changes: dict[str, object] = {}
        if description is not None:
            changes["description"] = description
        if owner is not None:
            changes["owner"] = ActionOwner(owner).value
        if owner_name is not None:
            changes["owner_name"] = owner_name
        if due_on is not self._UNSET:
            changes["due_on"] = date_to_text(due_on)
        if not changes:
            return
        sets = ", ".join(f"{name} = ?" for name in changes)
        with self.db.atomic():
            self.db.execute(f"UPDATE actions SET {sets} WHERE id = ?", [*changes.values(), action_id])

    def set_status(self, action_id: int, status: ActionStatus, on: date | None = None) -> None:
        """Open, done or dropped, recording the day it changed."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE actions SET status = ?, status_changed_on = ? WHERE id = ? AND status != ?",
                [ActionStatus(status).value, date_to_text(on or date.today()), action_id,
                 ActionStatus(status).value],
            )

    def delete(self, action_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM actions WHERE id = ?", [action_id])

    def all(self, *, status: ActionStatus | None = None) -> list[Action]:
        """Every action, due soonest first (undated last)."""
        where, params = ("WHERE a.status = ?", [ActionStatus(status).value]) if status else ("", [])
        return [_action(r) for r in self.db.execute(
            f"SELECT {_COLUMNS} FROM actions a {where} {_ORDER}", params)]

    def agreed_in(self, session_id: int) -> list[Action]:
        return [_action(r) for r in self.db.execute(
            f"SELECT {_COLUMNS} FROM actions a WHERE a.session_id = ? ORDER BY a.id", [session_id])]

    def from_entry(self, entry_id: int) -> list[Action]:
        return [_action(r) for r in self.db.execute(
            f"SELECT {_COLUMNS} FROM actions a WHERE a.entry_id = ? ORDER BY a.id", [entry_id])]

    def carried_forward_to(self, session_id: int) -> list[Action]:
        """Actions this session reviews (see the module docstring)."""
        starts_at = row_of(self.db, "SELECT starts_at FROM sessions WHERE id = ?", session_id)[0]
        if starts_at is None:
            # An undated session reviews whatever is still open from before it was planned.
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM actions a WHERE a.status = 'open' "
                f"AND (a.session_id IS NULL OR a.session_id != ?) {_ORDER}", [session_id])
            return [_action(r) for r in rows]
        day = starts_at[:10]
        rows = self.db.execute(
            f"""
            SELECT {_COLUMNS} FROM actions a LEFT JOIN sessions s ON s.id = a.session_id
            WHERE (a.session_id IS NULL OR a.session_id != :sid)
              AND (
                    (s.id IS NOT NULL AND s.starts_at IS NOT NULL AND s.starts_at < :start)
                 OR (a.session_id IS NULL AND substr(a.created_at, 1, 10) <= :day)
              )
              AND (a.status = 'open' OR a.status_changed_on >= :day)
            {_ORDER}
            """,
            {"sid": session_id, "start": starts_at, "day": day},
        )
        return [_action(r) for r in rows]

    def due_by(self, day: date) -> list[Action]:
        """Open actions due on or before `day` (overdue ones included), soonest first."""
        return [_action(r) for r in self.db.execute(f"SELECT {_COLUMNS} {_DUE_BY} {_ORDER}",
                                                    [date_to_text(day)])]

    def due_by_in_brief(self, day: date) -> list[tuple[int, str, date]]:
        """(id, description, due date) of each action `due_by(day)` lists, in its order, without
        building the actions: the dashboard lists them at every unlock, hundreds in a busy year."""
        return [(r[0], r[1], text_to_date(r[2])) for r in self.db.execute(
            f"SELECT a.id, a.description, a.due_on {_DUE_BY} {_ORDER}", [date_to_text(day)])]


def _action(r) -> Action:
    return Action(
        id=r[0], description=r[1], owner=ActionOwner(r[2]), owner_name=r[3],
        due_on=text_to_date(r[4]), status=ActionStatus(r[5]), status_changed_on=text_to_date(r[6]),
        session_id=r[7], entry_id=r[8], created_at=text_to_moment(r[9]),
    )

