"""The journal's schema, one migration at a time.

Rules (see ARCHITECTURE.md): one small function per migration named `mNNN_verb_noun`; a released
migration is never edited; the file is backed up before pending migrations run; a journal carrying
migrations this version does not know was written by a newer Reflect and is refused untouched.

Search uses contentless FTS5 tables filled by triggers with `reflect_fold(text)` (registered on every
connection), so accents and letters such as Polish ł fold the same way in the index and the query.
The triggers live on the content tables: a migration that rebuilds one of those tables with
`transform()` must call `recreate_search_triggers(db)` afterwards (transform drops triggers).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils
from sqlite_utils import Migrations

from reflect.domain.errors import JournalTooNew

MIGRATIONS = Migrations("reflect")


def migration(fn: Callable[[sqlite_utils.Database], None]):
    return MIGRATIONS()(fn)


def known_names(migrations: Migrations = MIGRATIONS) -> list[str]:
    return [m.name for m in migrations._migrations]  # sqlite-utils has no public accessor


_M001_TABLES = """
CREATE TABLE briefings (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE,
    title TEXT NOT NULL,
    partnership TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    source_name TEXT NOT NULL DEFAULT '',
    source_text TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL
);
CREATE TABLE briefing_sections (
    id INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    heading TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX briefing_sections_briefing ON briefing_sections(briefing_id, position);
CREATE TABLE briefing_items (
    id INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES briefing_sections(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('learning', 'question', 'link')),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    url TEXT
);
CREATE INDEX briefing_items_briefing ON briefing_items(briefing_id, kind, position);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready')),
    briefing_id INTEGER REFERENCES briefings(id) ON DELETE SET NULL,
    question_id INTEGER REFERENCES briefing_items(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX entries_updated ON entries(updated_at);
CREATE INDEX entries_briefing ON entries(briefing_id, question_id);
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (entry_id, stage)
);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    briefing_item_id INTEGER REFERENCES briefing_items(id) ON DELETE SET NULL
);
CREATE TABLE entry_tags (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    UNIQUE (entry_id, tag_id)
);
CREATE INDEX entry_tags_tag ON entry_tags(tag_id);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL,
    answers_json TEXT NOT NULL
);
CREATE INDEX revisions_entry ON revisions(entry_id, created_at);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    starts_at TEXT,
    supervisor_name TEXT NOT NULL DEFAULT '',
    supervisor_role TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL DEFAULT 'planned' CHECK (type IN ('planned', 'ad_hoc', 'group', 'peer')),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    notes TEXT NOT NULL DEFAULT '',
    wellbeing TEXT NOT NULL DEFAULT '',
    workload TEXT NOT NULL DEFAULT '',
    learning_needs TEXT NOT NULL DEFAULT '',
    next_session_on TEXT,
    supervisee_agreed_on TEXT,
    supervisor_agreed_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX sessions_starts ON sessions(starts_at);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    function TEXT NOT NULL DEFAULT 'support'
        CHECK (function IN ('management', 'support', 'development', 'mediation'))
);
CREATE INDEX agenda_items_session ON agenda_items(session_id, position);
CREATE TABLE session_entries (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    UNIQUE (session_id, entry_id)
);
CREATE INDEX session_entries_entry ON session_entries(entry_id);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT 'me' CHECK (owner IN ('me', 'supervisor', 'other')),
    owner_name TEXT NOT NULL DEFAULT '',
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    status_changed_on TEXT,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX actions_status_due ON actions(status, due_on);
CREATE INDEX actions_session ON actions(session_id);
CREATE TABLE watch_list (
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE COLLATE NOCASE,
    added_at TEXT NOT NULL
);
CREATE TABLE export_log (
    id INTEGER PRIMARY KEY,
    exported_at TEXT NOT NULL,
    document TEXT NOT NULL,
    file_name TEXT NOT NULL,
    entry_count INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE answers_fts USING fts5(
    text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, tags, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE briefings_fts USING fts5(
    heading, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
"""

# Kept apart from the tables so a later transform() can put them back (see module docstring).
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


def _statements(script: str) -> list[str]:
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


def recreate_search_triggers(db: sqlite_utils.Database) -> None:
    """Put back the search triggers (after a `transform()`) and rebuild the indexes from content."""
    for name in db.triggers_dict:
        if name.endswith(("_fts_insert", "_fts_update", "_fts_delete")):
            db.execute(f"DROP TRIGGER {name}")
    for statement in _statements(SEARCH_TRIGGERS):
        db.execute(statement)
    rebuild_search_indexes(db)


def rebuild_search_indexes(db: sqlite_utils.Database) -> None:
    for fts, (content, columns) in SEARCH_INDEXES.items():
        db.execute(f"DELETE FROM {fts}")
        cols = ", ".join(columns)
        exprs = ", ".join(f"reflect_fold({expr})" for expr in columns.values())
        db.execute(f"INSERT INTO {fts}(rowid, {cols}) SELECT c.id, {exprs} FROM {content} c")


@migration
def m001_create_tables(db: sqlite_utils.Database) -> None:
    for statement in _statements(_M001_TABLES):
        db.execute(statement)
    for statement in _statements(SEARCH_TRIGGERS):
        db.execute(statement)


def unknown_applied(db: sqlite_utils.Database, migrations: Migrations = MIGRATIONS) -> list[str]:
    known = set(known_names(migrations))
    return [m.name for m in migrations.applied(db) if m.name not in known]


def pending_names(db: sqlite_utils.Database, migrations: Migrations = MIGRATIONS) -> list[str]:
    return [m.name for m in migrations.pending(db)]


def check_not_too_new(db: sqlite_utils.Database, migrations: Migrations = MIGRATIONS) -> None:
    if unknown_applied(db, migrations):
        raise JournalTooNew()


def apply_migrations(
    db: sqlite_utils.Database,
    backup: Callable[[str], object],
    migrations: Migrations = MIGRATIONS,
) -> list[str]:
    """Apply pending migrations, after a backup when the journal already holds data.

    Returns the names applied. Raises JournalTooNew (before touching anything) for a journal that
    a newer Reflect has migrated.
    """
    check_not_too_new(db, migrations)
    pending = pending_names(db, migrations)
    if not pending:
        return []
    if migrations.applied(db):
        backup("before-upgrade")
    migrations.apply(db)
    return pending


@migration
def m002_create_personal_dictionary(db: sqlite_utils.Database) -> None:
    """Words the user added to the spelling dictionary (journal text: kept encrypted here)."""
    db.execute(
        "CREATE TABLE dictionary_words (id INTEGER PRIMARY KEY, "
        "word TEXT NOT NULL UNIQUE, added_at TEXT NOT NULL)"
    )


@migration
def m003_create_accepted_findings(db: sqlite_utils.Database) -> None:
    """Anonymisation findings the user accepted as not identifying, remembered by their text."""
    db.execute(
        "CREATE TABLE accepted_findings (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "text TEXT NOT NULL, accepted_at TEXT NOT NULL, UNIQUE (kind, text))"
    )
