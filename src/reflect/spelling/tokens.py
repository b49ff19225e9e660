"""Finding the words to check in typed text.

What counts as a word decides what gets underlined, and a reflection is full of things that are
not words to check: web and e-mail addresses, file paths, numbers, codes such as 4x4x4 or s47,
and words joined by hyphens and apostrophes (multi-agency, children’s, don't). This module finds
"compounds" (letters joined by hyphens or apostrophes) outside addresses; the checker decides
about each one.

Every decision is made inside one whitespace-separated run of characters, never across a space.
That is what lets a long paragraph be re-checked only around the edit (see incremental.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

Span = tuple[int, int]

# Letters, digits and underscore (\w) plus combining accents, joined by hyphens or apostrophes.
# Digits and underscores are matched so that "4x4x4" or "file_name" is one token to skip, not
# letters to check.
_COMPOUND = re.compile(r"[\w\u0300-\u036f]+(?:[-\u2010\u2011'\u2019][\w\u0300-\u036f]+)*")
_HYPHENS = re.compile(r"[-\u2010\u2011]")
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
# Something in a run that makes it an address or a path rather than prose: a scheme, an e-mail
# "@", a backslash, "www." or a dot between two letters ("wigan.gov.uk", "report.docx", "e.g.").
_ADDRESS_MARK = re.compile(r"://|@|\\|(?i:www\.)|[^\W_]\.[^\W_]")
_REST_OF_RUN = re.compile(r"\S*")
_ROMAN = re.compile(r"(?i)(?:x{0,3}|xl|lx{0,3}|xc|c)(?:i{0,3}|iv|vi{0,3}|ix)")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})


def normalise(word: str) -> str:
    """The form looked up: composed accents and a straight apostrophe."""
    word = word.translate(_APOSTROPHES)
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    return word


def address_spans(text: str) -> list[Span]:
    """The whitespace-separated runs of `text` that are URLs, e-mail addresses or paths."""
    spans: list[Span] = []
    end = 0
    for mark in _ADDRESS_MARK.finditer(text):
        if mark.start() < end:
            continue
        start = mark.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = _REST_OF_RUN.match(text, mark.start()).end()
        spans.append((start, end))
    return spans


def plain_compounds(text: str) -> list[str] | None:
    """All compounds of `text` in order when it holds no address, else None (use compounds()).

    The fast path for typing: one C call, no match objects. Between two compounds there are
    no word characters, so each one's position is the next `text.find` of it.
    """
    if _ADDRESS_MARK.search(text) is not None:
        return None
    return _COMPOUND.findall(text)


def compounds(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, compound) for each candidate word of `text`, skipping addresses."""
    addresses = address_spans(text)
    if not addresses:
        for m in _COMPOUND.finditer(text):
            yield m.start(), m.end(), m.group()
        return
    index, limit = 0, len(addresses)
    for m in _COMPOUND.finditer(text):
        start = m.start()
        while index < limit and addresses[index][1] <= start:
            index += 1
        if index < limit and addresses[index][0] <= start:
            continue
        yield start, m.end(), m.group()


def is_code(compound: str) -> bool:
    """Tokens with digits or underscores (4x4x4, Y6, 2nd, s47, file_name) are never checked."""
    return _DIGIT_OR_UNDERSCORE.search(compound) is not None


def hyphen_parts(compound: str) -> list[tuple[int, int, str]]:
    """(start, end, part) for each hyphen-separated part of `compound`."""
    parts = []
    start = 0
    for m in _HYPHENS.finditer(compound):
        parts.append((start, m.start(), compound[start:m.start()]))
        start = m.end()
    parts.append((start, len(compound), compound[start:]))
    return parts


def is_acronym(word: str) -> bool:
    """2-6 capitals, optionally with a plural "s": CIN, MASH, LADO, GPs, EHCPs."""
    core = word[:-1] if word.endswith("s") else word
    return 2 <= len(core) <= 6 and core.isupper() and core.isalpha()


def is_roman_numeral(word: str) -> bool:
    """List numbering such as (ii), (iv), (xii) is not a misspelling."""
    return 2 <= len(word) <= 6 and _ROMAN.fullmatch(word) is not None


def skipped(word: str) -> bool:
    """Words never flagged whatever the dictionary says: single letters, acronyms, numerals."""
    return len(word) <= 1 or is_acronym(word) or is_roman_numeral(word)
