"""Turning a section's physical lines into paragraphs and list items.

This is where line-level damage is undone: lines hard-wrapped by a PDF are joined into their
paragraph or list item, a bullet left alone on its line is attached to the text after it, and a
paragraph broken by blank lines in mid-sentence ("...get interventions right" / "the first time.")
is joined again. Two modes exist because reference lists are different from prose: in a "Want to
learn more?" section each line is usually its own reference, so lines are only joined when the
next one is clearly a continuation.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from reflect.briefings.lines import find_urls, is_blank, is_rule, is_stray_bullet, list_item
from reflect.briefings.normalise import (
    Vocabulary,
    collapse_spaces,
    ends_sentence,
    line_joint,
    starts_lowercase,
)

PROSE = "prose"
LINES = "lines"


@dataclass
class Block:
    """One paragraph or list item, already repaired."""

    kind: str  # "paragraph" or "item"
    #: the joined physical lines, each but the first with its separator in front; kept as a list
    #: so a paragraph of thousands of lines is not copied once per line
    parts: list[str]
    #: the last physical line added, for the wrapping heuristics
    last_line: str
    indent: int = 0

    @property
    def is_item(self) -> bool:
        return self.kind == "item"

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add_line(self, line: str, vocabulary: Vocabulary) -> None:
        self.parts[-1], separator = line_joint(self.parts[-1], line, vocabulary)
        self.parts.append(separator + line)
        self.last_line = line


def detect_wrap_width(lines: list[str]) -> int | None:
    """The line width a PDF hard-wrapped this text at, or None if it does not look hard-wrapped.

    Hard-wrapped text has many lines of nearly the same length (the column width); text typed or
    saved from Word has one line per paragraph, so its long lines vary widely and run past 120.
    """
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 6:
        return None
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    if not 40 <= p90 <= 130:
        return None
    near = sum(1 for n in lengths if n >= 0.75 * p90)
    return p90 if near >= 0.4 * len(lengths) else None


def build_blocks(
    lines: list[str],
    *,
    mode: str = PROSE,
    wrap_width: int | None = None,
    vocabulary: Vocabulary = MappingProxyType({}),
) -> list[Block]:
    """Paragraphs and list items of a section body, in order, with wrapped lines joined."""
    blocks: list[Block] = []
    gap = False
    pending_bullet = False
    for raw in lines:
        if is_blank(raw) or is_rule(raw):
            gap = bool(blocks)
            continue
        if is_stray_bullet(raw):
            pending_bullet = True
            continue
        text = collapse_spaces(raw)
        indent = len(raw) - len(raw.lstrip())
        item = None if pending_bullet else list_item(raw)
        if pending_bullet or item:
            body = item.text if item else text
            body = collapse_spaces(body)
            blocks.append(Block("item", [body], body, item.indent if item else indent))
        elif blocks and _continues(blocks[-1], text, indent, gap, mode, wrap_width):
            blocks[-1].add_line(text, vocabulary)
        else:
            blocks.append(Block("paragraph", [text], text, indent))
        pending_bullet = False
        gap = False
    return blocks


def _continues(
    last: Block, text: str, indent: int, gap: bool, mode: str, wrap_width: int | None
) -> bool:
    """Whether `text` carries on the paragraph or item `last` rather than starting a new one."""
    hyphenated = last.last_line.endswith("-") and last.last_line[-2:-1].isalpha()
    open_end = not ends_sentence(last.parts[-1])
    lower = starts_lowercase(text)
    if gap:
        # a page break or stray blank line in mid-sentence; or a Markdown loose-list continuation
        if last.is_item and indent >= last.indent + 2 and not find_urls(text):
            return True
        return (open_end or hyphenated) and lower
    if last.is_item:
        return indent > last.indent or open_end or lower or hyphenated
    if lower or hyphenated:
        return True
    near_full = wrap_width is not None and len(last.last_line) >= 0.8 * wrap_width
    if mode == LINES:
        return near_full and open_end and not find_urls(last.last_line)
    if wrap_width is None:
        return False  # one line per paragraph, as typed or saved from Word
    return open_end or near_full


def render(blocks: list[Block]) -> str:
    """`Section.text`: paragraphs separated by a blank line, list items one per line as "- item"."""
    groups: list[list[str]] = []
    previous_item = False
    for block in blocks:
        if block.is_item and previous_item:
            groups[-1].append(f"- {block.text}")
        else:
            groups.append([f"- {block.text}" if block.is_item else block.text])
        previous_item = block.is_item
    return "\n\n".join("\n".join(group) for group in groups)
