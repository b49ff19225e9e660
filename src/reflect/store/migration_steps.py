"""The migrations themselves, oldest first. A released migration is never edited: add a new one.

Each migration carries its SQL as its own literal text, never a constant or helper shared with
other code: a later change to the schema, the triggers or a helper cannot alter what an old
migration does to a journal that has not run it yet (`tests/unit/test_journal_schema.py`).
"""

from __future__ import annotations

from sqlcipher3 import complete_statement

from reflect.store.migration_set import Database, migration


@migration
def m001_create_tables(db: Database) -> None:
    """The first schema: explicit integer primary keys, foreign keys and checks; contentless
    search tables filled by triggers with `reflect_fold(text)` (see `store.triggers`)."""
    tables = """
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
    search_triggers = """
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
    statement = ""
    for line in (tables + search_triggers).strip().splitlines(keepends=True):
        statement += line
        if complete_statement(statement):  # SQLite's own test: a trigger ends at END;
            db.execute(statement.strip())
            statement = ""


@migration
def m002_create_personal_dictionary(db: Database) -> None:
    """Words the user added to the spelling dictionary (journal text: kept encrypted here)."""
    db.execute(
        "CREATE TABLE dictionary_words (id INTEGER PRIMARY KEY, "
        "word TEXT NOT NULL UNIQUE, added_at TEXT NOT NULL)"
    )


@migration
def m003_create_accepted_findings(db: Database) -> None:
    """Anonymisation findings the user accepted as not identifying, remembered by their text."""
    db.execute(
        "CREATE TABLE accepted_findings (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "text TEXT NOT NULL, accepted_at TEXT NOT NULL, UNIQUE (kind, text))"
    )


@migration
def m004_create_journal_meta(db: Database) -> None:
    """One row stamped on every change to the user's data, to tell whether a backup is needed."""
    db.execute(
        "CREATE TABLE journal_meta (id INTEGER PRIMARY KEY CHECK (id = 1), changed_at TEXT NOT NULL)"
    )
    db.execute("INSERT INTO journal_meta (id, changed_at) VALUES "
               "(1, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))")
    # The tables of the user's data as they stood at this migration (derived ones such as
    # revisions left out); a later table gets its triggers from the migration that adds it.
    for table in ("briefings", "briefing_sections", "briefing_items", "entries", "answers", "tags",
                  "entry_tags", "sessions", "agenda_items", "session_entries", "actions",
                  "watch_list", "dictionary_words", "accepted_findings"):
        for event in ("INSERT", "UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_changed_{event.lower()} AFTER {event} ON {table} BEGIN\n"
                "    UPDATE journal_meta SET changed_at = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') "
                "WHERE id = 1;\nEND;"
            )


@migration
def m005_create_revision_notes(db: Database) -> None:
    """What happened to an earlier version after it was taken ("details removed" on a day)."""
    db.execute(
        "CREATE TABLE revision_notes (id INTEGER PRIMARY KEY, revision_id INTEGER NOT NULL UNIQUE "
        "REFERENCES revisions(id) ON DELETE CASCADE, note TEXT NOT NULL)"
    )


@migration
def m006_create_reply_tables(db: Database) -> None:
    """The journal's stable id; per exported pack its id, page fingerprints and fields; the
    supervisor's replies imported, their comments and the actions made from their rows."""
    import uuid  # here, not at the top: it loads `platform`, which start-up does not need

    db.execute(
        "CREATE TABLE journal_identity (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "journal_id TEXT NOT NULL, created_at TEXT NOT NULL)"
    )
    db.execute("INSERT INTO journal_identity (id, journal_id, created_at) VALUES "
               "(1, ?, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))", [str(uuid.uuid4())])
    db.execute(
        "CREATE TABLE export_packs (id INTEGER PRIMARY KEY, "
        "export_log_id INTEGER NOT NULL UNIQUE REFERENCES export_log(id) ON DELETE CASCADE, "
        "export_id TEXT NOT NULL UNIQUE, "
        "session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL, "
        "page_fingerprints TEXT NOT NULL, field_names TEXT NOT NULL, page_entries TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE reply_imports (id INTEGER PRIMARY KEY, export_id TEXT NOT NULL, "
        "export_pack_id INTEGER REFERENCES export_packs(id) ON DELETE SET NULL, "
        "session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE, "
        "file_sha256 TEXT NOT NULL, file_name TEXT NOT NULL DEFAULT '', "
        "imported_at TEXT NOT NULL, verified INTEGER NOT NULL CHECK (verified IN (0, 1)), "
        "supervisor_name TEXT NOT NULL DEFAULT '', supervisor_role TEXT NOT NULL DEFAULT '', "
        "signed_off INTEGER NOT NULL DEFAULT 0 CHECK (signed_off IN (0, 1)), signed_on TEXT, "
        "next_session_on TEXT, next_session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL, "
        "UNIQUE (export_id, file_sha256))"
    )
    db.execute(
        "CREATE TABLE reply_comments (id INTEGER PRIMARY KEY, export_id TEXT NOT NULL, "
        "field TEXT NOT NULL, "
        "reply_import_id INTEGER NOT NULL REFERENCES reply_imports(id) ON DELETE CASCADE, "
        "session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE, "
        "entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL, "
        "kind TEXT NOT NULL CHECK (kind IN ('field', 'note')), text TEXT NOT NULL, "
        "cut INTEGER NOT NULL DEFAULT 0 CHECK (cut IN (0, 1)), updated_at TEXT NOT NULL, "
        "UNIQUE (export_id, field))"
    )
    db.execute(
        "CREATE TABLE reply_actions (id INTEGER PRIMARY KEY, export_id TEXT NOT NULL, "
        "row INTEGER NOT NULL, action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL, "
        "UNIQUE (export_id, row))"
    )


@migration
def m007_create_backup_rekeying(db: Database) -> None:
    """A passphrase change's re-keying of the backups while it runs (never the old key): a row
    left behind means it was interrupted and some backups may need the previous passphrase."""
    db.execute(
        "CREATE TABLE backup_rekeying (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "started_at TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL)"
    )


@migration
def m008_index_entries_by_creation(db: Database) -> None:
    """The dashboard's month chart and CPD count read a year of entries by when each was created
    (and its model): from this index alone, not the whole table. At every unlock, in a fresh
    connection whose pages must all be decrypted, that was most of the first screen's reading
    (7 ms of 11 at 10,000 reflections)."""
    db.execute("CREATE INDEX entries_created ON entries(created_at, model)")
