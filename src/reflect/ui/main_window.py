"""The main window: a small shell that composes pages, menus and the status bar.

It receives narrow dependencies (the journal's stores, the settings) and owns no behaviour of its
own beyond composition; each page has its own controller.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from reflect import APP_NAME, __version__
from reflect.settings import Settings
from reflect.store.journal import Journal
from reflect.ui.briefing_page import BriefingPageView
from reflect.ui.briefing_reader import BriefingReader


class MainWindow(QMainWindow):
    first_painted = Signal()

    def __init__(self, journal: Journal, settings: Settings, save_settings) -> None:
        super().__init__()
        self.settings = settings
        self._save_settings = save_settings
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 760)

        self.briefing_page = BriefingPageView()
        self.setCentralWidget(self.briefing_page)
        self.reader = BriefingReader(self.briefing_page, journal.briefings, journal.entries, self)
        self.reader.briefing_changed.connect(self._remember_briefing)

        self._build_menus()
        self.statusBar().showMessage("Everything stays on this computer, encrypted.")
        self._restore_geometry()
        self.reader.reload(settings.last_briefing_id or None)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Reflect", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<p><b>{APP_NAME} {__version__}</b></p>"
            "<p>A private, offline reflective journal for safeguarding practitioners.</p>"
            "<p>Your journal is encrypted and stays on this computer. Reflections are a personal "
            "record: anonymise them, and keep case facts and decisions on the case recording "
            "system.</p>",
        )

    def _remember_briefing(self, briefing_id: int) -> None:
        self.settings.last_briefing_id = briefing_id

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        self._save_settings()
        super().closeEvent(event)
