"""Applying the journal's migrations safely.

Rules (see ARCHITECTURE.md): one small function per migration named `mNNN_verb_noun`
(`migration_steps.py`); a released migration is never edited; the file is backed up before
pending migrations run; a journal carrying migrations this version does not know was written by a
newer Reflect and is refused untouched.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils
from sqlite_utils import Migrations

from reflect.domain.errors import JournalTooNew
from reflect.store import migration_steps
from reflect.store.migration_set import MIGRATIONS, known_names
from reflect.store.triggers import rebuild_search_indexes, recreate_search_triggers, recreate_triggers

m001_create_tables = migration_steps.m001_create_tables

__all__ = [
    "MIGRATIONS", "apply_migrations", "check_not_too_new", "known_names", "m001_create_tables",
    "pending_names", "rebuild_search_indexes", "recreate_search_triggers", "recreate_triggers",
    "unknown_applied",
]


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
