"""A 7-minute briefing as the app understands it, independent of where its text came from.

Partnerships publish briefings with the same five parts under many different headings; the parser
maps each heading to a `SectionKind` and keeps the heading as written, so the reader shows the
briefing in its own words and order while the app can still find "the questions".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class SectionKind(str, Enum):
    BACKGROUND = "background"
    LEARNING = "learning"
    WHY = "why"
    CONSIDER = "consider"
    LEARN_MORE = "learn_more"
    OTHER = "other"


@dataclass(frozen=True)
class Reference:
    """A "want to learn more" item. `url` is None for a placeholder link such as `[title](#)`."""

    title: str
    url: str | None = None


@dataclass(frozen=True)
class Section:
    """One part of a briefing, with the heading as the partnership wrote it.

    `text` is the repaired body: paragraphs separated by a blank line, list items one per line
    starting with "- ". `paragraphs` and `items` are the same content, structured for display.
    """

    kind: SectionKind
    heading: str
    text: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Briefing:
    title: str
    partnership: str
    subject: str
    sections: tuple[Section, ...]
    learning: tuple[str, ...]
    questions: tuple[str, ...]
    links: tuple[Reference, ...]
    #: notes on what the parser could not recognise, in plain words (shown before import)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_json_dict(self) -> dict:
        """The stable JSON shape printed by `reflect briefing parse`."""
        return {
            "title": self.title,
            "partnership": self.partnership,
            "subject": self.subject,
            "sections": [
                {"kind": s.kind.value, "heading": s.heading, "text": s.text} for s in self.sections
            ],
            "learning": list(self.learning),
            "questions": list(self.questions),
            "links": [{"title": r.title, "url": r.url} for r in self.links],
        }


@dataclass(frozen=True)
class BriefingCorrections:
    """What the practitioner put right in the import preview: the title, partnership and subject,
    and the questions and learning points (one a line, as typed)."""

    title: str
    partnership: str
    subject: str
    questions: tuple[str, ...]
    learning: tuple[str, ...]

    def applied_to(self, briefing: Briefing) -> Briefing:
        """`briefing` as corrected: blank lines dropped, spaces tidied; the sections (the text
        as read, shown in the reader) are kept as they are."""
        def tidy(lines: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(" ".join(line.split()) for line in lines if line.strip())

        return replace(briefing, title=" ".join(self.title.split()),
                       partnership=" ".join(self.partnership.split()),
                       subject=" ".join(self.subject.split()),
                       questions=tidy(self.questions), learning=tidy(self.learning))

    @property
    def problem(self) -> str:
        """Why the corrected briefing cannot be imported, or ""."""
        if not any(line.strip() for line in self.questions):
            return "A briefing needs at least one question for reflection: type one a line."
        return ""
