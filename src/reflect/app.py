"""Composition root: paths -> settings -> unlock -> open the journal -> main window.

Everything the GUI needs is built here and handed down as narrow dependencies.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import date, datetime

from reflect import APP_NAME, __version__
from reflect.logging_setup import configure_logging
from reflect.paths import AppPaths

# The store is imported before PySide6 on purpose. Once PySide6 is loaded, its import hook reads
# the source of every module imported after it (to look for `from __feature__ import`): importing
# sqlite-utils and the store first spares every start that reading. `feature_scan` spares it the
# modules imported later (Reflect's own and the standard library's); others are still read.
from reflect.services.opening import OpeningJournal, journal_exists
from reflect.services.passphrase import read_passphrase_file
from reflect.services.read_marks import read_mark
from reflect.settings import Settings
from reflect.store import DashboardQueries
from reflect.ui.shell import feature_scan  # before PySide6: its import hook does not read this

log = logging.getLogger(__name__)


def run_gui(*, data_dir: str | None = None, passphrase_file: str | None = None,
            exit_after_first_paint: bool = False) -> int:
    if _no_display():
        print("reflect: no display was found. Start Reflect from a desktop session, or under a "
              "virtual screen (xvfb-run reflect).", file=sys.stderr)
        return 1
    paths = AppPaths.resolve(data_dir)
    try:
        paths.ensure()
    except OSError:
        return _cannot_create(paths)
    configure_logging(paths)
    settings = Settings.load(paths.settings_file)
    first_screen = FirstScreen()
    opening = None
    if passphrase_file:  # start unlocking now: it overlaps loading Qt and the window
        opening = OpeningJournal(paths, read_passphrase_file(passphrase_file),
                                 create=not journal_exists(paths), settings=settings,
                                 then=first_screen.read)

    import PySide6  # noqa: F401  (sets up its import hook, which `install` adjusts)

    feature_scan.install()  # before PySide's own modules: Qt's import hook need not read them all
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("reflect")
    from reflect.ui.common import crash_report, focus_aids
    from reflect.ui.common.colours import ReadablePalette
    from reflect.ui.shell import gc_guard
    from reflect.ui.shell.app_icon import app_icon

    app.setWindowIcon(app_icon())
    ReadablePalette(app)  # before the first window: the unlock dialog is text too

    gc_guard.install(app)
    crash_report.install()
    focus_aids.install(app)  # a focus ring and scrolling to the focus, from the unlock dialog on

    def save_settings() -> None:
        try:
            settings.save(paths.settings_file)
        except OSError:
            log.warning("settings could not be saved")

    from reflect.ui.common.window_places import WindowPlaces

    WindowPlaces(settings, save_settings, app).install(app)  # every window fits, and is put back

    from reflect.ui.unlock.unlock_flow import unlock

    journal = unlock(paths, settings, passphrase_file, opening=opening, while_opening=_load_window_code,
                     then=first_screen.read)
    if isinstance(journal, int):
        return journal

    from reflect.ui.shell.window_session import WindowSession

    session = WindowSession(app, paths, settings, journal, save_settings,
                            exit_after_first_paint=exit_after_first_paint,
                            first_screen=first_screen.result())
    session.start()
    try:
        return app.exec()
    finally:
        from reflect.ui.common.background import wait_for_background_work

        if not wait_for_background_work():
            log.warning("background work still running at exit")
        session.journal.close()


class FirstScreen:
    """What the dashboard shows first, read once on the unlocking thread (see `OpeningJournal`)
    with the read mark of that moment. The window shows it unless the journal changed since (a
    new bundled briefing, say), so on a laptop with one free core the first screen is not read
    twice: once on the worker, again on the UI thread."""

    def __init__(self) -> None:
        self._data = None
        self._mark = None

    def read(self, journal) -> None:
        data = DashboardQueries(journal.db).load(date.today(), datetime.now())
        self._data, self._mark = data, read_mark(journal)

    def result(self) -> tuple[object, object] | None:
        """(data, mark) once read (the worker has handed the journal over by now), else None."""
        return None if self._data is None else (self._data, self._mark)


def _load_window_code() -> None:
    """Import the main window's modules while the journal is being unlocked on a worker thread."""
    import reflect.ui.shell.window_session  # noqa: F401


def _cannot_create(paths: AppPaths) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    QMessageBox.critical(None, APP_NAME, f"Reflect cannot create its folder:\n{paths.data_dir}")
    return 5


def _no_display() -> bool:
    """On Linux without X11 or Wayland, Qt would abort with a cryptic plugin error."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
