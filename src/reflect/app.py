"""Composition root: paths -> settings -> unlock -> open the journal -> main window.

Everything the GUI needs is built here and handed down as narrow dependencies.
"""

from __future__ import annotations

import logging
import os
import sys

from reflect import APP_NAME, __version__
from reflect.domain.errors import ReflectError, WrongPassphrase
from reflect.journal_access import journal_exists, open_journal
from reflect.logging_setup import configure_logging
from reflect.passphrase import read_passphrase_file
from reflect.paths import AppPaths
from reflect.settings import Settings
from reflect.store.journal import Journal

log = logging.getLogger(__name__)


def run_gui(*, data_dir: str | None = None, passphrase_file: str | None = None,
            exit_after_first_paint: bool = False) -> int:
    if _no_display():
        print("reflect: no display was found. Start Reflect from a desktop session, or under a "
              "virtual screen (xvfb-run reflect).", file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reflect.ui.main_window import MainWindow

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

    journal = unlock(paths, settings, passphrase_file)
    if isinstance(journal, int):
        return journal

    def save_settings() -> None:
        try:
            settings.save(paths.settings_file)
        except OSError:
            log.warning("settings could not be saved")

    window = MainWindow(journal, settings, save_settings)
    if exit_after_first_paint:
        window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    else:
        # After the window is up, so a large journal's backup never delays the first paint.
        window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: backup_on_unlock(journal, window)))
    window.show()
    try:
        return app.exec()
    finally:
        journal.close()


def backup_on_unlock(journal: Journal, window) -> None:
    """A verified encrypted backup when the journal changed since the last one."""
    try:
        if journal.backup_if_changed("on-unlock") is not None:
            window.statusBar().showMessage("Backed up.", 4000)
    except ReflectError as exc:
        window.statusBar().showMessage(exc.message, 15000)


def _no_display() -> bool:
    """On Linux without X11 or Wayland, Qt would abort with a cryptic plugin error."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def unlock(paths: AppPaths, settings: Settings, passphrase_file: str | None) -> Journal | int:
    """Ask for the passphrase until the journal opens; otherwise the exit code (0: user quit)."""
    from PySide6.QtWidgets import QMessageBox

    from reflect.ui.passphrase_dialog import PassphraseDialog

    first_run = not journal_exists(paths)
    if passphrase_file:
        try:
            return open_journal(paths, read_passphrase_file(passphrase_file), create=first_run,
                                settings=settings)
        except ReflectError as exc:
            QMessageBox.critical(None, APP_NAME, exc.message)
            return exc.exit_code
    error = ""
    while True:
        passphrase = PassphraseDialog.ask(first_run=first_run, folder=str(paths.data_dir),
                                          error=error)
        if passphrase is None:
            return 0
        try:
            return open_journal(paths, passphrase, create=first_run, settings=settings)
        except WrongPassphrase as exc:
            error = exc.message
        except ReflectError as exc:
            QMessageBox.critical(None, APP_NAME, exc.message)
            return exc.exit_code
        finally:
            del passphrase
