"""Make sqlite-utils run on sqlcipher3.

sqlite-utils catches the standard library's `sqlite3.OperationalError` (in `drop(ignore=True)`,
`table.exists()`, FTS helpers...). sqlcipher3 raises its own classes, which are not subclasses of
the stdlib ones, so on an encrypted connection those `except` clauses would miss and harmless
"no such table" errors would escape. sqlite-utils resolves its driver module once, in
`sqlite_utils.utils` (it already supports swapping in `pysqlite3`); we point those names, and the
copies `sqlite_utils.db` imported, at sqlcipher3. A test proves `drop(ignore=True)` and friends work.
"""

from __future__ import annotations

import sqlcipher3
import sqlite_utils.db
import sqlite_utils.utils
from sqlcipher3 import dbapi2

_MODULES = (sqlite_utils.utils, sqlite_utils.db)


def use_sqlcipher() -> None:
    """Idempotently rebind sqlite-utils' driver module and error classes to sqlcipher3."""
    for module in _MODULES:
        if getattr(module, "sqlite3", None) is not sqlcipher3:
            module.sqlite3 = sqlcipher3
        if hasattr(module, "dbapi2"):
            module.dbapi2 = dbapi2
        if hasattr(module, "OperationalError"):
            module.OperationalError = dbapi2.OperationalError


DatabaseError = dbapi2.DatabaseError
OperationalError = dbapi2.OperationalError
IntegrityError = dbapi2.IntegrityError
Error = dbapi2.Error
