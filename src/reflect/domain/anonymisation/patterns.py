"""Regular-expression pieces built from word lists, so that the detectors' vocabularies stay data.

A vocabulary (street words, house names, platforms, ordinal words) is easier to review and extend
as a list of words than as one long alternation inside a pattern; `words_alternation` turns such a
list into the alternation the detectors compile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def words_alternation(words: Iterable[str]) -> str:
    """`words` as a regex alternation (no group): each escaped, duplicates dropped, longest first.

    Longest first so that a word is tried before any shorter word it starts with ("Towers" before
    "Tower"), whatever order the list is written in. A plain alternation of literals: matching it
    costs time linear in the text.
    """
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))
