"""The dashboard's numbers, read in a handful of queries so the first page after unlocking is instant.

Each card is one or two statements that SQLite answers from an index or from a single pass over the
small `entries` rows (their text lives in `answers`), so the load stays quick in a large journal.
Time boundaries follow the entry list's filter exactly (local midnight, stored as UTC), so a
month's column or the CPD count always agrees with the list it opens.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from reflect.domain.dashboard import (
    ACTION_WINDOW_DAYS,
    CPD_MODELS,
    PEER_STAGE,
    REPLY_WAIT_DAYS,
    AwaitingReply,
    Coverage,
    CpdPicture,
    DashboardData,
    DueAction,
    MonthCount,
    NextSession,
    last_months,
    registration_year,
)
from reflect.store.action_store import ActionStore
from reflect.store.rows import moment_to_text, text_to_moment
from reflect.store.session_store import SessionStore

if TYPE_CHECKING:
    from reflect.store.database import Database

# Every character Python's str.strip() removes (all of them sit below U+3001), so SQL's trim()
# decides "this peer reflection is empty" exactly as Python would: a line of spaces or a
# non-breaking space pasted from Word is not a peer reflection.
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def local_midnight(day: date) -> str:
    """The stored (UTC) text of the start of `day` on this computer's clock."""
    return moment_to_text(datetime.combine(day, time()))


class DashboardQueries:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._sessions = SessionStore(db)
        self._actions = ActionStore(db)

    def load(self, today: date, now: datetime) -> DashboardData:
        """A snapshot of everything the dashboard shows, as of `today` and `now` (local time)."""
        return DashboardData(
            today=today,
            next_session=self.next_session(now),
            actions=self.actions_due(today),
            coverage=self.coverage(),
            months=self.reflections_per_month(today),
            cpd=self.cpd_picture(today),
            awaiting_replies=self.awaiting_replies(today, now),
        )

    def next_session(self, now: datetime) -> NextSession | None:
        session = self._sessions.next_session(now)
        if session is None:
            return None
        agenda, linked = self.db.execute(
            "SELECT (SELECT count(*) FROM agenda_items WHERE session_id = :id), "
            "(SELECT count(*) FROM session_entries WHERE session_id = :id)", {"id": session.id}
        ).fetchone()
        return NextSession(session, agenda, linked)

    def actions_due(self, today: date) -> tuple[DueAction, ...]:
        """Open actions overdue or due within the window, soonest (most overdue) first."""
        last = today + timedelta(days=ACTION_WINDOW_DAYS)
        return tuple(DueAction(action_id, description, due_on, today)
                     for action_id, description, due_on in self._actions.due_by_in_brief(last))

    def coverage(self) -> tuple[Coverage, ...]:
        """Per briefing (in the library's order), its questions and how many have a reflection."""
        # The EXISTS is answered from the (briefing_id, question_id) index alone.
        rows = self.db.execute(
            """
            SELECT b.id, b.subject, b.title, count(i.id),
                   count(CASE WHEN EXISTS (SELECT 1 FROM entries e WHERE e.briefing_id = b.id
                                           AND e.question_id = i.id) THEN 1 END)
            FROM briefings b
            LEFT JOIN briefing_items i ON i.briefing_id = b.id AND i.kind = 'question'
            GROUP BY b.id
            ORDER BY b.key IS NULL, b.added_at, b.id
            """
        ).fetchall()
        return tuple(Coverage(r[0], (r[1] or "").strip() or r[2], r[4], r[3], r[2]) for r in rows)

    def reflections_per_month(self, today: date) -> tuple[MonthCount, ...]:
        """Entries created in each of the last months (local calendar months), oldest first."""
        months = last_months(today)
        bounds = [local_midnight(m.first) for m in months] + [local_midnight(months[-1].next().first)]
        # One pass: a CASE picks each row's month, because `created_at` has no index to range over.
        cases = " ".join(f"WHEN created_at < ? THEN {i}" for i in range(len(months)))
        counts = dict(self.db.execute(
            f"SELECT CASE {cases} END AS m, count(*) FROM entries "
            "WHERE created_at >= ? AND created_at < ? GROUP BY m",
            [*bounds[1:], bounds[0], bounds[-1]],
        ).fetchall())
        return tuple(MonthCount(month, counts.get(i, 0)) for i, month in enumerate(months))

    def cpd_picture(self, today: date) -> CpdPicture:
        """CPD records created this registration year, and how many have a peer reflection."""
        start, end = registration_year(today)
        models = sorted(CPD_MODELS)
        marks = ", ".join("?" * len(models))
        records, with_peer = self.db.execute(
            f"""
            SELECT count(*), count(CASE WHEN EXISTS (
                       SELECT 1 FROM answers a WHERE a.entry_id = e.id AND a.stage = ?
                       AND trim(a.text, ?) != '') THEN 1 END)
            FROM entries e
            WHERE e.model IN ({marks}) AND e.created_at >= ? AND e.created_at < ?
            """,
            [PEER_STAGE, WHITESPACE, *models, local_midnight(start),
             local_midnight(end + timedelta(days=1))],
        ).fetchone()
        return CpdPicture.for_year(records, with_peer, today)


    def awaiting_replies(self, today: date, now: datetime) -> tuple[AwaitingReply, ...]:
        """Sessions whose newest fillable pack was exported over `REPLY_WAIT_DAYS` ago with no
        reply imported to it, nor to the session since; longest waiting first."""
        rows = self.db.execute(
            """
            SELECT p.session_id, l.exported_at FROM export_packs p
            JOIN export_log l ON l.id = p.export_log_id
            WHERE p.session_id IS NOT NULL AND l.exported_at <= ?
              AND l.exported_at = (SELECT max(l2.exported_at) FROM export_packs p2
                                   JOIN export_log l2 ON l2.id = p2.export_log_id
                                   WHERE p2.session_id = p.session_id)
              AND NOT EXISTS (SELECT 1 FROM reply_imports r WHERE r.export_id = p.export_id
                              OR (r.session_id = p.session_id AND r.imported_at >= l.exported_at))
            GROUP BY p.session_id
            ORDER BY l.exported_at, p.session_id
            """, [moment_to_text(now - timedelta(days=REPLY_WAIT_DAYS))]).fetchall()
        return tuple(AwaitingReply(self._sessions.get_session(session_id),
                                   text_to_moment(exported_at).astimezone().date(), today)
                     for session_id, exported_at in rows)
