"""National Insurance numbers: two prefix letters, six digits, an optional suffix A–D.

The prefix rules are HMRC's: the first letter is never D, F, I, Q, U or V; the second never D, F,
I, O, Q, U or V; and BG, GB, KN, NK, NT, TN and ZZ are not allocated. Applying them keeps the
published example "QQ 12 34 56 C" (and prose such as "DI 123456") out. Case is ignored and any
spacing is accepted ("AB123456C", "AB 12 34 56 C", "ab 12 34 56 c", a line break between pairs),
with one guard against ordinary words: when the letters stand apart from the digits and are not
both capitals, they must not be a two-letter English word, unless "NI" or "National Insurance"
comes just before. "on 12-03-19" and "At 12 34 56" are a word and some numbers; "ab 12 34 56 c"
and "NI no. at 12 34 56 c" are NI numbers.

A lone "a" after the number and before another word ("AB 12 34 56 a child") is the next word, not
the suffix, and the number is reported without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.scan import ScanText

KIND = "ni_number"
_UNALLOCATED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
_WORDS = frozenset("am an as at be by do go he if in is it me my no of oh ok on or so to up us we ye".split())
_CUE = re.compile(r"\b(?:ni|nino|national insurance)\b")
# Matched on the lower-case copy, at the start of a digit run less two or three characters.
_NI = re.compile(
    r"(?P<prefix>[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z])(?P<gap>[ -]?)\d\d[ -]?\d\d[ -]?\d\d"
    r"(?:(?P<space>[ -]?)(?P<suffix>[a-d]))?"
    r"(?![^\W_])"
)


def find(scan: ScanText) -> Iterator[Hit]:
    """National Insurance numbers in the scanned text."""
    text, lower = scan.text, scan.lower
    for run in scan.digit_runs:
        if run.digit_count < 6:
            continue
        for start in (run.start - 3, run.start - 2):
            if start < 0 or (start > 0 and lower[start - 1].isalnum()):
                continue
            match = _NI.match(lower, start)
            if match is None:
                continue
            prefix = text[start:start + 2]
            if prefix.upper() in _UNALLOCATED or (match.group("gap") and not prefix.isupper() and (
                    prefix.lower() in _WORDS and not _CUE.search(lower, max(0, start - 30), start))):
                break
            if match.group("gap") == "-" and "-" not in lower[match.end("gap"):match.end()]:
                break  # "CP-123456" is a reference; a hyphenated NI number has hyphens throughout
            end = match.end()
            if match.group("space") and text[end - 1] == "a" and re.match(r" \w", text[end:end + 2]):
                end = match.start("space")
            yield Hit(KIND, start, end)
            break
