"""The entry list's model: every matching id at once, each row's details only when it is seen.

Filtering and sorting happen in SQL (`EntryQuery.ids`), so the model holds a plain list of ids,
10,000 ints for the largest journal. Rows are loaded a page at a time when the view first asks for
one, and only a bounded number are kept, so opening or filtering a big journal costs one query and
one page, whatever its size.

One model column with a custom delegate rather than a table: in a 420-pixel side pane a grid of
title, status, model, date and tags leaves a title a few words wide. Screen readers lose nothing:
each row's `AccessibleTextRole` reads the whole row as a sentence ("Title. Draft. Updated 12 Nov.
Gibbs. Tags: …"), which is what Qt's accessibility bridge announces for an item.

`entry_changed` keeps the list live while the editor autosaves: it updates, moves, inserts or
removes one row with the fine-grained signals, never a reset, so the selection and the scroll
position survive.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from reflect.domain.entry_filter import EntryFilter, EntrySort
from reflect.domain.journal import EntryStatus, EntrySummary
from reflect.domain.templates import model_by_key
from reflect.store import EntryQuery

UNTITLED = "Untitled reflection"
_TAG_CHARS = 36  # of each tag on a row; the tooltip and screen-reader text have them whole

_GONE = object()  # cached in place of a summary for an entry deleted since the ids were read


class EntryListModel(QAbstractListModel):
    EntryIdRole = Qt.ItemDataRole.UserRole + 1
    SummaryRole = Qt.ItemDataRole.UserRole + 2
    #: "Draft · updated 12 Nov 2026 · Gibbs" (the date follows the sort)
    MetaRole = Qt.ItemDataRole.UserRole + 3
    #: "escalation · neglect" (long tags, often a learning point, shortened)
    TagsRole = Qt.ItemDataRole.UserRole + 4
    StatusRole = Qt.ItemDataRole.UserRole + 5
    #: the meta line without the status: "updated 12 Nov 2026 · Gibbs"
    DetailsRole = Qt.ItemDataRole.UserRole + 6

    PAGE_SIZE = 100
    #: rows kept loaded; a screen shows about ten, so this is many screens of scrolling back
    CACHE_LIMIT = 2000

    def __init__(self, query: EntryQuery, parent=None) -> None:
        super().__init__(parent)
        self._query = query
        self._ids: list[int] = []
        self._cache: OrderedDict[int, object] = OrderedDict()
        self._filter = EntryFilter()
        self._sort = EntrySort.UPDATED

    # -- state ------------------------------------------------------------------------------
    @property
    def entry_filter(self) -> EntryFilter:
        return self._filter

    @property
    def sort(self) -> EntrySort:
        return self._sort

    def entry_ids(self) -> list[int]:
        return list(self._ids)

    def entry_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, entry_id: int) -> int:
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return -1

    def refresh(self, entry_filter: EntryFilter | None = None, sort: EntrySort | None = None) -> None:
        """Run the query again (with a new filter or sort if given) and reset the rows."""
        if entry_filter is not None:
            self._filter = entry_filter
        if sort is not None:
            self._sort = EntrySort(sort)
        ids = self._query.ids(self._filter, self._sort)
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._ids)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.column() != 0 or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.EntryIdRole:
            return self._ids[index.row()]
        if role not in _ROLES:
            return None
        summary = self._summary(index.row())
        if summary is None:
            # Deleted since the ids were read: "" rather than None, which PySide6 6.12 on Python
            # 3.11 mishandles on its way back to Python (see `entry_list._select_data`).
            return ""
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title.strip() or UNTITLED
        if role == self.SummaryRole:
            return summary
        if role == self.MetaRole:
            return self._meta(summary)
        if role == self.TagsRole:
            return " · ".join(t if len(t) <= _TAG_CHARS else t[:_TAG_CHARS - 1].rstrip() + "…"
                              for t in summary.tags)
        if role == self.DetailsRole:
            return self._meta(summary).split(" · ", 1)[1]
        if role == self.StatusRole:
            return summary.status.value
        if role == Qt.ItemDataRole.ToolTipRole:
            title = summary.title.strip() or UNTITLED
            tags = "\n".join(f"• {tag}" for tag in summary.tags)
            return f"{title}\n{self._meta(summary)}" + (f"\nTags:\n{tags}" if tags else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [summary.title.strip() or UNTITLED, self._meta(summary, sentence=True)]
            if summary.tags:
                parts.append("Tags: " + ", ".join(summary.tags))
            return ". ".join(parts) + "."
        return None

    # -- live updates -------------------------------------------------------------------------
    def entry_changed(self, entry_id: int) -> None:
        """Show an entry's new title, status, date or tags in place (and move it if the sort asks).

        An entry that stops matching the filters stays until the next refresh: it is usually the
        one open in the editor, and a row vanishing while the user types is disorienting. An
        entry that starts matching (a new one) is inserted where the sort puts it; a deleted entry
        is removed.
        """
        fresh = self._query.summaries([entry_id]).get(entry_id)
        row = self.row_of(entry_id)
        if fresh is None:
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self._cache.pop(entry_id, None)
                self.endRemoveRows()
            return
        if row < 0:
            if not self._query.matches(entry_id, self._filter):
                return
            target = 0 if self._sort is EntrySort.UPDATED else self._position_for(entry_id, 0)
            self.beginInsertRows(QModelIndex(), target, target)
            self._ids.insert(target, entry_id)
            self._remember(entry_id, fresh)
            self.endInsertRows()
            return
        old = self._cache.get(entry_id)
        self._remember(entry_id, fresh)
        target = row
        if self._sort is EntrySort.UPDATED:
            target = 0  # it was just saved: the most recently updated
        elif self._sort is EntrySort.TITLE and (
            not isinstance(old, EntrySummary) or old.title != fresh.title
        ):
            target = self._position_for(entry_id, row)
        if target != row:
            self._move(row, target)
        changed = self.index(target, 0)
        self.dataChanged.emit(changed, changed)

    def _move(self, row: int, target: int) -> None:
        # Qt's destination is a row of the list before the move: below the moved row, one more.
        destination = target + 1 if target > row else target
        if self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination):
            self._ids.insert(target, self._ids.pop(row))
            self.endMoveRows()

    def _position_for(self, entry_id: int, fallback: int) -> int:
        """Where `entry_id` belongs now: just after the row the query puts before it."""
        order = self._query.ids(self._filter, self._sort)
        try:
            before = set(order[:order.index(entry_id)])
        except ValueError:
            return fallback
        others = [i for i in self._ids if i != entry_id]
        position = 0
        for index, other in enumerate(others):
            if other in before:
                position = index + 1
        return position

    # -- lazy rows ----------------------------------------------------------------------------
    def _summary(self, row: int) -> EntrySummary | None:
        entry_id = self._ids[row]
        summary = self._cache.get(entry_id)
        if summary is None:
            self._load_page(row)
            summary = self._cache.get(entry_id)
        else:
            self._cache.move_to_end(entry_id)
        return summary if isinstance(summary, EntrySummary) else None

    def _load_page(self, row: int) -> None:
        start = row - row % self.PAGE_SIZE
        wanted = [i for i in self._ids[start:start + self.PAGE_SIZE] if i not in self._cache]
        loaded = self._query.summaries(wanted)
        for entry_id in wanted:
            self._remember(entry_id, loaded.get(entry_id, _GONE))

    def _remember(self, entry_id: int, summary) -> None:
        self._cache[entry_id] = summary
        self._cache.move_to_end(entry_id)
        while len(self._cache) > self.CACHE_LIMIT:
            self._cache.popitem(last=False)

    def cached_rows(self) -> int:
        return len(self._cache)

    # -- text ---------------------------------------------------------------------------------
    def _meta(self, summary: EntrySummary, *, sentence: bool = False) -> str:
        if self._sort is EntrySort.CREATED:
            when = f"created {when_label(summary.created_at)}"
        else:
            when = f"updated {when_label(summary.updated_at)}"
        parts = [EntryStatus(summary.status).label, when, model_by_key(summary.model).name]
        return (". " if sentence else " · ").join(
            p[:1].upper() + p[1:] if sentence else p for p in parts
        )


_ROLES = {
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
    EntryListModel.SummaryRole, EntryListModel.MetaRole, EntryListModel.TagsRole,
    EntryListModel.StatusRole, EntryListModel.DetailsRole,
}


def when_label(moment: datetime, now: datetime | None = None) -> str:
    """A short local date: "today 10:42", "yesterday 16:05", "3 Nov", "3 Nov 2025"."""
    local = moment.astimezone()
    now = (now or datetime.now()).astimezone()
    days = (now.date() - local.date()).days
    if days == 0:
        return f"today {local:%H:%M}"
    if days == 1:
        return f"yesterday {local:%H:%M}"
    if local.year == now.year:
        return f"{local.day} {local:%b}"
    return f"{local.day} {local:%b %Y}"

