"""The entry list's queries: which entries match the filters, in which order, and their rows.

The list is lazy: `ids()` returns only the matching ids, in order, from one SQL statement, and the
list model asks `summaries()` for a page of rows at a time as the user scrolls. That keeps a
10,000-entry journal as quick to filter as a small one.

Every value the user chose travels as a parameter; only fixed SQL fragments are joined. Text goes
through `parse_query` (the same folding and quoting as the search box), so characters such as `"`,
`AND` or `(` are plain text. Each word or phrase must appear somewhere in the entry (title, tags or
any answer), not necessarily all in the same answer: that is what "filter by these words" means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from reflect.domain.entry_filter import EntryFilter, EntrySort
from reflect.domain.journal import EntryStatus, EntrySummary
from reflect.domain.search_query import parse_query
from reflect.domain.supervision import SessionType
from reflect.domain.text_fold import fold
from reflect.store.rows import moment_to_text, text_to_local, text_to_moment

_SUMMARY_COLUMNS = "id, title, model, status, briefing_id, question_id, created_at, updated_at"
# SQLite allows at least 999 parameters per statement; pages are far smaller, but be safe.
_CHUNK = 500
# `parse_query` quotes every word or phrase: `"word"`, `"two words"`, `"prefix"*`. Nothing else
# can appear in its output, so splitting it back into clauses is safe.
_CLAUSE = re.compile(r'"[^"]*"\*?')

# `+a.id` stops SQLite looking each matching answer up by its primary key, which reads the
# answer's (large, encrypted) page; it scans the small (entry_id, stage) index instead: 6 ms rather
# than 38 ms for a common word in a 10,000-entry journal.
_TEXT_ALL_ENTRIES = (
    "(e.id IN (SELECT a.entry_id FROM answers a WHERE +a.id IN "
    "(SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?)) "
    "OR e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?))"
)
_TEXT_ONE_ENTRY = (
    "(EXISTS (SELECT 1 FROM answers a JOIN answers_fts f ON f.rowid = a.id "
    "WHERE a.entry_id = e.id AND answers_fts MATCH ?) "
    "OR EXISTS (SELECT 1 FROM entries_fts f WHERE f.rowid = e.id AND entries_fts MATCH ?))"
)

if TYPE_CHECKING:
    from reflect.store.database import Database

_ORDER = {
    EntrySort.UPDATED: "e.updated_at DESC, e.id DESC",
    EntrySort.CREATED: "e.created_at DESC, e.id DESC",
}


class EntryQuery:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- the list ---------------------------------------------------------------------------
    def ids(self, entry_filter: EntryFilter, sort: EntrySort = EntrySort.UPDATED) -> list[int]:
        """Ids of the entries matching every part of `entry_filter`, in `sort` order."""
        where, params = self._where(entry_filter)
        if where is None:
            return []
        sort = EntrySort(sort)
        if sort is EntrySort.TITLE:
            # Folded in Python (one call per row is cheaper than a Python collation called per
            # comparison) so "Éducation" sorts beside "education", not after "z". Rows arrive in id
            # order and the sort is stable, so equal titles keep a fixed order; untitled go last.
            rows = self.db.execute(
                f"SELECT e.id, e.title FROM entries e{where} ORDER BY e.id", params
            ).fetchall()
            rows.sort(key=lambda r: fold(r[1]).strip() or "\uffff")
            return [r[0] for r in rows]
        sql = f"SELECT e.id FROM entries e{where} ORDER BY {_ORDER[sort]}"
        return [r[0] for r in self.db.execute(sql, params)]

    def count(self, entry_filter: EntryFilter) -> int:
        """How many entries match `entry_filter` (an empty filter counts every entry)."""
        where, params = self._where(entry_filter)
        if where is None:
            return 0
        return self.db.execute(f"SELECT count(*) FROM entries e{where}", params).fetchone()[0]

    def matches(self, entry_id: int, entry_filter: EntryFilter) -> bool:
        """Whether one entry matches `entry_filter` (used when an entry changes under the list)."""
        where, params = self._where(entry_filter, one_entry=True)
        if where is None:
            return False
        where = f"{where} AND e.id = ?" if where else " WHERE e.id = ?"
        row = self.db.execute(f"SELECT 1 FROM entries e{where}", [*params, entry_id]).fetchone()
        return row is not None

    def summaries(self, ids: Iterable[int]) -> dict[int, EntrySummary]:
        """The list rows (with tags) of the given entries; ids that no longer exist are absent."""
        wanted = list(dict.fromkeys(ids))
        out: dict[int, EntrySummary] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            tags: dict[int, list[str]] = {}
            for entry_id, name in self.db.execute(
                "SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                f"WHERE et.entry_id IN ({marks}) ORDER BY t.name COLLATE NOCASE", chunk
            ):
                tags.setdefault(entry_id, []).append(name)
            for r in self.db.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM entries WHERE id IN ({marks})", chunk
            ):
                out[r[0]] = EntrySummary(
                    r[0], r[1], r[2], EntryStatus(r[3]), r[4], r[5], text_to_moment(r[6]),
                    text_to_moment(r[7]), tuple(tags.get(r[0], ())),
                )
        return out

    # -- what the filter widgets offer --------------------------------------------------------
    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag in use with how many entries carry it, A to Z; case variants merged."""
        merged: dict[str, tuple[str, int]] = {}
        for name, count in self.db.execute(
            "SELECT t.name, count(*) FROM tags t JOIN entry_tags et ON et.tag_id = t.id "
            "GROUP BY t.id ORDER BY t.name COLLATE NOCASE, t.id"
        ):
            key = fold(name)
            shown, total = merged.get(key, (name, 0))
            merged[key] = (shown, total + count)
        return sorted(merged.values(), key=lambda item: fold(item[0]))

    def sessions_with_entries(self) -> list[tuple[int, str]]:
        """Sessions that have linked reflections, latest first, with a label for a picker."""
        rows = self.db.execute(
            "SELECT s.id, s.starts_at, s.supervisor_role, s.supervisor_name, s.type FROM sessions s "
            "WHERE EXISTS (SELECT 1 FROM session_entries se WHERE se.session_id = s.id) "
            "ORDER BY s.starts_at IS NULL, s.starts_at DESC, s.id DESC"
        ).fetchall()
        return [(r[0], session_label(text_to_local(r[1]), r[2], r[3], r[4])) for r in rows]

    # -- building the WHERE clause ------------------------------------------------------------
    def _where(self, f: EntryFilter, *, one_entry: bool = False) -> tuple[str | None, list]:
        """SQL after `FROM entries e` and its parameters; None when nothing can match.

        `one_entry` words the text match for checking a single entry: FTS5 then looks up only
        that entry's rows instead of listing every match in the journal.
        """
        clauses: list[str] = []
        params: list = []
        if f.briefing_id is not None:
            clauses.append("e.briefing_id = ?")
            params.append(f.briefing_id)
        if f.question_id is not None:
            clauses.append("e.question_id = ?")
            params.append(f.question_id)
        if f.status is not None:
            clauses.append("e.status = ?")
            params.append(EntryStatus(f.status).value)
        if f.session_id is not None:
            clauses.append("e.id IN (SELECT entry_id FROM session_entries WHERE session_id = ?)")
            params.append(f.session_id)
        if f.models:
            models = sorted(f.models)
            clauses.append(f"e.model IN ({', '.join('?' * len(models))})")
            params.extend(models)
        if f.tags:
            tag_ids = self._tag_ids(f.tags)
            if tag_ids is None:
                return None, []
            for ids in tag_ids:
                marks = ", ".join("?" * len(ids))
                clauses.append(f"e.id IN (SELECT entry_id FROM entry_tags WHERE tag_id IN ({marks}))")
                params.extend(ids)
        # Text with no searchable word (only `"` or `(`, say) does not narrow the list.
        for clause in _CLAUSE.findall(parse_query(f.text).match):
            # Per clause, so the words of one filter may sit in different answers of the entry.
            clauses.append(_TEXT_ONE_ENTRY if one_entry else _TEXT_ALL_ENTRIES)
            params.extend([clause, clause])
        if f.created_from is not None:
            clauses.append("e.created_at >= ?")
            params.append(_local_midnight(f.created_from))
        if f.created_to is not None:
            clauses.append("e.created_at < ?")
            params.append(_local_midnight(f.created_to + timedelta(days=1)))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _tag_ids(self, names: Iterable[str]) -> list[list[int]] | None:
        """For each chosen tag, the ids of tags equal to it ignoring case (None: a tag is unknown).

        Compared in Python with full Unicode case folding: SQLite's NOCASE folds only A to Z.
        """
        by_name: dict[str, list[int]] = {}
        for tag_id, name in self.db.execute("SELECT id, name FROM tags"):
            by_name.setdefault(_tag_key(name), []).append(tag_id)
        out = []
        for key in sorted({_tag_key(n) for n in names if _tag_key(n)}):
            if key not in by_name:
                return None
            out.append(by_name[key])
        return out


def _tag_key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def _local_midnight(day: date) -> str:
    """The UTC text of the start of `day` on this computer's clock (dates are what users see)."""
    return moment_to_text(datetime.combine(day, time()))


def session_label(starts_at: datetime | None, role: str, name: str, session_type: str) -> str:
    """e.g. "Tue 12 Nov 2026, 10:00 — Practice supervisor"."""
    when = (f"{starts_at:%a} {starts_at.day} {starts_at:%b %Y, %H:%M}" if starts_at
            else "Undated session")
    try:
        kind = SessionType(session_type).label
    except ValueError:
        kind = "Session"
    who = role.strip() or name.strip() or kind
    return f"{when} — {who}"


def _chunks(values: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]
