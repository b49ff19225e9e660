"""Briefings as they live in a journal: with the ids entries and tags refer to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reflect.domain.briefing import Briefing


@dataclass(frozen=True)
class BriefingItem:
    """A learning point, question or reference of a stored briefing."""

    id: int
    kind: str  # "learning" | "question" | "link"
    position: int
    text: str
    url: str | None = None


@dataclass(frozen=True)
class StoredBriefing:
    id: int
    key: str | None  # the bundled briefing's file stem; None for imported ones
    added_at: datetime
    briefing: Briefing
    learning_items: tuple[BriefingItem, ...]
    question_items: tuple[BriefingItem, ...]
    link_items: tuple[BriefingItem, ...]

    @property
    def title(self) -> str:
        return self.briefing.title


@dataclass(frozen=True)
class BriefingSummary:
    id: int
    key: str | None
    title: str
    partnership: str
    subject: str
    question_count: int
    added_at: datetime

    @property
    def display_name(self) -> str:
        return self.subject or self.title
