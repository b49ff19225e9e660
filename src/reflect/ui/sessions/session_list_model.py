"""The list of supervision sessions: upcoming first (soonest at the top), then past (latest first).

One flat list model with two caption rows, "Upcoming" and "Past", rather than a tree: the list is
short, a tree would add expand and collapse steps for keyboard users, and a caption row carries no
flags, so arrow keys skip it and it can never be selected. Each session row is drawn in three short
lines (when; what and with whom; status and counts) so it fits a narrow left pane; screen readers get
the same as one sentence through `AccessibleTextRole`. A session whose supervisor's reply has been
imported says so at the end of its details: "replied", or "signed off" once the supervisor ticked it.

`refresh()` re-reads the sessions; when the order is unchanged it only repaints, so the selection
and the scroll position survive the autosave of the form beside the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from reflect.domain.session_rules import order_for_list, session_title
from reflect.domain.supervision import Session, SessionStatus
from reflect.domain.wording import plural
from reflect.store import SessionStore
from reflect.ui.common.colours import blend, secondary

HEADER, SESSION, PLACEHOLDER = "header", "session", "placeholder"
STATUS_LABELS = {SessionStatus.PLANNED: "Planned", SessionStatus.HELD: "Held",
                 SessionStatus.CANCELLED: "Cancelled"}


def counts_text(reflections: int, actions: int) -> str:
    """e.g. "3 reflections · 2 actions"."""
    return f"{plural(reflections, 'reflection')} · {plural(actions, 'action')}"


def reply_word(signed_off: bool | None) -> str:
    """What the list says of a session's imported reply: nothing (None: no reply), "replied" or
    "signed off"."""
    return "" if signed_off is None else ("signed off" if signed_off else "replied")


@dataclass(frozen=True)
class _Row:
    kind: str
    text: str = ""
    session: Session | None = None
    counts: tuple[int, int] = (0, 0)
    reply: str = ""  # `reply_word`


class SessionListModel(QAbstractListModel):
    SessionIdRole = Qt.ItemDataRole.UserRole + 1
    KindRole = Qt.ItemDataRole.UserRole + 2
    #: "Tue 1 Dec 2026, 10:00"
    WhenRole = Qt.ItemDataRole.UserRole + 3
    #: "Regular 1:1 with Team manager"
    WhatRole = Qt.ItemDataRole.UserRole + 4
    #: "Planned · 3 reflections · 2 actions"
    DetailsRole = Qt.ItemDataRole.UserRole + 5

    def __init__(self, sessions: SessionStore, *, now: Callable[[], datetime] = datetime.now,
                 replies: Callable[[], dict[int, bool]] | None = None, parent=None) -> None:
        """`replies`: each replied session's id and whether it is signed off (ReplyStore)."""
        super().__init__(parent)
        self.store = sessions
        self._replies = replies
        self._now = now
        self._rows: list[_Row] = []

    # -- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        rows = self._read()
        if [(r.kind, r.text, r.session and r.session.id) for r in rows] == \
                [(r.kind, r.text, r.session and r.session.id) for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 0))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _read(self) -> list[_Row]:
        sessions = self.store.list_sessions()
        counts = self.store.counts()
        replies = self._replies() if self._replies is not None else {}

        def row(s: Session) -> _Row:
            return _Row(SESSION, session=s, counts=counts.get(s.id, (0, 0)),
                        reply=reply_word(replies.get(s.id)))

        upcoming, past = order_for_list(sessions, self._now())
        rows = [_Row(HEADER, "Upcoming"), *map(row, upcoming)]
        if not upcoming:
            rows.append(_Row(PLACEHOLDER, "None planned yet"))
        if past:
            rows += [_Row(HEADER, "Past"), *map(row, past)]
        return rows

    def row_of(self, session_id: int) -> int:
        return next((i for i, r in enumerate(self._rows)
                     if r.session is not None and r.session.id == session_id), -1)

    def session_id(self, row: int) -> int | None:
        if 0 <= row < len(self._rows) and self._rows[row].session is not None:
            return self._rows[row].session.id
        return None

    def session_ids(self) -> list[int]:
        """Session ids in list order (upcoming, then past)."""
        return [r.session.id for r in self._rows if r.session is not None]

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex):
        if not index.isValid() or self._rows[index.row()].kind != SESSION:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.KindRole:
            return row.kind
        if row.session is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.text
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{row.text} sessions" if row.kind == HEADER else row.text
            return None
        session = row.session
        when, _, what = session_title(session).partition(" — ")
        details = f"{STATUS_LABELS[session.status]} · {counts_text(*row.counts)}"
        if row.reply:
            details += f" · {row.reply}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return session_title(session)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{session_title(session)}. {details}."
        if role == self.SessionIdRole:
            return session.id
        if role == self.WhenRole:
            return when
        if role == self.WhatRole:
            return what
        if role == self.DetailsRole:
            return details
        return None


class SessionDelegate(QStyledItemDelegate):
    """Captions as small bold headings with a rule; sessions in three lines."""

    PAD_X, PAD_Y, GAP = 10, 6, 2

    def _fonts(self, option) -> tuple[QFont, QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        return bold, QFont(option.font), small

    def sizeHint(self, option, index) -> QSize:
        bold, normal, small = self._fonts(option)
        if index.data(SessionListModel.KindRole) != SESSION:
            return QSize(200, QFontMetrics(bold).height() + 2 * self.PAD_Y + 4)
        height = (QFontMetrics(bold).height() + QFontMetrics(normal).height()
                  + QFontMetrics(small).height() + 2 * self.GAP + 2 * self.PAD_Y)
        return QSize(200, height)

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        kind = index.data(SessionListModel.KindRole)
        palette = opt.palette
        bold, normal, small = self._fonts(opt)
        rect = opt.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        painter.save()
        if kind != SESSION:
            text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
            back = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
            painter.setFont(bold if kind == HEADER else normal)
            painter.setPen(text if kind == HEADER else secondary(text, back))
            self._line(painter, rect, rect.top() + 2, index.data(Qt.ItemDataRole.DisplayRole))
            if kind == HEADER:
                painter.setPen(blend(back, text, 0.35))
                painter.drawLine(rect.left(), opt.rect.bottom() - 1, rect.right(), opt.rect.bottom() - 1)
            painter.restore()
            return
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        text = palette.color(group, QPalette.ColorRole.HighlightedText if selected
                             else QPalette.ColorRole.Text)
        back = palette.color(group, QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        y = rect.top()
        painter.setPen(text)
        painter.setFont(bold)
        y = self._line(painter, rect, y, index.data(SessionListModel.WhenRole))
        painter.setFont(normal)
        y = self._line(painter, rect, y, index.data(SessionListModel.WhatRole))
        painter.setFont(small)
        painter.setPen(secondary(text, back))
        self._line(painter, rect, y, index.data(SessionListModel.DetailsRole))
        painter.restore()

    def _line(self, painter: QPainter, rect: QRect, y: int, value: str | None) -> int:
        metrics = painter.fontMetrics()
        line = QRect(rect.left(), y, rect.width(), metrics.height())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(value or "", Qt.TextElideMode.ElideRight, max(0, rect.width())))
        return y + metrics.height() + self.GAP


class SessionListView(QListView):
    """The list, with Home and End landing on the first and last session, not on a caption."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(SessionDelegate(self))

    def moveCursor(self, action, modifiers) -> QModelIndex:
        model = self.model()
        Move = QAbstractItemView.CursorAction
        if model is not None and action in (Move.MoveHome, Move.MoveEnd):
            rows = range(model.rowCount()) if action == Move.MoveHome else \
                range(model.rowCount() - 1, -1, -1)
            for row in rows:
                index = model.index(row, 0)
                if index.flags() & Qt.ItemFlag.ItemIsSelectable:
                    return index
        return super().moveCursor(action, modifiers)
