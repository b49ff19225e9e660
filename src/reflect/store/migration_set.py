"""The journal's migration set: its migrations in the order they run, and those a journal has had.

Free of sqlite-utils, so opening an up-to-date journal does not load it (start-up on one core, see
`store.database`): `@migration` registers each step here, and the record of the applied ones is
read with plain SQL from the table sqlite-utils' `Migrations` keeps (`_sqlite_migrations`: one row
per applied migration, `migration_set`, `name`, `applied_at`, in the order applied). The
`sqlite_utils.Migrations` that applies pending steps and records them is built from this same list
the first time something is pending (`sqlite_utils_migrations()`, also `MIGRATIONS`).

A function taking `migrations` reads that set (a `sqlite_utils.Migrations`, as tests build)
instead of this version's when it is given one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from reflect.store.database import Database
from reflect.store.driver import use_sqlcipher

if TYPE_CHECKING:
    from sqlite_utils import Migrations

SET_NAME = "reflect"
RECORD_TABLE = "_sqlite_migrations"  # sqlite_utils.Migrations.migrations_table


class Step(NamedTuple):
    name: str
    fn: Callable[[Database], None]


_STEPS: list[Step] = []
_built: Migrations | None = None
_building = threading.Lock()


def migration(fn: Callable[[Database], None]):
    if any(step.name == fn.__name__ for step in _STEPS):
        raise ValueError(f"Migration '{fn.__name__}' is already registered")
    _STEPS.append(Step(fn.__name__, fn))
    if _built is not None:
        _built()(fn)
    return fn


def registered(migrations: Migrations | None = None) -> list:
    """The migrations in the order they run (each has `.name` and `.fn`)."""
    if migrations is None:
        return list(_STEPS)
    return list(migrations._migrations)  # sqlite-utils has no public accessor


def known_names(migrations: Migrations | None = None) -> list[str]:
    return [m.name for m in registered(migrations)]


def applied_names(db: Database, migrations: Migrations | None = None) -> list[str]:
    """The names of the migrations of the set applied to `db`, in the order they were applied
    (what `Migrations.applied` reads, read here without sqlite-utils)."""
    record = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        [RECORD_TABLE]).fetchone()
    if record is None:
        return []
    set_name = SET_NAME if migrations is None else migrations.name
    return [row[0] for row in db.execute(
        f"SELECT name FROM {RECORD_TABLE} WHERE migration_set = ? ORDER BY rowid", [set_name])]


def sqlite_utils_migrations(migrations: Migrations | None = None) -> Migrations:
    """`migrations`, or this version's set as a `sqlite_utils.Migrations` (built once)."""
    global _built
    if migrations is not None:
        return migrations
    with _building:
        if _built is None:
            use_sqlcipher()
            from sqlite_utils import Migrations

            built = Migrations(SET_NAME)
            for step in _STEPS:
                built(name=step.name)(step.fn)
            _built = built
        return _built


def __getattr__(name: str):
    if name == "MIGRATIONS":  # the name earlier code and tests use; loads sqlite-utils
        return sqlite_utils_migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
