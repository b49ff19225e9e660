"""Make sqlite-utils run on sqlcipher3, once it is needed.

sqlite-utils catches the standard library's `sqlite3.OperationalError` (in `drop(ignore=True)`,
`table.exists()`, FTS helpers...). sqlcipher3 raises its own classes, which are not subclasses of
the stdlib ones, so on an encrypted connection those `except` clauses would miss and harmless
"no such table" errors would escape. sqlite-utils resolves its driver module once, in
`sqlite_utils.utils` (it already supports swapping in `pysqlite3`); we point those names, and the
copies `sqlite_utils.db` imported, at sqlcipher3. A test proves `drop(ignore=True)` and friends work.

sqlite-utils is imported here, on first use, never at start-up: with click and pluggy it costs
~40 ms of one core, and opening an up-to-date journal does not need it (see `store.database`).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import sqlcipher3
from sqlcipher3 import dbapi2

if TYPE_CHECKING:
    import sqlite_utils

_loading = threading.Lock()
_patched = False


def use_sqlcipher() -> None:
    """Import sqlite-utils (if not yet) and idempotently rebind its driver module and error
    classes to sqlcipher3."""
    global _patched
    if _patched:
        return
    with _loading:
        import sqlite_utils.db
        import sqlite_utils.utils

        for module in (sqlite_utils.utils, sqlite_utils.db):
            if getattr(module, "sqlite3", None) is not sqlcipher3:
                module.sqlite3 = sqlcipher3
            if hasattr(module, "dbapi2"):
                module.dbapi2 = dbapi2
            if hasattr(module, "OperationalError"):
                module.OperationalError = dbapi2.OperationalError
        _patched = True


def sqlite_utils_loaded() -> bool:
    """Whether sqlite-utils is imported and on sqlcipher3 (using it now imports nothing)."""
    return _patched


def sqlite_utils_database(conn) -> sqlite_utils.Database:
    """A `sqlite_utils.Database` over the sqlcipher3 connection `conn` (no plugins)."""
    use_sqlcipher()
    import sqlite_utils

    return sqlite_utils.Database(conn, execute_plugins=False)


DatabaseError = dbapi2.DatabaseError
OperationalError = dbapi2.OperationalError
IntegrityError = dbapi2.IntegrityError
Error = dbapi2.Error
