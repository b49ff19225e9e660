"""Sessions remember: a new session follows the last one; held sessions are past, not "Planned"."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from reflect.domain.supervision import NewSession, SessionStatus
from reflect.ui.sessions.session_list_model import SessionListModel
from tests.gui.test_sessions_page_helpers import NOW, open_page

pytestmark = pytest.mark.gui


def test_new_session_takes_the_date_and_supervisor_agreed_last_time(qtbot, journal):
    """The last session agreed the next one for 6 January: a new session is then, with the
    same supervisor, at the same time of day, and the form shows it so."""
    last = journal.sessions.create_session(NewSession(
        starts_at=datetime(2026, 12, 2, 14, 30), supervisor_name="Jo", supervisor_role="Team manager",
        status=SessionStatus.HELD))
    journal.sessions.update_session(last.id, next_session_on=date(2027, 1, 6))
    page = open_page(qtbot, journal)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    stored = journal.sessions.get_session(page.session_id)
    assert (stored.starts_at, stored.supervisor_name, stored.supervisor_role) == (
        datetime(2027, 1, 6, 14, 30), "Jo", "Team manager")
    view = page.form.view
    assert view.when.value() == datetime(2027, 1, 6, 14, 30)
    assert (view.supervisor_name.text(), view.supervisor_role.text()) == ("Jo", "Team manager")


def test_carried_forward_actions_appear_at_once(qtbot, journal):
    """Actions agreed in one new session are listed for review in the next new one straight
    away, without changing its date first."""
    page = open_page(qtbot, journal)
    first = page.new_session()
    agreed = page.form.agreed
    agreed.description.setFocus()
    qtbot.keyClicks(agreed.description, "Read the neglect strategy")
    qtbot.keyClick(agreed.description, Qt.Key.Key_Return)
    second = page.new_session()
    assert second != first
    carried = page.form.carried.model
    assert [carried.action_at(r).description for r in range(carried.rowCount())] == [
        "Read the neglect strategy"]
    assert journal.sessions.get_session(second).starts_at > journal.sessions.get_session(first).starts_at


def test_a_held_session_is_past_and_not_planned(qtbot, journal):
    """A session marked held, even dated ahead, is listed under Past and never reads "Planned"."""
    held = journal.sessions.create_session(NewSession(starts_at=datetime(2026, 12, 3, 10, 0),
                                                      status=SessionStatus.HELD))
    planned = journal.sessions.create_session(NewSession(starts_at=datetime(2026, 12, 10, 10, 0)))
    model = SessionListModel(journal.sessions, now=lambda: NOW)
    model.refresh()
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts.index("Past") < model.row_of(held.id)
    assert model.row_of(planned.id) < texts.index("Past")
    details = model.index(model.row_of(held.id), 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Planned" not in details and "Held" in details


def test_agreeing_the_record_marks_the_session_held(qtbot, journal):
    """Setting the day the supervisor agreed the record makes a planned session held."""
    page = open_page(qtbot, journal)
    session_id = page.new_session()
    view = page.form.view
    view.supervisor_agreed.none.setFocus()
    qtbot.keyClick(view.supervisor_agreed.none, Qt.Key.Key_Space)  # agreed: today
    assert journal.sessions.get_session(session_id).status is SessionStatus.HELD
    assert view.status.currentText() == "Held"
    model = page.list_model
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Past" in texts and model.row_of(session_id) > texts.index("Past")
