"""The Reflect page: the briefing (or your reflections, or search) beside the entry editor.

Composition and wiring only; each part has its own controller.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QTextEdit, QWidget

from reflect.domain.entry_filter import EntryFilter
from reflect.settings import Settings
from reflect.store import EntryQuery, Journal
from reflect.ui.briefings.briefing_page_view import BriefingPageView
from reflect.ui.briefings.briefing_reader import BriefingReader
from reflect.ui.common.widgets import chain_tab_order, tab_stops
from reflect.ui.reflect_page.entry_editor import EntryEditor
from reflect.ui.reflect_page.entry_editor_view import EntryEditorView
from reflect.ui.reflect_page.entry_supervision import EntrySupervision
from reflect.ui.reflect_page.history_dialog import HistoryDialog
from reflect.ui.reflections.entry_list_panel import EntryListPanel
from reflect.ui.replies.reply_text import entry_reply_text
from reflect.ui.search.search_panel import SearchPanel

BRIEFING_TAB, REFLECTIONS_TAB, SEARCH_TAB = range(3)


class ReflectPageView(QSplitter):
    """The briefing pane on the left, the reflection on the right.

    Tab follows the screen as it reads: the left pane from top to bottom (its tabs, then the
    briefing with its questions' buttons and links, or the list of reflections, or search), then
    the reflection from its title down. The panes keep their places in the chain when their
    contents are rebuilt (`BriefingView.show_briefing`, `EntryEditorView.chain_focus`).
    """

    def __init__(self, briefing_page: QWidget, entry_list: QWidget, search: QWidget,
                 editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Briefing, reflections and search")
        self.tabs.addTab(briefing_page, "&Briefing")
        self.tabs.addTab(entry_list, "&Reflections")
        self.tabs.addTab(search, "Search")
        self.addWidget(self.tabs)
        self.addWidget(editor)
        self.setStretchFactor(0, 5)
        self.setStretchFactor(1, 4)
        chain_tab_order([self.tabs.tabBar(), *tab_stops(briefing_page), *tab_stops(entry_list),
                         *tab_stops(search), *tab_stops(editor)])


class ReflectPage(QObject):
    def __init__(self, journal: Journal, settings: Settings, save_settings: Callable[[], None],
                 decorate_text_edit: Callable[[QTextEdit], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.settings = settings
        self.briefing_page = BriefingPageView()
        self.reader = BriefingReader(self.briefing_page, journal.briefings, journal.entries, self)
        self.entry_list = EntryListPanel(EntryQuery(journal.db), journal.briefings)
        self.search = SearchPanel(journal.search)
        self.editor_view = EntryEditorView()

        def reminder_dismissed() -> None:
            settings.show_anonymise_reminder = False
            save_settings()

        self.editor = EntryEditor(
            self.editor_view, journal.entries, journal.revisions, journal.briefings,
            show_reminder=settings.show_anonymise_reminder,
            on_reminder_dismissed=reminder_dismissed, decorate_text_edit=decorate_text_edit,
            parent=self)
        self.supervision = EntrySupervision(self.editor, journal.sessions, journal.actions,
                                            parent=self, reply_text=partial(entry_reply_text, journal))
        self.view = ReflectPageView(self.briefing_page, self.entry_list, self.search,
                                  self.editor_view)

        self.reader.reflect_requested.connect(self._reflect_on)
        self.briefing_page.reader.show_requested.connect(self.show_question)
        self.reader.briefing_changed.connect(self._briefing_changed)
        self.editor.entry_saved.connect(lambda entry_id, _at, _by: self.entry_list.entry_changed(entry_id))
        self.editor.counts_changed.connect(self._counts_changed)
        self.editor.history_requested.connect(self._history)
        self.entry_list.entry_activated.connect(self.open_entry)
        self.search.entry_chosen.connect(self.open_entry)
        self.search.briefing_chosen.connect(self._show_briefing)

    def start(self) -> None:
        """Show the last briefing read (the entry list read its entries when it was built)."""
        self.reader.reload(self.settings.last_briefing_id or None)

    # -- actions the window offers ------------------------------------------------------
    def new_reflection(self) -> None:
        self.editor.new_entry(self.reader.current_id, None)

    def open_entry(self, entry_id: int) -> None:
        self.editor.open_entry(entry_id)

    def focus_search(self) -> None:
        self.view.tabs.setCurrentIndex(SEARCH_TAB)
        self.search.focus_search()

    def show_tab(self, index: int) -> None:
        self.view.tabs.setCurrentIndex(index)
        widget = self.view.tabs.currentWidget()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def flush(self) -> bool:
        return self.editor.flush()

    def close(self) -> None:
        self.editor.close_entry()

    def show_anonymise_reminder(self, visible: bool) -> None:
        self.editor_view.reminder.setVisible(visible)

    def briefing_imported(self, briefing_id: int) -> None:
        self.reader.reload(briefing_id)
        self.entry_list.refresh()
        self.view.tabs.setCurrentIndex(BRIEFING_TAB)

    # -- wiring ----------------------------------------------------------------------------
    def _reflect_on(self, briefing_id: int, question_id: int) -> None:
        self.editor.new_entry(briefing_id, question_id)

    def _briefing_changed(self, briefing_id: int) -> None:
        self.settings.last_briefing_id = briefing_id

    def _counts_changed(self, briefing_id: int) -> None:
        if briefing_id == self.reader.current_id:
            self.reader.refresh_counts()

    def show_briefing(self, briefing_id: int) -> None:
        self._show_briefing(briefing_id, "")

    def show_entries(self, entry_filter: EntryFilter) -> None:
        self.entry_list.set_filter(entry_filter)
        self.view.tabs.setCurrentIndex(REFLECTIONS_TAB)

    def _show_briefing(self, briefing_id: int, _heading: str) -> None:
        self.reader.show(briefing_id)
        index = self.briefing_page.picker.findData(briefing_id)
        if index >= 0:
            self.briefing_page.picker.setCurrentIndex(index)
        self.view.tabs.setCurrentIndex(BRIEFING_TAB)

    def _history(self, entry_id: int) -> None:
        self.editor.flush()
        revision_id = HistoryDialog.ask(self.journal.revisions.list(entry_id), self.view)
        if revision_id is None:
            return
        self.journal.revisions.restore(revision_id)
        self.editor.reload()
        entry = self.journal.entries.get_entry(entry_id)
        self.entry_list.entry_changed(entry_id)
        if entry.briefing_id:
            self._counts_changed(entry.briefing_id)

    def show_question(self, question_id: int) -> None:
        """Show the reflections answering one question in the list."""
        self.entry_list.set_filter(EntryFilter(briefing_id=self.reader.current_id,
                                               question_id=question_id))
        self.view.tabs.setCurrentIndex(REFLECTIONS_TAB)
