"""The main window's actions, menus and toolbar: every command with its shortcut in one place.

A mixin of `MainWindow`: it only creates actions and connects them to the window's slots and to
its journal-care controller (`self.care`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from reflect import APP_NAME
from reflect.ui.shell.about_box import AboutBox
from reflect.ui.shell.edit_actions import EditActions

DASHBOARD, REFLECT, SESSIONS, ACTIONS = range(4)
PAGE_NAMES = ("Dashboard", "Reflect", "Sessions", "Actions")


class WindowMenus:
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
        self.import_reply_action = self._action(
            "Import supervisor's &reply…", lambda: self.import_reply(),
            tip="Bring your supervisor's comments, actions and sign-off into the session")
        self.save_action = self._action("&Save now", self.flush, "Ctrl+S",
                                        tip="Reflect saves as you type; this saves at once")
        self.export_action = self._action("&Export PDF…", lambda: self.export_flow.export(), "Ctrl+E",
                                          tip="Write a checked, anonymised PDF for your supervisor")
        self.export_history_action = self._action("Export &history…", lambda: self.export_flow.show_history(),
                                                  tip="What has been exported, when and where")
        self.copy_cpd_action = self._action("Copy as &CPD record", self.copy_cpd_record,
                                            tip="Copy this reflection in Social Work England's CPD order")
        self.settings_action = self._action("Se&ttings…", self.care.open_settings, "Ctrl+,",
                                            tip="Your name on exports, the watch list, spelling")
        self.backups_action = self._action("&Backups…", self.care.open_backups,
                                           tip="See, take and restore encrypted backups")
        self.passphrase_action = self._action("Change &passphrase…", self.care.change_passphrase)
        self.open_copy_action = self._action("&Open a journal copy…", self.care.open_journal_copy,
                                             tip="Replace this journal with a copy you brought")
        self.take_away_action = self._action("&Take my journal with me…", self.care.take_journal_away,
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
        self.side_pane_action = self._action(
            "&Side pane", self.show_side_pane,
            tip="Show or hide the briefing, reflections and search beside the reflection")
        self.side_pane_action.setCheckable(True)
        self.side_pane_action.setChecked(True)
        self.help_action = self._action("Reflect &help", self.show_help, "F1", journal=False)
        self.about_action = self._action(f"&About {APP_NAME}", lambda: AboutBox.show(self), journal=False)
        self.edit_actions = EditActions(self)
        self._build_menus()
        self._build_toolbar()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.new_action, self.import_action, self.import_reply_action, self.save_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.export_action, self.export_history_action, self.copy_cpd_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addActions([self.settings_action, self.passphrase_action, self.backups_action,
                              self.take_away_action, self.open_copy_action])
        file_menu.addSeparator()
        file_menu.addActions([self.lock_action, self.quit_action])
        edit_menu = bar.addMenu("&Edit")
        edit = self.edit_actions
        edit_menu.addActions([edit.undo, edit.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([edit.cut, edit.copy, edit.paste])
        edit_menu.addSeparator()
        edit_menu.addAction(edit.select_all)
        edit_menu.aboutToShow.connect(edit.update)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.spelling_action)
        view_menu = bar.addMenu("&View")
        for action in self.page_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.side_pane_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)
        self.menus = (file_menu, edit_menu, view_menu, help_menu)

    def _build_toolbar(self) -> None:
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
