"""The migrations themselves, oldest first. A released migration is never edited: add a new one."""

from __future__ import annotations

import sqlite_utils

from reflect.store.migration_set import migration
from reflect.store.schema import M001_TABLES
from reflect.store.triggers import SEARCH_TRIGGERS, change_triggers, statements


@migration
def m001_create_tables(db: sqlite_utils.Database) -> None:
    for statement in statements(M001_TABLES):
        db.execute(statement)
    for statement in statements(SEARCH_TRIGGERS):
        db.execute(statement)


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


@migration
def m004_create_journal_meta(db: sqlite_utils.Database) -> None:
    """One row stamped on every change to the user's data, to tell whether a backup is needed."""
    db.execute(
        "CREATE TABLE journal_meta (id INTEGER PRIMARY KEY CHECK (id = 1), changed_at TEXT NOT NULL)"
    )
    db.execute("INSERT INTO journal_meta (id, changed_at) VALUES "
               "(1, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))")
    for statement in statements(change_triggers()):
        db.execute(statement)
