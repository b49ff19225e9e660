"""The Reflect page: the briefing (or your reflections, or search) beside the entry editor.

Composition and wiring only; each part has its own controller.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
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
    """The side pane (briefing, reflections, search) beside the reflection being written.

    On a small screen the side pane can be put away, dragging the divider to the edge or with
    View → Side pane, to give the reflection the whole width. Put away, it is hidden rather than
    squeezed to nothing, so Tab never lands on a control that cannot be seen; the window can then
    be as narrow as the reflection allows.

    Tab follows the screen as it reads: the side pane from top to bottom (its tabs, then the
    briefing with its questions' buttons and links, or the list of reflections, or search), then
    the reflection from its title down. The panes keep their places in the chain when their
    contents are rebuilt (`BriefingView.show_briefing`, `EntryEditorView.chain_focus`).
    """

    side_pane_changed = Signal(bool)  # shown

    def __init__(self, briefing_page: QWidget, entry_list: QWidget, search: QWidget,
                 editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Briefing, reflections and search")
        self.tabs.addTab(briefing_page, "&Briefing")
        self.tabs.addTab(entry_list, "&Reflections")
        self.tabs.addTab(search, "Search")
        self.addWidget(self.tabs)
        self.addWidget(editor)
        self.setStretchFactor(0, 5)
        self.setStretchFactor(1, 4)
        self.setCollapsible(0, True)
        self.setCollapsible(1, False)
        self.splitterMoved.connect(lambda _pos, _index: self._put_away_if_collapsed())
        chain_tab_order([self.tabs.tabBar(), *tab_stops(briefing_page), *tab_stops(entry_list),
                         *tab_stops(search), *tab_stops(editor)])

    def side_pane_shown(self) -> bool:
        return not self.tabs.isHidden()

    def show_side_pane(self, shown: bool) -> None:
        if shown == self.side_pane_shown():
            return
        moving = not shown and self.tabs.isAncestorOf(self.focusWidget() or self)
        self.tabs.setVisible(shown)
        if moving:
            self.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
        if shown:
            total = sum(self.sizes())
            side = max(self.tabs.minimumSizeHint().width(), int(total * 0.45))
            self.setSizes([side, max(0, total - side)])
        self.side_pane_changed.emit(shown)

    def focus_target(self) -> QWidget:
        """Where the focus goes when the page is shown: the side pane's tabs or, with the pane put
        away, the reflection's first control that can take it (the page itself if none can, as
        before a reflection is open). Never the whole page while a control could have it."""
        if self.side_pane_shown():
            return self.tabs.tabBar()
        stops = [w for w in tab_stops(self.widget(1)) if w.isVisible() and w.isEnabled()]
        return stops[0] if stops else self

    def show_tab(self, index: int) -> None:
        """Show one of the side pane's tabs, bringing the side pane back if it was put away."""
        self.show_side_pane(True)
        self.tabs.setCurrentIndex(index)

    def restore(self, state: QByteArray) -> None:
        self.restoreState(state)
        self._put_away_if_collapsed()

    def _put_away_if_collapsed(self) -> None:
        if self.side_pane_shown() and self.sizes()[0] == 0:
            self.show_side_pane(False)


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
        self.search.entry_chosen.connect(self._open_found)
        self.search.briefing_chosen.connect(self._show_briefing)

    def start(self) -> None:
        """Show the last briefing read (the entry list read its entries when it was built)."""
        self.reader.reload(self.settings.last_briefing_id or None)

    # -- actions the window offers ------------------------------------------------------
    def new_reflection(self) -> None:
        self.editor.new_entry(self.reader.current_id, None)

    def open_entry(self, entry_id: int) -> None:
        self.editor.open_entry(entry_id)

    def _open_found(self, entry_id: int, where: str, terms) -> None:
        """A search result: the reflection opens with the words found marked, at the first one."""
        self.editor.open_entry(entry_id)
        self.editor.mark_matches(where, terms)

    def focus_search(self) -> None:
        self.view.show_tab(SEARCH_TAB)
        self.search.focus_search()

    def focus_target(self) -> QWidget:
        """Where the focus goes when the page is shown: the side pane's tabs or, with the pane put
        away, the reflection's first control that can take it (the page itself if none can, as
        before a reflection is open). Never the whole page while a control could have it."""
        if self.side_pane_shown():
            return self.tabs.tabBar()
        stops = [w for w in tab_stops(self.widget(1)) if w.isVisible() and w.isEnabled()]
        return stops[0] if stops else self

    def show_tab(self, index: int) -> None:
        self.view.show_tab(index)
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
        self.view.show_tab(BRIEFING_TAB)

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
        self.view.show_tab(REFLECTIONS_TAB)

    def _show_briefing(self, briefing_id: int, _heading: str) -> None:
        self.reader.show(briefing_id)
        index = self.briefing_page.picker.findData(briefing_id)
        if index >= 0:
            self.briefing_page.picker.setCurrentIndex(index)
        self.view.show_tab(BRIEFING_TAB)

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
        self.view.show_tab(REFLECTIONS_TAB)
