"""The text the detectors scan, with what more than one detector needs computed once.

Speed matters: the check runs before every export, over up to a thousand reflections, and again
over the PDF's text. Python's regex engine is fast when a pattern starts with a literal or a
character class and slow when it starts with a look-behind or runs case-insensitively, so the
detectors (a) scan a lower-case copy with lower-case patterns, (b) find a cheap *anchor* first
(a digit, "@", a month name, "year"/"age") and run their full pattern only in a small window around
it, and (c) share the digit runs found once here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from reflect.domain.anonymisation.digit_groups import Run, digit_runs
from reflect.domain.anonymisation.normalise import Normalised


class ScanText:
    """A normalised text, its same-length lower-case copy and its digit runs."""

    def __init__(self, norm: Normalised) -> None:
        self.norm = norm
        self.text = norm.text

    @cached_property
    def lower(self) -> str:
        """`text` in lower case, the same length, so offsets carry over ("İ" stays as it is)."""
        low = self.text.lower()
        if len(low) != len(self.text):
            low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in self.text)
        return low

    @cached_property
    def digit_runs(self) -> list[Run]:
        """Every run of digit groups (see `digit_groups`)."""
        return list(digit_runs(self.text))

    def is_line_break(self, pos: int) -> bool:
        return self.norm.is_line_break(pos)

    def windows(self, anchor: re.Pattern[str], before: int, after: int,
                lower: bool = True) -> Iterator[tuple[int, int]]:
        """Merged (start, end) windows reaching `before` characters before and `after` after each match
        of `anchor` (in the lower-case copy unless `lower` is False)."""
        text = self.lower if lower else self.text
        start = end = -1
        for match in anchor.finditer(text):
            w_start, w_end = max(0, match.start() - before), min(len(text), match.end() + after)
            if w_start <= end:
                end = max(end, w_end)
                continue
            if start >= 0:
                yield start, end
            start, end = w_start, w_end
        if start >= 0:
            yield start, end

    def matches(self, pattern: re.Pattern[str], anchor: re.Pattern[str], before: int, after: int,
                lower: bool = True) -> Iterator[re.Match[str]]:
        """Matches of `pattern` found in the windows around `anchor` (see `windows`).

        Look-behinds in `pattern` still see the text before a window; a match is never longer than
        its window allows, so `before` and `after` must cover the longest match around its anchor.
        """
        text = self.lower if lower else self.text
        for start, end in self.windows(anchor, before, after, lower):
            for match in pattern.finditer(text, start, end):
                if match.end() == end < len(text):
                    # The window's end may have cut the match short: match again in the whole text.
                    match = pattern.match(text, match.start())
                    if match is None:
                        continue
                yield match
