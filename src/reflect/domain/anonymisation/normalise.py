"""A normalised copy of the checked text for the detectors, with a map back to the original.

The check runs twice: on what the user typed, and on the text extracted from the exported PDF. PDF
extraction breaks lines in the middle of numbers and names, hyphenates words at line ends, turns
"fi" into the ligature "ﬁ" and scatters non-breaking, thin and doubled spaces. Rather than teach
every pattern every variant, the detectors run on a copy in which:

- every run of whitespace (line breaks, tabs, NBSP, thin spaces…) is one ordinary space;
- a word hyphenated at a line end is joined: "Smi-\\nth" -> "Smith", but "Smith-\\nJones" ->
  "Smith-Jones" (a hyphen before a capital is a real one);
- soft hyphens and zero-width characters are dropped;
- compatibility characters take their NFKC form (ligatures, full-width digits), except "½", which
  the age detector reads as it is;
- dashes become "-" and curly apostrophes "'". Letter case is kept: titles and names need it.

Findings must point into the ORIGINAL text (the review dialog edits it in place), so `Normalised`
keeps a sparse list of the places where the copy's length differs from the original; between them
the two are the same length and map one to one. Ordinary text costs a few fast scans.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

_KEEP = {"½"}  # read as it is by the age detector ("4½-year-old")
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_QUOTES = "\u2018\u2019\u201b\u02bc\u2032"
_DROPPED = "\u200b\u200c\u200d\u2060\ufeff"
_ASCII_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Each pattern starts with a character class, so the regex engine can skip ahead quickly: the
# scans below cost a few milliseconds per million characters of ordinary text.
_HYPHEN_BREAK = re.compile(r"[-\u2010\u2011\u00ad][^\S\n]*\n\s*")
_SPACE_RUN = re.compile(r"\s\s+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@cache
def _tables() -> tuple[dict[int, str], re.Pattern[str]]:
    """The one-to-one translation table for non-ASCII characters, and the pattern of the
    non-ASCII characters that change length: soft hyphens, zero-width characters, and those whose
    NFKC form is longer (ligatures). Built once, in about 10 ms."""
    one: dict[int, str] = {}
    multi: list[str] = []
    for code in range(0x80, 0x10000):
        ch = chr(code)
        if ch.isspace():
            one[code] = " "
        elif ch in _KEEP or 0xD800 <= code <= 0xDFFF:
            continue
        elif (nfkc := unicodedata.normalize("NFKC", ch)) != ch:
            if len(nfkc) == 1:
                one[code] = nfkc
            else:
                multi.append(re.escape(ch))
    one.update({ord(c): "-" for c in _DASHES})
    one.update({ord(c): "'" for c in _QUOTES})
    special = re.compile(rf"[\u00ad\u200b\u200c\u200d\u2060\ufeff{''.join(multi)}]")
    return one, special


def _edits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for every length-changing edit, in order, without overlaps."""
    found: list[tuple[int, int, int, str]] = []  # start, priority, end, replacement
    for match in _HYPHEN_BREAK.finditer(text):
        start, end = match.span()
        if 0 < start and end < len(text) and _is_letter(text[start - 1]) and _is_letter(text[end]):
            soft = text[start] == "\u00ad"
            found.append((start, 0, end, "" if soft or text[end].islower() else "-"))
    if not text.isascii():
        for match in _tables()[1].finditer(text):
            start, ch = match.start(), match.group()
            if ch == "\u00ad":  # a soft hyphen, and the line break after it if any
                end = start + 1
                while end < len(text) and text[end].isspace():
                    end += 1
                found.append((start, 1, end, ""))
            elif ch in _DROPPED:
                found.append((start, 1, start + 1, ""))
            else:
                found.append((start, 1, start + 1, unicodedata.normalize("NFKC", ch)))
    for match in _SPACE_RUN.finditer(text):
        found.append((match.start(), 2, match.end(), " "))
    found.sort()
    edits: list[tuple[int, int, str]] = []
    done = 0
    for start, _priority, end, new in found:
        if start >= done:
            edits.append((start, end, new))
            done = end
    return edits


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _one_to_one(text: str) -> str:
    """Single whitespace characters to spaces, dashes to "-", curly apostrophes to "'", NFKC."""
    for ch in _ASCII_SPACES:
        if ch in text:
            text = text.replace(ch, " ")
    if text.isascii():
        return text
    table = _tables()[0]
    return _NON_ASCII.sub(lambda run: run.group().translate(table), text)


@dataclass(frozen=True)
class Normalised:
    """`text` is the normalised copy; `span_in_original` maps a span of it back."""

    text: str = field(repr=False)
    original: str = field(repr=False)
    # Parallel lists, one item per length-changing edit, in order: where the edit's output starts
    # and ends in `text`, and where its input starts and ends in the original.
    n_starts: tuple[int, ...] = field(default=(), repr=False)
    n_ends: tuple[int, ...] = field(default=(), repr=False)
    o_starts: tuple[int, ...] = field(default=(), repr=False)
    o_ends: tuple[int, ...] = field(default=(), repr=False)

    def start_in_original(self, pos: int) -> int:
        """Where the character at `pos` of the normalised text came from."""
        k = bisect_right(self.n_starts, pos) - 1
        if k < 0:
            return pos
        if pos < self.n_ends[k]:
            return self.o_starts[k]
        return self.o_ends[k] + (pos - self.n_ends[k])

    def end_in_original(self, pos: int) -> int:
        """The original end (exclusive) of a span ending at `pos` (exclusive) of the normalised text."""
        k = bisect_left(self.n_starts, pos) - 1
        if k < 0:
            return pos
        if pos <= self.n_ends[k]:
            return self.o_ends[k]
        return self.o_ends[k] + (pos - self.n_ends[k])

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.start_in_original(start), self.end_in_original(end)

    def is_line_break(self, pos: int) -> bool:
        """True if the space at `pos` of the normalised text stands for a line break in the original."""
        start, end = self.span_in_original(pos, pos + 1)
        return any(ch in _LINE_BREAKS for ch in self.original[start:end])


def normalise(text: str) -> Normalised:
    """The normalised copy of `text` for the detectors (see the module docstring)."""
    edits = _edits(text)
    if not edits:
        return Normalised(_one_to_one(text), text)
    parts: list[str] = []
    n_starts: list[int] = []
    n_ends: list[int] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    copied = 0  # end of the original text already copied into parts
    n_len = 0
    for start, end, new in edits:
        parts.append(text[copied:start])
        n_len += start - copied
        n_starts.append(n_len)
        o_starts.append(start)
        parts.append(new)
        n_len += len(new)
        n_ends.append(n_len)
        o_ends.append(end)
        copied = end
    parts.append(text[copied:])
    return Normalised(
        _one_to_one("".join(parts)), text, tuple(n_starts), tuple(n_ends), tuple(o_starts), tuple(o_ends)
    )
