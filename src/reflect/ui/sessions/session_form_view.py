"""Layout of the session form: every field of a supervision session on one scrolling page.

Layout only; `session_form.py` holds the behaviour. The agenda, linked reflections and actions
are self-contained widgets handed in by the controller. The page follows a session's life from
top to bottom: when and who, what to bring (agenda, reflections, actions to review), what was
said (notes), what was agreed (actions, next session, sign-off), so the Tab order is also the
order of a meeting. `OptionalDate` is here because several of those fields are "a date, or not
yet".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.dates import AHEAD, BACK
from reflect.domain.session_rules import format_day
from reflect.domain.supervision import SessionStatus, SessionType
from reflect.ui.common.date_fields import DateField, DateTimeField
from reflect.ui.common.narrow_combo import narrow_combo
from reflect.ui.common.widgets import boxed_label, buddy_label, chain_tab_order, spoken
from reflect.ui.reflect_page.stage_editor import GrowingTextEdit
from reflect.ui.sessions.session_list_model import STATUS_LABELS

Edit = TypeVar("Edit", QLineEdit, GrowingTextEdit)
AGREE = "I agree this record reflects our discussion"
EMPTY_STATE = "No session chosen. Press “New session” to plan one, or choose a session from the list."


class OptionalDate(QWidget):
    """A date (or date and time) with a checkbox for "no date": "No date yet", "Not set"…"""

    changed = Signal()

    def __init__(self, name: str, none_text: str, *, with_time: bool = False, looking: str = AHEAD,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.with_time = with_time
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        field = DateTimeField if with_time else DateField
        self.edit = field(name, looking=looking, today=today)
        self.none = QCheckBox(none_text)
        # Named as it reads, then which date it is for: the form has three "Not yet"s.
        self.none.setAccessibleName(f"{spoken(none_text)} ({name})")
        row.addWidget(self.edit, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.none, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        self.edit.changed.connect(self.changed)
        self.none.toggled.connect(self._toggled)

    def value(self) -> date | datetime | None:
        if self.none.isChecked():
            return None
        return self.edit.dateTime() if self.with_time else self.edit.date()

    def set_value(self, value: date | datetime | None, default: date | datetime) -> None:
        """Show `value` (or `default`, greyed out, when there is none) without emitting `changed`."""
        shown = value or default
        blocked = self.none.blockSignals(True)
        if self.with_time:
            self.edit.setDateTime(shown)
        else:
            self.edit.setDate(shown)
        self.none.setChecked(value is None)
        self.edit.setEnabled(value is not None)
        self.none.blockSignals(blocked)

    def focus_order(self) -> list[QWidget]:
        return [*self.edit.focus_order(), self.none]

    def _toggled(self, none: bool) -> None:
        self.edit.setEnabled(not none)
        if not none:
            self.edit.setFocus()
        self.changed.emit()


def _heading(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 0)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def _combo(name: str, items) -> QComboBox:
    combo = narrow_combo(name, 10)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _field(kind: type[Edit], name: str, placeholder: str) -> Edit:
    edit = kind()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class SessionFormView(QStackedWidget):
    def __init__(self, agenda, linked, carried, agreed, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        """`agenda`, `linked`, `carried`, `agreed`: widgets with a `focus_order()` method."""
        super().__init__(parent)
        self._today = today
        self.setAccessibleName("Session")
        self.empty = QLabel(EMPTY_STATE)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.addWidget(self.empty)
        layout = self._scrolling_body()
        self._add_header(layout)
        self._add_when_and_who(layout)
        self._add_what_to_bring(layout, agenda, linked, carried)
        self._add_what_was_said(layout)
        self._add_what_was_agreed(layout, agreed)
        layout.addStretch(1)
        self._chain_focus(agenda, linked, carried, agreed)

    def _scrolling_body(self) -> QVBoxLayout:
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setAccessibleName("Session details")
        # Not a Tab stop of its own: it follows the focus from field to field instead.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(6)
        self.scroll.setWidget(body)
        self.addWidget(self.scroll)
        self.body = body
        return layout

    def _add_header(self, layout: QVBoxLayout) -> None:
        """The session's title and save status, and the notes about it (a clash, a gap…)."""
        top = QHBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setAccessibleDescription("Session")
        self.saved = QLabel("")
        self.saved.setAccessibleDescription("Save status")
        top.addWidget(self.title, 1)
        top.addWidget(self.saved)
        layout.addLayout(top)
        self.notes_box = QLabel()
        self.notes_box.setObjectName("sessionNotes")
        self.notes_box.setWordWrap(True)
        self.notes_box.setMargin(8)
        self.notes_box.setAccessibleDescription("Notes about this session")
        self.notes_box.setStyleSheet("#sessionNotes { background: palette(alternate-base); "
                                     "border: 1px solid palette(mid); border-radius: 4px; }")
        self.notes_box.hide()
        layout.addWidget(self.notes_box)

    def _add_when_and_who(self, layout: QVBoxLayout) -> None:
        layout.addWidget(_heading("When and who"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.when = OptionalDate("Date and time", "No date &yet", with_time=True, today=self._today)
        self.supervisor_name = _field(QLineEdit, "Supervisor name", "Optional: a role is enough")
        self.supervisor_role = _field(QLineEdit, "Role", "e.g. Team manager")
        self.supervisor_role.setAccessibleDescription("The supervisor's role")
        self.type = _combo("Type of session", ((kind.label, kind.value) for kind in SessionType))
        self.status = _combo("Status", ((STATUS_LABELS[status], status.value) for status in SessionStatus))
        # Captions above their fields, two fields a row: narrow enough for the pane beside the
        # session list on a 1366×768 screen at 150%, in the order Tab follows.
        # The date and time (a day, a time, a calendar and "No date yet") has a row of its own.
        fields = ((("Date and &time:", self.when.edit, self.when),),
                  (("Ty&pe:", self.type, self.type), ("&Status:", self.status, self.status)),
                  (("Supervisor na&me:", self.supervisor_name, self.supervisor_name),
                   ("R&ole:", self.supervisor_role, self.supervisor_role)))
        for row, pairs in enumerate(fields):
            span = 2 if len(pairs) == 1 else 1
            for column, (caption, buddy, field) in enumerate(pairs):
                grid.addWidget(buddy_label(caption, buddy), 2 * row, column, 1, span)
                grid.addWidget(field, 2 * row + 1, column, 1, span)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid)

    def _add_what_to_bring(self, layout: QVBoxLayout, agenda, linked, carried) -> None:
        layout.addWidget(_heading("A&genda", agenda.focus_order()[0]))
        layout.addWidget(agenda)
        layout.addWidget(_heading("Reflections to disc&uss", linked.table))
        layout.addWidget(linked)
        layout.addWidget(_heading("Actions &carried forward for review", carried.focus_order()[0]))
        layout.addWidget(carried)

    def _add_what_was_said(self, layout: QVBoxLayout) -> None:
        layout.addWidget(_heading("Notes from the session"))
        self.notes = _field(GrowingTextEdit, "Notes", "What you discussed")
        self.wellbeing = _field(GrowingTextEdit, "Wellbeing", "How you are; what helps")
        self.workload = _field(GrowingTextEdit, "Workload", "Caseload, capacity, pressures")
        self.learning_needs = _field(GrowingTextEdit, "Learning needs", "Training, reading, shadowing…")
        texts = QGridLayout()
        texts.setHorizontalSpacing(12)
        for column, (label, edit) in enumerate((("&Notes:", self.notes),
                                                ("&Learning needs:", self.learning_needs))):
            texts.addWidget(buddy_label(label, edit), 0, column)
            texts.addWidget(edit, 1, column)
        for column, (label, edit) in enumerate((("Well&being:", self.wellbeing),
                                                ("Wor&kload:", self.workload))):
            texts.addWidget(buddy_label(label, edit), 2, column)
            texts.addWidget(edit, 3, column)
        texts.setColumnStretch(0, 1)
        texts.setColumnStretch(1, 1)
        layout.addLayout(texts)

    def _add_what_was_agreed(self, layout: QVBoxLayout, agreed) -> None:
        layout.addWidget(_heading("Act&ions agreed", agreed.focus_order()[0]))
        layout.addWidget(agreed)
        layout.addWidget(_heading("Next session and agreement"))
        dates = QGridLayout()
        dates.setHorizontalSpacing(12)
        self.next_session = OptionalDate("Next session", "Not set", today=self._today)
        self.supervisee_agreed = OptionalDate("Supervisee agreed on", "Not yet", looking=BACK,
                                              today=self._today)
        self.supervisor_agreed = OptionalDate("Supervisor agreed on", "Not yet", looking=BACK,
                                              today=self._today)
        for row, (label, widget) in enumerate((("Ne&xt session:", self.next_session),
                                               ("Supervisee agreed on:", self.supervisee_agreed),
                                               ("Supervisor agreed on:", self.supervisor_agreed))):
            dates.addWidget(buddy_label(label, widget.edit), row, 0)
            dates.addWidget(widget, row, 1)
        dates.setColumnStretch(1, 1)
        layout.addLayout(dates)
        # What the supervisor wrote back (File → Import supervisor's reply): read-only, theirs
        self.reply_heading = _heading("The supervisor's reply")
        self.reply = boxed_label("The supervisor's reply", "supervisorReply")
        layout.addWidget(self.reply_heading)
        layout.addWidget(self.reply)
        # The supervisee's half of the sign-off, once the supervisor's words are in the journal
        self.agree_button = QPushButton(AGREE)
        self.agree_button.setAccessibleName(AGREE)
        self.agreed_note = QLabel()
        self.agreed_note.setAccessibleDescription("Your agreement")
        agreement = QHBoxLayout()
        agreement.addWidget(self.agree_button)
        agreement.addWidget(self.agreed_note)
        agreement.addStretch(1)
        layout.addLayout(agreement)
        self.set_reply("")

    def _chain_focus(self, agenda, linked, carried, agreed) -> None:
        """Tab follows the page from top to bottom, which is the order of the meeting."""
        self.focus_chain = [
            *self.when.focus_order(), self.type, self.status, self.supervisor_name,
            self.supervisor_role, *agenda.focus_order(), *linked.focus_order(),
            *carried.focus_order(), self.notes, self.learning_needs, self.wellbeing, self.workload,
            *agreed.focus_order(), *self.next_session.focus_order(),
            *self.supervisee_agreed.focus_order(), *self.supervisor_agreed.focus_order(),
            self.agree_button,
        ]
        chain_tab_order(self.focus_chain)

    def text_fields(self) -> dict[str, QWidget]:
        """The fields saved after a pause in typing, by session field name."""
        return {"supervisor_name": self.supervisor_name, "supervisor_role": self.supervisor_role,
                "notes": self.notes, "wellbeing": self.wellbeing, "workload": self.workload,
                "learning_needs": self.learning_needs}

    def show_empty(self) -> None:
        self.setCurrentWidget(self.empty)

    def show_form(self) -> None:
        self.setCurrentWidget(self.scroll)

    def set_reply(self, text: str) -> None:
        """The imported reply (sign-off and comments), or nothing when there is none."""
        self.reply.setText(text)
        self.reply_heading.setVisible(bool(text))
        self.reply.setVisible(bool(text))
        if not text:
            self.set_agreement(None, replied=False)

    def set_agreement(self, agreed_on: date | None, *, replied: bool = True) -> None:
        """The button to agree (a reply imported, not yet agreed), or the day you agreed."""
        can_agree = replied and agreed_on is None
        self.agree_button.setVisible(can_agree)
        self.agree_button.setEnabled(can_agree)  # off the Tab chain while hidden
        self.agreed_note.setText(f"You agreed on {format_day(agreed_on)}." if agreed_on else "")
        self.agreed_note.setVisible(replied and agreed_on is not None)

    def set_notes(self, notes: list[str]) -> None:
        self.notes_box.setText("\n".join(notes))
        self.notes_box.setVisible(bool(notes))
