"""Behaviour of the session form: loading a session, saving each field, the notes as you edit.

Nothing has a Save button. Choices (type, status, dates, "No date yet") are written the moment they
change; text (supervisor, notes, wellbeing, workload, learning needs) goes through the `Autosave`
the entry editor uses (ARCHITECTURE.md "Data flow"): a single-shot timer restarted by each
keystroke, a maximum wait so continuous typing still reaches the disk, and `flush()` on switching
session or page, locking, exporting and quitting. A failed write keeps the text on screen, says so
and retries.

The agenda, the linked reflections and the actions write through their own widgets; this
controller loads them with the session and passes their changes on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit, QTextEdit

from reflect.domain.session_rules import USUAL_GAP, default_start, session_notes, session_title
from reflect.domain.supervision import Session, SessionStatus, SessionType
from reflect.store import (
    ActionStore,
    BriefingStore,
    EntryQuery,
    SessionStore,
)
from reflect.ui.common.autosave import Autosave
from reflect.ui.sessions.agenda_editor import AgendaEditor
from reflect.ui.sessions.linked_entries import LinkedEntriesEditor
from reflect.ui.sessions.session_actions import AgreedActions, CarriedForwardActions
from reflect.ui.sessions.session_form_view import SessionFormView

#: the sign-off dates: either one set means the session was held
AGREEMENTS = ("supervisee_agreed_on", "supervisor_agreed_on")


class SessionForm(QObject):
    saved = Signal(int)  # the session's own fields were written (its title, date or status may differ)
    contents_changed = Signal(int)  # its agenda, reflections or actions changed
    open_entry = Signal(int)

    def __init__(self, sessions: SessionStore, actions: ActionStore, query: EntryQuery,
                 briefings: BriefingStore, *, decorate_text_edit: Callable[[QTextEdit], None] | None = None,
                 now: Callable[[], datetime] = datetime.now, today: Callable[[], date] = date.today,
                 reply_text: Callable[[int], str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self._reply_text = reply_text  # a session's imported reply, as the form shows it
        self._now, self._today = now, today
        self.agenda = AgendaEditor(sessions)
        self.linked = LinkedEntriesEditor(sessions, query, briefings)
        self.carried = CarriedForwardActions(actions, today=today)
        self.agreed = AgreedActions(actions, today=today)
        self.view = SessionFormView(self.agenda, self.linked, self.carried, self.agreed, today=today)
        self.session: Session | None = None
        self._loading = False
        self._autosave = Autosave(self._write, self._written, self.view.saved,
                                  what="session autosave", today=today, parent=self)

        v = self.view
        for name, widget in v.text_fields().items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _text, n=name: self._text_edited(n))
            else:
                widget.textChanged.connect(lambda n=name: self._text_edited(n))
                widget.cursorPositionChanged.connect(lambda w=widget: self._follow_cursor(w))
                if decorate_text_edit is not None:
                    decorate_text_edit(widget)
        v.when.changed.connect(self._when_changed)
        v.type.currentIndexChanged.connect(lambda _i: self._instant("type"))
        v.status.currentIndexChanged.connect(lambda _i: self._instant("status"))
        v.next_session.changed.connect(lambda: self._instant("next_session_on"))
        v.supervisee_agreed.changed.connect(lambda: self._instant("supervisee_agreed_on"))
        v.supervisor_agreed.changed.connect(lambda: self._instant("supervisor_agreed_on"))
        v.agree_button.clicked.connect(self.agree)
        for part in (self.agenda, self.linked):
            part.changed.connect(self._contents_changed)
        for part in (self.carried, self.agreed):
            part.changed.connect(lambda _action_id: self._contents_changed())
        self.linked.open_entry.connect(self.open_entry)
        self.load(None)

    @property
    def session_id(self) -> int | None:
        return self.session.id if self.session else None

    # -- loading ---------------------------------------------------------------------------
    def load(self, session_id: int | None) -> None:
        """Show a session (or the empty state). Call `flush()` first: pending edits are dropped."""
        self._autosave.clear()
        self.session = self.sessions.get_session(session_id) if session_id is not None else None
        if self.session is None:
            for part in (self.agenda, self.linked, self.agreed):
                part.set_session(None)
            self.carried.set_session(None, {})
            self.view.show_empty()
            return
        self._fill(self.session)
        self.view.show_form()

    def reload(self) -> None:
        """Show the stored state again (changed elsewhere), keeping what is unchanged on screen."""
        if self.session is not None:
            self.load(self.session.id)

    def _fill(self, session: Session) -> None:
        v = self.view
        self._loading = True
        try:
            v.title.setText(session_title(session))
            v.when.set_value(session.starts_at, default_start(self._now()))
            for name, widget in v.text_fields().items():
                value = getattr(session, name)
                current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
                if current != value:  # keeps the cursor where it is when nothing changed
                    (widget.setText if isinstance(widget, QLineEdit) else widget.setPlainText)(value)
            v.type.setCurrentIndex(max(0, v.type.findData(session.type.value)))
            v.status.setCurrentIndex(max(0, v.status.findData(session.status.value)))
            today = self._today()
            v.next_session.set_value(session.next_session_on,
                                     (session.starts_at.date() if session.starts_at else today)
                                     + USUAL_GAP)
            v.supervisee_agreed.set_value(session.supervisee_agreed_on, today)
            v.supervisor_agreed.set_value(session.supervisor_agreed_on, today)
            self._autosave.show_saved(session.updated_at)
            reply = self._reply_text(session.id) if self._reply_text is not None else ""
            v.set_reply(reply)
            if reply:
                v.set_agreement(session.supervisee_agreed_on)
        finally:
            self._loading = False
        all_sessions = self.sessions.list_sessions()
        self.agenda.set_session(session.id)
        self.linked.set_session(session.id)
        self.carried.set_session(session.id, {s.id: s for s in all_sessions})
        self.agreed.set_session(session.id)
        v.set_notes(session_notes(session.id, session.starts_at, all_sessions))

    # -- saving ----------------------------------------------------------------------------
    def flush(self) -> bool:
        """Write every pending change now. False if something could not be saved (kept, retried)."""
        return self._autosave.flush()

    def _write(self, pending: frozenset[str]) -> dict[str, object]:
        """All pending fields in one update; `load()` clears them, so a session is open here."""
        session_id = self.session.id
        values = {name: self._read(name) for name in sorted(pending)}
        self.sessions.update_session(session_id, **values)
        self.session = self.sessions.get_session(session_id)
        self._autosave.done(*values)
        return values

    def _written(self, values: dict[str, object]) -> None:
        session_id = self.session.id
        self.view.title.setText(session_title(self.session))
        self._autosave.show_saved(self.session.updated_at)
        if "supervisee_agreed_on" in values and self.view.reply.text():
            self.view.set_agreement(self.session.supervisee_agreed_on)
        if "starts_at" in values:
            self.carried.set_session(session_id, {s.id: s for s in self.sessions.list_sessions()})
        self.saved.emit(session_id)

    def _read(self, name: str):
        v = self.view
        if name in v.text_fields():
            widget = v.text_fields()[name]
            return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        return {
            "starts_at": v.when.value,
            "type": lambda: SessionType(v.type.currentData()),
            "status": lambda: SessionStatus(v.status.currentData()),
            "next_session_on": v.next_session.value,
            "supervisee_agreed_on": v.supervisee_agreed.value,
            "supervisor_agreed_on": v.supervisor_agreed.value,
        }[name]()

    def agree(self) -> None:
        """The supervisee agrees the record (one click after importing the reply): today's date."""
        if self.session is None:
            return
        today = self._today()
        self.view.supervisee_agreed.set_value(today, today)
        self._mark_held()
        self._autosave.save_now("supervisee_agreed_on")  # `_written` swaps the button for the day

    def _text_edited(self, name: str) -> None:
        if self._loading or self.session is None:
            return
        self._autosave.edited(name)

    def _instant(self, name: str) -> None:
        if self._loading or self.session is None:
            return
        if name in AGREEMENTS and self._read(name) is not None:
            self._mark_held()
        self._autosave.save_now(name)

    def _mark_held(self) -> None:
        """A record agreed by either side is of a session that took place: planned becomes held."""
        status = self.view.status
        if SessionStatus(status.currentData()) is not SessionStatus.PLANNED:
            return
        self._loading = True  # written with the agreement, in the same save
        try:
            status.setCurrentIndex(status.findData(SessionStatus.HELD.value))
        finally:
            self._loading = False
        self._autosave.edited("status")

    def _when_changed(self) -> None:
        if self._loading or self.session is None:
            return
        # The notes follow the field as it is edited, before (and whether or not) it is saved.
        self.view.set_notes(session_notes(self.session.id, self.view.when.value(),
                                          self.sessions.list_sessions()))
        self._instant("starts_at")

    def _contents_changed(self) -> None:
        if self.session is not None:
            self.contents_changed.emit(self.session.id)

    def _follow_cursor(self, edit: QTextEdit) -> None:
        """Fields grow instead of scrolling, so the form's scroll area follows the cursor."""
        if not edit.hasFocus():
            return
        point = edit.viewport().mapTo(self.view.body, edit.cursorRect().center())
        self.view.scroll.ensureVisible(point.x(), point.y(), 0, edit.fontMetrics().lineSpacing() * 2)

    def focus_first(self) -> None:
        when = self.view.when
        (when.edit if when.edit.isEnabled() else when.none).setFocus()
