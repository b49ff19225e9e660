"""The supervisor's replies imported into the journal: each file, its comments, its actions' rows.

Comments and action rows are keyed by (export id, field or row), not by the file: importing the
same reply again, or a later version of it, updates them in place, while every distinct file
imported stays listed (`reply_imports`) as the session's history. The tables were added together
(`m006_create_reply_tables`) without change-stamp triggers, so each write here stamps
`journal_meta` itself (the journal has changed since its last backup).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reflect.domain.reply import ReplyComment, ReplyImport, SessionReply
from reflect.store.rows import date_to_text, moment_to_text, text_to_date, text_to_moment, utc_now

_IMPORT_COLUMNS = (
    "id, export_id, session_id, file_sha256, file_name, imported_at, verified, supervisor_name, "
    "supervisor_role, signed_off, signed_on, next_session_on, next_session_id"
)

if TYPE_CHECKING:
    from reflect.store.database import Database
_STAMP = ("UPDATE journal_meta SET changed_at = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') "
          "WHERE id = 1")


class ReplyStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record_import(self, reply: ReplyImport) -> ReplyImport:
        """Add the import of one file (the same file again updates its row), linked to its pack in
        the export log when the log has it; `reply.id` is ignored."""
        values = [reply.export_id, reply.export_id, reply.session_id, reply.file_sha256,
                  reply.file_name, moment_to_text(reply.imported_at), int(reply.verified),
                  reply.supervisor_name, reply.supervisor_role, int(reply.signed_off),
                  date_to_text(reply.signed_on), date_to_text(reply.next_session_on),
                  reply.next_session_id]
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO reply_imports (export_id, export_pack_id, session_id, file_sha256, "
                "file_name, imported_at, verified, supervisor_name, supervisor_role, signed_off, "
                "signed_on, next_session_on, next_session_id) "
                "VALUES (?, (SELECT id FROM export_packs WHERE export_id = ?), "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (export_id, file_sha256) DO UPDATE SET "
                "export_pack_id = excluded.export_pack_id, session_id = excluded.session_id, "
                "file_name = excluded.file_name, imported_at = excluded.imported_at, "
                "verified = excluded.verified, supervisor_name = excluded.supervisor_name, "
                "supervisor_role = excluded.supervisor_role, signed_off = excluded.signed_off, "
                "signed_on = excluded.signed_on, next_session_on = excluded.next_session_on, "
                "next_session_id = excluded.next_session_id", values)
            row = self.db.execute(
                f"SELECT {_IMPORT_COLUMNS} FROM reply_imports WHERE export_id = ? AND file_sha256 = ?",
                [reply.export_id, reply.file_sha256]).fetchone()
            self.db.execute(_STAMP)
        return _import(row)

    def save_comments(self, reply: ReplyImport, comments: Iterable[ReplyComment]) -> None:
        """The reply's comments become these: each updated or added by field, the rest removed."""
        comments = list(comments)
        now = moment_to_text(utc_now())
        with self.db.atomic():
            for c in comments:
                self.db.execute(
                    "INSERT INTO reply_comments (export_id, field, reply_import_id, session_id, "
                    "entry_id, kind, text, cut, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (export_id, field) DO UPDATE SET "
                    "reply_import_id = excluded.reply_import_id, session_id = excluded.session_id, "
                    "entry_id = excluded.entry_id, kind = excluded.kind, cut = excluded.cut, "
                    "updated_at = CASE WHEN text = excluded.text THEN updated_at "
                    "ELSE excluded.updated_at END, text = excluded.text",
                    [reply.export_id, c.field, reply.id, reply.session_id, c.entry_id, c.kind,
                     c.text, int(c.cut), now])
            kept = [c.field for c in comments]
            marks = ", ".join("?" * len(kept))
            self.db.execute(f"DELETE FROM reply_comments WHERE export_id = ? "
                            f"AND field NOT IN ({marks})", [reply.export_id, *kept])
            self.db.execute(_STAMP)

    def action_for_row(self, export_id: str, row: int) -> int | None:
        """The action an earlier import made from this row of the actions agreed (if still there)."""
        found = self.db.execute(
            "SELECT r.action_id FROM reply_actions r JOIN actions a ON a.id = r.action_id "
            "WHERE r.export_id = ? AND r.row = ?", [export_id, row]).fetchone()
        return found[0] if found else None

    def link_action(self, export_id: str, row: int, action_id: int) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO reply_actions (export_id, row, action_id) VALUES (?, ?, ?) "
                "ON CONFLICT (export_id, row) DO UPDATE SET action_id = excluded.action_id",
                [export_id, row, action_id])

    def imports_of(self, export_id: str) -> list[ReplyImport]:
        """Every file imported in reply to one pack, newest first."""
        return [_import(r) for r in self.db.execute(
            f"SELECT {_IMPORT_COLUMNS} FROM reply_imports WHERE export_id = ? "
            "ORDER BY imported_at DESC, id DESC", [export_id])]

    def signed_off_by_session(self) -> dict[int, bool]:
        """Each session with a reply imported: whether its latest import is signed off."""
        return {r[0]: bool(r[1]) for r in self.db.execute(
            "SELECT session_id, signed_off FROM (SELECT session_id, signed_off, ROW_NUMBER() OVER "
            "(PARTITION BY session_id ORDER BY imported_at DESC, id DESC) AS n FROM reply_imports "
            "WHERE session_id IS NOT NULL) WHERE n = 1")}

    def latest_for_session(self, session_id: int) -> ReplyImport | None:
        """The latest reply imported to the session (what a later pack pre-fills), or None."""
        row = self.db.execute(
            f"SELECT {_IMPORT_COLUMNS} FROM reply_imports WHERE session_id = ? "
            "ORDER BY imported_at DESC, id DESC LIMIT 1", [session_id]).fetchone()
        return _import(row) if row else None

    def for_session(self, session_id: int) -> SessionReply | None:
        """The session's reply as it stands (the latest import's details), or None."""
        imports = tuple(_import(r) for r in self.db.execute(
            f"SELECT {_IMPORT_COLUMNS} FROM reply_imports WHERE session_id = ? "
            "ORDER BY imported_at DESC, id DESC", [session_id]))
        if not imports:
            return None
        comments = tuple(
            ReplyComment(r[0], r[1], r[2], r[3], bool(r[4])) for r in self.db.execute(
                "SELECT c.field, c.entry_id, c.kind, c.text, c.cut FROM reply_comments c "
                "WHERE c.session_id = ? ORDER BY c.entry_id IS NOT NULL, c.kind, c.id", [session_id]))
        return SessionReply(imports[0], imports, comments)


def _import(r) -> ReplyImport:
    return ReplyImport(
        id=r[0], export_id=r[1], session_id=r[2], file_sha256=r[3], file_name=r[4],
        imported_at=text_to_moment(r[5]), verified=bool(r[6]), supervisor_name=r[7],
        supervisor_role=r[8], signed_off=bool(r[9]), signed_on=text_to_date(r[10]),
        next_session_on=text_to_date(r[11]), next_session_id=r[12],
    )
