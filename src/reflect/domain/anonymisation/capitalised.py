"""Runs of capitalised words just before a place word: "St Mary's" Primary, "Acacia" Road.

The place and address detectors find a cheap anchor (a word such as "School", "Nursery", "Road")
and then read the name in front of it, word by word, backwards: capitalised words (with a
possessive "'s", an apostrophe or a hyphen inside), "St"/"St.", and the small words that sit
inside such names ("of", "the", "and", "&", "on", "upon", "le", "de"), never starting with one.
One regex step per word on a slice of at most 80 characters, so the cost does not grow with the
text.
"""

from __future__ import annotations

import re

# One word, read from the end of a slice: capitalised, or a joining word inside a name.
_LAST_WORD = re.compile(
    r"(?<![\w'’.])(?:(?P<cap>(?:St\.|[A-Z][\w'’-]*[\w'’]|[A-Z]|C of E|CofE))"
    r"|(?P<join>of|the|and|&|on|upon|le|de|in)) $"
)
_JOINERS_AT_START = frozenset(("of", "the", "and", "&", "on", "upon", "le", "de", "in"))


def words_before(text: str, pos: int, max_words: int = 4) -> list[tuple[int, str]]:
    """(start, word) of the capitalised words (and inner joining words) directly before `pos`,
    which must follow a single space; nearest last. Never starts with a joining word."""
    words: list[tuple[int, str]] = []
    end = pos
    while len(words) < max_words + 2:
        match = _LAST_WORD.search(text, max(0, end - 40), end)
        if match is None or match.end() != end:
            break
        words.append((match.start(), match.group().rstrip()))
        end = match.start()
        if match.group("cap") is None and len(words) > max_words:
            break
    while words and words[-1][1] in _JOINERS_AT_START:
        words.pop()
    caps = sum(1 for _, w in words if w not in _JOINERS_AT_START)
    while caps > max_words:
        start, word = words.pop()
        if word not in _JOINERS_AT_START:
            caps -= 1
        while words and words[-1][1] in _JOINERS_AT_START:
            words.pop()
    words.reverse()
    return words
