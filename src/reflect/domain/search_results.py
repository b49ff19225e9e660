"""What a search returns: one hit per entry or briefing section, best first."""

from __future__ import annotations

from dataclasses import dataclass

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

    def to_json_dict(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "snippet": self.snippet.text,
            "highlights": [list(span) for span in self.snippet.spans],
            "where": self.where,
        }
