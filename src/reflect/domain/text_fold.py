"""Folding text for search, so that what people type finds what they wrote.

SQLite's `remove_diacritics` handles letters that decompose (é, ó, ș) but not the ones that do not
(Polish ł, Danish ø, Turkish ı, German ß): "Lodz" would not find "Łódź". We fold both the indexed
text and the query with the same function, in Python, before FTS5 sees either.
"""

from __future__ import annotations

import re
import unicodedata

# Letters with no Unicode decomposition, folded to what someone without the key would type.
_SPECIAL = str.maketrans(
    {
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
        "ħ": "h", "Ħ": "h", "ı": "i", "ŀ": "l", "Ŀ": "l", "ß": "ss", "ẞ": "ss", "æ": "ae",
        "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ĸ": "k", "ŉ": "n",
        "\u2019": "'", "\u2018": "'",
    }
)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case `text` and strip accents, including letters Unicode does not decompose."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return _COMBINING.sub("", text).casefold().translate(_SPECIAL)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold `text` and return, for each character of the result, its index in `text`.

    Used to place highlights found in folded text back onto the original words.
    """
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = fold(ch)
        out.append(folded)
        offsets.extend([i] * len(folded))
    return "".join(out), offsets
