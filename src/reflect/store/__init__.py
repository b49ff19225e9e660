"""The encrypted journal: SQLCipher connection, migrations, and stores returning domain objects."""
