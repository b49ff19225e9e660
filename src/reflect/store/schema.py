"""The first migration's tables, as SQL (explicit integer primary keys, foreign keys, checks)."""

M001_TABLES = """
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
