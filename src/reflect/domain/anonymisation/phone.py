"""UK phone numbers: landlines and mobiles, national or +44 form, in the usual groupings.

Only UK-shaped numbers are reported, so that a ten-digit case reference (or an NHS number with a
bad check digit) is not called a phone number just for being long. A number counts when, with
spaces, hyphens and brackets removed, it is:

- national: 0 then 1, 2, 3, 5, 7 or 8; 11 digits in all, or 10 for 01… and 08… (some areas and
  freephone numbers are shorter). The first group must have at least three digits, as every UK
  grouping does ("01942 123456", "020 7946 0000", "(0161) 496 0000", "07700 900123"): this keeps
  dates written with spaces ("01 02 2019 10 30") out.
- international: "+44" or "0044", optionally "(0)", then the national number without its 0
  ("+44 7700 900123", "+44 (0)161 496 0000").

Dates and times never qualify: slashes, dots and colons are not separators here. Where an NHS number
and a phone number share digits the NHS detector wins (see `check`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.digit_groups import Group, best_windows
from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.scan import ScanText

KIND = "phone"
_NATIONAL = re.compile(r"0(?:[1358]\d{8,9}|[27]\d{9})")


def _national(groups: list[Group], first: int, digits: str, plus: bool) -> str | None:
    """The national form of a window's digits if it is a UK phone number, else None."""
    if digits.startswith("0044") or (plus and digits.startswith("44")):
        rest = digits[4:] if digits.startswith("0044") else digits[2:]
        national = rest if rest.startswith("0") else "0" + rest
    elif len(groups[first].digits) >= 3:
        national = digits
    else:
        return None
    return national if _NATIONAL.fullmatch(national) else None


def find(scan: ScanText) -> Iterator[Hit]:
    """UK phone numbers in the scanned text."""
    text = scan.text

    def rank(groups: list[Group], first: int, last: int, digits: str) -> tuple[int, int] | None:
        start = groups[first].start
        plus = text[max(0, start - 2):start].rstrip().endswith("+")
        if _national(groups, first, digits, plus) is None:
            return None
        return (first, first - last)  # leftmost first; from one group, the longest number

    for groups, first, last in best_windows(scan.digit_runs, 10, 15, rank):
        start, end = groups[first].start, groups[last].end
        if text[max(0, start - 2):start].rstrip().endswith("+"):
            start = text.rindex("+", 0, start)
        elif start > 0 and text[start - 1] == "(" and text.startswith(")", groups[first].end):
            start -= 1
        yield Hit(KIND, start, end)
