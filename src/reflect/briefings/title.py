"""The briefing's title, the partnership that published it, and who or what it is about.

Titles come in many forms: "Wigan Safeguarding Children's Partnership 7 Minute Briefing - Child R",
"7 Minute Briefing: Neglect", or a partnership name on one line with "Seven Minute Briefing - Adult
C" on the next. Only what is written is taken: when the partnership or subject cannot be read off
the text they are left empty and a warning says so, rather than being guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reflect.briefings.headings import classify_heading, clean_heading_text
from reflect.briefings.lines import atx_heading, is_blank, is_setext_underline, list_item

_BRIEFING = re.compile(
    # "[ ]*(?:-[ ]*)?", not "[ ]*-?[ ]*": two runs of spaces side by side split a long run every way
    r"(?:\b7|\bseven)[ ]*(?:[-\u2010\u2011][ ]*)?minutes?[ ]*(?:[-\u2010\u2011][ ]*)?briefings?\b"
    r"(?:[ ]*\((?:7[ ]*MB|7MB)\))?|\b7MB\b",
    re.IGNORECASE,
)
_SEPARATORS = " \t-\u2010\u2011\u2013\u2014:|,\u2022"
_SUBJECT_LEAD = re.compile(r"^(?:[-\u2013\u2014:|]+|(?:on|about)\b)[ ]*", re.IGNORECASE)
_ORG_WORDS = re.compile(
    r"\b(?:safeguarding|partnership|partners|board|council|trust|nhs|police|arrangements|"
    r"committee|borough|county|city|lscb|lscp|scp|sab|lsab|mash|icb|service|services)\b",
    re.IGNORECASE,
)
_ORG_END = re.compile(
    r"^(?:partnership|partners|board|arrangements|committee|forum|group|hub)s?$", re.IGNORECASE
)
_JOINERS = {"and", "of", "the", "&", "for"}
_TITLE_JOINERS = ("-", "\u2013", "\u2014", ":", " and", " of", " the", " for", " &", " in", " to")


@dataclass
class TitleBlock:
    """What the first lines say, and how many lines they took up."""

    title: str = ""
    partnership: str = ""
    subject: str = ""
    #: index of the first line after the title block
    end: int = 0
    warnings: list[str] = field(default_factory=list)


def organisation_in(text: str) -> str:
    """A "... Safeguarding ... Partnership/Board" name inside `text`, or ""."""
    tokens = text.split()
    for k, token in enumerate(tokens):
        if token.strip("(),.:;").lower() != "safeguarding":
            continue
        start = k
        while start > 0 and _capitalised(tokens[start - 1]):
            start -= 1
        for end in range(k + 1, min(len(tokens), k + 8)):
            word = tokens[end].strip("(),.:;")
            if _ORG_END.match(word):
                return " ".join([*tokens[start:end], word])
            if not (_capitalised(tokens[end]) or word.lower() in _JOINERS):
                break
    return ""


def _capitalised(token: str) -> bool:
    token = token.strip("(),:;")
    return bool(token) and token[0].isupper() and not token[0].isdigit()


def split_briefing_title(text: str) -> tuple[str, str]:
    """(partnership, subject) read off a title line; either may be ""."""
    m = _BRIEFING.search(text)
    if not m:
        return "", ""
    before = text[: m.start()].strip(_SEPARATORS)
    after = text[m.end() :].strip()
    subject = ""
    lead = _SUBJECT_LEAD.match(after)
    if lead and lead.end() > 0:
        subject = after[lead.end() :].strip(_SEPARATORS + ".")
    partnership = ""
    if before:
        if _ORG_WORDS.search(before):
            partnership = before
        elif not subject and not after:
            subject = before  # "Child T - 7 Minute Briefing"
    return partnership, subject


def _candidate_title(line: str, next_line: str) -> str:
    """The title on this line, or "" when the line is a heading, list item or body text."""
    atx = atx_heading(line)
    if atx:
        text = clean_heading_text(atx[1])
        return "" if classify_heading(text) else text
    text = clean_heading_text(line)
    if list_item(line) or classify_heading(text) is not None:
        return ""
    if is_setext_underline(next_line) and len(text.split()) <= 20:
        return text
    words = text.split()
    if len(words) > 25 or len(text) > 200 or (text.endswith(".") and len(words) > 12):
        return ""
    return text


def read_title(lines: list[str], extra_lines: list[str] = ()) -> TitleBlock:
    """Title, partnership and subject from the first lines.

    `extra_lines` (such as removed page footers) are only searched for a partnership name.
    """
    block = TitleBlock()
    indexes = [i for i, line in enumerate(lines) if not is_blank(line)]
    if not indexes:
        return block
    first = indexes[0]
    after = lines[first + 1] if first + 1 < len(lines) else ""
    title = _candidate_title(lines[first], after)
    if not title:
        block.end = first
        block.warnings.append("No title was found: the briefing does not start with a title line.")
    else:
        block.title = title
        block.end = first + (
            2 if is_setext_underline(after) and not atx_heading(lines[first]) else 1
        )
        _wrapped_title(lines, block)
        _second_title_line(lines, block)
    partnership, subject = split_briefing_title(block.title)
    block.partnership = block.partnership or partnership
    block.subject = block.subject or subject
    if not block.partnership:
        block.partnership = (
            organisation_in(block.title)
            or next(
                (org for org in map(organisation_in, _header_lines(lines, block.end)) if org), ""
            )
            or next((org for org in map(organisation_in, extra_lines) if org), "")
        )
    if not block.partnership:
        block.warnings.append("No partnership name was found.")
    if not block.subject:
        block.warnings.append(
            "No subject was found in the title (such as 'Child R' or 'Neglect'), so none is shown."
        )
    return block


def _next_nonblank(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if not is_blank(lines[i])), None)


def _wrapped_title(lines: list[str], block: TitleBlock) -> None:
    """A title that a PDF wrapped onto a second line ("...7 Minute Briefing -" / "Adult C")."""
    if block.end >= len(lines) or is_blank(lines[block.end]) or atx_heading(lines[block.end - 1]):
        return
    line = lines[block.end].strip()
    if list_item(line) or len(line.split()) > 8 or classify_heading(clean_heading_text(line)):
        return
    joined = f"{block.title} {line}"
    wrapped = (
        line[0].islower()
        or block.title.endswith(_TITLE_JOINERS)
        or (_BRIEFING.search(joined) and not _BRIEFING.search(block.title))
    )
    if wrapped:
        block.title = joined
        block.end += 1


def _second_title_line(lines: list[str], block: TitleBlock) -> None:
    """A two-line title: partnership name on one line, "7 Minute Briefing - X" on the next (or the
    other way round). The second line is taken into the title only when it is one of these."""
    j = _next_nonblank(lines, block.end)
    if j is None or j - block.end > 2:
        return
    line = clean_heading_text(lines[j])
    if list_item(lines[j]) or len(line.split()) > 15 or classify_heading(line) is not None:
        return
    title_has_briefing = bool(_BRIEFING.search(block.title))
    if not title_has_briefing and _BRIEFING.search(line) and organisation_in(block.title):
        block.partnership = block.title
        block.title = f"{block.title} {line}"
        block.end = j + 1
    elif title_has_briefing:
        partnership, subject = split_briefing_title(block.title)
        org = organisation_in(line)
        if not partnership and org and len(org.split()) >= len(line.split()) - 1:
            block.partnership = line
            block.end = j + 1
        elif (
            not org
            and not subject
            and not _BRIEFING.split(block.title)[-1].strip()
            and len(line.split()) <= 8
            and not line.endswith((".", "?", "!", ";", ","))
        ):
            block.subject = line  # "7 Minute Briefing" with "Neglect" printed under it
            block.end = j + 1


def _header_lines(lines: list[str], start: int, limit: int = 6) -> list[str]:
    """The few lines between the title and the first heading, where a partnership may be named."""
    found = []
    for line in lines[start:]:
        if is_blank(line):
            continue
        if atx_heading(line) or classify_heading(clean_heading_text(line)) is not None:
            break
        found.append(line)
        if len(found) >= limit:
            break
    return found
