"""What a search returns: one hit per entry or briefing section, best first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reflect.domain.search_query import Snippet


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "entry" | "briefing"
    id: int  # entry id, or briefing id
    title: str
    snippet: Snippet
    #: where in the target the match is: the stage key of an entry, the section heading of a briefing
    where: str = ""
    rank: float = 0.0
    #: the day the reflection was written, or the briefing added (local time)
    day: date | None = None
    #: the folded words searched for, to mark them where the hit is opened
    terms: tuple[tuple[str, bool], ...] = ()

    def to_json_dict(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "snippet": self.snippet.text,
            "highlights": [list(span) for span in self.snippet.spans],
            "where": self.where,
            "date": self.day.isoformat() if self.day else None,
        }
