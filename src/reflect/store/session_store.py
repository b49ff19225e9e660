"""Supervision sessions: their agenda and the reflections linked to them, in order.

Actions live in `action_store.py`."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from reflect.domain.supervision import (
    AgendaItem,
    NewSession,
    Session,
    SessionStatus,
    SessionType,
    SupervisionFunction,
)
from reflect.store.rows import (
    date_to_text,
    local_to_text,
    moment_to_text,
    row_of,
    text_to_date,
    text_to_local,
    text_to_moment,
    utc_now,
)

_SESSION_COLUMNS = (
    "id, starts_at, supervisor_name, supervisor_role, type, status, notes, wellbeing, workload, "
    "learning_needs, next_session_on, supervisee_agreed_on, supervisor_agreed_on, created_at, "
    "updated_at"
)

if TYPE_CHECKING:
    from reflect.store.database import Database
_TEXT_FIELDS = {"supervisor_name", "supervisor_role", "notes", "wellbeing", "workload",
                "learning_needs"}
_DATE_FIELDS = {"next_session_on", "supervisee_agreed_on", "supervisor_agreed_on"}


class SessionStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- sessions --------------------------------------------------------------------------
    def create_session(self, new: NewSession) -> Session:
        now = moment_to_text(utc_now())
        with self.db.atomic():
            cur = self.db.execute(
                "INSERT INTO sessions (starts_at, supervisor_name, supervisor_role, type, status, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [local_to_text(new.starts_at), new.supervisor_name, new.supervisor_role,
                 SessionType(new.type).value, SessionStatus(new.status).value, now, now],
            )
        return self.get_session(cur.lastrowid)

    def get_session(self, session_id: int) -> Session:
        return _session(row_of(self.db, f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?",
                               session_id))

    def list_sessions(self) -> list[Session]:
        """All sessions by start time (undated ones last)."""
        return [
            _session(r)
            for r in self.db.execute(
                f"SELECT {_SESSION_COLUMNS} FROM sessions "
                "ORDER BY starts_at IS NULL, starts_at, id"
            )
        ]

    def update_session(self, session_id: int, **fields) -> None:
        """Change named fields; text fields, dates, `starts_at`, `type` and `status`."""
        values: dict[str, object] = {}
        for name, value in fields.items():
            if name in _TEXT_FIELDS:
                values[name] = value or ""
            elif name in _DATE_FIELDS:
                values[name] = date_to_text(value)
            elif name == "starts_at":
                values[name] = local_to_text(value)
            elif name == "type":
                values[name] = SessionType(value).value
            elif name == "status":
                values[name] = SessionStatus(value).value
            else:
                raise TypeError(f"unknown session field {name!r}")
        if not values:
            return
        sets = ", ".join(f"{name} = ?" for name in values)
        with self.db.atomic():
            self.db.execute(
                f"UPDATE sessions SET {sets}, updated_at = ? WHERE id = ?",
                [*values.values(), moment_to_text(utc_now()), session_id],
            )

    def delete_session(self, session_id: int) -> int:
        """Delete a session; its linked reflections stay. Returns how many were linked."""
        with self.db.atomic():
            linked = self.db.execute(
                "SELECT count(*) FROM session_entries WHERE session_id = ?", [session_id]
            ).fetchone()[0]
            self.db.execute("DELETE FROM sessions WHERE id = ?", [session_id])
        return linked

    def count_sessions(self) -> int:
        return self.db.execute("SELECT count(*) FROM sessions").fetchone()[0]

    def counts(self) -> dict[int, tuple[int, int]]:
        """For every session: (linked reflections, actions agreed in it), in one query for a list."""
        return {
            r[0]: (r[1], r[2])
            for r in self.db.execute(
                "SELECT s.id, (SELECT count(*) FROM session_entries se WHERE se.session_id = s.id), "
                "(SELECT count(*) FROM actions a WHERE a.session_id = s.id) FROM sessions s"
            )
        }

    # -- linked reflections ----------------------------------------------------------------
    def link_entry(self, session_id: int, entry_id: int) -> None:
        """Add a reflection at the end of the session's list (no-op if already linked)."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO session_entries (session_id, entry_id, position) VALUES (?, ?, "
                "(SELECT coalesce(max(position) + 1, 0) FROM session_entries WHERE session_id = ?))"
                " ON CONFLICT (session_id, entry_id) DO NOTHING",
                [session_id, entry_id, session_id],
            )

    def unlink_entry(self, session_id: int, entry_id: int) -> None:
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM session_entries WHERE session_id = ? AND entry_id = ?",
                [session_id, entry_id],
            )
            self._renumber_in_transaction(session_id, self._linked_ids(session_id))

    def linked_entry_ids(self, session_id: int) -> list[int]:
        return self._linked_ids(session_id)

    def _linked_ids(self, session_id: int) -> list[int]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT entry_id FROM session_entries WHERE session_id = ? ORDER BY position, id",
                [session_id],
            )
        ]

    def reorder_entries(self, session_id: int, entry_ids: list[int]) -> None:
        """Put the linked reflections in the given order (must be the same set of ids)."""
        with self.db.atomic():
            if sorted(entry_ids) != sorted(self._linked_ids(session_id)):
                raise ValueError("reorder must list exactly the linked reflections")
            self._renumber_in_transaction(session_id, entry_ids)

    def _renumber_in_transaction(self, session_id: int, entry_ids: list[int]) -> None:
        self.db.conn.executemany(
            "UPDATE session_entries SET position = ? WHERE session_id = ? AND entry_id = ?",
            [(position, session_id, entry_id) for position, entry_id in enumerate(entry_ids)],
        )

    # -- agenda ----------------------------------------------------------------------------
    def add_agenda_item(self, session_id: int, text: str,
                        function: SupervisionFunction = SupervisionFunction.SUPPORT) -> int:
        with self.db.atomic():
            cur = self.db.execute(
                "INSERT INTO agenda_items (session_id, position, text, function) VALUES (?, "
                "(SELECT coalesce(max(position) + 1, 0) FROM agenda_items WHERE session_id = ?), "
                "?, ?)",
                [session_id, session_id, text, SupervisionFunction(function).value],
            )
        return cur.lastrowid

    def update_agenda_item(self, item_id: int, *, text: str | None = None,
                           function: SupervisionFunction | None = None) -> None:
        changes = {}
        if text is not None:
            changes["text"] = text
        if function is not None:
            changes["function"] = SupervisionFunction(function).value
        if changes:
            sets = ", ".join(f"{name} = ?" for name in changes)
            with self.db.atomic():
                self.db.execute(f"UPDATE agenda_items SET {sets} WHERE id = ?", [*changes.values(), item_id])

    def remove_agenda_item(self, item_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])

    def reorder_agenda(self, session_id: int, item_ids: list[int]) -> None:
        with self.db.atomic():
            current = [r[0] for r in self.db.execute(
                "SELECT id FROM agenda_items WHERE session_id = ?", [session_id])]
            if sorted(current) != sorted(item_ids):
                raise ValueError("reorder must list exactly the session's agenda items")
            self.db.conn.executemany(
                "UPDATE agenda_items SET position = ? WHERE id = ?",
                [(position, item_id) for position, item_id in enumerate(item_ids)])

    def agenda(self, session_id: int) -> list[AgendaItem]:
        return [
            AgendaItem(r[0], r[1], r[2], r[3], SupervisionFunction(r[4]))
            for r in self.db.execute(
                "SELECT id, session_id, position, text, function FROM agenda_items "
                "WHERE session_id = ? ORDER BY position, id", [session_id]
            )
        ]

    def sessions_for_entry(self, entry_id: int) -> list[Session]:
        """The sessions a reflection is linked to, by date."""
        return [
            _session(r)
            for r in self.db.execute(
                f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id IN "
                "(SELECT session_id FROM session_entries WHERE entry_id = ?) "
                "ORDER BY starts_at IS NULL, starts_at, id", [entry_id]
            )
        ]

    def next_session(self, now: datetime) -> Session | None:
        """The first planned session at or after `now`."""
        row = self.db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE starts_at >= ? AND status = 'planned' "
            "ORDER BY starts_at, id LIMIT 1", [local_to_text(now)]
        ).fetchone()
        return _session(row) if row else None


def _session(r) -> Session:
    return Session(
        id=r[0], starts_at=text_to_local(r[1]), supervisor_name=r[2], supervisor_role=r[3],
        type=SessionType(r[4]), status=SessionStatus(r[5]), notes=r[6], wellbeing=r[7],
        workload=r[8], learning_needs=r[9], next_session_on=text_to_date(r[10]),
        supervisee_agreed_on=text_to_date(r[11]), supervisor_agreed_on=text_to_date(r[12]),
        created_at=text_to_moment(r[13]), updated_at=text_to_moment(r[14]),
    )

