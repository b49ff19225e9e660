"""The dashboard page: what is coming up, what is due, and how the year's reflection is going.

It is the first page after unlocking (journey 8). The page reads one `DashboardData` snapshot
through `DashboardQueries` (a few milliseconds even for a large journal, so on the UI thread) each
time it is shown, and turns every item into a signal asking the main window to open what the item
summarises: a session, an action, a briefing, or the reflections behind a month or the CPD count
(as an `EntryFilter` for the entry list). It knows nothing of the other pages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from reflect.domain.dashboard import CPD_MODELS, CpdPicture, DashboardData, Month
from reflect.store import DashboardQueries
from reflect.ui.dashboard.dashboard_view import DashboardView

if TYPE_CHECKING:
    from reflect.domain.entry_filter import EntryFilter


def month_filter(month: Month) -> EntryFilter:
    """The reflections created in `month` (what its column counts)."""
    from reflect.domain.entry_filter import EntryFilter  # on a click, not before the first paint

    return EntryFilter(created_from=month.first, created_to=month.last)


def cpd_filter(cpd: CpdPicture) -> EntryFilter:
    """The CPD records of the registration year (what the CPD card counts)."""
    from reflect.domain.entry_filter import EntryFilter

    return EntryFilter(models=CPD_MODELS, created_from=cpd.year_start, created_to=cpd.year_end)


class DashboardPage(QWidget):
    open_session = Signal(int)
    plan_session = Signal()
    open_action = Signal(int)  # the actions page selects it
    open_actions = Signal()  # "Show all N actions" when more are due than the card lists
    open_briefing = Signal(int)
    open_entries = Signal(object)  # an EntryFilter

    def __init__(self, queries: DashboardQueries, today: Callable[[], date] = date.today,
                 now: Callable[[], datetime] = datetime.now, parent: QWidget | None = None, *,
                 read_mark: Callable[[], object] | None = None,
                 preloaded: tuple[DashboardData, object] | None = None) -> None:
        super().__init__(parent)
        self._queries = queries
        # what the journal (and clock) were when the page last read: equal marks, nothing to read
        self._read_mark = read_mark
        self._read_at: object = None
        # (data, mark) read while unlocking (see reflect.app): the first showing uses it if current
        self._preloaded = preloaded
        self._today = today
        self._now = now
        self.data: DashboardData | None = None
        self.view = DashboardView()
        self.setAccessibleName("Dashboard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Each time the page comes back (not when the window is merely restored) it re-reads,
        # so an action ticked done or a reflection written elsewhere shows at once; given a
        # `read_mark`, only if it moved since the last reading.
        if not event.spontaneous():
            mark = self._read_mark() if self._read_mark is not None else None
            if mark is None or mark != self._read_at:
                preloaded, self._preloaded = self._preloaded, None
                if preloaded is not None and mark is not None and preloaded[1] == mark:
                    self._show(preloaded[0])
                else:
                    self.refresh()
                self._read_at = mark

    def refresh(self) -> None:
        """Re-read everything and redraw, keeping keyboard focus on the same item if it is still there."""
        self._show(self._queries.load(self._today(), self._now()))

    def _show(self, data: DashboardData) -> None:
        focused = QApplication.focusWidget()
        keep = next((name for name, widget in self.view.items.items() if widget is focused), None)
        self.data = data
        self.view.show_data(self.data)
        self._connect(self.data)
        if keep and keep in self.view.items:
            self.view.items[keep].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- every item opens what it summarises --------------------------------------------------
    def _connect(self, data: DashboardData) -> None:
        items = self.view.items

        def on(name: str, slot: Callable[[], None]) -> None:
            if name in items:
                items[name].clicked.connect(lambda _checked=False: slot())

        if data.next_session is not None:
            session_id = data.next_session.session.id
            on("dashboard-session", lambda: self.open_session.emit(session_id))
        on("dashboard-plan-session", self.plan_session.emit)
        for item in data.awaiting_replies:
            on(f"dashboard-awaiting-{item.session.id}",
               lambda i=item.session.id: self.open_session.emit(i))
        for action in data.actions:
            on(f"dashboard-action-{action.id}", lambda i=action.id: self.open_action.emit(i))
        on("dashboard-all-actions", self.open_actions.emit)
        for item in data.coverage:
            on(f"dashboard-briefing-{item.briefing_id}",
               lambda i=item.briefing_id: self.open_briefing.emit(i))
        for item in data.months:
            on(f"dashboard-month-{item.month.year}-{item.month.month:02d}",
               lambda m=item.month: self.open_entries.emit(month_filter(m)))
        for name in ("dashboard-cpd-records", "dashboard-cpd-peer"):
            on(name, lambda: self.open_entries.emit(cpd_filter(data.cpd)))
