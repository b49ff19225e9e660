"""The Actions page as a practitioner meets it: everything listed on the first visit."""

from __future__ import annotations

import pytest

from reflect.domain.supervision import NewAction
from reflect.ui.shell.main_window import ACTIONS
from tests.gui.reflect_page_helpers import open_window

pytestmark = pytest.mark.gui


def test_first_visit_lists_the_actions(qtbot, journal):
    """The first time the page is shown its actions are listed, without touching the filter."""
    journal.actions.add(NewAction(description="Read the neglect strategy"))
    journal.actions.add(NewAction(description="Book a joint visit"))
    window = open_window(qtbot, journal)
    window.show_page(ACTIONS)
    page = window.actions_page
    assert page.model.rowCount() == 2
    assert page.summary.text() == "2 open"
