"""The learning points and reflection questions the app builds on, taken from the parsed sections.

The journal is organised around a briefing's questions (one reflection answers one question) and
tags entries with its learning points, so these two lists matter more than anything else in the
briefing. They come from the lists under the learning and "consider" headings; when a briefing
writes them as prose instead, the sentences are used and a warning says so.
"""

from __future__ import annotations

import re

from reflect.briefings.lines import MARKDOWN_LINK
from reflect.domain.briefing import Section, SectionKind
from reflect.domain.errors import BriefingFormatError

# a sentence's closing run ("...", "?!") is tried only from its first mark (the text before it
# ends in something else): trying it from inside a long run of marks would rescan the rest of the
# run at every one of them
_SENTENCE = re.compile(
    r"\S(?:.*?[^.!?\u2026])??(?:[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)|$)", re.DOTALL
)
_QUESTION_END = re.compile(r"\?[\"'\u201d\u2019)\]]*$")

NO_QUESTIONS = (
    "No reflection questions could be found in {where}. Reflect looks for a heading such as "
    "'What can we consider?' or 'Questions for reflection' followed by a list of questions. "
    "Check that this is a 7-minute briefing; if it is, add that heading above its questions "
    "and try again."
)


def plain(text: str) -> str:
    """A learning point or question as it is read: Markdown links shown as their text only (the
    section text keeps the link, and the app uses these lines as tags and entry prompts)."""
    return MARKDOWN_LINK.sub(lambda m: m.group("text").strip() or m.group(0), text)


def sentences(text: str) -> list[str]:
    return [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def is_question(text: str) -> bool:
    return bool(_QUESTION_END.search(text.rstrip()))


def _named(section: Section) -> str:
    return f"'{section.heading}'" if section.heading else "without a heading"


def learning_points(sections: tuple[Section, ...]) -> tuple[tuple[str, ...], list[str]]:
    """(learning points, warnings): list items of the learning sections, else their prose."""
    points: list[str] = []
    warnings: list[str] = []
    learning = [s for s in sections if s.kind is SectionKind.LEARNING]
    if not learning:
        warnings.append(
            "No learning section (such as 'What was the learning?' or 'Key findings') was found, "
            "so the briefing has no learning points."
        )
    for section in learning:
        if section.items:
            points.extend(section.items)
            continue
        prose = list(section.paragraphs)
        if len(prose) == 1:
            prose = sentences(prose[0])
        if prose:
            points.extend(prose)
            warnings.append(
                f"The learning section {_named(section)} has no list, so each of its "
                f"{'paragraphs' if len(section.paragraphs) > 1 else 'sentences'} was taken as a "
                "learning point."
            )
    return tuple(plain(point) for point in points), warnings


def questions(
    sections: tuple[Section, ...], *, source_name: str = ""
) -> tuple[tuple[str, ...], list[str]]:
    """(questions, warnings); raises `BriefingFormatError` when there are none at all."""
    found: list[str] = []
    warnings: list[str] = []
    consider = [s for s in sections if s.kind is SectionKind.CONSIDER]
    for section in consider:
        if section.items:
            found.extend(section.items)
            continue
        asked = [q for p in section.paragraphs for q in sentences(p) if is_question(q)]
        if asked:
            found.extend(asked)
            warnings.append(
                f"The questions section {_named(section)} has no list, so the sentences ending "
                "in a question mark were taken as its questions."
            )
    if found:
        return tuple(plain(q) for q in found), warnings
    for section in sections:
        if section.kind is SectionKind.LEARN_MORE:
            continue
        asked = [item for item in section.items if is_question(item)]
        if asked:
            found.extend(asked)
            warnings.append(
                "No section of reflection questions (such as 'What can we consider?') was "
                f"recognised, so the list of questions in the section {_named(section)} "
                "was used."
            )
    if not found:
        where = f"'{source_name}'" if source_name else "this briefing"
        raise BriefingFormatError(NO_QUESTIONS.format(where=where))
    return tuple(plain(q) for q in found), warnings
