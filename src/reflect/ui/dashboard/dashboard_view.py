"""The dashboard's layout: five cards in two stacks that fold to one column on narrow windows.

Layout only (behaviour is in `dashboard.py`). `show_data` rebuilds the cards' items from a
`DashboardData` snapshot and records each clickable item in `items` under a stable object name, so
the controller can connect them and give focus back to the same item after a refresh. At 900 px
and wider the cards sit in two stacks (next session, actions and questions; then CPD and the month
chart), which fits a 1366×768 laptop without scrolling; below that they form one column, so every
line stays readable with the window halved.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.dashboard import (
    MONTHS_SHOWN,
    DashboardData,
    long_day,
    relative_day,
)
from reflect.domain.session_rules import session_title
from reflect.domain.wording import plural
from reflect.ui.dashboard.charts import ItemButton, MeterButton, MonthChart, scaled

TWO_COLUMNS_FROM = 900  # px of page width
MAX_ACTIONS_SHOWN = 5
AWAITING = "Awaiting the supervisor's reply"


def _label(text: str, *, small: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles and descriptions are user text
    label.setWordWrap(True)
    if small:
        # Smaller, never paler: grey-on-white secondary text fails contrast on office screens.
        label.setFont(scaled(label.font(), 0.92))
    return label


class Card(QFrame):
    """A titled panel on the Base colour; its items are replaced wholesale on each refresh."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard-card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(4)
        self.heading = QLabel(title)
        self.heading.setFont(scaled(self.font(), 1.15, bold=True))
        layout.addWidget(self.heading)
        self.body = QVBoxLayout()
        self.body.setSpacing(2)
        layout.addLayout(self.body)
        layout.addStretch(1)
        self._items: list[QWidget] = []

    def set_items(self, *widgets: QWidget) -> None:
        for old in self._items:
            self.body.removeWidget(old)
            old.hide()
            old.deleteLater()  # not now: it may be the button whose click started this refresh
        self._items = list(widgets)
        for widget in widgets:
            self.body.addWidget(widget)
            widget.show()  # at once: the layout would only show it on the next pass of the event loop


class DashboardView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: dict[str, QWidget] = {}
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its items take focus, not the area
        self.scroll.setAccessibleName("Dashboard")
        content = QWidget()
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        page = QVBoxLayout(content)
        page.setContentsMargins(16, 12, 16, 16)
        page.setSpacing(10)
        self.title = QLabel("Dashboard")
        self.title.setFont(scaled(self.font(), 1.5, bold=True))
        self.today = _label("", small=True)
        page.addWidget(self.title)
        page.addWidget(self.today)

        self.session_card = Card("Next supervision session")
        self.actions_card = Card("Actions due")
        self.coverage_card = Card("Questions reflected on")
        self.cpd_card = Card("CPD this registration year")
        self.months_card = Card("Reflections per month")
        self.months_summary = _label("")
        self.month_chart = MonthChart("Reflections per month, last 12 months")
        self.months_card.body.addWidget(self.months_summary)
        self.months_card.body.addWidget(self.month_chart)
        # Two stacks rather than a grid of rows: cards differ a lot in height (five actions against
        # one session line), and rows would leave holes that push the chart off a laptop screen.
        self.stacks = (QVBoxLayout(), QVBoxLayout())
        self.row = QHBoxLayout()
        self.row.setSpacing(12)
        for stack in self.stacks:
            stack.setSpacing(12)
            self.row.addLayout(stack, 1)
        page.addLayout(self.row)
        page.addStretch(1)
        self._columns = 0
        self._arrange(1)

    # -- responsive columns --------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        # Reading (and Tab) order is the same either way: left stack top to bottom, then right.
        left = [self.session_card, self.actions_card, self.coverage_card]
        right = [self.cpd_card, self.months_card]
        placed = (left, right) if columns == 2 else (left + right, [])
        for stack in self.stacks:
            for card in left + right:
                # removeWidget, not takeAt: it deletes the layout item, which a widget must lose
                # before a new item will pass on its size changes (else the stack keeps old sizes).
                stack.removeWidget(card)
            while stack.count():
                stack.takeAt(0)  # the stretch
        for index, (stack, cards) in enumerate(zip(self.stacks, placed, strict=True)):
            for card in cards:
                stack.addWidget(card)
            stack.addStretch(1)
            self.row.setStretch(index, 1 if cards else 0)

    @property
    def columns(self) -> int:
        return self._columns

    # -- filling the cards -----------------------------------------------------------------------
    def _item(self, name: str, widget: QWidget) -> QWidget:
        widget.setObjectName(name)
        self.items[name] = widget
        return widget

    def show_data(self, data: DashboardData) -> None:
        self.items = {}
        self.today.setText(f"Today is {long_day(data.today, weekday=True)}.")
        self._show_session(data)
        self._show_actions(data)
        self._show_coverage(data)
        self._show_cpd(data)
        self._show_months(data)
        # Tab follows reading order even though items are rebuilt (and re-parented) on each refresh.
        for before, after in pairwise(self.items.values()):
            QWidget.setTabOrder(before, after)

    def _show_session(self, data: DashboardData) -> None:
        upcoming = data.next_session
        if upcoming is None:
            plan = self._item("dashboard-plan-session", QPushButton("Plan a session…"))
            plan.setAccessibleName("Plan a session")
            plan.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            widgets: list[QWidget] = [_label("No session planned."), plan]
        else:
            session = upcoming.session
            detail = " · ".join([
                relative_day(session.starts_at.date(), data.today).capitalize(),
                plural(upcoming.agenda_items, "agenda item"),
                plural(upcoming.reflections, "reflection") + " linked",
            ])
            widgets = [self._item("dashboard-session", ItemButton(session_title(session), detail))]
        self.session_card.set_items(*widgets, *self._awaiting(data))

    def _awaiting(self, data: DashboardData) -> list[QWidget]:
        """Sessions whose pack went to the supervisor over a week ago and has not come back."""
        if not data.awaiting_replies:
            return []
        widgets: list[QWidget] = [_label(AWAITING)]
        for item in data.awaiting_replies:
            button = ItemButton(session_title(item.session), item.sent_text,
                                name=f"{AWAITING}: {session_title(item.session)}. {item.sent_text}")
            widgets.append(self._item(f"dashboard-awaiting-{item.session.id}", button))
        return widgets

    def _show_actions(self, data: DashboardData) -> None:
        widgets: list[QWidget] = [_label(data.actions_summary)]
        for action in data.actions_to_list(MAX_ACTIONS_SHOWN):
            button = ItemButton(action.description, action.due_text,
                                emphasis="Overdue" if action.overdue else "")
            widgets.append(self._item(f"dashboard-action-{action.id}", button))
        hidden = len(data.actions) - MAX_ACTIONS_SHOWN
        if hidden > 0:
            more = QPushButton(f"Show all {len(data.actions)} actions")
            more.setAccessibleName(f"Show all {len(data.actions)} actions ({hidden} more not listed here)")
            more.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            widgets.append(self._item("dashboard-all-actions", more))
        self.actions_card.set_items(*widgets)

    def _show_coverage(self, data: DashboardData) -> None:
        widgets: list[QWidget] = []
        if not data.coverage:
            widgets.append(_label("There are no briefings in your library yet."))
        elif not data.any_question_answered:
            widgets.append(_label("You have not reflected on any briefing's questions yet. "
                                  "Open a briefing to start."))
        for item in data.coverage:
            value = (f"{item.answered} of {plural(item.total, 'question')}" if item.total
                     else "no questions")
            bar = MeterButton(item.title, value, item.answered, item.total, name=item.label,
                              description=f"{item.description}. Opens {item.full_title or item.title}.")
            widgets.append(self._item(f"dashboard-briefing-{item.briefing_id}", bar))
        self.coverage_card.set_items(*widgets)

    def _show_cpd(self, data: DashboardData) -> None:
        cpd = data.cpd
        period = _label(f"{long_day(cpd.year_start)} to {long_day(cpd.year_end)}", small=True)
        records = MeterButton("CPD records", f"{cpd.records} (minimum {cpd.required})", cpd.records,
                              cpd.required, name=f"CPD records this year: {cpd.records} "
                              f"(minimum {cpd.required})", description=cpd.summary)
        peer = MeterButton("With peer reflection", f"{cpd.with_peer} (minimum {cpd.required_peer})",
                           cpd.with_peer, cpd.required_peer,
                           name=f"CPD records with peer reflection: {cpd.with_peer} "
                           f"(minimum {cpd.required_peer})", description=cpd.summary)
        self.cpd_card.set_items(period, self._item("dashboard-cpd-records", records),
                                self._item("dashboard-cpd-peer", peer), _label(cpd.summary))

    def _show_months(self, data: DashboardData) -> None:
        total = data.reflections_in_months
        self.months_summary.setText(
            f"{plural(total, 'reflection')} in the last {MONTHS_SHOWN} months." if total
            else f"No reflections in the last {MONTHS_SHOWN} months.")
        columns = []
        for index, item in enumerate(data.months):
            # The year under the first month and under each January, so the axis reads on its own.
            year = str(item.month.year) if index == 0 or item.month.month == 1 else ""
            columns.append((item.description, item.month.short, year, item.reflections))
        self.month_chart.set_months(columns, current=len(columns) - 1)
        for item, column in zip(data.months, self.month_chart.columns, strict=True):
            self._item(f"dashboard-month-{item.month.year}-{item.month.month:02d}", column)
