"""What the entry list (and the portfolio export) asks for: filters that combine, and a sort."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from reflect.domain.journal import EntryStatus


class EntrySort(str, Enum):
    UPDATED = "updated"  # most recently updated first
    CREATED = "created"  # newest first
    TITLE = "title"  # A to Z, case-insensitive


@dataclass(frozen=True)
class EntryFilter:
    """Every field narrows the list; empty fields do not filter. Tags combine with AND."""

    briefing_id: int | None = None
    question_id: int | None = None
    tags: frozenset[str] = frozenset()
    status: EntryStatus | None = None
    session_id: int | None = None
    text: str = ""
    created_from: date | None = None
    created_to: date | None = None
    #: reflective model keys; an entry matches when written with any of them (e.g. the CPD models)
    models: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return self == EntryFilter()
