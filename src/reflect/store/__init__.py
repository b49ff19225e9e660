"""The encrypted journal: SQLCipher connection, migrations, and stores returning domain objects."""

from reflect.store.deferred import defer_unused_imports

defer_unused_imports()  # before any store module imports sqlite-utils
