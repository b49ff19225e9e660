"""The entry list panel: the filter bar and list, kept in step with the journal.

A widget the main window drops into a side pane. It owns its view (`EntryListView`, layout only)
and model, and holds the behaviour: the filter widgets are the one source of the current filter,
typing is debounced so each keystroke does not run a query, and `entry_changed` keeps rows current
as the editor autosaves without resetting the selection or the scroll position.

Dependencies are narrow: the entry queries and the briefing store (for briefing and question
names). Nothing here logs journal text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

try:  # Qt 6.8 and later
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older PySide6 still allowed by pyproject
    QAccessibleAnnouncementEvent = None

from reflect.domain.entry_filter import EntryFilter, EntrySort
from reflect.domain.journal import EntryStatus
from reflect.domain.templates import model_by_key
from reflect.domain.wording import noun
from reflect.store import BriefingStore, EntryQuery
from reflect.ui.reflections.entry_list_model import EntryListModel
from reflect.ui.reflections.entry_list_view import EntryListView

TEXT_DEBOUNCE_MS = 200
# "All briefings", "Any session"…: combos never carry None as item data (see `_select_data`).
ANY = 0
_QUESTION_CHARS = 90  # of a question shown in the picker; the tooltip has it all


def count_label(shown: int, total: int, filtered: bool) -> str:
    word = noun(total, "reflection")
    if total == 0:
        return "No reflections yet"
    if not filtered:
        return f"{total:,} {word}"
    if shown == 0:
        return f"None of {total:,} {word} match"
    return f"{shown:,} of {total:,} {word}"


class EntryListPanel(QWidget):
    #: the user opened an entry (Enter, Return or double-click on its row)
    entry_activated = Signal(int)
    #: the filter or sort changed (e.g. for a portfolio export of what is shown)
    filter_changed = Signal(object)

    def __init__(self, db_query: EntryQuery, briefings: BriefingStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = db_query
        self.briefings = briefings
        self.view = EntryListView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.model = EntryListModel(db_query, self)
        self.view.list.setModel(self.model)
        # Dates have no widgets (they come from `set_filter`, e.g. a portfolio range) but are kept.
        self._dates: tuple = (None, None)
        # Parts of a filter set from elsewhere (dashboard, portfolio) that have no widget here.
        self._models: frozenset[str] = frozenset()
        self._questions_for: int | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TEXT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply)
        self._connect()
        self._load_choices()
        self._apply(force=True)

    # -- public API -----------------------------------------------------------------------------
    @property
    def entry_filter(self) -> EntryFilter:
        return self.model.entry_filter

    @property
    def sort(self) -> EntrySort:
        return self.model.sort

    def refresh(self) -> None:
        """Re-read briefings, sessions and the matching entries; keep filters and selection."""
        self._load_choices()
        self._apply(force=True)

    def entry_changed(self, entry_id: int) -> None:
        """An entry was saved, created or deleted elsewhere: update its row in place."""
        self.model.entry_changed(entry_id)
        self._show_count()

    def set_filter(self, entry_filter: EntryFilter) -> None:
        """Show exactly `entry_filter` (e.g. one question's reflections), updating the widgets."""
        self._debounce.stop()
        self._load_choices()
        v = self.view
        briefing_id = entry_filter.briefing_id
        if briefing_id is None and entry_filter.question_id is not None:
            briefing_id = self._briefing_of_question(entry_filter.question_id)
        with _Quiet(v.briefing, v.question, v.status, v.session, v.text, v.tags):
            _select_data(v.briefing, briefing_id)
            self._load_questions()
            _select_data(v.question, entry_filter.question_id)
            _select_data(v.status, EntryStatus(entry_filter.status).value
                         if entry_filter.status is not None else "")
            if entry_filter.session_id is not None and v.session.findData(entry_filter.session_id) < 0:
                v.session.addItem("Chosen session", entry_filter.session_id)
            _select_data(v.session, entry_filter.session_id)
            v.text.setText(entry_filter.text)
            v.tags.set_selected(entry_filter.tags)
        self._dates = (entry_filter.created_from, entry_filter.created_to)
        self._models = entry_filter.models
        self._apply(force=True)

    def select_entry(self, entry_id: int) -> bool:
        """Select and scroll to an entry's row; False if the filters hide it."""
        row = self.model.row_of(entry_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.list.setCurrentIndex(index)
        self.view.list.scrollTo(index)
        return True

    def current_entry_id(self) -> int | None:
        index = self.view.list.currentIndex()
        return self.model.entry_id(index.row()) if index.isValid() else None

    def clear_filters(self) -> None:
        self.set_filter(EntryFilter())

    def focus_filter_box(self) -> None:
        """Put the cursor in the words filter (for a Ctrl+F-style shortcut in the main window)."""
        self.view.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.text.selectAll()

    # -- wiring ---------------------------------------------------------------------------------
    def _connect(self) -> None:
        v = self.view
        v.text.textChanged.connect(lambda _text: self._debounce.start())
        v.text.returnPressed.connect(self._apply)
        v.text.installEventFilter(self)
        v.briefing.currentIndexChanged.connect(self._briefing_picked)
        for combo in (v.question, v.status, v.session, v.sort):
            combo.currentIndexChanged.connect(lambda _index: self._apply())
        v.tags.counts_provider = self.query.tag_counts
        v.tags.tags_changed.connect(lambda _tags: self._apply())
        v.clear.clicked.connect(self.clear_filters)
        v.list.activated.connect(self._activated)

    def eventFilter(self, watched, event) -> bool:
        # Down from the filter box goes to the list: type, then arrow into the results.
        if (watched is self.view.text and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0):
            if self._debounce.isActive():
                self._debounce.stop()
                self._apply()
            if not self.view.list.currentIndex().isValid():
                self.view.list.setCurrentIndex(self.model.index(0, 0))
            self.view.list.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        entry_id = self.model.entry_id(index.row())
        if entry_id is not None:
            self.entry_activated.emit(entry_id)

    def _briefing_picked(self, _index: int) -> None:
        with _Quiet(self.view.question):
            self._load_questions()
        self._apply()

    # -- the filter -----------------------------------------------------------------------------
    def _widget_filter(self) -> EntryFilter:
        v = self.view
        status = v.status.currentData()
        return EntryFilter(
            briefing_id=v.briefing.currentData() or None,
            question_id=(v.question.currentData() or None) if v.question.isEnabled() else None,
            tags=v.tags.selected(),
            status=EntryStatus(status) if status else None,
            session_id=v.session.currentData() or None,
            text=v.text.text().strip(),
            created_from=self._dates[0],
            created_to=self._dates[1],
            models=self._models,
        )

    def _apply(self, force: bool = False) -> None:
        self._debounce.stop()
        entry_filter = self._widget_filter()
        sort = EntrySort(self.view.sort.currentData())
        if not force and entry_filter == self.model.entry_filter and sort == self.model.sort:
            return
        keep = self.current_entry_id()
        self.model.refresh(entry_filter, sort)
        if keep is not None:
            self.select_entry(keep)
        active = _active_count(entry_filter)
        self.view.set_active_filters(active)
        self.view.clear.setEnabled(active > 0)
        self.view.list.placeholder_text = (
            "No reflections match these filters.\nClear filters to see them all."
            if active else "No reflections yet.\nReflect on a briefing question to start."
        )
        self._show_count(announce=not force)
        self.filter_changed.emit(entry_filter)

    def _show_count(self, announce: bool = False) -> None:
        total = self.query.count(EntryFilter())
        text = count_label(self.model.rowCount(), total, not self.model.entry_filter.is_empty)
        start, end = self._dates
        if start or end:
            span = " – ".join(f"{d.day} {d:%b %Y}" if d else "…" for d in (start, end))
            text += f" (created {span})"
        if self._models:
            names = ", ".join(sorted(model_by_key(key).name for key in self._models))
            text += f" · {names} only"
        self.view.count.setText(text)
        if announce and QAccessibleAnnouncementEvent is not None and QAccessible.isActive():
            # Screen-reader users hear the result of a filter without leaving the filter box.
            event = QAccessibleAnnouncementEvent(self.view.count, text)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
            QAccessible.updateAccessibility(event)

    # -- choices ----------------------------------------------------------------------------------
    def _load_choices(self) -> None:
        v = self.view
        with _Quiet(v.briefing, v.session, v.question):
            keep = _current(v.briefing)
            v.briefing.clear()
            v.briefing.addItem("All briefings", ANY)
            for summary in self.briefings.list():
                v.briefing.addItem(summary.display_name, summary.id)
                v.briefing.setItemData(v.briefing.count() - 1, summary.title,
                                       Qt.ItemDataRole.ToolTipRole)
            _select_data(v.briefing, keep)
            keep = _current(v.session)
            v.session.clear()
            v.session.addItem("Any session", ANY)
            for session_id, label in self.query.sessions_with_entries():
                v.session.addItem(label, session_id)
            _select_data(v.session, keep)
            self._questions_for = -1  # briefings may have changed: reload the questions
            self._load_questions()

    def _load_questions(self) -> None:
        """Fill the question picker for the chosen briefing (disabled until one is chosen)."""
        combo = self.view.question
        briefing_id = self.view.briefing.currentData()
        if briefing_id == self._questions_for:
            return
        keep = _current(combo)
        self._questions_for = briefing_id
        combo.clear()
        combo.addItem("All questions", ANY)
        if briefing_id:
            try:
                questions = self.briefings.get(briefing_id).question_items
            except KeyError:
                questions = ()
            for number, item in enumerate(questions, start=1):
                text = " ".join(item.text.split())
                short = text if len(text) <= _QUESTION_CHARS else text[:_QUESTION_CHARS - 1] + "…"
                combo.addItem(f"{number}. {short}", item.id)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
                combo.setItemData(combo.count() - 1, f"Question {number}: {text}",
                                  Qt.ItemDataRole.AccessibleTextRole)
        _select_data(combo, keep)
        combo.setEnabled(bool(briefing_id))

    def _briefing_of_question(self, question_id: int) -> int | None:
        for summary in self.briefings.list():
            if any(q.id == question_id for q in self.briefings.get(summary.id).question_items):
                return summary.id
        return None


def _active_count(f: EntryFilter) -> int:
    """How many filters are on (each tag counts, the words count once)."""
    chosen = [f.briefing_id, f.question_id, f.status, f.session_id, f.created_from or f.created_to]
    return sum(value is not None for value in chosen) + len(f.tags) + bool(f.text) + bool(f.models)


def _current(combo: QComboBox):
    return combo.currentData() if combo.count() else ANY


def _select_data(combo: QComboBox, value) -> None:
    """Choose the item carrying `value`, or the first ("All…", "Any…") when there is none.

    No item data is ever None: PySide6 6.12 on Python 3.11 drops a reference to None each time
    None crosses a QVariant, which eventually crashes the interpreter.
    """
    index = combo.findData(value) if value is not None else 0
    combo.setCurrentIndex(index if index >= 0 else 0)


class _Quiet:
    """Blocks the signals of some widgets while the code (not the user) sets them."""

    def __init__(self, *widgets) -> None:
        self.widgets = widgets

    def __enter__(self) -> None:
        self.previous = [w.blockSignals(True) for w in self.widgets]

    def __exit__(self, *exc) -> None:
        for widget, previous in zip(self.widgets, self.previous, strict=True):
            widget.blockSignals(previous)
