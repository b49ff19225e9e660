"""The main window: a small shell that composes pages, menus, the toolbar and the status bar.

It receives narrow dependencies (the journal, the settings, a save callback) and owns no
behaviour beyond composition and the few window-level actions (lock, quit, help).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QStackedWidget

from reflect import APP_NAME, __version__
from reflect.settings import Settings
from reflect.store.journal import Journal
from reflect.ui.help_dialog import HelpDialog
from reflect.ui.import_dialog import ImportBriefingDialog
from reflect.ui.lock_screen import LockScreen
from reflect.ui.spelling import SpellingService
from reflect.ui.workspace import BRIEFING_TAB, REFLECTIONS_TAB, SEARCH_TAB, Workspace


class MainWindow(QMainWindow):
    first_painted = Signal()
    locked_changed = Signal(bool)

    def __init__(self, journal: Journal, settings: Settings, save_settings) -> None:
        super().__init__()
        self.journal = journal
        self.settings = settings
        self._save_settings = save_settings
        self._painted = False
        self.locked = False
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)

        # The dictionary loads in the background the first time a text field needs it.
        self.spelling = SpellingService(journal.dictionary.words(), journal.dictionary.add,
                                        enabled=settings.spelling, parent=self)
        self.spelling.load_failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.workspace = Workspace(journal, settings, save_settings, self.spelling.attach, self)
        self.lock_screen = LockScreen()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.workspace.view)
        self.pages.addWidget(self.lock_screen)
        self.setCentralWidget(self.pages)
        self.lock_screen.unlock_requested.connect(self._try_unlock)

        self._journal_actions: list[QAction] = []
        self._build_actions()
        self.statusBar().showMessage("Everything stays on this computer, encrypted.")
        self._restore_geometry()
        self.workspace.start()

    # -- compatibility accessors used by tests and other parts -----------------------------
    @property
    def briefing_page(self):
        return self.workspace.briefing_page

    @property
    def reader(self):
        return self.workspace.reader

    @property
    def editor(self):
        return self.workspace.editor

    # -- menus and shortcuts ---------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: str | None = None, *, journal: bool = True,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        if journal:
            self._journal_actions.append(action)
        return action

    def _build_actions(self) -> None:
        ws = self.workspace
        self.new_action = self._action("&New reflection", ws.new_reflection, "Ctrl+N",
                                       tip="Start a new reflection on this briefing")
        self.import_action = self._action("&Import briefing…", self.import_briefing, "Ctrl+Shift+I",
                                          tip="Add a briefing from a file or pasted text")
        self.save_action = self._action("&Save now", ws.flush, "Ctrl+S",
                                        tip="Reflect saves as you type; this saves at once")
        self.lock_action = self._action("&Lock", self.lock, "Ctrl+L", journal=False,
                                        tip="Hide your journal until the passphrase is typed")
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q", journal=False)
        self.find_action = self._action("&Find…", ws.focus_search, "Ctrl+F",
                                        tip="Search reflections and briefings")
        self.show_briefing = self._action("&Briefing", lambda: ws.show_tab(BRIEFING_TAB), "Ctrl+1")
        self.show_entries = self._action("&Reflections", lambda: ws.show_tab(REFLECTIONS_TAB), "Ctrl+2")
        self.show_search = self._action("&Search", lambda: ws.show_tab(SEARCH_TAB), "Ctrl+3")
        self.spelling_action = self._action("Check &spelling", self._toggle_spelling,
                                            tip="Underline misspelt words (UK English)")
        self.spelling_action.setCheckable(True)
        self.spelling_action.setChecked(self.settings.spelling)
        self.help_action = self._action("Reflect &help", lambda: HelpDialog.ask(self), "F1",
                                        journal=False)
        self.about_action = self._action(f"&About {APP_NAME}", self._about, journal=False)

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.new_action, self.import_action, self.save_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.spelling_action)
        view_menu = bar.addMenu("&View")
        for action in (self.show_briefing, self.show_entries, self.show_search):
            view_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)
        self.menus = (file_menu, edit_menu, view_menu, help_menu)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setAccessibleName("Main toolbar")
        for action in (self.new_action, self.find_action, self.import_action, self.lock_action):
            toolbar.addAction(action)
        self.toolbar = toolbar

    def _toggle_spelling(self, enabled: bool) -> None:
        self.settings.spelling = enabled
        self.spelling.set_enabled(enabled)
        self._save_settings()

    def import_briefing(self) -> None:
        self.workspace.flush()
        briefing_id = ImportBriefingDialog.ask(self.journal.briefings, self)
        if briefing_id is not None:
            self.workspace.briefing_imported(briefing_id)
            self.statusBar().showMessage("Briefing imported.", 5000)

    def _about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<p><b>{APP_NAME} {__version__}</b></p>"
            "<p>A private, offline reflective journal for safeguarding practitioners.</p>"
            "<p>Your journal is encrypted and stays on this computer. Reflections are a personal "
            "record: anonymise them, and keep case facts and decisions on the case recording "
            "system.</p>"
            "<p>The UK English spelling list is built from SCOWL (Spell Checker Oriented Word "
            "Lists) by Kevin Atkinson and contributors.</p>",
        )

    # -- lock ------------------------------------------------------------------------------
    def lock(self) -> None:
        """Save, close every dialog of the journal and show nothing of it until unlocked."""
        if self.locked:
            return
        self.workspace.flush()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.locked = True
        self.pages.setCurrentWidget(self.lock_screen)
        for action in self._journal_actions:
            action.setEnabled(False)
        self.toolbar.hide()
        self.menuBar().hide()
        self.statusBar().clearMessage()
        self.setWindowTitle(f"{APP_NAME} — locked")
        self.lock_screen.reset()
        self.locked_changed.emit(True)

    def _try_unlock(self, passphrase: str) -> None:
        if not self.journal.check_passphrase(passphrase):
            self.lock_screen.reset("That passphrase does not open this journal. Try again.")
            return
        self.lock_screen.reset()
        self.locked = False
        self.pages.setCurrentWidget(self.workspace.view)
        for action in self._journal_actions:
            action.setEnabled(True)
        self.toolbar.show()
        self.menuBar().show()
        self.setWindowTitle(APP_NAME)
        self.locked_changed.emit(False)

    # -- window state ----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        if self.settings.splitter_state:
            self.workspace.view.restoreState(QByteArray.fromBase64(self.settings.splitter_state.encode()))
        else:
            width = self.width()
            self.workspace.view.setSizes([int(width * 0.52), int(width * 0.48)])

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.workspace.close()
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.splitter_state = bytes(self.workspace.view.saveState().toBase64()).decode()
        self._save_settings()
        super().closeEvent(event)
