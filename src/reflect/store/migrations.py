"""Applying the journal's migrations safely.

Rules (see ARCHITECTURE.md): one small function per migration named `mNNN_verb_noun`
(`migration_steps.py`); a released migration is never edited; the file is backed up before
pending migrations run; a journal carrying migrations this version does not know was written by a
newer Reflect and is refused untouched.

Which migrations a journal has had is read with plain SQL (`migration_set.applied_names`);
sqlite-utils, which applies them, is loaded only when one is pending (start-up on one core, see
`store.database`). `migrations`, where given, is a `sqlite_utils.Migrations` to use instead of
this version's set (tests use it for a newer version's).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reflect.domain.errors import JournalTooNew
from reflect.store import migration_steps
from reflect.store.database import Database
from reflect.store.driver import sqlite_utils_loaded
from reflect.store.migration_set import applied_names, known_names, sqlite_utils_migrations
from reflect.store.triggers import rebuild_search_indexes, recreate_search_triggers, recreate_triggers

if TYPE_CHECKING:
    from sqlite_utils import Migrations

m001_create_tables = migration_steps.m001_create_tables

__all__ = [
    "ImportRefused", "apply_migrations", "check_not_too_new", "known_names",
    "m001_create_tables", "pending_names", "rebuild_search_indexes", "recreate_search_triggers",
    "recreate_triggers", "unknown_applied",
]


class ImportRefused(Exception):
    """Migrations are pending and would load a module (sqlite-utils, or the backups' before an
    upgrade) on a thread that must import nothing (see `services.opening.OpeningJournal`); raised
    before anything is written."""


def _compare(db: Database, migrations: Migrations | None) -> tuple[list[str], list[str], list[str]]:
    """(applied, applied but unknown to this version, known but not applied) names."""
    applied = applied_names(db, migrations)
    known = known_names(migrations)
    unknown = [n for n in applied if n not in set(known)]
    return applied, unknown, [n for n in known if n not in set(applied)]


def unknown_applied(db: Database, migrations: Migrations | None = None) -> list[str]:
    return _compare(db, migrations)[1]


def pending_names(db: Database, migrations: Migrations | None = None) -> list[str]:
    return _compare(db, migrations)[2]


def check_not_too_new(db: Database, migrations: Migrations | None = None) -> None:
    if unknown_applied(db, migrations):
        raise JournalTooNew()


def apply_migrations(
    db: Database,
    backup: Callable[[str], object],
    migrations: Migrations | None = None,
    *,
    may_import: bool = True,
) -> list[str]:
    """Apply pending migrations, after a backup when the journal already holds data.

    Returns the names applied. Raises JournalTooNew (before touching anything) for a journal that
    a newer Reflect has migrated, and ImportRefused (before touching anything) when migrations are
    pending, `may_import` is False and they would load a module: sqlite-utils, not loaded yet, or
    the backups' (a journal that already had migrations is backed up first).
    """
    applied, unknown, pending = _compare(db, migrations)
    if unknown:
        raise JournalTooNew()
    if not pending:
        return []
    if not may_import and (applied or not sqlite_utils_loaded()):  # a backup first loads its module
        raise ImportRefused()
    if applied:
        backup("before-upgrade")
    sqlite_utils_migrations(migrations).apply(db)
    return pending


def __getattr__(name: str):
    if name == "MIGRATIONS":  # this version's set as a sqlite_utils.Migrations; loads sqlite-utils
        return sqlite_utils_migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
