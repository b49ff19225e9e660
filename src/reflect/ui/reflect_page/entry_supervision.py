"""The open reflection's part in supervision: "Take to supervision…" and turning a line into an action.

Kept apart from `entry_editor.py`, which is about writing; this controller only needs the editor's
open entry and the session and action stores.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from reflect.domain.session_rules import format_day, next_session, order_for_list
from reflect.domain.supervision import NewSession
from reflect.store import ActionStore, SessionStore
from reflect.ui.reflect_page.entry_editor import EntryEditor
from reflect.ui.reflect_page.take_to_supervision_dialog import TakeToSupervisionDialog
from reflect.ui.sessions.action_dialog import ActionDialog


class EntrySupervision(QObject):
    sessions_changed = Signal()
    actions_changed = Signal()

    def __init__(self, editor: EntryEditor, sessions: SessionStore, actions: ActionStore,
                 now=datetime.now, parent: QObject | None = None, *,
                 reply_text: Callable[[int], str] | None = None) -> None:
        super().__init__(parent)
        self._reply_text = reply_text  # the supervisor's comments on a reflection, from its replies
        self.editor = editor
        self.sessions = sessions
        self.actions = actions
        self._now = now
        editor.entry_opened.connect(lambda _id: self.show_sessions())
        editor.view.take_to_supervision.clicked.connect(self.take_to_supervision)
        editor.make_action_requested.connect(self.make_action)

    def show_sessions(self) -> None:
        entry_id = self.editor.entry_id
        linked = self.sessions.sessions_for_entry(entry_id) if entry_id else []
        days = [format_day(s.starts_at.date()) if s.starts_at else "a session to be arranged"
                for s in linked]
        self.editor.view.in_supervision.setText(
            ("In supervision: " + ", ".join(days[-2:]) + (" and more" if len(days) > 2 else ""))
            if days else "")
        comments = self._reply_text(entry_id) if entry_id and self._reply_text is not None else ""
        self.editor.view.set_supervisor_comments(comments)

    def take_to_supervision(self) -> None:
        if self.editor.entry is None:
            return
        self.editor.flush()
        entry_id = self.editor.entry_id  # None for a new reflection not yet saved
        sessions = self.sessions.list_sessions()
        upcoming, _past = order_for_list(sessions, self._now())
        already = {s.id for s in self.sessions.sessions_for_entry(entry_id)} if entry_id else set()
        choice = TakeToSupervisionDialog.ask(upcoming, already, self.editor.view,
                                             suggested=next_session(sessions, self._now()))
        if choice is None:
            return
        entry_id = self.editor.saved_entry_id()  # taking it to supervision keeps it
        if isinstance(choice, NewSession):
            choice = self.sessions.create_session(choice).id
        self.sessions.link_entry(choice, entry_id)
        self.show_sessions()
        self.sessions_changed.emit()

    def make_action(self, stage_key: str) -> None:
        entry_id = self.editor.saved_entry_id()
        widget = self.editor.stages.get(stage_key)
        if entry_id is None or widget is None:
            return
        linked = self.sessions.sessions_for_entry(entry_id)
        upcoming, past = order_for_list(self.sessions.list_sessions(), self._now())
        new = ActionDialog.ask(widget.current_line(), upcoming + past,
                               session_id=linked[-1].id if linked else None, entry_id=entry_id,
                               parent=self.editor.view)
        if new is None:
            return
        self.actions.add(new)
        self.editor.view.saved.setText("Action added — see Actions.")
        self.actions_changed.emit()
