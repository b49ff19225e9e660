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
the two are the same length and map one to one. Text with nothing to change costs one regex scan
and one `str.translate`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

_KEEP = {"½"}  # read as it is by the age detector ("4½-year-old")
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_QUOTES = "\u2018\u2019\u201b\u02bc\u2032"
_DROPPED = "\u200b\u200c\u200d\u2060\ufeff"
_LETTER = r"[^\W\d_]"


@cache
def _tables() -> tuple[dict[int, str], re.Pattern[str]]:
    """The one-to-one translation table and the pattern of length-changing edits (built once)."""
    one: dict[int, str] = {}
    multi: list[str] = []
    for code in range(0xA0, 0x10000):
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
    one.update({ord(c): " " for c in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"})
    one.update({ord(c): "-" for c in _DASHES})
    one.update({ord(c): "'" for c in _QUOTES})
    edits = re.compile(
        # A word broken at a line end; the hyphen may be soft.
        rf"(?P<hyph>(?<={_LETTER})[-\u2010\u2011\u00ad][^\S\n]*\n\s*(?={_LETTER}))"
        r"|(?P<soft>\u00ad\s*)"
        rf"|(?P<drop>[{_DROPPED}]+)"
        r"|(?P<space>\s{2,})"
        rf"|(?P<wide>[{''.join(multi)}])"
    )
    return one, edits


def _replacement(match: re.Match[str], text: str) -> str:
    group = match.lastgroup
    if group == "hyph":
        following = text[match.end()] if match.end() < len(text) else ""
        hyphen = match.group()[0]
        return "" if hyphen == "\u00ad" or following.islower() else "-"
    if group in ("soft", "drop"):
        return ""
    if group == "space":
        return " "
    return unicodedata.normalize("NFKC", match.group())


@dataclass(frozen=True)
class Normalised:
    """`text` is the normalised copy; `span_in_original` maps a span of it back."""

    text: str
    # Parallel lists, one item per length-changing edit, in order: where the edit's output starts
    # and ends in `text`, and where its input starts and ends in the original.
    n_starts: tuple[int, ...] = ()
    n_ends: tuple[int, ...] = ()
    o_starts: tuple[int, ...] = ()
    o_ends: tuple[int, ...] = ()

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


def normalise(text: str) -> Normalised:
    """The normalised copy of `text` for the detectors (see the module docstring)."""
    table, edits = _tables()
    parts: list[str] = []
    n_starts: list[int] = []
    n_ends: list[int] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    copied = 0  # end of the original text already copied into parts
    n_len = 0
    for match in edits.finditer(text):
        new = _replacement(match, text)
        start, end = match.span()
        if new == match.group():
            continue
        parts.append(text[copied:start])
        n_len += start - copied
        n_starts.append(n_len)
        o_starts.append(start)
        parts.append(new)
        n_len += len(new)
        n_ends.append(n_len)
        o_ends.append(end)
        copied = end
    if not parts:
        return Normalised(text.translate(table))
    parts.append(text[copied:])
    return Normalised(
        "".join(parts).translate(table), tuple(n_starts), tuple(n_ends), tuple(o_starts), tuple(o_ends)
    )
