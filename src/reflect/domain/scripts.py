"""Which text is in a right-to-left script (Arabic, Hebrew, Urdu, Syriac, Thaana…).

The PDF renderer lays text out left to right and does not join letters, so such text would print
reversed and unshaped. Finding it lets the export warn instead of printing it wrongly in silence.
Only letters and digits count: a stray invisible direction mark in English text prints nothing.
"""

from __future__ import annotations

import re
import unicodedata

_RIGHT_TO_LEFT = ("R", "AL", "AN")  # Hebrew-like letters, Arabic-like letters, Arabic-Indic digits
# The Unicode blocks holding every right-to-left letter and digit: a fast first pass in C, so the
# export's UI thread looks at each character in Python only there (curly quotes are not in them).
_BLOCKS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff"
                     "\U0001e800-\U0001efff]")


def is_right_to_left(ch: str) -> bool:
    """True for a letter or digit written right to left."""
    return unicodedata.category(ch)[0] in "LN" and unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT


def right_to_left_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each run of right-to-left letters in `text`; spaces, marks and
    punctuation between two such letters belong to the run."""
    spans: list[tuple[int, int]] = []
    for match in _BLOCKS.finditer(text):
        i = match.start()
        if not is_right_to_left(match.group()):
            continue
        if spans and not any(_strong_left(c) for c in text[spans[-1][1]:i]):
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def _strong_left(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "L"
