"""Triggers that keep derived data in step with the tables it comes from.

- Search: contentless FTS5 tables filled with `reflect_fold(text)` (registered on every connection),
  so accents and letters such as Polish ł fold the same way in the index and the query.
- Change stamp: `journal_meta.changed_at` moves on every write to the user's data, so Reflect knows
  whether the journal changed since its last backup without scanning it.

The triggers live on the content tables; a migration that rebuilds one of those tables with
`transform()` must call `recreate_triggers(db)` afterwards (transform drops triggers).
"""

from __future__ import annotations

import sqlite_utils

SEARCH_TRIGGERS = """
CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers BEGIN
    INSERT INTO answers_fts(rowid, text) VALUES (new.id, reflect_fold(new.text));
END;
CREATE TRIGGER answers_fts_update AFTER UPDATE OF text ON answers BEGIN
    DELETE FROM answers_fts WHERE rowid = old.id;
    INSERT INTO answers_fts(rowid, text) VALUES (new.id, reflect_fold(new.text));
END;
CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers BEGIN
    DELETE FROM answers_fts WHERE rowid = old.id;
END;
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts(rowid, title, tags) VALUES (new.id, reflect_fold(new.title), '');
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF title ON entries BEGIN
    DELETE FROM entries_fts WHERE rowid = old.id;
    INSERT INTO entries_fts(rowid, title, tags) VALUES (new.id, reflect_fold(new.title),
        reflect_fold((SELECT group_concat(t.name, ' ') FROM entry_tags et
                      JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = new.id)));
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    DELETE FROM entries_fts WHERE rowid = old.id;
END;
CREATE TRIGGER entry_tags_fts_insert AFTER INSERT ON entry_tags BEGIN
    DELETE FROM entries_fts WHERE rowid = new.entry_id;
    INSERT INTO entries_fts(rowid, title, tags)
        SELECT e.id, reflect_fold(e.title),
               reflect_fold((SELECT group_concat(t.name, ' ') FROM entry_tags et
                             JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id))
        FROM entries e WHERE e.id = new.entry_id;
END;
CREATE TRIGGER entry_tags_fts_delete AFTER DELETE ON entry_tags BEGIN
    DELETE FROM entries_fts WHERE rowid = old.entry_id;
    INSERT INTO entries_fts(rowid, title, tags)
        SELECT e.id, reflect_fold(e.title),
               reflect_fold((SELECT group_concat(t.name, ' ') FROM entry_tags et
                             JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id))
        FROM entries e WHERE e.id = old.entry_id;
END;
CREATE TRIGGER briefing_sections_fts_insert AFTER INSERT ON briefing_sections BEGIN
    INSERT INTO briefings_fts(rowid, heading, body)
        VALUES (new.id, reflect_fold(new.heading), reflect_fold(new.body));
END;
CREATE TRIGGER briefing_sections_fts_update AFTER UPDATE ON briefing_sections BEGIN
    DELETE FROM briefings_fts WHERE rowid = old.id;
    INSERT INTO briefings_fts(rowid, heading, body)
        VALUES (new.id, reflect_fold(new.heading), reflect_fold(new.body));
END;
CREATE TRIGGER briefing_sections_fts_delete AFTER DELETE ON briefing_sections BEGIN
    DELETE FROM briefings_fts WHERE rowid = old.id;
END;
"""

#: tables whose writes move the journal's change stamp (derived tables such as revisions excluded)
CHANGE_TRACKED = (
    "briefings", "briefing_sections", "briefing_items", "entries", "answers", "tags", "entry_tags",
    "sessions", "agenda_items", "session_entries", "actions", "watch_list", "dictionary_words",
    "accepted_findings",
)


def change_triggers() -> str:
    parts = []
    for table in CHANGE_TRACKED:
        for event in ("INSERT", "UPDATE", "DELETE"):
            parts.append(
                f"CREATE TRIGGER {table}_changed_{event.lower()} AFTER {event} ON {table} BEGIN\n"
                "    UPDATE journal_meta SET changed_at = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') "
                "WHERE id = 1;\nEND;"
            )
    return "\n".join(parts)


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


def statements(script: str) -> list[str]:
    """Split a script of CREATE statements (triggers contain ';' inside BEGIN...END)."""
    out, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and (
            not joined.upper().startswith("CREATE TRIGGER") or joined.upper().endswith("END;")
        ):
            out.append(joined)
            current = []
    return out


def recreate_triggers(db: sqlite_utils.Database) -> None:
    """Put back every trigger (after a `transform()`) and rebuild the search indexes from content."""
    has_meta = "journal_meta" in db.table_names()
    for name in list(db.triggers_dict):
        if name.endswith(("_fts_insert", "_fts_update", "_fts_delete")) or "_changed_" in name:
            db.execute(f"DROP TRIGGER {name}")
    for statement in statements(SEARCH_TRIGGERS):
        db.execute(statement)
    if has_meta:
        for statement in statements(change_triggers()):
            db.execute(statement)
    rebuild_search_indexes(db)


recreate_search_triggers = recreate_triggers  # the name earlier code and tests use


def rebuild_search_indexes(db: sqlite_utils.Database) -> None:
    for fts, (content, columns) in SEARCH_INDEXES.items():
        db.execute(f"DELETE FROM {fts}")
        cols = ", ".join(columns)
        exprs = ", ".join(f"reflect_fold({expr})" for expr in columns.values())
        db.execute(f"INSERT INTO {fts}(rowid, {cols}) SELECT c.id, {exprs} FROM {content} c")
