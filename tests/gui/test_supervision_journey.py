"""Reflection to supervision across pages: take to supervision, a line becomes an action,
actions carry forward, and the dashboard and pages open each other."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from reflect.domain.supervision import ActionStatus, NewSession
from reflect.ui.reflect_page.take_to_supervision_dialog import TakeToSupervisionDialog
from reflect.ui.sessions.action_dialog import ActionDialog
from reflect.ui.shell.main_window import ACTIONS, DASHBOARD, REFLECT, SESSIONS
from tests.gui.reflect_page_helpers import choose, open_window

pytestmark = pytest.mark.gui


def _drive_take_dialog(qtbot, monkeypatch, pick_row: int | None):
    """Replace only the blocking exec: build the real dialog, choose, and accept."""
    def ask(upcoming, already, parent=None, suggested=None):
        dialog = TakeToSupervisionDialog(upcoming, already, suggested=suggested, parent=parent)
        qtbot.addWidget(dialog)
        if pick_row is None:
            dialog.new.setChecked(True)
        else:
            dialog.sessions.setCurrentRow(pick_row)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        return dialog.value()

    monkeypatch.setattr(TakeToSupervisionDialog, "ask", ask)


def test_take_to_supervision_and_make_an_action(qtbot, journal, monkeypatch):
    """From the editor: link the reflection to a new session, then to the same one again is a no-op;
    a 'Now what?' line becomes an action linked to the reflection and that session."""
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    editor = window.reflect_page.editor
    choose(qtbot, editor.view.model, "Driscoll")
    now_what = editor.stages["now_what"]
    qtbot.keyClicks(now_what.edit, "Ask the GP about missed appointments")
    entry_id = editor.entry.id

    _drive_take_dialog(qtbot, monkeypatch, None)
    qtbot.mouseClick(editor.view.take_to_supervision, Qt.MouseButton.LeftButton)
    sessions = journal.sessions.sessions_for_entry(entry_id)
    assert len(sessions) == 1 and sessions[0].starts_at > datetime.now()
    assert editor.view.in_supervision.text().startswith("In supervision:")

    def ask_action(description, sessions, *, session_id=None, entry_id=None, parent=None):
        dialog = ActionDialog(description, sessions, session_id=session_id, entry_id=entry_id)
        qtbot.addWidget(dialog)
        assert dialog.description.text() == "Ask the GP about missed appointments"
        return dialog.value()

    monkeypatch.setattr(ActionDialog, "ask", ask_action)
    qtbot.mouseClick(now_what.action_button, Qt.MouseButton.LeftButton)
    [action] = journal.actions.from_entry(entry_id)
    assert (action.description, action.session_id) == ("Ask the GP about missed appointments",
                                                        sessions[0].id)


def test_carry_forward_and_pages_open_each_other(qtbot, journal):
    """Two actions agreed in a past session: one done, the other carried to the next session; the
    dashboard's next session and action open the sessions and actions pages."""
    past = journal.sessions.create_session(NewSession(datetime.now() - timedelta(days=20)))
    upcoming = journal.sessions.create_session(NewSession(datetime.now() + timedelta(days=5)))
    from reflect.domain.supervision import NewAction

    keep = journal.actions.add(NewAction("Joint visit", session_id=past.id,
                                         due_on=date.today() + timedelta(days=3)))
    done = journal.actions.add(NewAction("Read the procedures", session_id=past.id))
    window = open_window(qtbot, journal)

    window.show_page(ACTIONS)
    window.actions_page.select_action(done.id)
    model = window.actions_page.model
    row = next(r for r in range(model.rowCount()) if model.action_at(r).id == done.id)
    from reflect.ui.actions.actions_table_model import STATUS

    assert model.setData(model.index(row, STATUS), ActionStatus.DONE.value)
    assert [a.id for a in journal.actions.carried_forward_to(upcoming.id)] == [keep.id]

    window.show_page(DASHBOARD)
    with qtbot.waitSignal(window.dashboard.open_session) as opened:
        window.dashboard.open_session.emit(upcoming.id)
    assert opened.args == [upcoming.id] and window.current_page() == SESSIONS
    window.show_page(DASHBOARD)
    window.dashboard.open_action.emit(keep.id)
    assert window.current_page() == ACTIONS
    assert window.actions_page.table.currentIndex().row() >= 0
    window.show_page(REFLECT)
    assert window.current_page() == REFLECT


def test_dashboard_cpd_opens_cpd_records_only(qtbot, journal):
    """The dashboard's CPD filter reaches the entry list: only CPD-model records are listed."""
    from reflect.domain.entry_filter import EntryFilter
    from reflect.domain.journal import NewEntry

    cpd = journal.entries.create_entry(NewEntry(model="swe_cpd", title="CPD")).id
    journal.entries.create_entry(NewEntry(model="free", title="Free"))
    window = open_window(qtbot, journal)
    window.dashboard.open_entries.emit(EntryFilter(models=frozenset({"swe_cpd"})))
    assert window.current_page() == REFLECT
    assert window.reflect_page.entry_list.model.entry_ids() == [cpd]
    assert "Social Work England CPD record only" in window.reflect_page.entry_list.view.count.text()
    window.reflect_page.entry_list.clear_filters()
    assert len(window.reflect_page.entry_list.model.entry_ids()) == 2
