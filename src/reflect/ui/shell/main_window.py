"""The main window: a small shell that composes pages, menus, the toolbar and the status bar.

It receives narrow dependencies (the journal, the settings, a save callback) and owns no
behaviour beyond composition and the window-level actions (switch page, lock, quit, help, import
a briefing onto the Reflect page, apply changed settings to the parts built). Looking after the
journal as a whole (settings, backups, passphrase, take-away) is the `JournalCare` controller's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from reflect import APP_NAME
from reflect.domain.display_name import display_name
from reflect.domain.wording import plural
from reflect.settings import Settings
from reflect.store import DashboardQueries, Journal
from reflect.ui.care.journal_care import JournalCare
from reflect.ui.common import focus_aids
from reflect.ui.common.screen_fit import size_new_window
from reflect.ui.dashboard.dashboard_page import DashboardPage
from reflect.ui.shell.clipboard_guard import ClipboardGuard
from reflect.ui.shell.idle_lock import IdleLock
from reflect.ui.shell.idle_steps import IdleSteps
from reflect.ui.shell.window_menus import ACTIONS, DASHBOARD, PAGE_NAMES, REFLECT, SESSIONS, WindowMenus
from reflect.ui.shell.window_pages import WindowPages

if TYPE_CHECKING:
    from reflect.ui.shell.lock_screen import LockScreen


class MainWindow(WindowMenus, WindowPages, QMainWindow):
    first_painted = Signal()
    locked_changed = Signal(bool)

    def __init__(self, journal: Journal, settings: Settings, save_settings, *,
                 first_screen: tuple[object, object] | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.settings = settings
        self._save_settings = save_settings
        self._painted = False
        self._retired = False
        self.locked = False
        self.setWindowTitle(APP_NAME)
        size_new_window(self)  # a place remembered for this screen replaces it (WindowPlaces)

        # `first_screen`: the dashboard's (data, read mark), read while the journal was unlocked
        self.dashboard = DashboardPage(DashboardQueries(journal.db), read_mark=self._data_mark,
                                       preloaded=first_screen)
        # Start-up builds only the dashboard, so the first paint waits for nothing else. The other
        # pages (and the spelling service) are built once the window is painted and idle
        # (`prepare_pages_when_idle`), or when first needed if that is sooner.
        self._spelling = None
        self._reflect_page = None
        self._sessions_page = None
        self._actions_page = None
        self._read_marks: dict[int, object] = {}  # page -> the journal's change mark it was read at
        self.pages = QStackedWidget()
        for page in (self.dashboard, QWidget(), QWidget(), QWidget()):
            self.pages.addWidget(page)
        self._lock_screen = None  # built when the window first locks
        self.root = QStackedWidget()
        self.root.addWidget(self.pages)
        self.setCentralWidget(self.root)

        self._export_flow = None  # built on first use: it brings the anonymisation check and PDF code
        self.care = JournalCare(journal, settings, save_settings, flush=self.flush,
                                show_status=self.statusBar().showMessage, parent=self)
        self.care.settings_changed.connect(self._apply_settings)
        self._journal_actions: list[QAction] = []
        self._build_actions()
        self._connect_pages()
        self.statusBar().showMessage("Everything stays on this computer, encrypted.")
        self.show_page(DASHBOARD)
        app = QApplication.instance()
        focus_aids.install(app)
        self.idle_lock = IdleLock(app, self.lock, settings.idle_lock_minutes, self)
        self.clipboard_guard = ClipboardGuard(parent=self)
        self.idle_steps = IdleSteps(self._page_steps(), paused=lambda: self.locked or self._retired,
                                    parent=self)

    # -- parts built on first use ---------------------------------------------------------
    @property
    def export_flow(self):
        if self._export_flow is None:
            from reflect.domain.entry_filter import EntryFilter
            from reflect.ui.export.export_flow import ExportFlow

            flow = ExportFlow(
                self.journal, self.settings, self.flush,
                current_entry_id=self._current_entry_id,
                current_session_id=lambda: (self.sessions_page.session_id
                                            if self.current_page() == SESSIONS else None),
                current_filter=lambda: (self.reflect_page.entry_list.entry_filter
                                        if self._reflect_page is not None else EntryFilter()),
                parent=self, save_settings=self._save_settings)
            flow.journal_changed.connect(self._journal_changed_by_export)
            flow.exported.connect(
                lambda r: self.statusBar().showMessage(f"Exported “{display_name(r.path.name)}”.", 8000))
            self._export_flow = flow
        return self._export_flow

    @property
    def spelling(self):
        if self._spelling is None:
            from reflect.services.hints import hint_check, hint_replacement
            from reflect.ui.spelling import SpellingService
            from reflect.ui.spelling.context_menu import HintActions

            self._spelling = SpellingService(
                self.journal.dictionary.words(), self.journal.dictionary.add,
                enabled=self.settings.spelling, oxford=self.settings.oxford_spelling, parent=self,
                hint_actions=HintActions(hint_replacement, self._accept_finding),
                hint_check=lambda: None if self._retired or self.locked else hint_check(
                    self.journal, self.settings.practitioner_name))
            self._spelling.load_failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
            self._spelling.identifier_replaced.connect(self._identifier_replaced)
        return self._spelling

    def _accept_finding(self, kind: str, text: str) -> None:
        self.journal.privacy.accept(kind, text)
        self.spelling.recheck_hints()

    def _identifier_replaced(self, edit, found: str, removed: str, new: str) -> None:
        """A hint's replacement in a reflection also leaves the reflection's earlier versions."""
        from reflect.services.hints import replaced_from_hint

        editor = self._reflect_page.editor if self._reflect_page is not None else None
        entry_id = editor.entry_with_edit(edit) if editor is not None else None
        if entry_id is None or not editor.flush():
            return
        result = replaced_from_hint(self.journal, entry_id, found, removed, new)
        if result is not None and result.versions_changed:
            self.statusBar().showMessage(
                f"Replaced, here and in {plural(result.versions_changed, 'earlier version')} of this "
                f"reflection. {result.backups_note}", 15000)

    def _attach_spelling(self, edit) -> None:
        self.spelling.attach(edit)

    # -- pages -----------------------------------------------------------------------------
    def _show_entry_sessions(self) -> None:
        if self._reflect_page is not None:
            self._reflect_page.supervision.show_sessions()

    def _sessions_changed_elsewhere(self) -> None:
        if self._sessions_page is not None:
            self._sessions_page.refresh()

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def flush(self) -> bool:
        """Save pending edits on every page (before switching, locking, exporting, quitting)."""
        saved = [self._reflect_page.flush()] if self._reflect_page is not None else []
        if self._sessions_page is not None:
            saved.append(self._sessions_page.flush())
        return all(saved)

    def show_page(self, index: int) -> None:
        if index != self.pages.currentIndex():
            self.flush()
        if index == REFLECT:  # (the dashboard re-reads itself whenever it is shown)
            self.reflect_page  # noqa: B018 (built and installed on first use)
        elif index in (SESSIONS, ACTIONS):
            self._read_if_stale(index)
        self.pages.setCurrentIndex(index)
        self.page_actions[index].setChecked(True)
        page = self.pages.currentWidget()
        target = page.focus_target() if hasattr(page, "focus_target") else page  # the Reflect page's
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _connect_pages(self) -> None:
        dash = self.dashboard
        dash.open_session.connect(
            lambda sid: (self.show_page(SESSIONS), self.sessions_page.show_session(sid)))
        dash.plan_session.connect(lambda: (self.show_page(SESSIONS), self.sessions_page.new_session()))
        dash.open_actions.connect(lambda: self.show_page(ACTIONS))
        dash.open_action.connect(lambda aid: (self.show_page(ACTIONS), self.actions_page.select_action(aid)))
        dash.open_briefing.connect(
            lambda bid: (self.show_page(REFLECT), self.reflect_page.show_briefing(bid)))
        dash.open_entries.connect(lambda f: (self.show_page(REFLECT), self.reflect_page.show_entries(f)))

    def _current_entry_id(self) -> int | None:
        if self._reflect_page is None:
            return None
        return self._reflect_page.editor.entry_id or self._reflect_page.entry_list.current_entry_id()

    def copy_cpd_record(self) -> None:
        copied = self.export_flow.copy_cpd_record()  # the open or selected reflection
        if copied.text is not None:
            self.clipboard_guard.mark_ours(copied.text)
        self.statusBar().showMessage(copied.message, 8000)

    def _journal_changed_by_export(self, entry_ids) -> None:
        """The export review edited text in place: show it, so autosave cannot write the old text back."""
        if self._reflect_page is not None:
            if self._reflect_page.editor.entry_id in entry_ids:
                self._reflect_page.editor.reload()
            for entry_id in entry_ids:
                self._reflect_page.entry_list.entry_changed(entry_id)
        if self._sessions_page is not None:
            self._sessions_page.refresh()

    def import_briefing(self) -> None:
        self.flush()
        from reflect.ui.briefings.import_briefing_dialog import ImportBriefingDialog

        briefing_id = ImportBriefingDialog.ask(
            self.journal.briefings, self, before_save=lambda: self.journal.backup_if_changed("before-import"))
        if briefing_id is not None:
            self.show_page(REFLECT)
            self.reflect_page.briefing_imported(briefing_id)
            self.statusBar().showMessage("Briefing imported.", 5000)

    def import_reply(self, path=None) -> None:
        """Import the supervisor's reply (choosing the file unless `path`), then show its session."""
        self.flush()
        from reflect.ui.replies.reply_import_dialog import ReplyImportDialog

        imported = ReplyImportDialog.ask(
            self.journal, self.settings.practitioner_name, self, path=path,
            before_save=lambda: self.journal.backup_if_changed("before-reply"))
        if imported is None:
            return
        self.show_page(SESSIONS)
        self.sessions_page.show_session(imported.reply.session_id)
        self._show_entry_sessions()
        self.statusBar().showMessage("The supervisor's reply is saved to the session.", 8000)

    def show_side_pane(self, shown: bool) -> None:
        self.show_page(REFLECT)
        self.reflect_page.view.show_side_pane(shown)

    def _side_pane_changed(self, shown: bool) -> None:
        self.side_pane_action.setChecked(shown)
        if not shown:
            self.statusBar().showMessage("The side pane is put away: View → Side pane brings it back.", 8000)

    def show_help(self) -> None:
        from reflect.ui.shell.help_dialog import HelpDialog

        HelpDialog.ask(self)

    # -- settings --------------------------------------------------------------------------
    def _apply_settings(self) -> None:
        """Settings → the parts already built (journal care has updated the journal itself)."""
        self._set_spelling(self.settings.spelling)
        self.spelling_action.setChecked(self.settings.spelling)
        self.idle_lock.set_minutes(self.settings.idle_lock_minutes)
        if self._reflect_page is not None:
            self._reflect_page.show_anonymise_reminder(self.settings.show_anonymise_reminder)

    def _set_spelling(self, enabled: bool) -> None:
        if self._spelling is not None:
            self._spelling.set_enabled(enabled)
            self._spelling.set_oxford(self.settings.oxford_spelling)

    def _toggle_spelling(self, enabled: bool) -> None:
        self.settings.spelling = enabled
        self._set_spelling(enabled)
        self._save_settings()

    def new_reflection(self) -> None:
        self.show_page(REFLECT)
        self.reflect_page.new_reflection()

    def find(self) -> None:
        self.show_page(REFLECT)
        self.reflect_page.focus_search()

    # -- lock ------------------------------------------------------------------------------
    @property
    def lock_screen(self) -> LockScreen:
        """What the window shows while locked; built the first time it is needed (most starts
        never lock), not with the window."""
        if self._lock_screen is None:
            from reflect.ui.shell.lock_screen import LockScreen

            screen = LockScreen()
            screen.unlock_requested.connect(self._try_unlock)
            self.root.addWidget(screen)
            self._lock_screen = screen
        return self._lock_screen

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
        self._show_journal(False)
        self.statusBar().clearMessage()
        self.setWindowTitle(f"{APP_NAME} — locked")
        self.lock_screen.reset()
        self.locked_changed.emit(True)

    def _show_journal(self, shown: bool) -> None:
        """The pages, menus, toolbar and journal commands, or (locked) the lock screen alone."""
        self.root.setCurrentWidget(self.pages if shown else self.lock_screen)
        for action in self._journal_actions:
            action.setEnabled(shown)
        self.toolbar.setVisible(shown)
        self.menuBar().setVisible(shown)

    def _try_unlock(self, passphrase: str) -> None:
        if not self.journal.check_passphrase(passphrase):
            self.lock_screen.reset("That passphrase does not open this journal. Try again.")
            return
        self.lock_screen.reset()
        self.locked = False
        self._show_journal(True)
        self.setWindowTitle(APP_NAME)
        self.idle_lock.set_minutes(self.settings.idle_lock_minutes)
        self.locked_changed.emit(False)

    # -- window state ----------------------------------------------------------------------
    def _restore_splitter(self) -> None:
        if self.settings.splitter_state:
            self._reflect_page.view.restore(QByteArray.fromBase64(self.settings.splitter_state.encode()))
        else:
            width = self.width()  # the reflection, being written, gets the larger share
            self._reflect_page.view.setSizes([int(width * 0.45), int(width * 0.55)])

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if not self._retired:
                self.idle_lock.watch_soon()
            self.first_painted.emit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if (event.type() == QEvent.Type.WindowStateChange and self.isMinimized()
                and self.settings.lock_on_minimise and not self.locked):
            self.lock()

    def retire(self) -> None:
        """Stop using the journal: the window is about to be replaced (after a restore)."""
        self.flush()
        if self._export_flow is not None:
            self._export_flow.close()
        if self._reflect_page is not None:
            self._reflect_page.close()
        self.idle_lock.stop()
        self.idle_steps.stop()
        self._retired = True

    def closeEvent(self, event) -> None:
        if self._retired:
            super().closeEvent(event)
            return
        self.flush()
        if self._export_flow is not None:
            self._export_flow.close()
        self.clipboard_guard.clear_if_ours()
        self.idle_lock.stop()
        self.idle_steps.stop()
        if self._reflect_page is not None:
            self._reflect_page.close()
            self.settings.splitter_state = bytes(self._reflect_page.view.saveState().toBase64()).decode()
        self._save_settings()
        super().closeEvent(event)



__all__ = ["ACTIONS", "DASHBOARD", "PAGE_NAMES", "REFLECT", "SESSIONS", "MainWindow"]
