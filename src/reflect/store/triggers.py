"""Triggers that keep derived data in step with the tables it comes from.

- Search: contentless FTS5 tables filled with `reflect_fold(text)` (registered on every connection),
  so accents and letters such as Polish ł fold the same way in the index and the query.
- Change stamp: `journal_meta.changed_at` moves on every write to the user's data, so Reflect knows
  whether the journal changed since its last backup without scanning it.

The migrations that create them (`m001_create_tables`, `m004_create_journal_meta`) hold their only
text. They live on the content tables; a migration that rebuilds one of those tables with
`transform()` must call `recreate_triggers(db)` afterwards (transform drops triggers).
"""

from __future__ import annotations

import sqlcipher3

from reflect.store import migration_steps  # noqa: F401 (registers the migrations)
from reflect.store.database import Database
from reflect.store.migration_set import applied_names, registered


def recreate_triggers(db: Database) -> None:
    """Put back every trigger (after a `transform()`) and rebuild the search indexes from content.

    The triggers put back are those of the migrations already applied to `db`, to the letter: a
    migration that calls this gets the triggers as they stood before it, whatever later
    migrations change."""
    for name, sql in _triggers_of_applied_migrations(db):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
        db.execute(sql)
    rebuild_search_indexes(db)


recreate_search_triggers = recreate_triggers  # the name earlier code and tests use


def _triggers_of_applied_migrations(db: Database) -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER ...) of each trigger `db`'s applied migrations make, in their order:
    read back from an empty in-memory database those migrations are run on."""
    applied = set(applied_names(db))
    scratch = Database(sqlcipher3.connect(":memory:", isolation_level=None))
    try:
        for step in registered():
            if step.name in applied:
                step.fn(scratch)
        return scratch.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid").fetchall()
    finally:
        scratch.close()


SEARCH_INDEXES = {
    # fts table: (content table, {fts column: SQL expression over the content row `c`})
    "answers_fts": ("answers", {"text": "c.text"}),
    "entries_fts": (
        "entries",
        {
            "title": "c.title",
            "tags": "(SELECT group_concat(t.name, ' ') FROM entry_tags et "
            "JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = c.id)",
        },
    ),
    "briefings_fts": ("briefing_sections", {"heading": "c.heading", "body": "c.body"}),
}


def rebuild_search_indexes(db: Database) -> None:
    for fts, (content, columns) in SEARCH_INDEXES.items():
        db.execute(f"DELETE FROM {fts}")
        cols = ", ".join(columns)
        exprs = ", ".join(f"reflect_fold({expr})" for expr in columns.values())
        db.execute(f"INSERT INTO {fts}(rowid, {cols}) SELECT c.id, {exprs} FROM {content} c")
