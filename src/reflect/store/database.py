"""The journal's database handle: what Reflect's own code uses, without loading sqlite-utils.

Why: start-up on one core. Importing sqlite-utils (with click, pluggy, secrets, uuid and platform,
which it pulls in) costs ~40 ms of CPU, and on a laptop with one free core every millisecond of
Python before the first paint counts. Reflect's stores use only `execute`, `atomic`, `conn` and
`close` (plain SQL, their own transactions), so those are here, over the sqlcipher3 connection.
Anything else - `db["table"]`, `table_names()`, the bookkeeping of a migration that is applied -
goes to a `sqlite_utils.Database` over the same connection, built (and sqlite-utils imported and
pointed at sqlcipher3, see `driver`) the first time it is asked for, under a lock: a journal is
opened on one thread and handed whole to another (see `services.opening.OpeningJournal`).

`execute` and `atomic` keep sqlite-utils' meaning for a connection in autocommit mode
(`isolation_level=None`, as every Reflect connection is): the driver never begins a transaction
of its own, so a statement runs as it is, and `atomic` is BEGIN/COMMIT, or a savepoint inside an
open transaction; both hold all their state in the connection, so this handle and the full
`sqlite_utils.Database` can be used in turn, even nested in one another.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reflect.store.driver import sqlite_utils_database

if TYPE_CHECKING:
    import sqlite_utils

_savepoints = itertools.count(1)


class Database:
    """A keyed sqlcipher3 connection in autocommit mode, with sqlite-utils behind it on demand."""

    def __init__(self, conn) -> None:
        if conn.isolation_level is not None:
            raise ValueError("the journal's connections run in autocommit mode (isolation_level=None)")
        self.conn = conn
        self._full: sqlite_utils.Database | None = None
        self._building = threading.Lock()
        # What sqlite_utils.Database sets on every connection it wraps: a trigger's own writes
        # fire triggers too (the search index and change stamp rely on it).
        conn.execute("PRAGMA recursive_triggers=on;")

    def execute(self, sql: str, parameters=None):
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction around the block, or a savepoint inside one already open; rolled back
        if the block raises."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"reflect_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {savepoint};")
            try:
                yield self
            except BaseException:
                # An error such as a RAISE(ROLLBACK) trigger can end the whole transaction,
                # savepoints and all: then there is nothing to roll back to.
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint};")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {savepoint};")
            return
        conn.execute("BEGIN")
        try:
            yield self
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()

    @property
    def full(self) -> sqlite_utils.Database:
        """The `sqlite_utils.Database` over this connection, built on first use."""
        full = self._full
        if full is None:
            with self._building:
                if self._full is None:
                    self._full = sqlite_utils_database(self.conn)
                full = self._full
        return full

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("conn", "_full", "_building"):
            raise AttributeError(name)  # not built yet (copy, pickle) or not sqlite-utils'
        return getattr(self.full, name)

    def __getitem__(self, name: str):
        return self.full[name]

    def __repr__(self) -> str:
        return f"<Database {self.conn}>"
