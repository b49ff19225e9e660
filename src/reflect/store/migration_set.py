"""The journal's migration set: one `sqlite_utils.Migrations` that every migration registers with."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils
from sqlite_utils import Migrations

MIGRATIONS = Migrations("reflect")


def migration(fn: Callable[[sqlite_utils.Database], None]):
    return MIGRATIONS()(fn)


def registered(migrations: Migrations = MIGRATIONS) -> list:
    """The migrations in the order they run (each has `.name` and `.fn`)."""
    return list(migrations._migrations)  # sqlite-utils has no public accessor


def known_names(migrations: Migrations = MIGRATIONS) -> list[str]:
    return [m.name for m in registered(migrations)]
