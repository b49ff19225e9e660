"""Revisions: earlier states of an entry that the user can look back at and restore.

Snapshots are coalesced rather than taken per keystroke or per autosave: while someone types, at
most one snapshot every few minutes, plus one when they leave the entry, one before a restore and
one before a stage's text is removed. A snapshot identical to the latest one is never stored.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import TYPE_CHECKING

from reflect.domain.journal import Revision
from reflect.domain.revision_policy import versions_to_drop
from reflect.store.rows import moment_to_text, row_of, text_to_moment, utc_now

if TYPE_CHECKING:
    from reflect.store.database import Database

DEFAULT_INTERVAL = timedelta(minutes=5)


class RevisionStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def snapshot(self, entry_id: int, reason: str, *,
                 min_interval: timedelta | None = None) -> Revision | None:
        """Store the entry's current state; None when nothing changed (or it is too soon)."""
        with self.db.atomic():
            return self._snapshot_in_transaction(entry_id, reason, min_interval)

    def _snapshot_in_transaction(self, entry_id, reason, min_interval) -> Revision | None:
        row = self.db.execute("SELECT title, model FROM entries WHERE id = ?", [entry_id]).fetchone()
        if row is None:
            return None
        title, model = row
        answers = [
            [stage, text]
            for stage, text in self.db.execute(
                "SELECT stage, text FROM answers WHERE entry_id = ? AND text != '' ORDER BY id",
                [entry_id],
            )
        ]
        latest = self.db.execute(
            "SELECT created_at, title, model, answers_json FROM revisions WHERE entry_id = ? "
            "ORDER BY created_at DESC, id DESC LIMIT 1", [entry_id]
        ).fetchone()
        now = utc_now()
        if latest is not None:
            if min_interval is not None and now - text_to_moment(latest[0]) < min_interval:
                return None
            if (latest[1], latest[2], json.loads(latest[3])) == (title, model, answers):
                return None
        if not answers and not title:
            return None  # an untouched new entry is not worth a revision
        revision = self._insert(entry_id, now, reason, title, model, answers)
        self._thin_in_transaction(entry_id, now)
        return revision

    def add_earlier(self, entry_id: int, at, reason: str, title: str, model: str,
                    answers) -> Revision:
        """Record an earlier version as it was at `at` (the demo builder gives its reflections a
        history this way); the keeping policy thins it with the rest at the next snapshot."""
        with self.db.atomic():
            return self._insert(entry_id, at, reason, title, model,
                                [[stage, text] for stage, text in answers if text])

    def _insert(self, entry_id: int, at, reason: str, title: str, model: str, answers) -> Revision:
        cur = self.db.execute(
            "INSERT INTO revisions (entry_id, created_at, reason, title, model, answers_json) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [entry_id, moment_to_text(at), reason, title, model, json.dumps(answers, ensure_ascii=False)],
        )
        return Revision(cur.lastrowid, entry_id, at, reason, title, model,
                        tuple((s, t) for s, t in answers))

    def _thin_in_transaction(self, entry_id: int, now) -> None:
        """Drop the versions the keeping policy no longer wants (domain/revision_policy.py)."""
        versions = [(rid, text_to_moment(at)) for rid, at in self.db.execute(
            "SELECT id, created_at FROM revisions WHERE entry_id = ?", [entry_id])]
        drop = versions_to_drop(versions, now)
        if drop:
            self.db.conn.executemany("DELETE FROM revisions WHERE id = ?", [[rid] for rid in drop])

    def redact(self, entry_id: int, removed: str, replacement: str, note: str) -> int:
        """Put `replacement` for every `removed` in the entry's earlier versions; returns how many
        versions changed. Each changed version is noted (`note`), so History says so."""
        if not removed:
            return 0
        with self.db.atomic():
            changed = 0
            rows = self.db.execute(
                "SELECT id, title, answers_json FROM revisions WHERE entry_id = ?", [entry_id]
            ).fetchall()
            for rid, title, answers_json in rows:
                answers = json.loads(answers_json)
                if removed not in title and not any(removed in text for _, text in answers):
                    continue
                answers = [[stage, text.replace(removed, replacement)] for stage, text in answers]
                self.db.execute("UPDATE revisions SET title = ?, answers_json = ? WHERE id = ?",
                                [title.replace(removed, replacement),
                                 json.dumps(answers, ensure_ascii=False), rid])
                self.db.execute("INSERT INTO revision_notes (revision_id, note) VALUES (?, ?) "
                                "ON CONFLICT (revision_id) DO UPDATE SET note = excluded.note", [rid, note])
                changed += 1
            return changed

    def list(self, entry_id: int) -> list[Revision]:
        """The entry's revisions, newest first."""
        return [
            _revision(r)
            for r in self.db.execute(
                f"SELECT {_COLUMNS} FROM {_JOINED} WHERE r.entry_id = ? "
                "ORDER BY r.created_at DESC, r.id DESC", [entry_id]
            )
        ]

    def get(self, revision_id: int) -> Revision:
        return _revision(row_of(
            self.db, f"SELECT {_COLUMNS} FROM {_JOINED} WHERE r.id = ?", revision_id))

    def restore(self, revision_id: int) -> None:
        """Make the entry what it was in `revision_id`; the current state becomes a revision first."""
        with self.db.atomic():
            revision = self.get(revision_id)
            self._snapshot_in_transaction(revision.entry_id, "before restore", None)
            now = moment_to_text(utc_now())
            self.db.execute(
                "UPDATE entries SET title = ?, model = ?, updated_at = ? WHERE id = ?",
                [revision.title, revision.model, now, revision.entry_id],
            )
            kept = [stage for stage, _ in revision.answers]
            placeholders = ",".join("?" * len(kept)) or "''"
            self.db.execute(
                f"DELETE FROM answers WHERE entry_id = ? AND stage NOT IN ({placeholders})",
                [revision.entry_id, *kept],
            )
            for stage, text in revision.answers:
                self.db.execute(
                    "INSERT INTO answers (entry_id, stage, text, updated_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (entry_id, stage) DO UPDATE SET text = excluded.text, "
                    "updated_at = excluded.updated_at WHERE answers.text IS NOT excluded.text",
                    [revision.entry_id, stage, text, now],
                )


_COLUMNS = "r.id, r.entry_id, r.created_at, r.reason, r.title, r.model, r.answers_json, n.note"
_JOINED = "revisions r LEFT JOIN revision_notes n ON n.revision_id = r.id"


def _revision(r) -> Revision:
    return Revision(r[0], r[1], text_to_moment(r[2]), r[3], r[4], r[5],
                    tuple((s, t) for s, t in json.loads(r[6])), r[7] or "")
