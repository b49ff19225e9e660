"""NHS numbers: ten digits whose last is a valid Modulus 11 check digit, in any grouping.

The check digit is what makes this detector trustworthy: multiply the first nine digits by 10, 9,
… 2, add them up, take the remainder on division by 11 and subtract it from 11 (11 becomes 0; 10
means the number is invalid). About one random ten-digit number in eleven passes, so a case
reference or an order number with a bad check digit is NOT reported — it may well be a reference
the practitioner needs to quote, and a false alarm on every one would teach users to click "accept"
without reading. (Scottish CHI and Northern Irish H&C numbers use the same check and are caught too.)

Any grouping is accepted ("943 476 5919", "943-476-5919", "9434765919", "94 34 76 59 19", a line
break between groups), but a window never splits a group of digits (see `digit_groups`). Where a run
holds more than one valid window, the usual 3-3-4 or unbroken form is preferred, then the leftmost.
"""

from __future__ import annotations

from collections.abc import Iterator

from reflect.domain.anonymisation.digit_groups import Group, best_windows
from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.scan import ScanText

KIND = "nhs_number"
_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def is_valid_nhs_number(digits: str) -> bool:
    """True for ten digits whose tenth is the Modulus 11 check digit of the first nine."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=False))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _rank(groups: list[Group], first: int, last: int, digits: str) -> tuple[int, int] | None:
    """The usual 3-3-4 or unbroken form before any other grouping, then the leftmost; None if invalid."""
    if not is_valid_nhs_number(digits):
        return None
    shape = [len(g.digits) for g in groups[first:last + 1]]
    return (0 if shape in ([10], [3, 3, 4]) else 1, first)


def find(scan: ScanText) -> Iterator[Hit]:
    """NHS numbers in the scanned text."""
    for groups, first, last in best_windows(scan.digit_runs, 10, 10, _rank):
        yield Hit(KIND, groups[first].start, groups[last].end)
