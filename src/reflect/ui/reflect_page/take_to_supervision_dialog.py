"""Take to supervision…: link the open reflection to a session, an existing one or a new one."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.session_rules import default_start, session_title
from reflect.domain.supervision import NewSession, Session
from reflect.ui.common.date_fields import DateTimeField
from reflect.ui.common.dialogs import ok_cancel_buttons, run_modal
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.common.widgets import named, wrapped_label


class TakeToSupervisionDialog(QDialog):
    def __init__(self, upcoming: list[Session], already: set[int], *, now: datetime | None = None,
                 suggested: NewSession | None = None, parent: QWidget | None = None) -> None:
        """`suggested`: the new session as the last one agreed it (`session_rules.next_session`)."""
        super().__init__(parent)
        self.setWindowTitle("Take to supervision — Reflect")
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label("Add this reflection to a supervision session. It will be listed "
                                       "there, in the order you choose, and in the session's PDF."))
        self.existing = named(QRadioButton("An &upcoming session:"), "An upcoming session")
        layout.addWidget(self.existing)
        self.sessions = named(QListWidget(), "Upcoming sessions")
        for session in upcoming:
            item = QListWidgetItem(session_title(session)
                                   + (" (already there)" if session.id in already else ""))
            item.setData(256, session.id)
            self.sessions.addItem(item)
        layout.addWidget(self.sessions)
        self.new = named(QRadioButton("A &new session on:"), "A new session on")
        layout.addWidget(self.new)
        now = now or datetime.now()
        self.suggested = suggested or NewSession(starts_at=default_start(now))
        start = self.suggested.starts_at or default_start(now)
        self.when = DateTimeField("Date and time of the new session", today=now.date)
        self.when.setDateTime(start)
        layout.addWidget(self.when)
        buttons, self.ok = ok_cancel_buttons(self, "Take to supervision")
        layout.addWidget(buttons)
        self.existing.toggled.connect(self._update)
        self.sessions.currentRowChanged.connect(lambda _r: self._update())
        self.when.changed.connect(lambda: self.new.setChecked(True))
        if upcoming:
            self.existing.setChecked(True)
            self.sessions.setCurrentRow(0)
        else:
            self.new.setChecked(True)
            self.existing.setEnabled(False)
            self.sessions.setEnabled(False)
        self._update()
        # wide enough for a session's whole title where the screen allows
        fit_to_screen(self, max(self.sizeHint().width(), self.sessions.sizeHintForColumn(0) + 60),
                      self.sizeHint().height())

    def _update(self, *_args) -> None:
        self.sessions.setEnabled(self.existing.isChecked())
        self.when.setEnabled(self.new.isChecked())
        self.ok.setEnabled(self.new.isChecked() or self.sessions.currentItem() is not None)

    def value(self) -> int | NewSession:
        if self.existing.isChecked() and self.sessions.currentItem() is not None:
            return int(self.sessions.currentItem().data(256))
        return replace(self.suggested, starts_at=self.when.dateTime())

    @classmethod
    def ask(cls, upcoming: list[Session], already: set[int], parent: QWidget | None = None,
            suggested: NewSession | None = None) -> int | NewSession | None:
        """A session id, a new session to create, or None."""
        dialog = cls(upcoming, already, suggested=suggested, parent=parent)
        return run_modal(dialog, dialog.value)
