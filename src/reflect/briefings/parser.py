"""From a briefing's text to a `Briefing`: title, sections in their own order, questions, links.

Every file format ends up here as text (the readers turn Word headings into Markdown `#` lines and
list paragraphs into "- " lines), so this is the single place where structure is recognised. The
steps are: repair characters and page furniture, read the title block, cut the rest into sections
at headings, rebuild each section's paragraphs and list items, then pick out the learning points,
questions and references. Text is never dropped: whatever is not recognised is kept in a section
of kind `other`, and a warning says what was not recognised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reflect.briefings.blocks import LINES, PROSE, Block, build_blocks, detect_wrap_width, render
from reflect.briefings.extract import learning_points, questions
from reflect.briefings.headings import (
    Heading,
    LineContext,
    classify_heading,
    clean_heading_text,
    detect_heading,
    strip_numbering,
)
from reflect.briefings.lines import is_blank, is_setext_underline, list_item
from reflect.briefings.normalise import (
    build_vocabulary,
    normalise_characters,
    remove_page_furniture,
)
from reflect.briefings.references import references_from_blocks
from reflect.briefings.title import read_title
from reflect.domain.briefing import Briefing, Reference, Section, SectionKind
from reflect.domain.errors import BriefingFormatError

EMPTY_TEXT = "There is no text in {where}: it is empty or contains only spaces."
#: an untitled opening passage at least this long is taken as the background
_INTRO_WORDS = 15


@dataclass
class _RawSection:
    heading: Heading | None
    lines: list[str] = field(default_factory=list)


def parse_text(text: str, *, source_name: str = "") -> Briefing:
    """Parse a briefing's text (Markdown, plain text, or text copied from a PDF or Word).

    Raises `BriefingFormatError` when there is no text or no reflection questions can be found.
    """
    where = f"'{source_name}'" if source_name else "this briefing"
    if not text or not text.strip():
        raise BriefingFormatError(EMPTY_TEXT.format(where=where))
    paged = "\f" in text
    text = normalise_characters(text)
    lines, furniture = remove_page_furniture(text.split("\n"), paged=paged)
    if all(is_blank(line) for line in lines):
        raise BriefingFormatError(
            f"There is no briefing text in {where}: it holds only page numbers or spaces."
        )
    warnings: list[str] = []
    head = read_title(lines, furniture)
    warnings.extend(head.warnings)
    if furniture:
        shown = "; ".join(f"'{line}'" for line in furniture[:3])
        warnings.append(
            f"Lines repeated on every page (page headers or footers) were left out: {shown}."
        )

    sections, links = _sections(lines, head.end, text, warnings)
    result = tuple(sections)
    learning, learning_warnings = learning_points(result)
    asked, question_warnings = questions(result, source_name=source_name)
    warnings.extend(learning_warnings)
    warnings.extend(question_warnings)
    if not any(s.kind is SectionKind.LEARN_MORE for s in result):
        warnings.append(
            "No 'Want to learn more?' section was found, so the briefing has no references."
        )
    return Briefing(
        title=head.title,
        partnership=head.partnership,
        subject=head.subject,
        sections=result,
        learning=learning,
        questions=asked,
        links=tuple(links),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _sections(lines: list[str], body_start: int, text: str,
              warnings: list[str]) -> tuple[list[Section], list[Reference]]:
    """The briefing's sections, and the references of its 'learn more' part; notes what was odd."""
    vocabulary = build_vocabulary(text)
    wrap_width = detect_wrap_width(lines)
    sections: list[Section] = []
    links: list[Reference] = []
    raw_sections = _split_sections(lines, body_start)
    has_background = any(
        raw.heading is not None and raw.heading.kind is SectionKind.BACKGROUND
        for raw in raw_sections
    )
    for raw in raw_sections:
        kind = raw.heading.kind if raw.heading and raw.heading.kind else SectionKind.OTHER
        mode = LINES if kind is SectionKind.LEARN_MORE else PROSE
        blocks = build_blocks(raw.lines, mode=mode, wrap_width=wrap_width, vocabulary=vocabulary)
        if raw.heading is None:
            if not blocks:
                continue
            kind = _intro_kind(blocks, has_background)
            warnings.append(
                "The text before the first heading has no heading of its own, so it was taken as "
                "the background."
                if kind is SectionKind.BACKGROUND
                else "Some text before the first heading was kept as it is, without a heading."
            )
        elif raw.heading.kind is None:
            warnings.append(
                f"A section headed '{raw.heading.text}' was kept as it is: it did not look like "
                "any of the usual briefing parts."
            )
        sections.append(_section(kind, raw.heading.text if raw.heading else "", blocks))
        if kind is SectionKind.LEARN_MORE:
            links.extend(references_from_blocks(blocks))
    return sections, links


def _section(kind: SectionKind, heading: str, blocks: list[Block]) -> Section:
    return Section(
        kind=kind,
        heading=heading,
        text=render(blocks),
        paragraphs=tuple(b.text for b in blocks if not b.is_item),
        items=tuple(b.text for b in blocks if b.is_item),
    )


def _intro_kind(blocks: list[Block], has_background: bool) -> SectionKind:
    """An untitled opening is the background only when it clearly is: prose, of some length, in a
    briefing that has no background section of its own."""
    words = sum(len(b.text.split()) for b in blocks)
    if not has_background and words >= _INTRO_WORDS and not any(b.is_item for b in blocks):
        return SectionKind.BACKGROUND
    return SectionKind.OTHER


def _split_sections(lines: list[str], start: int) -> list[_RawSection]:
    """Cut the lines after the title block into sections at each heading."""
    n = len(lines)
    previous_text = [""] * n
    last = ""
    for i in range(start, n):
        previous_text[i] = last
        if not is_blank(lines[i]):
            last = lines[i]
    following_text = [""] * n
    last = ""
    for i in range(n - 1, start - 1, -1):
        following_text[i] = last
        if not is_blank(lines[i]):
            last = lines[i]

    sections = [_RawSection(None)]
    last_number: tuple[int, str] | None = None
    body_seen = False
    i = start
    while i < n:
        line = lines[i]
        prev_blank = i == start or is_blank(lines[i - 1])
        if is_blank(line):
            sections[-1].lines.append(line)
            i += 1
            continue
        if i + 1 < n and _is_setext(line, lines[i + 1], prev_blank):
            text = strip_numbering(clean_heading_text(line))
            sections.append(_RawSection(Heading(text, classify_heading(text), "setext")))
            body_seen = False
            i += 2
            continue
        current = sections[-1].heading
        ctx = LineContext(
            prev_blank=prev_blank,
            next_blank=i + 1 >= n or is_blank(lines[i + 1]),
            prev_text=previous_text[i],
            next_text=following_text[i],
            current_kind=current.kind if current is not None else None,
            last_number=last_number,
            section_empty=current is not None and not body_seen,
        )
        heading = detect_heading(line, ctx)
        if heading is None:
            sections[-1].lines.append(line)
            body_seen = True
        else:
            sections.append(
                _RawSection(heading, [heading.inline_body] if heading.inline_body else [])
            )
            body_seen = bool(heading.inline_body)
            if heading.number is not None:
                last_number = (heading.number, heading.number_style)
        i += 1
    return sections


def _is_setext(line: str, underline: str, prev_blank: bool) -> bool:
    """A Markdown setext heading: a short standalone line underlined with === or ---."""
    if not prev_blank or not is_setext_underline(underline) or list_item(line):
        return False
    stripped = line.strip()
    return len(stripped.split()) <= 12 and not stripped.endswith((".", ","))
