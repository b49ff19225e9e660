"""Behaviour of the entry editor: loading an entry, autosave, model switching, tags, history.

Keystroke to disk (ARCHITECTURE.md "Data flow") is the shared `Autosave`: a stage's textChanged
marks it pending; when typing pauses the title and the pending stages are written, each in a small
transaction, and `entry_saved` is emitted. `flush()` does the same at once and runs on entry
switch, lock, export and close. A failed save (disk full, read-only folder) keeps the text in the
editor, says so, and retries.

A new reflection ("Reflect on this", New reflection) is not saved until something is written or
chosen in it: until then it is a draft held here (`_draft`), not in the journal, so one opened
and left untouched is neither kept nor listed nor counted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTextEdit, QWidget

from reflect.domain.journal import AnswerDraft, Entry, EntryStatus, NewEntry, default_title
from reflect.domain.templates import MODELS, model_by_key
from reflect.domain.wording import plural
from reflect.store import BriefingStore, DatabaseError, EntryStore, RevisionStore
from reflect.ui.common.autosave import Autosave
from reflect.ui.common.dialogs import confirm
from reflect.ui.reflect_page import search_marks
from reflect.ui.reflect_page.entry_editor_view import EntryEditorView
from reflect.ui.reflect_page.stage_editor import StageEditor
from reflect.ui.reflections.tag_menus import TagMenus

log = logging.getLogger(__name__)
# The title's pending key; stage keys are identifiers, so none can take this one.
TITLE = ":title"
WHILE_WRITING = timedelta(minutes=5)
NOT_SAVED_YET = "New: saved as you write"


class ConfirmRemoveStage:
    @classmethod
    def ask(cls, label: str, parent: QWidget | None = None) -> bool:
        return confirm(
            parent, "Remove this text?",
            f"Remove the text under “{label}”? It belongs to a stage the chosen model does not "
            "have. You can bring it back from History.")


class EntryEditor(QObject):
    entry_saved = Signal(int, object, object)  # entry id, saved at (UTC datetime), initiator
    entry_opened = Signal(int)
    counts_changed = Signal(int)  # a briefing whose per-question counts may have changed
    history_requested = Signal(int)
    make_action_requested = Signal(str)  # stage key: make the line at its cursor an action

    def __init__(self, view: EntryEditorView, entries: EntryStore, revisions: RevisionStore,
                 briefings: BriefingStore, *, show_reminder: bool = True,
                 on_reminder_dismissed: Callable[[], None] | None = None,
                 decorate_text_edit: Callable[[QTextEdit], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.entries = entries
        self.revisions = revisions
        self.briefings = briefings
        self.entry: Entry | None = None
        self._draft = False  # `entry` is a new reflection not yet in the journal
        self._marked: set[str] = set()  # stages showing a search's marks
        self.stages: dict[str, StageEditor] = {}
        self._loading = False
        self._decorate = decorate_text_edit
        self._on_reminder_dismissed = on_reminder_dismissed
        self.tag_menus = TagMenus(view)

        self._autosave = Autosave(self._write, self._written, view.saved, parent=self)
        self._count_timer = QTimer(self, singleShot=True, interval=300)
        self._count_timer.timeout.connect(self._update_word_count)

        view.reminder.setVisible(show_reminder)
        view.dismiss_reminder.clicked.connect(self._dismiss_reminder)
        view.title.textEdited.connect(self._title_edited)
        view.model.activated.connect(self._model_chosen)
        view.status.activated.connect(self._status_chosen)
        view.question.activated.connect(self._question_chosen)
        view.tags.editingFinished.connect(self._save_tags)
        self.tag_menus.changed.connect(self._save_tags)
        view.history.clicked.connect(
            lambda: self.entry_id is not None and self.history_requested.emit(self.entry_id))
        view.show_empty()

    # -- opening and closing ---------------------------------------------------------------
    @property
    def entry_id(self) -> int | None:
        """The open reflection's id; None when none is open or it is a new one not yet saved."""
        return self.entry.id if self.entry and not self._draft else None

    def entry_with_edit(self, edit) -> int | None:
        """The open entry's id if `edit` is one of its writing boxes."""
        if self.entry_id is None or not any(stage.edit is edit for stage in self.stages.values()):
            return None
        return self.entry_id

    def saved_entry_id(self) -> int | None:
        """The open reflection's id, saving a new one first (it is being taken somewhere)."""
        if self.entry is None:
            return None
        self.flush()
        self._keep()
        return self.entry_id

    def open_entry(self, entry_id: int) -> None:
        if self.entry_id == entry_id:
            return
        self.close_entry()
        self._load(self.entries.get_entry(entry_id))
        self.entry_opened.emit(entry_id)

    def new_entry(self, briefing_id: int | None = None, question_id: int | None = None) -> None:
        """Open a new reflection (about a question, if given) with the cursor in it. It reaches
        the journal with the first thing typed or chosen in it (see the module docstring)."""
        self.close_entry()
        question = None
        if briefing_id and question_id:
            stored = self.briefings.get(briefing_id)
            question = next((q.text for q in stored.question_items if q.id == question_id), None)
        now = datetime.now(timezone.utc)
        self._draft = True
        self._load(Entry(id=0, title=default_title(question), model=self.view.model.currentData() or "free",
                         status=EntryStatus.DRAFT, briefing_id=briefing_id,
                         question_id=question_id if question else None, created_at=now, updated_at=now))
        self.view.saved.setText(NOT_SAVED_YET)
        if question:
            first = next(iter(self.stages.values()), None)
            (first.edit if first else self.view.title).setFocus()
        else:
            self.view.title.setFocus()

    def _keep(self) -> bool:
        """Put a new reflection into the journal (something was written or chosen in it); True if
        this call did. Its title is the one on screen; every other field is saved by its caller."""
        if not self._draft or self.entry is None:
            return False
        draft = self.entry
        self.entry = self.entries.create_entry(NewEntry(
            title=self.view.title.text(), model=draft.model, status=draft.status,
            briefing_id=draft.briefing_id, question_id=draft.question_id))
        self._draft = False
        self.entry_opened.emit(self.entry.id)
        self.entry_saved.emit(self.entry.id, self.entry.updated_at, self)
        if self.entry.briefing_id:
            self.counts_changed.emit(self.entry.briefing_id)
        return True

    def close_entry(self) -> None:
        """Save, keep a revision of what changed, and show the empty state."""
        if self.entry is None:
            return
        if self.flush():
            self._snapshot("closed")
        self.entry = None
        self._draft = False  # a new reflection left untouched is simply not kept
        self.stages = {}
        self.view.clear_stages()
        self.view.show_empty()

    def reload(self) -> None:
        """Show the stored state of the open entry again (after a restore)."""
        if self.entry_id is not None:
            entry_id = self.entry_id
            self.entry = None
            self._load(self.entries.get_entry(entry_id))

    # -- saving ----------------------------------------------------------------------------
    def flush(self) -> bool:
        """Write every pending change now. False if something could not be saved (kept, retried)."""
        return self._autosave.flush()

    def _write(self, pending: frozenset[str]) -> tuple[int | None, object]:
        """The title first, then each pending stage; each marked done as it reaches the disk."""
        if self.entry is None:  # closed after a failed save: nothing open to write to
            return None, None
        self._keep()
        entry_id = self.entry.id
        saved_at = None
        if TITLE in pending:
            saved_at = self.entries.update_entry(entry_id, title=self.view.title.text())
            self._autosave.done(TITLE)
        for key in sorted(pending - {TITLE}):
            widget = self.stages.get(key)
            if widget is not None:
                saved_at = self.entries.save_answer(AnswerDraft(entry_id, key, widget.text()))
            self._autosave.done(key)
        return entry_id, saved_at

    def _written(self, result: tuple[int | None, object]) -> None:
        entry_id, saved_at = result
        if saved_at is not None:
            self._autosave.show_saved(saved_at)
            self.entry_saved.emit(entry_id, saved_at, self)
            self._snapshot("while writing", WHILE_WRITING)

    def _snapshot(self, reason: str, min_interval: timedelta | None = None) -> None:
        if self.entry_id is None:
            return
        try:
            self.revisions.snapshot(self.entry.id, reason, min_interval=min_interval)
        except (DatabaseError, OSError) as exc:
            log.warning("revision snapshot failed (%s)", type(exc).__name__)

    def _stage_edited(self, key: str) -> None:
        if self._loading:
            return
        if key in self._marked:  # the search's marks go once the text changes
            self._marked.discard(key)
            self.stages[key].edit.setExtraSelections([])
        self._autosave.edited(key)
        self._count_timer.start()

    def _title_edited(self) -> None:
        self._autosave.edited(TITLE)

    # -- loading ---------------------------------------------------------------------------
    def _load(self, entry: Entry) -> None:
        self._loading = True
        try:
            self.entry = entry
            self._autosave.clear()
            view = self.view
            view.title.setText(entry.title)
            view.model.setCurrentIndex(max(0, view.model.findData(entry.model)))
            view.status.setCurrentIndex(max(0, view.status.findData(entry.status.value)))
            self._fill_questions(entry)
            self._build_stages(entry.model, {a.stage: a.text for a in entry.answers})
            self.tag_menus.show_for(entry, self._learning_points(entry), model_by_key(entry.model))
            self._chain_focus()
            self._autosave.show_saved(entry.updated_at)
            self._update_word_count()
            view.show_editor()
        finally:
            self._loading = False

    def _learning_points(self, entry: Entry) -> list[str]:
        if not entry.briefing_id:
            return []
        try:
            return [i.text for i in self.briefings.get(entry.briefing_id).learning_items]
        except KeyError:
            return []

    def _fill_questions(self, entry: Entry) -> None:
        combo = self.view.question
        combo.clear()
        combo.addItem("No particular question", None)
        if entry.briefing_id:
            try:
                stored = self.briefings.get(entry.briefing_id)
            except KeyError:
                stored = None
            for number, item in enumerate(stored.question_items if stored else (), 1):
                combo.addItem(f"{number}. {default_title(item.text, 90)}", item.id)
                combo.setItemData(combo.count() - 1, item.text, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(entry.question_id)) if entry.question_id else 0)

    def _build_stages(self, model_key: str, answers: dict[str, str]) -> None:
        self.view.clear_stages()
        self.stages = {}
        model = model_by_key(model_key)
        for stage in model.stages:
            widget = StageEditor(stage.key, stage.label, stage.prompt,
                                 can_make_actions=stage.can_make_actions)
            widget.make_action_requested.connect(self.make_action_requested)
            self._add_stage(widget, answers.get(stage.key, ""))
        for key, text in answers.items():
            if key not in self.stages and text.strip():
                widget = StageEditor(key, _label_for(key), "", orphan=True)
                widget.remove_requested.connect(self._remove_orphan)
                self._add_stage(widget, text)

    def _chain_focus(self) -> None:
        self.view.chain_focus(self.stages.values(), self.tag_menus.buttons())

    def _add_stage(self, widget: StageEditor, text: str) -> None:
        widget.set_text(text)
        widget.edit.textChanged.connect(lambda key=widget.key: self._stage_edited(key))
        widget.edit.cursorPositionChanged.connect(lambda edit=widget.edit: self._follow_cursor(edit))
        if self._decorate is not None:
            self._decorate(widget.edit)
        self.stages[widget.key] = widget
        self.view.insert_stage(widget)

    def _follow_cursor(self, edit: QTextEdit) -> None:
        """Fields grow instead of scrolling, so the entry's scroll area follows the cursor."""
        if not edit.hasFocus():
            return
        point = edit.viewport().mapTo(self.view.stages_host, edit.cursorRect().center())
        self.view.scroll.ensureVisible(point.x(), point.y(), 0, edit.fontMetrics().lineSpacing() * 2)

    # -- search ----------------------------------------------------------------------------
    def mark_matches(self, where: str, terms) -> None:
        """Mark the words a search found in every stage (until that stage is edited) and put the
        cursor on the first one, in the stage `where` the search matched if it has one."""
        found = search_marks.mark(
            {key: stage.edit for key, stage in self.stages.items()}, terms,
            self.view.palette().color(QPalette.ColorRole.Highlight),
            self.view.palette().color(QPalette.ColorRole.HighlightedText))
        self._marked = set(found)
        first = where if where in found else next(iter(found), None)
        if first is not None:
            search_marks.go_to_first(self.stages[first].edit)
        elif where in ("title", "tags"):
            search_marks.select_first(self.view.title if where == "title" else self.view.tags, terms)

    # -- user choices ----------------------------------------------------------------------
    def _model_chosen(self, _index: int) -> None:
        key = self.view.model.currentData()
        if self.entry is None or key == self.entry.model:
            return
        if not self.flush():
            self.view.model.setCurrentIndex(self.view.model.findData(self.entry.model))
            return
        self._keep()
        saved_at = self.entries.update_entry(self.entry.id, model=key)
        self.entry = self.entries.get_entry(self.entry.id)
        self._loading = True
        try:
            self._build_stages(key, {a.stage: a.text for a in self.entry.answers})
            self.tag_menus.show_for(self.entry, self._learning_points(self.entry), model_by_key(key))
            self._chain_focus()
        finally:
            self._loading = False
        self.entry_saved.emit(self.entry.id, saved_at, self)

    def _status_chosen(self, _index: int) -> None:
        if self.entry is None:
            return
        status = EntryStatus(self.view.status.currentData())
        self._keep()
        saved_at = self.entries.update_entry(self.entry.id, status=status)
        self.entry_saved.emit(self.entry.id, saved_at, self)

    def _question_chosen(self, _index: int) -> None:
        if self.entry is None:
            return
        self._keep()
        saved_at = self.entries.update_entry(self.entry.id, question_id=self.view.question.currentData())
        self.entry = self.entries.get_entry(self.entry.id)
        self.entry_saved.emit(self.entry.id, saved_at, self)
        if self.entry.briefing_id:
            self.counts_changed.emit(self.entry.briefing_id)

    def _save_tags(self) -> None:
        if self.entry is None or self._loading:
            return
        free = [t.strip() for t in self.view.tags.text().split(",") if t.strip()]
        wanted = free + self.tag_menus.checked()
        if sorted(map(str.casefold, wanted)) == sorted(map(str.casefold, self.entry.tags)):
            return
        self._keep()
        self.entries.set_tags(self.entry.id, wanted)
        self.entry = self.entries.get_entry(self.entry.id)
        self.entry_saved.emit(self.entry.id, self.entry.updated_at, self)

    def _remove_orphan(self, key: str) -> None:
        widget = self.stages.get(key)
        if self.entry is None or widget is None or not ConfirmRemoveStage.ask(widget.title.text(), self.view):
            return
        self.flush()
        self._snapshot("before removing a stage")
        self.entries.remove_answer(self.entry.id, key)
        self.stages.pop(key)
        widget.deleteLater()
        self._update_word_count()

    def _dismiss_reminder(self) -> None:
        self.view.reminder.hide()
        if self._on_reminder_dismissed:
            self._on_reminder_dismissed()

    def _update_word_count(self) -> None:
        words = sum(len(w.text().split()) for w in self.stages.values())
        self.view.words.setText(plural(words, "word"))


def _label_for(key: str) -> str:
    """The label a stage key has in whichever model defines it."""
    for model in MODELS:
        stage = model.stage(key)
        if stage is not None:
            return stage.label
    return key.replace("_", " ").capitalize()

