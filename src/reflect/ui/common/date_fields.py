"""The one date field of the app: type a date as you would say it, or pick it from a calendar.

Qt's date edits make people type into day, month and year sections, turn "22" into a date in the
past without a word, and walk Tab through their parts. Here a date is a line edit read by
`domain.dates.read_date` when you press Enter or leave it ("15/1/27", "15 Jan", "tomorrow",
"next Friday", "22"); the field then shows the full date it took ("Fri 15 Jan 2027"), so a guess
is seen at once. What cannot be read stays as typed, with a sentence saying why, and the date
keeps its last value. The arrow button (or Alt+Down in the field) opens a calendar.

`DateField` is a date; `DateTimeField` a date and a time (a session's start). Each has
`focus_order()` (the widgets Tab visits, in order) and takes its accessible name from the caption
it is given, which is also how the field is labelled on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.dates import AHEAD, read_date
from reflect.domain.day_format import format_day

PLACEHOLDER = "e.g. 15/01/2027 or next Friday"
CALENDAR_KEYS = "Alt+Down opens a calendar."


def name_inner_edit(widget: QWidget, name: str) -> None:
    """Give a spin box's own text field the box's name (screen readers may land on either)."""
    inner = widget.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(name)


class TimeEdit(QTimeEdit):
    """Tab leaves the field (Qt's default walks hours then minutes first); arrows still move within it."""

    def focusNextPrevChild(self, next_: bool) -> bool:
        return QAbstractSpinBox.focusNextPrevChild(self, next_)


class CalendarPopup(QFrame):
    """A month calendar in a pop-up: Enter or a click chooses the day, Escape closes it."""

    chosen = Signal(object)  # a datetime.date

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setAccessibleName("Calendar")
        layout.addWidget(self.calendar)
        self.calendar.activated.connect(self._choose)
        self.calendar.clicked.connect(self._choose)

    def open_at(self, anchor: QWidget, day: date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.adjustSize()
        below = anchor.mapToGlobal(anchor.rect().bottomLeft())
        screen = anchor.screen().availableGeometry() if anchor.screen() else None
        if screen is not None:
            below.setX(max(screen.left(), min(below.x(), screen.right() - self.width())))
            if below.y() + self.height() > screen.bottom():
                below.setY(anchor.mapToGlobal(anchor.rect().topLeft()).y() - self.height())
        self.move(below)
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _choose(self, day: QDate) -> None:
        self.hide()
        self.chosen.emit(day.toPython())


class DateField(QWidget):
    """A date typed in words or numbers ("15/1/27", "next Friday"), or chosen from a calendar.

    `looking` is the way a partial date is filled in: AHEAD (a due date, the next session) or
    BACK (the day something was agreed). With `can_be_empty` an emptied field means no date
    (`date()` is None); otherwise emptying it puts its date back. `changed` is emitted when the
    date becomes a new one.
    """

    changed = Signal()

    def __init__(self, name: str, *, looking: str = AHEAD, today: Callable[[], date] = date.today,
                 can_be_empty: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.looking = looking
        self.can_be_empty = can_be_empty
        self._today = today
        self._value: date | None = today()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(PLACEHOLDER)
        # Wide enough for "Wed 30 Sept 2026" and a few words typed in its place.
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("Wed 30 Sep 2026") + 24)
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down in the field does the same
        self.button.setToolTip("Choose from a calendar (Alt+Down)")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        column.addLayout(row)
        column.addWidget(self.problem)
        self.setFocusProxy(self.edit)
        # A caption's mnemonic only moves to a buddy that takes focus; Tab skips proxied widgets.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.set_name(name)
        self.popup: CalendarPopup | None = None
        self.edit.editingFinished.connect(self.commit_text)
        self.edit.textEdited.connect(lambda _text: self._say(""))
        self.button.clicked.connect(self.open_calendar)
        self.edit.installEventFilter(self)
        self._show(self._value)

    # -- the value ---------------------------------------------------------------------------
    def date(self) -> date | None:
        """The date the field holds (the last one read, whatever is typed now); None only when
        it `can_be_empty` and is empty."""
        return self._value

    def setDate(self, day: date | QDate | None) -> None:
        """Show `day` (None: empty, if it can be) without emitting `changed`."""
        self._value = day.toPython() if isinstance(day, QDate) else day
        self._show(self._value)
        self._say("")

    def set_name(self, name: str) -> None:
        self.name = name
        self.setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.edit.setAccessibleDescription(f"Type a date, such as 15/01/2027 or next Friday. {CALENDAR_KEYS}")
        self.button.setAccessibleName(f"{name}: choose from a calendar")
        self.problem.setAccessibleDescription(f"{name}: problem")

    def focus_order(self) -> list[QWidget]:
        """The field itself: Tab comes to it and its focus proxy, the line edit, takes the focus.
        Chaining the line edit alone left the field's own stop behind, where Tab looped back."""
        return [self]

    def has_problem(self) -> bool:
        return self.problem.isVisibleTo(self)

    # -- reading what was typed ------------------------------------------------------------
    def commit_text(self) -> bool:
        """Read what is typed; True if it was a date (now shown in full), else say why."""
        typed = self.edit.text()
        if typed == _shown(self._value):
            self._say("")
            return True
        if not typed.strip():  # emptied: no date if that is allowed, else the date comes back
            self._set(None if self.can_be_empty else self._value)
            return True
        reading = read_date(typed, self._today(), self.looking)
        if reading.day is None:
            still = f"The date is still {format_day(self._value)}." if self._value else "There is no date."
            self._say(f"{reading.problem} {still}")
            return False
        self._set(reading.day)
        return True

    def _set(self, day: date | None) -> None:
        self._say("")
        self._show(day)
        if day != self._value:
            self._value = day
            self.changed.emit()

    def _show(self, day: date | None) -> None:
        self.edit.setText(_shown(day))
        self.edit.setCursorPosition(0)

    def _say(self, problem: str) -> None:
        if problem == self.problem.text() and bool(problem) == self.problem.isVisibleTo(self):
            return
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.edit.setAccessibleDescription(problem or f"Type a date, such as 15/01/2027 or next "
                                                      f"Friday. {CALENDAR_KEYS}")

    # -- the calendar ------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if not self.isEnabled():
            return
        self.commit_text()
        if self.popup is None:
            # A child of the line edit, so moving into it does not end the editing
            # (QLineEdit emits editingFinished on leaving, except for its own pop-ups).
            self.popup = CalendarPopup(self.edit)
            self.popup.chosen.connect(self._chosen)
        self.popup.open_at(self.edit, self._value or self._today())

    def _chosen(self, day: date) -> None:
        self._set(day)
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange and not self.isEnabled():
            self._show(self._value)  # what was typed and not read goes with the field
            self._say("")
        super().changeEvent(event)


def _shown(day: date | None) -> str:
    return format_day(day) if day is not None else ""


class DateTimeField(QWidget):
    """A date (`DateField`) and a time: when a session starts."""

    changed = Signal()

    def __init__(self, name: str, *, looking: str = AHEAD, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.day = DateField(name, looking=looking, today=today)
        self.time = TimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setTime(QTime(10, 0))
        row.addWidget(self.day, 1)
        row.addWidget(self.time, 0, Qt.AlignmentFlag.AlignTop)
        self.setFocusProxy(self.day)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # as DateField's
        self.set_name(name)
        self.day.changed.connect(self.changed)
        self.time.timeChanged.connect(lambda _t: self.changed.emit())

    def set_name(self, name: str) -> None:
        self.setAccessibleName(name)
        self.day.set_name(name)
        self.time.setAccessibleName(f"{name}: time")
        name_inner_edit(self.time, f"{name}: time")

    def dateTime(self) -> datetime:
        clock = self.time.time()
        return datetime.combine(self.day.date(), time(clock.hour(), clock.minute()))

    def setDateTime(self, moment: datetime) -> None:
        """Show `moment` (to the minute) without emitting `changed`."""
        blocked = self.time.blockSignals(True)
        self.day.setDate(moment.date())
        self.time.setTime(QTime(moment.hour, moment.minute))
        self.time.blockSignals(blocked)

    def commit_text(self) -> bool:
        return self.day.commit_text()

    def has_problem(self) -> bool:
        return self.day.has_problem()

    def focus_order(self) -> list[QWidget]:
        return [*self.day.focus_order(), self.time]
