"""The app's date field, driven by keyboard: typed dates, a lone day, problems, the calendar."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QWidget

from reflect.domain.dates import BACK
from reflect.domain.supervision import NewAction
from reflect.ui.actions.actions_table_model import DUE
from reflect.ui.common.date_fields import DateField, DateTimeField
from reflect.ui.sessions.action_dialog import ActionDialog
from reflect.ui.shell.main_window import ACTIONS, DASHBOARD, SESSIONS
from tests.gui.reflect_page_helpers import open_window
from tests.gui.test_sessions_page_helpers import type_date

pytestmark = pytest.mark.gui
TODAY = date(2026, 11, 25)  # a Wednesday


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)
    return widget


@pytest.mark.parametrize(("typed", "day"), [
    ("15/1/27", date(2027, 1, 15)), ("15 Jan 2027", date(2027, 1, 15)), ("15/01/2027", date(2027, 1, 15)),
    ("2027-01-15", date(2027, 1, 15)), ("next Friday", date(2026, 11, 27)), ("tomorrow", date(2026, 11, 26)),
    ("22", date(2026, 12, 22)),
])
def test_typed_dates_are_read_and_shown_in_full(qtbot, typed, day):
    """What is typed is read on Enter and shown as the full date; "22" is never a past date."""
    field = shown(qtbot, DateField("Due date", today=lambda: TODAY))
    with qtbot.waitSignal(field.changed):
        type_date(qtbot, field, typed)
    assert field.date() == day
    assert field.edit.text() == f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')}"
    assert not field.has_problem()


def test_a_date_that_looks_back_fills_in_the_past(qtbot):
    """In a field for a day already passed, "26" on 25 November is 26 October."""
    field = shown(qtbot, DateField("Supervisor agreed on", looking=BACK, today=lambda: TODAY))
    type_date(qtbot, field, "26")
    assert field.date() == date(2026, 10, 26)


def test_what_cannot_be_read_says_why_and_keeps_the_date(qtbot):
    """An unreadable date stays as typed with a reason, read out too; the date is unchanged."""
    field = shown(qtbot, DateField("Due date", today=lambda: TODAY))
    field.setDate(date(2027, 1, 15))
    with qtbot.assertNotEmitted(field.changed):
        type_date(qtbot, field, "31/02/2027")
    assert field.date() == date(2027, 1, 15)
    assert field.has_problem() and "There is no 31 February 2027" in field.problem.text()
    assert "Fri 15 Jan 2027" in field.problem.text()
    assert "There is no 31 February" in field.edit.accessibleDescription()
    assert field.edit.text() == "31/02/2027"
    qtbot.keyClicks(field.edit, "x")  # typing again clears the note
    assert not field.has_problem()


def test_calendar_by_keyboard(qtbot):
    """Alt+Down opens the calendar on the field's date; arrows and Enter choose another day."""
    field = shown(qtbot, DateField("Due date", today=lambda: TODAY))
    field.setDate(date(2027, 1, 15))
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.popup.calendar
    qtbot.waitUntil(lambda: field.popup.isVisible())
    assert isinstance(calendar, QCalendarWidget) and calendar.selectedDate().toPython() == date(2027, 1, 15)
    assert calendar.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    with qtbot.waitSignal(field.changed):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert field.date() == date(2027, 1, 16) and not field.popup.isVisible()
    assert field.edit.text() == "Sat 16 Jan 2027"


def test_date_and_time_field(qtbot):
    """A session's date is typed in words and its time in the time box beside it."""
    field = shown(qtbot, DateTimeField("Date and time", today=lambda: TODAY))
    field.setDateTime(datetime(2026, 12, 1, 10, 0))
    type_date(qtbot, field, "next Friday")
    assert field.dateTime() == datetime(2026, 11, 27, 10, 0)
    assert field.focus_order() == [field.day, field.time]  # the day hands its focus to its line edit
    assert field.day.edit.accessibleName() == "Date and time"
    assert field.time.accessibleName().startswith("Date and time")


def test_action_dialog_due_date_typed(qtbot):
    """The new-action dialog reads "next Friday" as its due date and warns of a past one."""
    dialog = shown(qtbot, ActionDialog("Read the strategy", today=TODAY))
    type_date(qtbot, dialog.due, "next Friday")
    assert dialog.value().due_on == date(2026, 11, 27)
    type_date(qtbot, dialog.due, "1/11/2026")
    assert dialog.value().due_on == date(2026, 11, 1)
    assert "has already passed" in dialog.note.text()


def test_due_date_typed_in_the_actions_table_and_cleared(qtbot, journal):
    """A due date is typed into the table's cell; emptying the cell removes it."""
    action = journal.actions.add(NewAction(description="Read the strategy"))
    window = open_window(qtbot, journal)
    window.show_page(ACTIONS)
    page = window.actions_page
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, DUE))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.viewport().findChild(DateField)
    assert editor is not None and editor.edit.hasFocus() and editor.edit.text() == ""
    qtbot.keyClicks(editor.edit, "15/1/2027")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: journal.actions.get(action.id).due_on == date(2027, 1, 15))
    qtbot.waitUntil(lambda: page.table.viewport().findChild(DateField) is None)  # the editor is gone
    page.table.setCurrentIndex(page.model.index(0, DUE))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.viewport().findChild(DateField)
    assert editor.edit.text() == "Fri 15 Jan 2027"
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: journal.actions.get(action.id).due_on is None)


def test_new_action_due_date_survives_a_refresh(qtbot, journal):
    """A due date (and text) typed for a new action is kept when the page is shown again."""
    window = open_window(qtbot, journal)
    window.show_page(SESSIONS)
    page = window.sessions_page
    page.new_session()
    agreed = page.form.agreed
    qtbot.keyClicks(agreed.description, "Book a joint visit")
    qtbot.keyClick(agreed.due.none, Qt.Key.Key_Space)
    type_date(qtbot, agreed.due.edit, "15/1/2027")
    window.show_page(DASHBOARD)
    window.show_page(SESSIONS)
    assert agreed.due.value() == date(2027, 1, 15)
    assert agreed.description.text() == "Book a joint visit"
    agreed.description.setFocus()
    qtbot.keyClick(agreed.description, Qt.Key.Key_Return)
    assert [a.due_on for a in journal.actions.agreed_in(page.session_id)] == [date(2027, 1, 15)]
