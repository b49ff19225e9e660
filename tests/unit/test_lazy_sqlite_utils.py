"""Opening an up-to-date journal as the app starts does not load sqlite-utils; an old one still
migrates, and sqlite-utils works on the journal once something asks for it (store.database).

Each check runs in a fresh interpreter, so what is in `sys.modules` is what opening loaded."""

from __future__ import annotations

import os
import subprocess
import sys

from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from tests.conftest import REPO

PASS = "a long enough passphrase"

OPEN_AS_THE_APP_DOES = """
import builtins, sys, threading
from datetime import date, datetime
from reflect.app import FirstScreen
from reflect.paths import AppPaths
from reflect.services.opening import OpeningJournal
from reflect.services.read_marks import read_mark
from reflect.store.dashboard_queries import DashboardQueries

threads_importing_sqlite_utils = set()
real_import = builtins.__import__

def watching(name, *args, **kwargs):
    if name.startswith("sqlite_utils"):
        threads_importing_sqlite_utils.add(threading.current_thread().name)
    return real_import(name, *args, **kwargs)

builtins.__import__ = watching
first = FirstScreen()
opening = OpeningJournal(AppPaths(sys.argv[1]), sys.argv[2], then=first.read)
journal = opening.result()
DashboardQueries(journal.db).load(date.today(), datetime.now())
read_mark(journal)
builtins.__import__ = real_import
print("read-ahead:", first.result() is not None)
print("imported-on:", ",".join(sorted(threads_importing_sqlite_utils)) or "-")
print("loaded:", ",".join(n for n in ("sqlite_utils", "click", "pluggy") if n in sys.modules) or "-")
"""


def _run(script: str, *args: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                         env=env, timeout=120, check=True)
    return out.stdout.split()


def _journal(tmp_path) -> AppPaths:
    paths = AppPaths(tmp_path / "j")
    open_journal(paths, PASS, create=True).close()
    return paths


def test_starting_on_an_up_to_date_journal_loads_no_sqlite_utils(tmp_path):
    paths = _journal(tmp_path)
    assert _run(OPEN_AS_THE_APP_DOES, str(paths.data_dir), PASS) == [
        "read-ahead:", "True", "imported-on:", "-", "loaded:", "-"]


def test_sqlite_utils_is_loaded_on_sqlcipher3_when_the_journal_first_needs_it(tmp_path):
    paths = _journal(tmp_path)
    assert _run(OPEN_AS_THE_APP_DOES + """
import sqlcipher3
print(journal.db["entries"].count, "sqlite_utils" in sys.modules)
import sqlite_utils.db
print(sqlite_utils.db.sqlite3 is sqlcipher3)
journal.db["no_such_table"].drop(ignore=True)  # sqlcipher3's errors are caught as sqlite-utils' own
with journal.db.atomic():  # the light handle and sqlite-utils share one transaction
    journal.db["scratch"].insert({"id": 1}, pk="id")
    with journal.db.full.atomic():
        journal.db.execute("INSERT INTO scratch (id) VALUES (2)")
print(journal.db.execute("SELECT count(*) FROM scratch").fetchone()[0])
""", str(paths.data_dir), PASS)[-4:] == ["0", "True", "True", "2"]


def test_an_old_journal_is_backed_up_and_migrated_when_the_app_opens_it(tmp_path):
    """A journal without this version's newest migration gets it (after a backup) when the app
    opens it; sqlite-utils is loaded for that, on the calling thread, not the unlocking one."""
    paths = _journal(tmp_path)
    with open_journal(paths, PASS) as journal:  # as a version before m007 left it
        journal.db.execute("DROP TABLE backup_rekeying")
        journal.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_create_backup_rekeying'")
    out = _run(OPEN_AS_THE_APP_DOES + """
from reflect.store.backups import list_backups
print(journal.db.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid DESC").fetchone()[0])
print(journal.db.execute("SELECT count(*) FROM backup_rekeying").fetchone()[0])
print(",".join(b.reason for b in list_backups(journal.backup_dir)))
""", str(paths.data_dir), PASS)
    assert out == ["read-ahead:", "False", "imported-on:", "MainThread",
                   "loaded:", "sqlite_utils,click,pluggy",
                   "m007_create_backup_rekeying", "0", "before-upgrade"]


def test_an_old_journal_is_migrated_on_the_calling_thread_even_with_sqlite_utils_loaded(tmp_path):
    """With sqlite-utils already loaded (a second unlock in the same run, say), the unlocking
    worker still leaves an upgrade to the calling thread: its backup loads the backups' module."""
    paths = _journal(tmp_path)
    with open_journal(paths, PASS) as journal:  # as a version before m007 left it
        journal.db.execute("DROP TABLE backup_rekeying")
        journal.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_create_backup_rekeying'")
    out = _run("""
import builtins, sys, threading
from reflect.paths import AppPaths
from reflect.services.opening import OpeningJournal
from reflect.store.driver import use_sqlcipher

use_sqlcipher()
importing = set()
real_import = builtins.__import__

def watching(name, *args, **kwargs):
    if threading.current_thread() is not threading.main_thread() and name not in sys.modules:
        importing.add(name)
    return real_import(name, *args, **kwargs)

builtins.__import__ = watching
journal = OpeningJournal(AppPaths(sys.argv[1]), sys.argv[2]).result()
builtins.__import__ = real_import
from reflect.store.backups import list_backups
print("worker-imported:", ",".join(sorted(importing)) or "-")
print(journal.db.execute("SELECT count(*) FROM backup_rekeying").fetchone()[0])
print(",".join(b.reason for b in list_backups(journal.backup_dir)))
""", str(paths.data_dir), PASS)
    assert out == ["worker-imported:", "-", "0", "before-upgrade"]
