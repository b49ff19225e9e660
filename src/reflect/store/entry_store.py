"""Entries, their stage answers and tags.

`save_answer` is on the keystroke-to-disk path (called by the editor's debounce timer): it does one
small transaction and touches only the row being edited, so it stays fast in a 10,000-entry journal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.domain.journal import (
    AnswerDraft,
    Entry,
    EntryStatus,
    EntrySummary,
    NewEntry,
    StageAnswer,
)
from reflect.store.rows import moment_to_text, row_of, text_to_moment, utc_now

if TYPE_CHECKING:
    from reflect.store.database import Database

_ENTRY_COLUMNS = "id, title, model, status, briefing_id, question_id, created_at, updated_at"


class EntryStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- entries ---------------------------------------------------------------------------
    def create_entry(self, new: NewEntry) -> Entry:
        with self.db.atomic():
            entry_id = self._create_entry_in_transaction(new)
        return self.get_entry(entry_id)

    def _create_entry_in_transaction(self, new: NewEntry) -> int:
        created = moment_to_text(new.created_at or utc_now())
        updated = moment_to_text(new.updated_at) if new.updated_at else created
        cur = self.db.execute(
            "INSERT INTO entries (title, model, status, briefing_id, question_id, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [new.title, new.model, EntryStatus(new.status).value, new.briefing_id,
             new.question_id, created, updated],
        )
        entry_id = cur.lastrowid
        for stage, text in new.answers:
            self.db.execute(
                "INSERT INTO answers (entry_id, stage, text, updated_at) VALUES (?, ?, ?, ?)",
                [entry_id, stage, text, created],
            )
        self._set_tags_in_transaction(entry_id, new.tags)
        return entry_id

    def get_entry(self, entry_id: int) -> Entry:
        row = row_of(self.db, f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE id = ?", entry_id)
        answers = tuple(
            StageAnswer(stage, text, text_to_moment(updated))
            for stage, text, updated in self.db.execute(
                "SELECT stage, text, updated_at FROM answers WHERE entry_id = ? ORDER BY id",
                [entry_id],
            )
        )
        return Entry(
            id=row[0], title=row[1], model=row[2], status=EntryStatus(row[3]),
            briefing_id=row[4], question_id=row[5], created_at=text_to_moment(row[6]),
            updated_at=text_to_moment(row[7]), answers=answers, tags=self.tags_of(entry_id),
        )

    def list_entries(self) -> list[EntrySummary]:
        """All entries, most recently updated first (filters come with the entry list)."""
        tags: dict[int, list[str]] = {}
        for entry_id, name in self.db.execute(
            "SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            "ORDER BY t.name COLLATE NOCASE"
        ):
            tags.setdefault(entry_id, []).append(name)
        return [
            EntrySummary(r[0], r[1], r[2], EntryStatus(r[3]), r[4], r[5], text_to_moment(r[6]),
                         text_to_moment(r[7]), tuple(tags.get(r[0], ())))
            for r in self.db.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM entries ORDER BY updated_at DESC, id DESC"
            )
        ]

    def question_counts(self, briefing_id: int) -> dict[int, int]:
        """How many entries answer each question of a briefing (questions with none are absent)."""
        return dict(self.db.execute(
            "SELECT question_id, count(*) FROM entries WHERE briefing_id = ? "
            "AND question_id IS NOT NULL GROUP BY question_id", [briefing_id]
        ).fetchall())

    def count_entries(self) -> int:
        return self.db.execute("SELECT count(*) FROM entries").fetchone()[0]

    _NO_CHANGE = object()

    def update_entry(self, entry_id: int, *, title: str | None = None, model: str | None = None,
                     status: EntryStatus | None = None, question_id=_NO_CHANGE,
                     briefing_id=_NO_CHANGE):
        """Change the named fields; returns the saved time (or None when nothing was given).

        `question_id` / `briefing_id` accept None to clear them, so "not given" is a sentinel.
        """
        changes = {"title": title, "model": model,
                   "status": EntryStatus(status).value if status is not None else None}
        changes = {k: v for k, v in changes.items() if v is not None}
        if question_id is not self._NO_CHANGE:
            changes["question_id"] = question_id
        if briefing_id is not self._NO_CHANGE:
            changes["briefing_id"] = briefing_id
        if not changes:
            return None
        saved_at = utc_now()
        with self.db.atomic():
            sets = ", ".join(f"{column} = ?" for column in changes)
            self.db.execute(
                f"UPDATE entries SET {sets}, updated_at = ? WHERE id = ?",
                [*changes.values(), moment_to_text(saved_at), entry_id],
            )
        return saved_at

    def delete_entry(self, entry_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM entries WHERE id = ?", [entry_id])

    # -- answers ---------------------------------------------------------------------------
    def save_answer(self, draft: AnswerDraft):
        """Write one stage's text; returns the saved time (UTC)."""
        saved_at = utc_now()
        stamp = moment_to_text(saved_at)
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO answers (entry_id, stage, text, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (entry_id, stage) DO UPDATE SET text = excluded.text, "
                "updated_at = excluded.updated_at WHERE answers.text IS NOT excluded.text",
                [draft.entry_id, draft.stage, draft.text, stamp],
            )
            self.db.execute(
                "UPDATE entries SET updated_at = ? WHERE id = ?", [stamp, draft.entry_id]
            )
        return saved_at

    def remove_answer(self, entry_id: int, stage: str) -> None:
        """Remove the answer of a stage (used when the user clears a stage the model lacks)."""
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM answers WHERE entry_id = ? AND stage = ?", [entry_id, stage]
            )
            self.db.execute(
                "UPDATE entries SET updated_at = ? WHERE id = ?",
                [moment_to_text(utc_now()), entry_id],
            )

    # -- tags ------------------------------------------------------------------------------
    def tags_of(self, entry_id: int) -> tuple[str, ...]:
        return tuple(
            r[0]
            for r in self.db.execute(
                "SELECT t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                "WHERE et.entry_id = ? ORDER BY t.name COLLATE NOCASE", [entry_id]
            )
        )

    def set_tags(self, entry_id: int, tags) -> None:
        with self.db.atomic():
            self._set_tags_in_transaction(entry_id, tags)
            self.db.execute(
                "UPDATE entries SET updated_at = ? WHERE id = ?",
                [moment_to_text(utc_now()), entry_id],
            )

    def _set_tags_in_transaction(self, entry_id: int, tags) -> None:
        wanted = {}
        for tag in tags:
            name = " ".join(str(tag).split())
            if name:
                wanted.setdefault(name.casefold(), name)
        current = {
            name.casefold(): tag_id
            for tag_id, name in self.db.execute(
                "SELECT t.id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                "WHERE et.entry_id = ?", [entry_id]
            )
        }
        for folded, tag_id in current.items():
            if folded not in wanted:
                self.db.execute(
                    "DELETE FROM entry_tags WHERE entry_id = ? AND tag_id = ?", [entry_id, tag_id]
                )
        for folded, name in wanted.items():
            if folded in current:
                continue
            self.db.execute("INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING", [name])
            tag_id = self.db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()[0]
            self.db.execute(
                "INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)", [entry_id, tag_id]
            )

    def all_tags(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM tags ORDER BY name COLLATE NOCASE")]
