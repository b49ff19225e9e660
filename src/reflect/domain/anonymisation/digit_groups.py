"""Runs of digit groups ("943 476 5919", "(0161) 496-0000"), shared by the NHS, phone and NI detectors.

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
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

_SEP = r"(?: ?- ?| ?\(| |\) ?)"
_RUN = re.compile(rf"\d+(?:{_SEP}\d+)*")
_GROUP = re.compile(r"\d+")
_QUANTITY_TAIL = re.compile(r"[.,]\d")
_FIRST_GROUP = re.compile(rf"\d+{_SEP}")


class Group(NamedTuple):
    digits: str
    start: int
    end: int


class Run:
    """One run: where it starts, its text, and (on demand) its groups."""

    __slots__ = ("start", "text", "digit_count", "_groups")

    def __init__(self, start: int, text: str) -> None:
        self.start = start
        self.text = text
        self.digit_count = len(text) - sum(text.count(c) for c in " -()")
        self._groups: list[Group] | None = None

    @property
    def groups(self) -> list[Group]:
        if self._groups is None:
            self._groups = [Group(g.group(), self.start + g.start(), self.start + g.end())
                            for g in _GROUP.finditer(self.text)]
        return self._groups


def digit_runs(text: str) -> Iterator[Run]:
    """Each run of digit groups in `text` (normalised: whitespace is single spaces)."""
    for match in _RUN.finditer(text):
        start, end, run = match.start(), match.end(), match.group()
        if start >= 2 and text[start - 1] in ".," and text[start - 2].isdigit():
            first = _FIRST_GROUP.match(run)
            if first is None:
                continue
            start, run = start + first.end(), run[first.end():]
        if _QUANTITY_TAIL.match(text, end):
            last = run.rfind(" ") if " " in run else -1
            cut = max(last, run.rfind("-"), run.rfind("("), run.rfind(")"))
            if cut < 0:
                continue
            run = run[:cut].rstrip(" -()")
            if not run:
                continue
        yield Run(start, run)


def windows(groups: list[Group], max_digits: int) -> Iterator[tuple[int, int, str]]:
    """(first, last, digits) for every window of whole consecutive groups with at most `max_digits`."""
    for i in range(len(groups)):
        digits = ""
        for j in range(i, len(groups)):
            digits += groups[j].digits
            if len(digits) > max_digits:
                break
            yield i, j, digits


def best_windows(runs: Iterable[Run], min_digits: int, max_digits: int,
                 rank: Callable[[list[Group], int, int, str], tuple[int, int] | None],
                 ) -> Iterator[tuple[list[Group], int, int]]:
    """(groups, first, last) for the windows of `min_digits`..`max_digits` digits that `rank` accepts.

    `rank(groups, first, last, digits)` returns None to refuse a window, else its rank; within a run
    the accepted windows are chosen as `pick` does, so they never overlap.
    """
    for run in runs:
        if run.digit_count < min_digits:
            continue
        groups = run.groups
        candidates = []
        for first, last, digits in windows(groups, max_digits):
            if len(digits) >= min_digits and (r := rank(groups, first, last, digits)) is not None:
                candidates.append((r, first, last))
        for first, last in pick(candidates):
            yield groups, first, last


def pick(candidates: list[tuple[tuple[int, int], int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping (first, last) windows from (rank, first, last): lower rank first, then leftmost."""
    chosen: list[tuple[int, int]] = []
    for _rank, first, last in sorted(candidates):
        if all(last < a or first > b for a, b in chosen):
            chosen.append((first, last))
    return sorted(chosen)
