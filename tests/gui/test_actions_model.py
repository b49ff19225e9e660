"""The actions table model: display, overdue marking, edits written to the store."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from reflect.domain.supervision import ActionOwner, ActionStatus, NewAction
from reflect.ui.actions.actions_table_model import DUE, OWNER, STATUS, ActionsTableModel

pytestmark = pytest.mark.gui
TODAY = date(2026, 11, 26)


@pytest.fixture
def model(journal):
    journal.actions.add(NewAction("Overdue one", due_on=date(2026, 11, 1)))
    journal.actions.add(NewAction("Later one", owner=ActionOwner.SUPERVISOR, due_on=date(2026, 12, 20)))
    m = ActionsTableModel(journal.actions, today=lambda: TODAY)
    m.set_actions(journal.actions.all())
    return m


def test_qmodeltester(qtmodeltester, model):
    """The model passes Qt's model tester."""
    qtmodeltester.check(model)


def test_overdue_is_said_in_words(model):
    """An open action past its due date says 'overdue' in its status text."""
    assert model.index(0, STATUS).data() == "Open — overdue"
    assert model.index(1, STATUS).data() == "Open"
    assert model.index(1, OWNER).data() == "Supervisor"


def test_edits_reach_the_store(model, journal, qtbot):
    """Ticking done and changing the due date write to the store and record the day."""
    with qtbot.waitSignal(model.changed):
        assert model.setData(model.index(0, STATUS), ActionStatus.DONE.value)
    stored = journal.actions.get(model.action_at(0).id)
    assert (stored.status, stored.status_changed_on) == (ActionStatus.DONE, TODAY)
    assert model.index(0, STATUS).data() == "Done Thu 26 Nov 2026"
    model.setData(model.index(1, DUE), QDate(2027, 1, 5))
    assert journal.actions.get(model.action_at(1).id).due_on == date(2027, 1, 5)
    assert model.index(1, DUE).data(Qt.ItemDataRole.DisplayRole) == "Tue 5 Jan 2027"
