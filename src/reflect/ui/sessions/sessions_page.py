"""The Sessions page: the list of supervision sessions beside the form of the chosen one.

Composition and the page-level actions (new, delete, switching session) only; the list is
`SessionListModel`, the form is `SessionForm`. Edits are flushed before switching session and
when the main window asks (`flush()` on page switch, lock, export and quit); if they cannot be
written the page stays on the session, so nothing typed is lost. Messages about what happened
(a session deleted, its reflections kept) appear in a bar at the top of the page, not in a dialog,
so they never interrupt.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.session_rules import next_session
from reflect.domain.wording import noun, plural
from reflect.store import EntryQuery, Journal
from reflect.ui.common.dialogs import confirm
from reflect.ui.common.widgets import chain_tab_order, named, packed
from reflect.ui.replies.reply_drop import ReplyDrop
from reflect.ui.replies.reply_text import session_reply_text
from reflect.ui.sessions.session_form import SessionForm
from reflect.ui.sessions.session_list_model import SessionListModel, SessionListView


class ConfirmDeleteSession:
    @classmethod
    def ask(cls, title: str, linked: int, actions: int, parent: QWidget | None = None) -> bool:
        kept = [f"Its {plural(linked, 'linked reflection')} stay in your journal."] if linked else []
        if actions:
            kept.append(f"The {plural(actions, 'action')} agreed in it stay on your actions list.")
        return confirm(
            parent, "Delete this session?",
            f"Delete the session “{title}”, with its agenda and notes? This cannot be undone."
            + ("\n\n" + " ".join(kept) if kept else ""))


def deleted_message(linked: int, actions: int) -> str:
    text = "Session deleted. "
    if linked:
        text += (f"The {plural(linked, 'reflection')} linked to it "
                 f"{noun(linked, 'is', 'are')} kept in your journal.")
    else:
        text += "No reflections were linked to it."
    if actions:
        text += f" The {plural(actions, 'action')} agreed in it stay on your actions list."
    return text


class MessageBar(QFrame):
    """A line of news at the top of the page, with a button to dismiss it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionsMessage")
        self.setStyleSheet("#sessionsMessage { background: palette(alternate-base); "
                           "border: 1px solid palette(mid); border-radius: 4px; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleDescription("Message")
        self.dismiss = named(QPushButton("Dismiss"), "Dismiss the message")
        row.addWidget(self.text, 1)
        row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.dismiss.clicked.connect(self.hide)
        self.hide()

    def show_message(self, text: str) -> None:
        self.text.setText(text)
        self.show()


class SessionsPage(QWidget):
    open_entry = Signal(int)
    sessions_changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None, *,
                 decorate_text_edit: Callable[[QTextEdit], None] | None = None,
                 now: Callable[[], datetime] = datetime.now,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.setAccessibleName("Supervision sessions")
        self.sessions = journal.sessions
        self.actions = journal.actions
        self._now = now
        self._syncing = False
        self.list_model = SessionListModel(journal.sessions, now=now, parent=self,
                                           replies=journal.replies.signed_off_by_session)
        self.form = SessionForm(journal.sessions, journal.actions, EntryQuery(journal.db),
                                journal.briefings, decorate_text_edit=decorate_text_edit,
                                now=now, today=today, parent=self,
                                reply_text=partial(session_reply_text, journal))

        self._lay_out(self._list_pane(), self._form_pane())
        self.setFocusProxy(self.list)
        chain_tab_order([self.list, self.new_button, self.delete_button, self.message.dismiss,
                         self.form.view.focus_chain[0]])

        self.new_button.clicked.connect(self.new_session)
        self.delete_button.clicked.connect(self.delete_session)
        self.list.selectionModel().currentRowChanged.connect(self._current_changed)
        self.form.saved.connect(self._form_saved)
        self.form.contents_changed.connect(self._form_saved)
        self.form.open_entry.connect(self.open_entry)
        self.reply_drop = ReplyDrop(self)  # a supervisor's reply dropped here is imported
        self.refresh()

    # -- public API ----------------------------------------------------------------------------
    @property
    def session_id(self) -> int | None:
        return self.form.session_id

    def _list_pane(self) -> QWidget:
        """The sessions, upcoming first, with New and Delete below them."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        caption = QLabel("Sessions")
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        self.list = named(SessionListView(), "Sessions")
        self.list.setAccessibleDescription("Upcoming sessions first, then past ones.")
        self.list.setModel(self.list_model)
        caption.setBuddy(self.list)
        self.new_button = named(QPushButton("Ne&w session"), "New session")
        self.delete_button = named(QPushButton("&Delete session…"), "Delete session")
        left_layout.addWidget(caption)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(packed(QHBoxLayout(), self.new_button, self.delete_button, None))
        return left

    def _form_pane(self) -> QWidget:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 8, 8, 0)
        self.message = MessageBar()
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.form.view, 1)
        return right

    def _lay_out(self, left: QWidget, right: QWidget) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 1000])
        left.setMinimumWidth(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def refresh(self) -> None:
        """Re-read the list and the shown session (changed elsewhere), saving edits first."""
        saved = self.form.flush()
        self.list_model.refresh()
        ids = self.list_model.session_ids()
        current = self.form.session_id
        if current in ids:
            self._select_in_list(current)
            if saved:  # otherwise reloading would replace the unsaved text on screen
                self.form.reload()
        else:
            self._show(ids[0] if ids else None)
        self._update_buttons()

    def show_session(self, session_id: int | None) -> bool:
        """Show a session (saving the one shown); False if its edits could not be saved."""
        if session_id == self.form.session_id:
            self._select_in_list(session_id)
            return True
        if session_id is not None and self.list_model.row_of(session_id) < 0:
            self.list_model.refresh()  # created elsewhere since the list was read, or deleted
            if self.list_model.row_of(session_id) < 0:
                return False
        if not self.form.flush():
            self._select_in_list(self.form.session_id)
            self.message.show_message("This session's changes could not be saved yet, so it stays "
                                      "open. Reflect keeps trying.")
            return False
        self._show(session_id)
        return True

    def new_session(self) -> int | None:
        if not self.form.flush():
            return None
        # On the date and with the supervisor agreed last time (see `next_session`).
        session = self.sessions.create_session(next_session(self.sessions.list_sessions(), self._now()))
        self.list_model.refresh()
        self._show(session.id)
        self.form.focus_first()
        self.sessions_changed.emit()
        return session.id

    def delete_session(self) -> None:
        session_id = self.form.session_id
        if session_id is None:
            return
        self.form.flush()
        title = self.form.view.title.text()
        linked = len(self.sessions.linked_entry_ids(session_id))
        agreed = len(self.actions.agreed_in(session_id))
        if not ConfirmDeleteSession.ask(title, linked, agreed, self):
            return
        ids = self.list_model.session_ids()
        position = ids.index(session_id) if session_id in ids else 0
        self.sessions.delete_session(session_id)
        self.form.load(None)
        self.list_model.refresh()
        ids = self.list_model.session_ids()
        self._show(ids[min(position, len(ids) - 1)] if ids else None)
        self.message.show_message(deleted_message(linked, agreed))
        self.list.setFocus()
        self.sessions_changed.emit()

    def flush(self) -> bool:
        return self.form.flush()

    def select_action(self, action_id: int) -> bool:
        """Show the session an action was agreed in, with the action selected."""
        try:
            action = self.actions.get(action_id)
        except KeyError:
            return False
        if action.session_id is None or not self.show_session(action.session_id):
            return False
        return self.form.agreed.select_action(action_id)

    # -- behaviour -----------------------------------------------------------------------------
    def _show(self, session_id: int | None) -> None:
        self.form.load(session_id)
        self._select_in_list(session_id)
        self._update_buttons()

    def _select_in_list(self, session_id: int | None) -> None:
        row = self.list_model.row_of(session_id) if session_id is not None else -1
        self._syncing = True  # the list follows the form here, not the other way round
        try:
            if row < 0:
                self.list.selectionModel().clear()
            else:
                index = self.list_model.index(row, 0)
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index)
        finally:
            self._syncing = False

    def _current_changed(self, current, _previous) -> None:
        if self._syncing:
            return
        session_id = self.list_model.session_id(current.row()) if current.isValid() else None
        if session_id is not None:
            self.show_session(session_id)

    def _form_saved(self, _session_id: int) -> None:
        self.list_model.refresh()
        self._select_in_list(self.form.session_id)
        self.sessions_changed.emit()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.form.session_id is not None)
