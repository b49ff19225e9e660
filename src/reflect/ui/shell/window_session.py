"""The life of the main window over an open journal: build it, check and back up the journal once
it is showing, and rebuild it after a restore (which replaces the journal underneath it)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from reflect import APP_NAME
from reflect.domain.errors import ReflectError
from reflect.paths import AppPaths
from reflect.services.opening import tidy_exports_in_background
from reflect.services.storage_check import storage_warning
from reflect.settings import Settings
from reflect.store import Journal
from reflect.ui.common.background import run_in_background
from reflect.ui.shell import gc_guard
from reflect.ui.shell.main_window import MainWindow
from reflect.ui.unlock.unlock_flow import OfferRecovery, describe

log = logging.getLogger(__name__)


class StorageWarning:
    @classmethod
    def show(cls, text: str, parent=None) -> None:
        from PySide6.QtWidgets import QMessageBox  # here: start-up shows no message box

        QMessageBox.warning(parent, "Where your journal is kept", text)


class WindowSession(QObject):
    def __init__(self, app, paths: AppPaths, settings: Settings, journal: Journal,
                 save_settings: Callable[[], None], *, exit_after_first_paint: bool = False,
                 first_screen: tuple[object, object] | None = None) -> None:
        super().__init__(app)
        self.app = app
        self.paths = paths
        self.settings = settings
        self.journal = journal
        self.save_settings = save_settings
        self.exit_after_first_paint = exit_after_first_paint
        self.first_screen = first_screen  # for the first window only: a restore reads afresh
        self.window: MainWindow | None = None
        self.backing_up = None  # the on-unlock backup's BackgroundTask, while one runs
        self.tidying = None  # the thread removing what killed exports left, after the first paint

    def start(self) -> MainWindow:
        window = MainWindow(self.journal, self.settings, self.save_settings,
                            first_screen=self.first_screen)
        self.first_screen = None
        window.care.restore_requested.connect(self.restore)
        window.first_painted.connect(gc_guard.freeze_survivors)
        if self.exit_after_first_paint:
            window.first_painted.connect(lambda: QTimer.singleShot(0, self._report_paint_and_quit))
        else:
            window.first_painted.connect(lambda: QTimer.singleShot(0, self.after_first_paint))
        self.window = window
        window.show()
        return window

    def _report_paint_and_quit(self) -> None:
        """For the benchmark and the bundle's checks: the whole first frame is painted (the
        window's own paint event comes before its children's; this runs after them). The time is
        the system-wide monotonic clock, which the process that started this one can compare
        with its own."""
        print(f"painted {time.monotonic():.6f}", flush=True)
        self.app.quit()

    def after_first_paint(self) -> None:
        """Warn about a network or roaming folder; in the background, back up if the journal
        changed, check the whole file and remove what killed exports left."""
        warning = storage_warning(self.paths.data_dir)
        if warning:
            log.warning("journal folder is on a network drive or roaming profile")
            StorageWarning.show(warning, self.window)
        try:
            needed = self.journal.needs_backup()
        except ReflectError:
            needed = True
        window = self.window  # its status bar tells how the backup went, while it is there
        if needed and (self.backing_up is None or self.backing_up.done):
            self.backing_up = run_in_background(
                window, self.journal.backup_in_background("on-unlock"),
                lambda _path: window.statusBar().showMessage("Backed up.", 4000),
                lambda exc: self._backup_failed(window, exc))
        window.care.check_unfinished_rekeying()  # a passphrase change killed half way
        window.prepare_pages_when_idle()
        # a check that could not run is only logged (by run_in_background): it found no damage
        run_in_background(self, self.journal.quick_check_in_background(), self._checked, lambda exc: None)
        self.tidying = tidy_exports_in_background(self.journal)

    @staticmethod
    def _backup_failed(window: MainWindow, exc: BaseException) -> None:
        if isinstance(exc, ReflectError):  # anything else is a bug, logged by run_in_background
            window.statusBar().showMessage(exc.message, 15000)

    def _checked(self, whole: bool) -> None:
        if whole:
            return
        log.error("journal failed its quick check")
        backup = self.journal.newest_backup_that_opens()
        if backup is not None and OfferRecovery.ask(describe(backup), self.window):
            self.restore(backup.path)
        elif backup is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.window, APP_NAME,
                                "Part of your journal file looks damaged and there is no good backup "
                                "to restore. Keep Reflect open, and use File → Take my journal with me "
                                "to save what can still be read.")

    def restore(self, backup: Path) -> None:
        gc_guard.thaw()  # the old window is about to go: let the collector free it
        old = self.window
        old.retire()
        try:
            self.journal.restore(backup)
            message = "Backup restored. Your journal as it was before is kept as a backup too."
        except ReflectError as exc:
            message = exc.message
        self.start()
        self.window.setGeometry(old.geometry())
        old.close()
        old.deleteLater()
        self.window.statusBar().showMessage(message, 10000)
