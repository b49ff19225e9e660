"""Composition root: paths -> settings -> unlock -> open the journal -> main window.

Everything the GUI needs is built here and handed down as narrow dependencies.
"""

from __future__ import annotations

import logging
import os
import sys

from reflect import APP_NAME, __version__
from reflect.logging_setup import configure_logging
from reflect.paths import AppPaths
from reflect.settings import Settings

log = logging.getLogger(__name__)


def run_gui(*, data_dir: str | None = None, passphrase_file: str | None = None,
            exit_after_first_paint: bool = False) -> int:
    if _no_display():
        print("reflect: no display was found. Start Reflect from a desktop session, or under a "
              "virtual screen (xvfb-run reflect).", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("reflect")
    from reflect.ui import crash_report, gc_guard

    gc_guard.install(app)
    crash_report.install()

    paths = AppPaths.resolve(data_dir)
    try:
        paths.ensure()
    except OSError:
        QMessageBox.critical(None, APP_NAME, f"Reflect cannot create its folder:\n{paths.data_dir}")
        return 5
    configure_logging(paths)
    settings = Settings.load(paths.settings_file)

    from reflect.ui.unlock_flow import unlock
    from reflect.ui.window_session import WindowSession

    journal = unlock(paths, settings, passphrase_file)
    if isinstance(journal, int):
        return journal

    def save_settings() -> None:
        try:
            settings.save(paths.settings_file)
        except OSError:
            log.warning("settings could not be saved")

    session = WindowSession(app, paths, settings, journal, save_settings,
                            exit_after_first_paint=exit_after_first_paint)
    session.start()
    try:
        return app.exec()
    finally:
        session.journal.close()


def _no_display() -> bool:
    """On Linux without X11 or Wayland, Qt would abort with a cryptic plugin error."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
