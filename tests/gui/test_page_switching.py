"""Switching pages: the pages are built while the window is idle, and a page reads the journal again
only when something was written since it last read (or the clock may have made it stale)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QWidget

from reflect.domain.supervision import NewAction, NewSession
from reflect.services import read_marks
from reflect.settings import Settings
from reflect.ui.shell.idle_steps import IdleSteps
from reflect.ui.shell.main_window import ACTIONS, DASHBOARD, REFLECT, SESSIONS, MainWindow

pytestmark = pytest.mark.gui


def _window(qtbot, journal) -> MainWindow:
    window = MainWindow(journal, Settings(), lambda: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _built(window: MainWindow, index: int) -> bool:
    """Not the empty placeholder a page has until it is built."""
    return bool(window.pages.widget(index).findChildren(QWidget))


def _statements(journal, run) -> list[str]:
    """The SQL statements `run` makes the journal's connection execute."""
    seen: list[str] = []
    journal.db.conn.set_trace_callback(seen.append)
    try:
        run()
    finally:
        journal.db.conn.set_trace_callback(None)
    return [s for s in seen if not s.startswith("PRAGMA data_version")]


def test_pages_are_built_while_the_window_is_idle(qtbot, journal):
    """Once painted and idle, the window builds every page without showing any of them."""
    window = _window(qtbot, journal)
    assert not any(_built(window, page) for page in (REFLECT, SESSIONS, ACTIONS))
    window.prepare_pages_when_idle()
    qtbot.waitUntil(lambda: window.idle_steps.done, timeout=20_000)
    assert all(_built(window, page) for page in (REFLECT, SESSIONS, ACTIONS))
    assert window.current_page() == DASHBOARD and window.pages.currentWidget().isVisible()


def test_nothing_is_built_while_locked(qtbot, journal):
    window = _window(qtbot, journal)
    window.lock()
    window.prepare_pages_when_idle()
    qtbot.wait(1200)
    assert not window.idle_steps.done and not _built(window, REFLECT)
    window._try_unlock("correct horse battery staple")
    qtbot.waitUntil(lambda: window.idle_steps.done, timeout=20_000)
    assert _built(window, ACTIONS)


def test_actions_show_on_the_first_visit(qtbot, journal):
    """The actions page built while idle (or on the visit itself) lists the actions at once."""
    journal.actions.add(NewAction("Ring the health visitor"))
    for prepare in (True, False):
        window = _window(qtbot, journal)
        if prepare:
            window.prepare_pages_when_idle()
            qtbot.waitUntil(lambda w=window: w.idle_steps.done, timeout=20_000)
        window.show_page(ACTIONS)
        assert window.actions_page.model.rowCount() == 1
        window.close()


def test_going_back_to_a_page_reads_nothing_when_nothing_changed(qtbot, journal):
    journal.sessions.create_session(NewSession(starts_at=None, supervisor_role="Team manager"))
    window = _window(qtbot, journal)
    for page, other in ((SESSIONS, DASHBOARD), (ACTIONS, DASHBOARD), (DASHBOARD, ACTIONS)):
        window.show_page(page)
        window.show_page(other)
        assert _statements(journal, lambda p=page: window.show_page(p)) == []


def test_the_dashboard_reads_again_after_a_change(qtbot, journal):
    window = _window(qtbot, journal)
    window.show_page(ACTIONS)
    journal.actions.add(NewAction("Chase the strategy meeting minutes", due_on=date.today()))
    window.show_page(DASHBOARD)
    assert [a.description for a in window.dashboard.data.actions] == ["Chase the strategy meeting minutes"]


def test_a_page_reads_again_after_a_change_elsewhere(qtbot, journal):
    window = _window(qtbot, journal)
    window.show_page(ACTIONS)
    window.show_page(SESSIONS)
    assert window.actions_page.model.rowCount() == 0 and window.sessions_page.list_model.session_ids() == []
    journal.actions.add(NewAction("Book the chronology training"))
    journal.sessions.create_session(NewSession(starts_at=None, supervisor_role="Team manager"))
    window.show_page(ACTIONS)
    assert window.actions_page.model.rowCount() == 1
    window.show_page(SESSIONS)
    assert len(window.sessions_page.list_model.session_ids()) == 1


def test_a_page_reads_again_when_the_clock_has_moved_on(qtbot, journal, monkeypatch):
    """An action can fall overdue with nothing written: a page read long ago is read again."""
    window = _window(qtbot, journal)
    window.show_page(ACTIONS)
    window.show_page(DASHBOARD)
    later = read_marks.time.time() + read_marks.READ_GOOD_FOR_SECONDS
    monkeypatch.setattr(read_marks.time, "time", lambda: later)
    assert _statements(journal, lambda: window.show_page(ACTIONS)) != []


def test_a_failing_step_is_logged_and_the_rest_still_run(qtbot, caplog):
    done = []

    def broken():
        raise RuntimeError("Mrs Jones's text must not reach the log")

    steps = IdleSteps([lambda: done.append(1), broken, lambda: done.append(3)])
    steps.start(delay_ms=0)
    qtbot.waitUntil(lambda: steps.done and len(done) == 2, timeout=5000)
    assert done == [1, 3]
    assert "RuntimeError" in caplog.text and "Mrs Jones" not in caplog.text


def test_the_first_dashboard_uses_what_was_read_while_unlocking(qtbot, journal):
    """The app reads the first screen on the unlocking thread; the window shows that reading
    instead of reading the same again, unless the journal changed in between."""
    from datetime import datetime

    from reflect.services.read_marks import read_mark
    from reflect.store import DashboardQueries

    journal.actions.add(NewAction("Send the referral", due_on=date.today()))
    read = DashboardQueries(journal.db).load(date.today(), datetime.now())
    window = MainWindow(journal, Settings(), lambda: None, first_screen=(read, read_mark(journal)))
    qtbot.addWidget(window)
    assert _statements(journal, lambda: (window.show(), qtbot.waitExposed(window))) == []
    assert window.dashboard.data is read

    again = MainWindow(journal, Settings(), lambda: None, first_screen=(read, read_mark(journal)))
    qtbot.addWidget(again)
    journal.actions.add(NewAction("Ring the GP", due_on=date.today()))  # after the reading
    again.show()
    qtbot.waitExposed(again)
    assert again.dashboard.data is not read
    assert len(again.dashboard.data.actions) == 2
