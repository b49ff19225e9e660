"""Briefings kept in the journal, with ids that entries and tags point at."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.domain.briefing import Briefing, Reference, Section, SectionKind
from reflect.domain.library import BriefingItem, BriefingSummary, StoredBriefing
from reflect.store.rows import moment_to_text, row_of, text_to_moment, utc_now

if TYPE_CHECKING:
    from reflect.store.database import Database


class BriefingStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, briefing: Briefing, *, key: str | None = None, source_name: str = "",
            source_text: str = "") -> int:
        """Store `briefing` and return its id. Each learning point also becomes a tag."""
        with self.db.atomic():
            return self._add_in_transaction(briefing, key, source_name, source_text)

    def _add_in_transaction(self, briefing: Briefing, key, source_name, source_text) -> int:
        cur = self.db.execute(
            "INSERT INTO briefings (key, title, partnership, subject, source_name, source_text, "
            "added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [key, briefing.title, briefing.partnership, briefing.subject, source_name,
             source_text, moment_to_text(utc_now())],
        )
        briefing_id = cur.lastrowid
        section_ids: dict[SectionKind, int] = {}
        for position, section in enumerate(briefing.sections):
            cur = self.db.execute(
                "INSERT INTO briefing_sections (briefing_id, position, kind, heading, body) "
                "VALUES (?, ?, ?, ?, ?)",
                [briefing_id, position, section.kind.value, section.heading, section.text],
            )
            section_ids.setdefault(section.kind, cur.lastrowid)
        items = (
            [("learning", SectionKind.LEARNING, text, None) for text in briefing.learning]
            + [("question", SectionKind.CONSIDER, text, None) for text in briefing.questions]
            + [("link", SectionKind.LEARN_MORE, ref.title, ref.url) for ref in briefing.links]
        )
        counters: dict[str, int] = {}
        for kind, section_kind, text, url in items:
            position = counters.get(kind, 0)
            counters[kind] = position + 1
            cur = self.db.execute(
                "INSERT INTO briefing_items (briefing_id, section_id, kind, position, text, url) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [briefing_id, section_ids.get(section_kind), kind, position, text, url],
            )
        return briefing_id

    def id_for_key(self, key: str) -> int | None:
        row = self.db.execute("SELECT id FROM briefings WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def list(self) -> list[BriefingSummary]:
        rows = self.db.execute(
            "SELECT b.id, b.key, b.title, b.partnership, b.subject, b.added_at, "
            "(SELECT count(*) FROM briefing_items i WHERE i.briefing_id = b.id "
            " AND i.kind = 'question') FROM briefings b ORDER BY b.key IS NULL, b.added_at, b.id"
        ).fetchall()
        return [
            BriefingSummary(r[0], r[1], r[2], r[3], r[4], r[6], text_to_moment(r[5])) for r in rows
        ]

    def get(self, briefing_id: int) -> StoredBriefing:
        row = row_of(self.db, "SELECT id, key, title, partnership, subject, added_at FROM briefings "
                     "WHERE id = ?", briefing_id)
        sections = tuple(
            _section(kind, heading, body)
            for kind, heading, body in self.db.execute(
                "SELECT kind, heading, body FROM briefing_sections WHERE briefing_id = ? "
                "ORDER BY position", [briefing_id]
            )
        )
        items = [
            BriefingItem(r[0], r[1], r[2], r[3], r[4])
            for r in self.db.execute(
                "SELECT id, kind, position, text, url FROM briefing_items WHERE briefing_id = ? "
                "ORDER BY kind, position", [briefing_id]
            )
        ]
        learning = tuple(i for i in items if i.kind == "learning")
        questions = tuple(i for i in items if i.kind == "question")
        links = tuple(i for i in items if i.kind == "link")
        briefing = Briefing(
            title=row[2], partnership=row[3], subject=row[4], sections=sections,
            learning=tuple(i.text for i in learning), questions=tuple(i.text for i in questions),
            links=tuple(Reference(i.text, i.url) for i in links),
        )
        return StoredBriefing(row[0], row[1], text_to_moment(row[5]), briefing, learning,
                              questions, links)

    def delete(self, briefing_id: int) -> None:
        """Remove an imported briefing. Entries about it stay, no longer linked."""
        with self.db.atomic():
            self.db.execute("DELETE FROM briefings WHERE id = ?", [briefing_id])


def _section(kind: str, heading: str, body: str) -> Section:
    try:
        section_kind = SectionKind(kind)
    except ValueError:
        section_kind = SectionKind.OTHER
    paragraphs, items = [], []
    for block in body.split("\n\n"):
        prose = []
        for line in block.splitlines():
            if line.startswith("- "):
                items.append(line[2:])
            elif line.strip():
                prose.append(line)
        if prose:
            paragraphs.append("\n".join(prose))
    return Section(section_kind, heading, body, tuple(paragraphs), tuple(items))
