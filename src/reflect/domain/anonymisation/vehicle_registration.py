"""UK vehicle registrations: "MA19 KXT" (2001 on), "K123 ABC" (prefix, 1983-2001), "ABC 123D" (suffix).

A number plate identifies a car and, through the DVLA, its keeper. The current format is
distinctive enough to report on its own: two letters (never I, Q or Z), a two-digit age
identifier (02-29 or 51-79: March and September registrations), an optional space, three letters
(never I or Q) — all in capitals. The older prefix and suffix formats look too much like other
codes ("Y6 SEN", "A1 BBC", "CIN 12 A"), so they are reported only in a sentence that talks about a
vehicle ("car", "van", "vehicle", "reg", "registration", "number plate", "drove", "parked",
"ANPR", "DVLA"), as is a current plate in small letters or without its space.

Postcodes ("WN1 1AA") and references ("CP-123456") are left to their own detectors; a postcode's
inward part starts with a digit, so the two never share a shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.scan import ScanText

KIND = "vehicle_registration"
_L = "[A-HJ-PR-Y]"  # a letter used in the area code (no I, Q, Z)
_R = "[A-HJ-PR-Z]"  # a letter used in the random part (no I, Q)
# Starts with a character class (a fast scan); what may precede it is checked in Python.
_CURRENT = re.compile(rf"{_L}{_L}(?P<age>[0-7]\d)(?P<space> ?){_R}{{3}}(?![\w-])", re.IGNORECASE)
_PREFIX = re.compile(rf"[A-HJ-NP-Y]\d{{1,3}} ?{_L}{{3}}(?![\w-])", re.IGNORECASE)
_SUFFIX = re.compile(rf"{_L}{{3}} ?\d{{1,3}} ?[A-HJ-NP-Y](?![\w-])", re.IGNORECASE)
_VEHICLE = re.compile(
    r"\b(?:cars?|vans?|vehicles?|reg|registration|number ?plates?|plates?|drove|driving|driven|driver"
    r"|parked|anpr|dvla|motorbike|moped|taxi|lorry|4x4)\b",
)
_SENTENCE_END = re.compile(r"[.!?] ")


def _age_ok(age: str) -> bool:
    number = int(age)
    return 2 <= number <= 29 or 51 <= number <= 79


def _about_vehicles(lower: str, start: int, end: int) -> bool:
    before = lower[max(0, start - 80):start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    after = lower[end:end + 60]
    stop = _SENTENCE_END.search(after)
    return bool(_VEHICLE.search(before, cut)
                or _VEHICLE.search(after, 0, stop.start() if stop else len(after)))


def find(scan: ScanText) -> Iterator[Hit]:
    """Vehicle registrations in the scanned text."""
    text, lower = scan.text, scan.lower
    done = -1
    for pattern in (_CURRENT, _PREFIX, _SUFFIX):
        for match in pattern.finditer(text):
            start, end = match.span()
            if start < done or (start and (text[start - 1].isalnum() or text[start - 1] in "_/-.")):
                continue
            plate = match.group()
            if pattern is _CURRENT:
                if not _age_ok(match.group("age")):
                    continue
                certain = plate.isupper() and match.group("space") == " "
            else:
                certain = False
            if certain or _about_vehicles(lower, start, end):
                done = end
                yield Hit(KIND, start, end)
