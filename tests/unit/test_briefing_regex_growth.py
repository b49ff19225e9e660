"""Briefing patterns take time in proportion to the text: doubling the worst input at most ~doubles it.

Each case is the input that made its pattern backtrack quadratically (or worse) before it was
rewritten. Timing is by growth, not by the clock: the best of a few runs at n and at 2n, and the
ratio must stay near 2 (quadratic gives 4), so a slow or busy machine does not fail the test.
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

MAX_GROWTH = 2.5


def _best_time(run, text: str, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


def _growth(run, make, n: int) -> float:
    run(make(n))  # warm up: imports, compiled patterns
    return _best_time(run, make(2 * n)) / _best_time(run, make(n))


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
    """The worst input for each rewritten pattern takes at most ~2x the time when doubled."""
    run, make, n = CASES[case]
    assert _growth(run, make, n) <= MAX_GROWTH


def test_whole_briefing_with_long_heading_line_parses_linearly():
    """Parsing a briefing whose heading line ends in 'a', a long run of spaces and '#x' is linear."""

    def make(n: int) -> str:
        return (
            "# Background" + " " * n + "#x\n\nText.\n\n## What can we consider?\n\n- Why? \n"
        )

    assert _growth(parse_text, make, 50_000) <= MAX_GROWTH
