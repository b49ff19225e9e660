"""The dashboard page: what it shows, what each item opens, keyboard use and accessible names."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from reflect.domain.dashboard import CPD_MODELS, Month, last_months
from reflect.domain.entry_filter import EntryFilter
from reflect.domain.session_rules import session_title
from reflect.domain.supervision import ActionStatus
from reflect.services.demo import build_demo
from reflect.store.dashboard_queries import DashboardQueries
from reflect.ui.dashboard.charts import ItemButton, MeterButton, MonthColumn
from reflect.ui.dashboard.dashboard_page import DashboardPage

pytestmark = pytest.mark.gui

TODAY = date(2026, 7, 15)
NOW = datetime(2026, 7, 15, 9, 0)


def _page(qtbot, journal, width=1366, height=768) -> DashboardPage:
    page = DashboardPage(DashboardQueries(journal.db), today=lambda: TODAY, now=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # so the tests can follow keyboard focus
    return page


@pytest.fixture
def demo(journal):
    build_demo(journal, entries=300, today=TODAY)
    return journal


def _texts(page: QWidget) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface else "") or ""


def test_page_shows_the_demo_numbers(qtbot, demo):
    """Next session, actions, coverage, months and CPD on screen match the journal's own data."""
    page = _page(qtbot, demo)
    items = page.view.items
    planned = [s for s in demo.sessions.list_sessions() if s.status.value == "planned"
               and s.starts_at and s.starts_at >= NOW]
    first = min(planned, key=lambda s: (s.starts_at, s.id))
    assert items["dashboard-session"].title == session_title(first)

    open_due = [a for a in demo.actions.all(status=ActionStatus.OPEN)
                if a.due_on and (a.due_on - TODAY).days <= 14]
    overdue = sum(a.due_on < TODAY for a in open_due)
    assert f"{overdue} overdue and {len(open_due) - overdue} due in the next 14 days." in _texts(page)
    listed = [w for name, w in items.items() if name.startswith("dashboard-action-")]
    assert len(listed) == min(5, len(open_due))
    assert all(w.detail.startswith("Overdue") == (w.emphasis == "Overdue") for w in listed)

    entries = demo.entries.list_entries()
    child_r = demo.briefings.list()[0]
    answered = {e.question_id for e in entries if e.briefing_id == child_r.id and e.question_id}
    bar = items[f"dashboard-briefing-{child_r.id}"]
    assert _name(bar) == f"Child R — {len(answered)} of {child_r.question_count} questions"

    by_month = Counter(Month.of(e.created_at.astimezone().date()) for e in entries)
    columns = [w for w in page.view.month_chart.columns]
    assert [c.count for c in columns] == [by_month[m] for m in last_months(TODAY)]
    assert _name(columns[-1]) == f"July 2026: {by_month[Month(2026, 7)]} reflections"
    total = sum(by_month[m] for m in last_months(TODAY))
    assert page.view.months_summary.text() == f"{total} reflections in the last 12 months."

    cpd = page.data.cpd
    assert _name(items["dashboard-cpd-records"]) == f"CPD records this year: {cpd.records} (minimum 2)"
    assert cpd.summary in _texts(page)


def test_every_item_opens_what_it_summarises(qtbot, demo):
    """Click, Enter and Space on each kind of item emit its signal with the right argument."""
    from datetime import timedelta

    from reflect.domain.supervision import NewAction

    for days in range(6):  # more than the card lists, so it offers "Show all"
        demo.actions.add(NewAction(f"Due in {days} days", due_on=TODAY + timedelta(days=days)))
    page = _page(qtbot, demo)
    data, items = page.data, page.view.items
    action = data.actions_to_list(5)[0]
    briefing = data.coverage[0].briefing_id
    may = Month(2026, 5)
    cpd = EntryFilter(models=CPD_MODELS, created_from=date(2025, 12, 1), created_to=date(2026, 11, 30))
    cases = [
        ("dashboard-session", page.open_session, [data.next_session.session.id]),
        (f"dashboard-action-{action.id}", page.open_action, [action.id]),
        ("dashboard-all-actions", page.open_actions, []),
        (f"dashboard-briefing-{briefing}", page.open_briefing, [briefing]),
        ("dashboard-month-2026-05", page.open_entries,
         [EntryFilter(created_from=may.first, created_to=may.last)]),
        ("dashboard-cpd-records", page.open_entries, [cpd]),
        ("dashboard-cpd-peer", page.open_entries, [cpd]),
    ]
    for name, signal, args in cases:
        widget = items[name]
        with qtbot.waitSignal(signal, timeout=1000) as blocker:
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        assert blocker.args == args, name
        if isinstance(widget, ItemButton | MeterButton | MonthColumn):
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                widget.setFocus()
                with qtbot.waitSignal(signal, timeout=1000) as blocker:
                    qtbot.keyClick(widget, key)
                assert blocker.args == args, (name, key)


def test_no_session_planned_offers_to_plan_one(qtbot, journal):
    """With nothing planned the card says so in words and its button asks to plan a session."""
    page = _page(qtbot, journal)
    assert "No session planned." in _texts(page)
    assert "dashboard-session" not in page.view.items
    button = page.view.items["dashboard-plan-session"]
    assert button.isVisibleTo(page) and _name(button) == "Plan a session"
    with qtbot.waitSignal(page.plan_session, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_empty_journal_speaks_plainly(qtbot, journal):
    """A new journal says no actions are due, no questions answered and no reflections this year."""
    page = _page(qtbot, journal)
    texts = _texts(page)
    assert "No actions due in the next 14 days, and none overdue." in texts
    assert any(t.startswith("You have not reflected on any briefing's questions yet") for t in texts)
    assert "No reflections in the last 12 months." in texts
    assert any(t.startswith("No CPD records yet.") for t in texts)


def test_every_focusable_widget_has_an_accessible_name(qtbot, demo):
    """Each control the keyboard can reach has a name a screen reader can speak."""
    page = _page(qtbot, demo)
    missing = [f"{type(w).__name__} {w.objectName()!r}" for w in page.findChildren(QWidget)
               if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(page)
               and not _name(w).strip()]
    assert missing == []


def test_chart_numbers_are_also_text(qtbot, demo):
    """Each month's column has its number as tooltip and description; the chart lists them all."""
    page = _page(qtbot, demo)
    chart = page.view.month_chart
    for item, column in zip(page.data.months, chart.columns, strict=True):
        assert column.toolTip() == column.accessibleDescription() == item.description
        assert item.description in chart.accessibleDescription()


def test_tab_follows_reading_order_and_arrows_walk_the_months(qtbot, demo):
    """Tab visits the items in the order they are read; Left and Right move between months."""
    page = _page(qtbot, demo)
    names = list(page.view.items)
    first = page.view.items[names[0]]
    first.setFocus()
    visited = [names[0]]
    for _ in names[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget().objectName())
    assert visited == names
    may = page.view.items["dashboard-month-2026-05"]
    may.setFocus()
    qtbot.keyClick(may, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is page.view.items["dashboard-month-2026-06"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert QApplication.focusWidget() is page.view.items["dashboard-month-2026-04"]


def test_refresh_shows_changes_and_keeps_focus(qtbot, demo):
    """After an action is ticked done, refresh drops it and focus stays on the item it was on."""
    page = _page(qtbot, demo)
    action = page.data.actions_to_list(5)[0]
    briefing = page.view.items[f"dashboard-briefing-{page.data.coverage[0].briefing_id}"]
    briefing.setFocus()
    demo.actions.set_status(action.id, ActionStatus.DONE, on=TODAY)
    page.refresh()
    assert action.id not in [a.id for a in page.data.actions]
    assert f"dashboard-action-{action.id}" not in page.view.items
    assert QApplication.focusWidget() is page.view.items[briefing.objectName()]
    assert QApplication.focusWidget() is not briefing  # a new widget, with the same role


@pytest.mark.parametrize(("width", "columns"), [(1366, 2), (1000, 2), (900, 2), (899, 1), (700, 1)])
def test_two_columns_from_900_pixels(qtbot, journal, width, columns):
    """Cards sit in two columns at 900 px and wider, in one below."""
    page = _page(qtbot, journal, width=width)
    assert page.view.columns == columns
    page.resize(1366 if columns == 1 else 700, 768)
    qtbot.waitUntil(lambda: page.view.columns == 3 - columns)


def test_fits_a_laptop_screen_without_scrolling(qtbot, demo):
    """At 1366×768 (less the window's bars) the whole demo dashboard is visible at once."""
    page = _page(qtbot, demo, height=680)
    qtbot.waitUntil(lambda: page.view.scroll.widget().height() <= page.view.scroll.viewport().height())
    assert not page.view.scroll.verticalScrollBar().isVisible()
