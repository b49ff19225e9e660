"""The main window's pages: built on first use or while the window is idle, read when stale.

A mixin of `MainWindow`. Start-up builds only the dashboard, so the first paint waits for nothing
else; once the window is painted the app calls `prepare_pages_when_idle`, and the other pages are
built, read and laid out a step at a time (see `IdleSteps`), so no first visit waits for them. A
page that must show the journal's latest state (sessions, actions) is read again when shown only
if something was written since it last read, or its reading is older than the clock allows.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QWidget

from reflect.services.read_marks import read_mark
from reflect.ui.shell.window_menus import ACTIONS, REFLECT, SESSIONS


class WindowPages:
    def prepare_pages_when_idle(self) -> None:
        """Build, read and lay out the other pages a step at a time while the window is idle, so
        that no first visit waits for them (the app calls this once the window is painted)."""
        self.idle_steps.start()

    def _page_steps(self) -> list:
        def imported(module: str):
            return lambda: importlib.import_module(module)

        return [
            imported("reflect.ui.reflect_page.reflect_page"), lambda: self.reflect_page,
            lambda: self._lay_out(REFLECT),
            imported("reflect.ui.sessions.sessions_page"), lambda: self.sessions_page,
            lambda: self._lay_out(SESSIONS),
            imported("reflect.ui.actions.actions_page"), lambda: self.actions_page,
            lambda: self._read_if_stale(ACTIONS), lambda: self._lay_out(ACTIONS),
        ]

    def _lay_out(self, index: int) -> None:
        """Lay a hidden page out at the size it will be shown at and draw it once, off screen:
        its first showing then finds its styles, sizes and text layouts done."""
        page = self.pages.widget(index)
        page.setGeometry(self.pages.currentWidget().geometry())
        page.grab()


    @property
    def reflect_page(self):
        if self._reflect_page is None:
            from reflect.ui.reflect_page.reflect_page import ReflectPage

            page = ReflectPage(self.journal, self.settings, self._save_settings,
                                  self._attach_spelling, self)
            self._reflect_page = page
            self._install(REFLECT, page.view)
            page.view.side_pane_changed.connect(self._side_pane_changed)
            self._restore_splitter()
            page.supervision.sessions_changed.connect(self._sessions_changed_elsewhere)
            page.start()
        return self._reflect_page

    @property
    def sessions_page(self):
        if self._sessions_page is None:
            from reflect.ui.sessions.sessions_page import SessionsPage

            page = SessionsPage(self.journal, decorate_text_edit=self._attach_spelling)
            self._read_marks[SESSIONS] = self._data_mark()  # it read the journal as it was built
            self._install(SESSIONS, page)
            self._sessions_page = page
            page.open_entry.connect(lambda eid: (self.show_page(REFLECT), self.reflect_page.open_entry(eid)))
            page.sessions_changed.connect(self._show_entry_sessions)
            page.reply_drop.dropped.connect(self.import_reply)
        return self._sessions_page

    @property
    def actions_page(self):
        if self._actions_page is None:
            from reflect.ui.actions.actions_page import ActionsPage

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

    def _data_mark(self) -> tuple:
        return read_mark(self.journal)

    def _read_if_stale(self, index: int) -> None:
        """Build the page if needed, and re-read it unless nothing was written since it last read
        (switching back and forth then costs no reading at all)."""
        page = self.sessions_page if index == SESSIONS else self.actions_page
        if self._read_marks.get(index) != self._data_mark():
            page.refresh()
            self._read_marks[index] = self._data_mark()
