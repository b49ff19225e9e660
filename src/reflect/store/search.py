"""Full-text search over entries (titles, tags, answers) and briefings.

The FTS5 tables are contentless (see `migrations`): they hold folded tokens only. Ranking uses
FTS5's bm25; snippets are cut from the original text in Python, so highlights fall on the words
as the user wrote them, accents and all.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from reflect.domain.search_query import SearchQuery, find_spans, make_snippet, parse_query
from reflect.domain.search_results import SearchHit

if TYPE_CHECKING:
    from reflect.store.database import Database


class SearchIndex:
    def __init__(self, db: Database) -> None:
        self.db = db

    def search(self, text: str, *, limit: int = 50, kinds=("entry", "briefing")) -> list[SearchHit]:
        query = parse_query(text)
        if query.is_empty:
            return []
        hits: list[SearchHit] = []
        if "entry" in kinds:
            hits.extend(self._entries(query, limit))
        if "briefing" in kinds:
            hits.extend(self._briefings(query, limit))
        hits.sort(key=lambda h: h.rank)
        return hits[:limit]

    def _entries(self, query: SearchQuery, limit: int) -> list[SearchHit]:
        # Best-ranked answer per entry, and entries whose title or tags match.
        rows = self.db.execute(
            """
            WITH answer_hits AS (
                SELECT a.entry_id AS entry_id, a.stage AS stage, a.text AS text, f.rank AS rank
                FROM answers_fts f JOIN answers a ON a.id = f.rowid
                WHERE answers_fts MATCH :q ORDER BY f.rank LIMIT :scan
            ),
            title_hits AS (
                SELECT f.rowid AS entry_id, '' AS stage, NULL AS text, f.rank AS rank
                FROM entries_fts f WHERE entries_fts MATCH :q ORDER BY f.rank LIMIT :scan
            ),
            ranked AS (
                SELECT entry_id, stage, text, rank,
                       row_number() OVER (PARTITION BY entry_id ORDER BY rank) AS n
                FROM (SELECT * FROM answer_hits UNION ALL SELECT * FROM title_hits)
            )
            SELECT e.id, e.title, r.stage, r.text, r.rank, e.created_at,
                   (SELECT group_concat(t.name, ', ') FROM entry_tags et
                    JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id),
                   CASE WHEN r.text IS NULL THEN (SELECT a.text FROM answers a
                        WHERE a.entry_id = e.id AND a.text != '' ORDER BY a.id LIMIT 1) END
            FROM ranked r JOIN entries e ON e.id = r.entry_id
            WHERE r.n = 1 ORDER BY r.rank LIMIT :limit
            """,
            {"q": query.match, "scan": limit * 4, "limit": limit},
        ).fetchall()
        hits = []
        for entry_id, title, stage, text, rank, created_at, tags, first_answer in rows:
            if text is None:
                # Matched on the title or tags: show where, and the start of what was written.
                stage = "tags" if tags and _has_match(tags, query) and not _has_match(title, query) \
                    else "title"
                text = first_answer or (f"Tags: {tags}" if tags else "")
            hits.append(SearchHit("entry", entry_id, title or "Untitled reflection",
                                  make_snippet(text, query.terms), stage, rank,
                                  _local_day(created_at), query.terms))
        return hits

    def _briefings(self, query: SearchQuery, limit: int) -> list[SearchHit]:
        rows = self.db.execute(
            """
            SELECT s.briefing_id, b.title, s.heading, s.body, f.rank, b.added_at
            FROM briefings_fts f
            JOIN briefing_sections s ON s.id = f.rowid
            JOIN briefings b ON b.id = s.briefing_id
            WHERE briefings_fts MATCH :q ORDER BY f.rank LIMIT :limit
            """,
            {"q": query.match, "limit": limit},
        ).fetchall()
        return [
            SearchHit("briefing", briefing_id, title,
                      make_snippet(body if _has_match(body, query) else heading, query.terms),
                      heading, rank, _local_day(added_at), query.terms)
            for briefing_id, title, heading, body, rank, added_at in rows
        ]


def _local_day(moment: str | None) -> date | None:
    from reflect.store.rows import text_to_moment  # here: importing the index loads no other module

    return text_to_moment(moment).astimezone().date() if moment else None


def _has_match(text: str, query: SearchQuery) -> bool:
    return bool(find_spans(text, query.terms))
