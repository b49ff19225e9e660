"""National Insurance numbers: two prefix letters, six digits, an optional suffix A–D.

The prefix rules are HMRC's: the first letter is never D, F, I, Q, U or V; the second never D, F,
I, O, Q, U or V; and BG, GB, KN, NK, NT, TN and ZZ are not allocated. Applying them keeps the
published example "QQ 12 34 56 C" (and prose such as "DI 123456") out. Case is ignored and any
spacing is accepted ("AB123456C", "ab 12 34 56 c", a line break between pairs).

A suffix separated by a space counts only as a capital ("AB 12 34 56 C"): in "AB 12 34 56 a
child" the "a" is the next word, and the number is reported without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit

KIND = "ni_number"
_UNALLOCATED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
_NI = re.compile(
    r"(?<![^\W_])"
    r"(?P<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ -]?\d\d[ -]?\d\d[ -]?\d\d"
    r"(?:(?P<space>[ -]?)(?P<suffix>[A-D]))?"
    r"(?![^\W_])",
    re.IGNORECASE,
)


def find(text: str) -> Iterator[Hit]:
    """National Insurance numbers in normalised `text`."""
    for match in _NI.finditer(text):
        if match.group("prefix").upper() in _UNALLOCATED:
            continue
        end = match.end()
        if match.group("space") and match.group("suffix").islower():
            end = match.start("space")
        yield Hit(KIND, match.start(), end)
