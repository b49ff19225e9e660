"""Converting between Python string indices and Qt's UTF-16 positions.

Qt counts text positions in UTF-16 code units, Python in code points. They agree until the text
holds a character outside the Basic Multilingual Plane (most emoji), which Qt counts twice; from
then on every underline would be drawn one character early per emoji. The checker works in
Python indices, so the Qt side converts at the edge with these two functions.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def astral_positions(text: str) -> list[int]:
    """Python indices of the characters Qt counts as two (empty for most text, found in C)."""
    if text.isascii():
        return []
    return [m.start() for m in _ASTRAL.finditer(text)]


def to_utf16(index: int, astral: list[int]) -> int:
    """The UTF-16 position of Python index `index`, given `astral_positions(text)`."""
    return index + bisect_left(astral, index) if astral else index


def from_utf16(position: int, astral: list[int]) -> int:
    """The Python index of UTF-16 `position` (inside a surrogate pair: the character after it)."""
    index = position
    for count, where in enumerate(astral):
        # Characters before `where` are shifted by `count` units; `where` itself takes two.
        if where + count >= position:
            break
        index = position - (count + 1)
        if where + count + 1 == position:  # between the two halves of `where`
            return where + 1
    return max(0, index)
