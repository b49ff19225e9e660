"""Briefing patterns take time in proportion to the text: four times the worst input takes at
most ~4 times as long.

Each case is the input that made its pattern backtrack quadratically (or worse) before it was
rewritten. Timing is by growth, not by the clock: the best of several runs at n and at 4n, taken
in turn so that a slow spell of the machine weighs on both, and the ratio must stay well under a
quadratic pattern's 16 (linear gives 4). At 2n the gap between linear (2) and quadratic (4) was
narrow enough for one busy moment on a CI machine to fail a linear pattern (3.2 measured).
"""

from __future__ import annotations

import time

import pytest

from reflect.briefings import parse_text
from reflect.briefings.extract import sentences
from reflect.briefings.headings import classify_heading
from reflect.briefings.lines import atx_heading
from reflect.briefings.references import _TRAILING_LEAD_IN
from reflect.briefings.title import _BRIEFING

SCALE = 4
MAX_GROWTH = 8.0  # linear: 4; quadratic: 16
REPEATS = 7


def _timed(run, text: str) -> float:
    start = time.perf_counter()
    run(text)
    return time.perf_counter() - start


def _growth(run, make, n: int) -> float:
    small, large = make(n), make(SCALE * n)
    run(small)  # warm up: imports, compiled patterns
    best_small = best_large = float("inf")
    for _ in range(REPEATS):
        best_small = min(best_small, _timed(run, small))
        best_large = min(best_large, _timed(run, large))
    return best_large / best_small


CASES = {
    # "# a", 40,000 spaces, "#x" took over 30 s: the closing "#"s were matched by a regex
    "markdown-heading": (atx_heading, lambda n: "# a" + " " * n + "#x", 4_000_000),
    "sentence-end-in-run-of-marks": (sentences, lambda n: "a" + "." * n + "x", 50_000),
    "lead-in-after-run-of-spaces": (
        lambda text: _TRAILING_LEAD_IN.sub("", text), lambda n: "a" + " " * n + "b", 50_000,
    ),
    "7-then-run-of-spaces": (_BRIEFING.search, lambda n: "7" + " " * n + "x", 50_000),
    "7-minute-then-run-of-spaces": (
        _BRIEFING.search, lambda n: "7 minute" + " " * n + "x", 50_000,
    ),
    # five-way splits of one long word: 120 letters took 13 s
    "matters-to-one-long-word": (
        classify_heading, lambda n: "Why it matters to " + "a" * n + "?x", 200_000,
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_pattern_time_grows_linearly(case):
    """The worst input for each rewritten pattern takes at most ~4x the time at four times the size."""
    run, make, n = CASES[case]
    assert _growth(run, make, n) <= MAX_GROWTH


def test_whole_briefing_with_long_heading_line_parses_linearly():
    """Parsing a briefing whose heading line ends in 'a', a long run of spaces and '#x' is linear."""

    def make(n: int) -> str:
        return (
            "# Background" + " " * n + "#x\n\nText.\n\n## What can we consider?\n\n- Why? \n"
        )

    assert _growth(parse_text, make, 50_000) <= MAX_GROWTH
