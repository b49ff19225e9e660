"""Start-up leaves out what it does not use, and what it leaves out still works when used."""

from __future__ import annotations

import os
import subprocess
import sys

from reflect.store.deferred import defer
from tests.conftest import REPO


def _run(script: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                         timeout=120, check=True)
    return out.stdout.split()


def test_opening_the_store_does_not_load_dateutils_parser_yet_sqlite_utils_recipes_work():
    assert _run(
        "import sys\n"
        "import reflect.store.journal\n"
        "print('dateutil.tz' in sys.modules)\n"
        "import sqlite_utils.recipes as recipes\n"
        "print(recipes.parsedate('2024-01-02'), recipes.parsedatetime('2024-01-02 10:30'))\n"
        "print('dateutil.tz' in sys.modules)\n"
    ) == ["False", "2024-01-02", "2024-01-02T10:30:00", "True"]


def test_the_journal_builds_the_stores_the_first_screen_does_not_need_on_first_use():
    assert _run(
        "import sys\n"
        "import reflect.app\n"  # what the app imports before it opens the window
        "print('reflect.store.search' in sys.modules, 'reflect.store.entry_store' in sys.modules)\n"
    ) == ["False", "False"]


LATER_ONLY = ("reflect.store.briefing_store", "reflect.domain.briefing", "reflect.domain.library",
              "reflect.domain.dates", "reflect.ui.shell.lock_screen", "reflect.store.backups",
              "reflect.domain.backups", "platform", "calendar")


def test_the_app_paints_its_first_screen_without_what_only_later_pages_use(tmp_path, passphrase):
    """Started on a journal with a session coming up, the app paints its dashboard (the session's
    day written on it) without loading the briefings' store and types, the date reader (it
    compiles its patterns at import), the lock screen, `platform` or `calendar`: on a laptop with
    one free core every module before the first paint counts. The pages built after it load them."""
    from datetime import datetime, timedelta

    from reflect.domain.supervision import NewSession
    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal

    paths = AppPaths(tmp_path / "journal")
    with open_journal(paths, passphrase, create=True) as journal:
        journal.sessions.create_session(NewSession(datetime.now() + timedelta(days=3), "Sam Supervisor"))
    (tmp_path / "pass.txt").write_text(passphrase + "\n", encoding="utf-8")
    script = (
        "import atexit, sys\n"
        f"atexit.register(lambda: print('loaded', *[n for n in {LATER_ONLY!r} if n in sys.modules]))\n"
        f"sys.argv = ['reflect', '--data-dir', {str(paths.data_dir)!r}, '--passphrase-file', "
        f"{str(tmp_path / 'pass.txt')!r}, '--exit-after-first-paint']\n"
        "from reflect.cli import main\n"
        "sys.exit(main())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                         timeout=120, stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert any(line.startswith("painted ") for line in lines)
    assert lines[-1] == "loaded"


def test_the_store_loads_the_module_behind_a_name_only_when_that_name_is_used():
    """`import reflect.store` loads none of its stores; using a name loads that store's module."""
    assert _run(
        "import sys\n"
        "import reflect.store\n"
        "loaded = lambda: ','.join(sorted(m for m in sys.modules if m.startswith('reflect.store.')))\n"
        "print(loaded())\n"
        "from reflect.store import SearchIndex\n"
        "print(SearchIndex.__module__, loaded())\n"
        "from reflect.store import backups\n"  # its modules are still found as before
        "print(backups.__name__)\n"
    ) == ["reflect.store.deferred", "reflect.store.search", "reflect.store.deferred,reflect.store.search",
          "reflect.store.backups"]


def test_defer_leaves_alone_what_is_loaded_or_missing():
    assert defer("json") is False  # already imported by the test run
    assert defer("no_such_module_for_reflect") is False
    assert "no_such_module_for_reflect" not in sys.modules
