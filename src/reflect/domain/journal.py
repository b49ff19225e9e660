"""Entries: what a practitioner writes, one answer per stage of a reflective model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum


class EntryStatus(str, Enum):
    DRAFT = "draft"
    READY = "ready"  # ready for supervision

    @property
    def label(self) -> str:
        return {"draft": "Draft", "ready": "Ready for supervision"}[self.value]


@dataclass(frozen=True)
class StageAnswer:
    stage: str
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class Entry:
    id: int
    title: str
    model: str
    status: EntryStatus
    briefing_id: int | None
    question_id: int | None
    created_at: datetime
    updated_at: datetime
    answers: tuple[StageAnswer, ...] = ()
    tags: tuple[str, ...] = ()

    def answer(self, stage: str) -> str:
        return next((a.text for a in self.answers if a.stage == stage), "")

    @property
    def word_count(self) -> int:
        return sum(len(a.text.split()) for a in self.answers)


@dataclass(frozen=True)
class NewEntry:
    title: str = ""
    model: str = "free"
    briefing_id: int | None = None
    question_id: int | None = None
    status: EntryStatus = EntryStatus.DRAFT
    tags: tuple[str, ...] = ()
    answers: tuple[tuple[str, str], ...] = ()
    #: set by imports and the demo builder; None means "now"
    created_at: datetime | None = None
    #: when it was last changed, set by the demo builder (its history); None means `created_at`
    updated_at: datetime | None = None


@dataclass(frozen=True)
class AnswerDraft:
    """Text of one stage as the editor holds it, on its way to the store."""

    entry_id: int
    stage: str
    text: str


@dataclass(frozen=True)
class EntrySummary:
    """One row of the entry list: enough to show and filter, without the answers' text."""

    id: int
    title: str
    model: str
    status: EntryStatus
    briefing_id: int | None
    question_id: int | None
    created_at: datetime
    updated_at: datetime
    tags: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Revision:
    id: int
    entry_id: int
    created_at: datetime
    reason: str
    title: str
    model: str
    answers: tuple[tuple[str, str], ...]
    #: what happened to this version later, e.g. "details removed Fri 4 Dec 2026"
    note: str = ""


def learning_tag(text: str, width: int = 60) -> str:
    """The tag for a briefing's learning point: its opening words, short enough for a list."""
    words = " ".join(text.split())
    if len(words) <= width:
        return words.rstrip(".")
    cut = words[:width].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def default_title(question: str | None, width: int = 80) -> str:
    """A new entry's title: the question it answers, shortened; empty when there is none."""
    return learning_tag(question, width) if question else ""
