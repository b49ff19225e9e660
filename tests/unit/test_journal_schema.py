"""The schema the migrations build is the released one, to the letter, and stays so.

A released migration is never edited (ARCHITECTURE.md, convention 2). The fixture
`tests/fixtures/journal_schema.sql` is the schema the released migrations wrote, taken from
`sqlite_master` of a new journal: any change to what an old migration runs shows up here.
A new migration adds its objects to the fixture; it never changes the lines already there.
"""

from __future__ import annotations

import ast

from reflect.store import migrations as m
from reflect.store.journal import Journal
from tests.conftest import REPO

PASS = "a long enough passphrase"
FIXTURE = REPO / "tests/fixtures/journal_schema.sql"
STEPS = REPO / "src/reflect/store/migration_steps.py"


def schema_text(db) -> str:
    """Each object Reflect's migrations created, in creation order, as SQLite stored its SQL.

    Left out: sqlite-utils' own migrations table, SQLite's automatic indexes (they follow from
    the tables) and the shadow tables FTS5 makes for each search table (SQLite's, not ours)."""
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
    search = [name for _, name, _, sql in rows if sql and sql.startswith("CREATE VIRTUAL TABLE")]
    return "".join(
        f"-- {kind} {name} on {table}\n{sql};\n\n"
        for kind, name, table, sql in rows
        if sql and table != "_sqlite_migrations"
        and not any(name.startswith(fts + "_") for fts in search)
    )


def test_a_new_journal_has_the_released_schema_to_the_letter(tmp_path):
    """The migrations build exactly the stored schema: tables, indexes, search tables, triggers."""
    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        assert schema_text(journal.db) == FIXTURE.read_text(encoding="utf-8")


def test_recreating_the_triggers_puts_back_the_released_ones(tmp_path):
    """After transform() and recreate_triggers, every trigger is again as the migrations wrote it."""
    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        def triggers():
            return journal.db.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()

        fresh = triggers()
        with journal.db.atomic():
            journal.db["answers"].transform(types={"stage": str})
            journal.db["entry_tags"].transform(types={"tag_id": int})
            m.recreate_triggers(journal.db)
        assert triggers() == fresh and len(fresh) == 11 + 14 * 3


def test_each_migration_holds_its_own_sql():
    """migration_steps.py defines only migrations: no constant or helper two of them could share."""
    tree = ast.parse(STEPS.read_text(encoding="utf-8"))
    shared = [
        ast.unparse(node).splitlines()[0] for node in tree.body
        if not isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef))
        and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))  # docstring
    ]
    helpers = [node.name for node in tree.body
               if isinstance(node, ast.FunctionDef) and not node.name.startswith("m0")]
    imported = [node.module for node in tree.body
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reflect")]
    assert (shared, helpers, imported) == ([], [], ["reflect.store.migration_set"])
