"""Helpers for the Sessions page tests (no tests here; named to sit with them)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from reflect.domain.journal import NewEntry
from reflect.ui.sessions.sessions_page import SessionsPage

NOW = datetime(2026, 11, 26, 9, 0)
TODAY = NOW.date()


def open_page(qtbot, journal, size=(1366, 700)) -> SessionsPage:
    page = SessionsPage(journal, now=lambda: NOW, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # mnemonics and focus only work in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=3000)
    return page


def make_entries(journal, *titles: str) -> list[int]:
    return [journal.entries.create_entry(NewEntry(model="gibbs", title=t)).id for t in titles]


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface else "") or ""


def unnamed_focusable(top: QWidget) -> list[str]:
    """Visible, enabled widgets that take keyboard focus but have no accessible name."""
    return [f"{type(w).__name__} {w.objectName()!r}"
            for w in [top, *top.findChildren(QWidget)]
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(top) and w.isEnabled()
            and not accessible_name(w).strip()]


def day(text: str) -> date:
    return date.fromisoformat(text)


def type_date(qtbot, field, text: str) -> None:
    """Type `text` into a date field (a DateField, or the date of a DateTimeField) and press Enter."""
    edit = (field.day if hasattr(field, "day") else field).edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def type_when(qtbot, field, when: datetime) -> None:
    """Type a date and a time into a DateTimeField, as "1/12/2026" then "14:30"."""
    type_date(qtbot, field, f"{when.day}/{when.month}/{when.year}")
    field.time.setFocus()  # the hours first
    qtbot.keyClicks(field.time, when.strftime("%H:%M"))
    qtbot.keyClick(field.time, Qt.Key.Key_Tab)
