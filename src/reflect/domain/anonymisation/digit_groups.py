"""Runs of digit groups ("943 476 5919", "(0161) 496-0000"), shared by the NHS and phone detectors.

People write long numbers in groups, in any grouping, and PDF extraction adds line breaks between
the groups. A *run* is a sequence of digit groups joined by one separator each: a space, a hyphen
(with or without spaces) or a bracket ("(0161) 496"). The detectors look at windows of whole
consecutive groups: a window never splits a group, which is what "not part of a longer digit run"
means here. "9434765919123" is one group of 13 digits and holds no 10-digit window; "ref 12 943 476
5919" holds the window "943 476 5919".

Digits after a decimal point or thousands separator ("0.9434765919", "1,943,476,591") do not start a
run, and a final group followed by ".5" or ",000" is dropped from its run: those are quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_SEP = r"(?: ?- ?| ?\(| |\) ?)"
_RUN = re.compile(rf"(?<!\d[.,])\d+(?:{_SEP}\d+)*")
_GROUP = re.compile(r"\d+")
_QUANTITY_TAIL = re.compile(r"[.,]\d")


class Group(NamedTuple):
    digits: str
    start: int
    end: int


def digit_runs(text: str) -> Iterator[list[Group]]:
    """Each run of digit groups in `text` (normalised: whitespace is single spaces), as its groups."""
    for match in _RUN.finditer(text):
        groups = [
            Group(g.group(), match.start() + g.start(), match.start() + g.end())
            for g in _GROUP.finditer(match.group())
        ]
        if _QUANTITY_TAIL.match(text, match.end()):
            groups.pop()
        if groups:
            yield groups


def windows(groups: list[Group], max_digits: int) -> Iterator[tuple[int, int, str]]:
    """(first, last, digits) for every window of whole consecutive groups with at most `max_digits`."""
    for i in range(len(groups)):
        digits = ""
        for j in range(i, len(groups)):
            digits += groups[j].digits
            if len(digits) > max_digits:
                break
            yield i, j, digits


def pick(candidates: list[tuple[tuple[int, int], int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping (first, last) windows from (rank, first, last): lower rank first, then leftmost."""
    chosen: list[tuple[int, int]] = []
    for _rank, first, last in sorted(candidates):
        if all(last < a or first > b for a, b in chosen):
            chosen.append((first, last))
    return sorted(chosen)
