"""The main window: a small shell that composes pages, menus, the toolbar and the status bar.

It receives narrow dependencies (the journal, the settings, a save callback) and owns no
behaviour beyond composition and the window-level actions (switch page, lock, quit, help).
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QStackedWidget, QWidget

from reflect import APP_NAME, __version__
from reflect.domain.entry_filter import EntryFilter
from reflect.domain.errors import ReflectError
from reflect.settings import Settings
from reflect.store.dashboard_queries import DashboardQueries
from reflect.store.journal import Journal
from reflect.ui.clipboard_guard import ClipboardGuard
from reflect.ui.dashboard import DashboardPage
from reflect.ui.export_flow import ExportFlow
from reflect.ui.idle_lock import IdleLock
from reflect.ui.lock_screen import LockScreen

DASHBOARD, REFLECT, SESSIONS, ACTIONS = range(4)
PAGE_NAMES = ("Dashboard", "Reflect", "Sessions", "Actions")


class MainWindow(QMainWindow):
    first_painted = Signal()
    locked_changed = Signal(bool)
    restore_requested = Signal(object)  # a backup's Path: the window session rebuilds the window

    def __init__(self, journal: Journal, settings: Settings, save_settings) -> None:
        super().__init__()
        self.journal = journal
        self.settings = settings
        self._save_settings = save_settings
        self._painted = False
        self._retired = False
        self.locked = False
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)

        self.dashboard = DashboardPage(DashboardQueries(journal.db))
        # Start-up builds only the dashboard; the other pages (and the spelling service) are
        # built the first time they are needed. Measured: 0.86 s to 0.5 s to the first paint of
        # a 10,000-entry journal, together with the lazy imports.
        self._spelling = None
        self._workspace = None
        self._sessions_page = None
        self._actions_page = None
        self.pages = QStackedWidget()
        for page in (self.dashboard, QWidget(), QWidget(), QWidget()):
            self.pages.addWidget(page)
        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self._try_unlock)
        self.root = QStackedWidget()
        self.root.addWidget(self.pages)
        self.root.addWidget(self.lock_screen)
        self.setCentralWidget(self.root)

        self.export_flow = ExportFlow(
            journal, settings, self.flush,
            current_entry_id=self._current_entry_id,
            current_session_id=lambda: (self.sessions_page.session_id
                                        if self.current_page() == SESSIONS else None),
            current_filter=lambda: (self.workspace.entry_list.entry_filter
                                    if self._workspace is not None else EntryFilter()),
            parent=self)
        self.export_flow.journal_changed.connect(self._journal_changed_by_export)
        self.export_flow.exported.connect(
            lambda r: self.statusBar().showMessage(f"Exported “{r.path.name}”.", 8000))
        self._journal_actions: list[QAction] = []
        self._build_actions()
        self._connect_pages()
        self.statusBar().showMessage("Everything stays on this computer, encrypted.")
        self._restore_geometry()
        self.show_page(DASHBOARD)
        app = QApplication.instance()
        self.idle_lock = IdleLock(app, self.lock, settings.idle_lock_minutes, self)
        self.clipboard_guard = ClipboardGuard(parent=self)

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

    @property
    def spelling(self):
        if self._spelling is None:
            from reflect.ui.spelling import SpellingService

            self._spelling = SpellingService(self.journal.dictionary.words(), self.journal.dictionary.add,
                                             enabled=self.settings.spelling, parent=self)
            self._spelling.load_failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        return self._spelling

    def _attach_spelling(self, edit) -> None:
        self.spelling.attach(edit)

    @property
    def workspace(self):
        if self._workspace is None:
            from reflect.ui.workspace import Workspace

            workspace = Workspace(self.journal, self.settings, self._save_settings,
                                  self._attach_spelling, self)
            self._workspace = workspace
            self._install(REFLECT, workspace.view)
            self._restore_splitter()
            workspace.supervision.sessions_changed.connect(self._sessions_changed_elsewhere)
            workspace.start()
        return self._workspace

    @property
    def sessions_page(self):
        if self._sessions_page is None:
            from reflect.ui.sessions_page import SessionsPage

            page = SessionsPage(self.journal, decorate_text_edit=self._attach_spelling)
            self._install(SESSIONS, page)
            self._sessions_page = page
            page.open_entry.connect(lambda eid: (self.show_page(REFLECT), self.workspace.open_entry(eid)))
            page.sessions_changed.connect(self._show_entry_sessions)
        return self._sessions_page

    @property
    def actions_page(self):
        if self._actions_page is None:
            from reflect.ui.actions_page import ActionsPage

            page = ActionsPage(self.journal.actions, self.journal.sessions)
            self._install(ACTIONS, page)
            self._actions_page = page
            page.open_session.connect(
                lambda sid: (self.show_page(SESSIONS), self.sessions_page.show_session(sid)))
        return self._actions_page

    def _install(self, index: int, page: QWidget) -> None:
        placeholder = self.pages.widget(index)
        current = self.pages.currentIndex()
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages.setCurrentIndex(current)

    # -- pages -----------------------------------------------------------------------------
    def _show_entry_sessions(self) -> None:
        if self._workspace is not None:
            self._workspace.supervision.show_sessions()

    def _sessions_changed_elsewhere(self) -> None:
        if self._sessions_page is not None:
            self._sessions_page.refresh()

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def flush(self) -> bool:
        """Save pending edits on every page (before switching, locking, exporting, quitting)."""
        saved = [self._workspace.flush()] if self._workspace is not None else []
        if self._sessions_page is not None:
            saved.append(self._sessions_page.flush())
        return all(saved)

    def show_page(self, index: int) -> None:
        if index != self.pages.currentIndex():
            self.flush()
        if index == REFLECT:  # (the dashboard re-reads itself whenever it is shown)
            self.workspace  # noqa: B018 (built and installed on first use)
        elif index == SESSIONS:
            self.sessions_page.refresh()
        elif index == ACTIONS:
            self.actions_page.refresh()
        self.pages.setCurrentIndex(index)
        self.page_actions[index].setChecked(True)
        self.pages.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _connect_pages(self) -> None:
        dash = self.dashboard
        dash.open_session.connect(
            lambda sid: (self.show_page(SESSIONS), self.sessions_page.show_session(sid)))
        dash.plan_session.connect(lambda: (self.show_page(SESSIONS), self.sessions_page.new_session()))
        dash.open_actions.connect(lambda: self.show_page(ACTIONS))
        dash.open_action.connect(lambda aid: (self.show_page(ACTIONS), self.actions_page.select_action(aid)))
        dash.open_briefing.connect(lambda bid: (self.show_page(REFLECT), self.workspace.show_briefing(bid)))
        dash.open_entries.connect(lambda f: (self.show_page(REFLECT), self.workspace.show_entries(f)))

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
        self.new_action = self._action("&New reflection", self.new_reflection, "Ctrl+N",
                                       tip="Start a new reflection on this briefing")
        self.import_action = self._action("&Import briefing…", self.import_briefing, "Ctrl+Shift+I",
                                          tip="Add a briefing from a file or pasted text")
        self.save_action = self._action("&Save now", self.flush, "Ctrl+S",
                                        tip="Reflect saves as you type; this saves at once")
        self.export_action = self._action("&Export PDF…", lambda: self.export_flow.export(), "Ctrl+E",
                                          tip="Write a checked, anonymised PDF for your supervisor")
        self.export_history_action = self._action("Export &history…", self.export_flow.show_history,
                                                  tip="What has been exported, when and where")
        self.copy_cpd_action = self._action("Copy as &CPD record", self.copy_cpd_record,
                                            tip="Copy this reflection in Social Work England's CPD order")
        self.settings_action = self._action("Se&ttings…", self.open_settings, "Ctrl+,",
                                            tip="Your name on exports, the watch list, spelling")
        self.backups_action = self._action("&Backups…", self.open_backups,
                                           tip="See, take and restore encrypted backups")
        self.passphrase_action = self._action("Change &passphrase…", self.change_passphrase)
        self.take_away_action = self._action("&Take my journal with me…", self.take_journal_away,
                                             tip="Copy everything, encrypted or as readable files")
        self.lock_action = self._action("&Lock", self.lock, "Ctrl+L", journal=False,
                                        tip="Hide your journal until the passphrase is typed")
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q", journal=False)
        self.find_action = self._action("&Find…", self.find, "Ctrl+F",
                                        tip="Search reflections and briefings")
        self.spelling_action = self._action("Check &spelling", self._toggle_spelling,
                                            tip="Underline misspelt words (UK English)")
        self.spelling_action.setCheckable(True)
        self.spelling_action.setChecked(self.settings.spelling)
        group = QActionGroup(self)
        self.page_actions = []
        for index, name in enumerate(PAGE_NAMES):
            action = self._action(name, lambda _c=False, i=index: self.show_page(i), f"Ctrl+{index + 1}",
                                  tip=f"Show {name.lower()}")
            action.setCheckable(True)
            group.addAction(action)
            self.page_actions.append(action)
        self.help_action = self._action("Reflect &help", self.show_help, "F1", journal=False)
        self.about_action = self._action(f"&About {APP_NAME}", self._about, journal=False)

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.new_action, self.import_action, self.save_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.export_action, self.export_history_action, self.copy_cpd_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.passphrase_action)
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.take_away_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.spelling_action)
        view_menu = bar.addMenu("&View")
        for action in self.page_actions:
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
        for action in self.page_actions:
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.new_action, self.find_action, self.export_action, self.lock_action):
            toolbar.addAction(action)
        self.toolbar = toolbar

    def _current_entry_id(self) -> int | None:
        if self._workspace is None:
            return None
        return self._workspace.editor.entry_id or self._workspace.entry_list.current_entry_id()

    def copy_cpd_record(self) -> None:
        text = self.export_flow.copy_cpd_record()  # the open or selected reflection
        if text is None:
            self.statusBar().showMessage("Open a reflection first.", 5000)
        else:
            self.clipboard_guard.mark_ours(text)
            self.statusBar().showMessage("Copied as a CPD record.", 5000)

    def _journal_changed_by_export(self, entry_ids) -> None:
        """The export review edited text in place: show it, so autosave cannot write the old text back."""
        if self._workspace is not None:
            if self._workspace.editor.entry_id in entry_ids:
                self._workspace.editor.reload()
            for entry_id in entry_ids:
                self._workspace.entry_list.entry_changed(entry_id)
        if self._sessions_page is not None:
            self._sessions_page.refresh()

    def show_help(self) -> None:
        from reflect.ui.help_dialog import HelpDialog

        HelpDialog.ask(self)

    def new_reflection(self) -> None:
        self.show_page(REFLECT)
        self.workspace.new_reflection()

    def find(self) -> None:
        self.show_page(REFLECT)
        self.workspace.focus_search()

    def open_settings(self) -> None:
        self.flush()
        from reflect.ui.settings_dialog import SettingsDialog

        choice = SettingsDialog.ask(self.settings, self.journal.privacy.watch_terms(), self,
                                    self.journal.path.parent / "backups")
        if choice is None:
            return
        for field in fields(choice.settings):
            setattr(self.settings, field.name, getattr(choice.settings, field.name))
        self.journal.privacy.set_watch_terms(choice.watch_terms)
        if self._spelling is not None:
            self._spelling.set_enabled(self.settings.spelling)
        self.spelling_action.setChecked(self.settings.spelling)
        self.idle_lock.set_minutes(self.settings.idle_lock_minutes)
        self.journal.backup_dir = (Path(self.settings.backup_dir) if self.settings.backup_dir
                                   else self.journal.path.parent / "backups")
        if self._workspace is not None:
            self._workspace.editor.view.reminder.setVisible(self.settings.show_anonymise_reminder)
        self._save_settings()
        self.statusBar().showMessage("Settings saved.", 4000)

    def open_backups(self) -> None:
        self.flush()
        from reflect.ui.backups_dialog import BackupsDialog

        chosen = BackupsDialog.ask(self.journal, self)
        if chosen is not None:
            self.restore_requested.emit(chosen)

    def change_passphrase(self) -> None:
        self.flush()
        from reflect.ui.change_passphrase_dialog import ChangePassphraseDialog

        answer = ChangePassphraseDialog.ask(self)
        if answer is None:
            return
        try:
            left = self.journal.change_passphrase(*answer)
        except ReflectError as exc:
            QMessageBox.warning(self, APP_NAME, exc.message)
            return
        message = "Passphrase changed. Your journal and its backups now open only with the new one."
        if left:
            message += (f"\n\n{len(left)} older backup(s) could not be changed and still open with "
                        "the old passphrase.")
        QMessageBox.information(self, APP_NAME, message)

    def take_journal_away(self) -> None:
        self.flush()
        from reflect.ui.take_away_dialog import TakeAwayDialog

        TakeAwayDialog.ask(self.journal, self.settings.practitioner_name, self)

    def _toggle_spelling(self, enabled: bool) -> None:
        self.settings.spelling = enabled
        if self._spelling is not None:
            self._spelling.set_enabled(enabled)
        self._save_settings()

    def import_briefing(self) -> None:
        self.flush()
        from reflect.ui.import_dialog import ImportBriefingDialog

        briefing_id = ImportBriefingDialog.ask(self.journal.briefings, self)
        if briefing_id is not None:
            self.show_page(REFLECT)
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
        self.flush()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.clipboard_guard.clear_if_ours()
        self.locked = True
        self.root.setCurrentWidget(self.lock_screen)
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
        self.root.setCurrentWidget(self.pages)
        for action in self._journal_actions:
            action.setEnabled(True)
        self.toolbar.show()
        self.menuBar().show()
        self.setWindowTitle(APP_NAME)
        self.idle_lock.set_minutes(self.settings.idle_lock_minutes)
        self.locked_changed.emit(False)

    # -- window state ----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))

    def _restore_splitter(self) -> None:
        if self.settings.splitter_state:
            self._workspace.view.restoreState(QByteArray.fromBase64(self.settings.splitter_state.encode()))
        else:
            width = self.width()
            self._workspace.view.setSizes([int(width * 0.52), int(width * 0.48)])

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if (event.type() == QEvent.Type.WindowStateChange and self.isMinimized()
                and self.settings.lock_on_minimise and not self.locked):
            self.lock()

    def retire(self) -> None:
        """Stop using the journal: the window is about to be replaced (after a restore)."""
        self.flush()
        self.export_flow.close()
        if self._workspace is not None:
            self._workspace.close()
        self.idle_lock.stop()
        self._retired = True

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._retired:
            super().closeEvent(event)
            return
        self.flush()
        self.export_flow.close()
        self.clipboard_guard.clear_if_ours()
        self.idle_lock.stop()
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        if self._workspace is not None:
            self._workspace.close()
            self.settings.splitter_state = bytes(self._workspace.view.saveState().toBase64()).decode()
        self._save_settings()
        super().closeEvent(event)

