"""Case, file and other reference numbers: "LCS-2024-0193", "case no. 48213", "ref: 2291/B".

A case or crime reference leads straight back to one family's records. Two ways in:

- **A cue, then a code**: "case", "file", "ref", "reference", "referral", "crime", "incident",
  "log", "record", "client", "ID", "police", "CP", "CIN", "LAC", "Mosaic", "LCS", "#", optionally
  with "no.", "number", "ref", "ID", ":" — then a code of letters, digits, "/" and "-" (or groups
  of digits) with at least three digits ("case no. 48213", "ref: 2291/B", "crime number
  06/123456/24", "ID 4471923", "case reference 943 476 5918").
- **The shape of a code**: capitals joined to digits by "-" or "/" (or run together), with at
  least five digits or two groups of digits: "LCS-2024-0193", "CP-123456", "WG/2023/0044",
  "CP123456", letters and digits alternating "MA24P00519", a prefix and four digits "MRC-0913");
  and runs of digits with slashes whose middle group is too long for a date ("06/123456/24").
- **A cue a few words before**: a number of six or more digits, or digits with "/" or "-", in the
  same sentence within 50 characters after "account", "reference", "log", "incident", "crime
  number", "court reference", "case number", "URN", "file" ("the court reference on the order was
  2024/0193"), unless it is a date, a year range or money.

Not reported: a year or a bare number too short to be a reference ("case 12", "CIN 12", "in
2019"), section and version numbers ("s.47", "v2.1"), standards ("ISO-9001", "COVID-19", "KS2"),
and a bare "ref" followed by a year and a number ("Ref 2019/1234"), which in practice writing is a
document's or a published review's reference rather than a family's. Phone and NHS numbers are
reported as those (see `check`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.patterns import words_alternation
from reflect.domain.anonymisation.scan import ScanText

KIND = "reference"
_CODE = r"(?:\d{1,6}(?: \d{2,6}){1,3}(?![\w/-])|[a-z0-9][a-z0-9/-]{0,24})"  # "943 476 5918", "2291/b"
# Matched on the lower-case copy, in windows around runs of three digits.
_CUED = re.compile(
    r"(?<![\w.])(?P<cue>case|file|ref|reference|referral|crime|incident|log|record|client|id"
    r"|police|cp|cin|lac|cla|mosaic|lcs|eclipse|liquidlogic|account|acct|urn|court|claim|tenancy"
    r"|occurrence|cad|#)"
    r"(?P<what>\.? ?(?:no|number|num|nr|ref|reference|id|#)\b)?\.?(?: ?[:#=-])? ?(?:is |was )?"
    rf"(?P<code>{_CODE})"
)
_DIGITS3 = re.compile(r"\d{3}")
# Starts with a character class (a fast scan); what may precede it is checked in Python.
_SHAPE = re.compile(
    r"(?:[A-Z]{2,5}(?:[-/]\d+|\d{5,})(?:[-/][A-Z0-9]+){0,4}|\d{2,4}/\d{5,}/\d{2,4}"
    r"|[A-Z]{1,4}\d{1,4}[A-Z]{1,3}\d{3,8})(?![\w/-])"  # the last: "MA24P00519", "LS12X4471"
)
# Standards and diseases that look like "PREFIX-1234": not anyone's record.
_NOT_PREFIXES = frozenset("ISO BS EN IEC COVID SARS MERS HIV PAS GDPR KS NVQ BTEC A4 CO2".split())
# A reference cue word, then (within a few words of the same sentence) a long or separated number:
# "the court reference on the order was 2024/0193", "the crime number they gave me is 241187".
_FAR_CUES = (
    "account", "reference", "ref", "log", "incident", "crime number", "crime no", "court reference",
    "case number", "urn", "file", "case ref", "claim", "tenancy",
)
_FAR_CUE = re.compile(rf"(?<![\w.])(?:{words_alternation(_FAR_CUES)})\b")
_FAR_NUMBER = re.compile(r"(?<![\w/.,£$-])(?:\d{6,12}|\d{2,6}(?:[/-]\d{2,8}){1,3})(?![\w/-]|[.,]\d)")
_ISO_DATE = re.compile(r"(?:19|20)\d\d-\d{1,2}-\d{1,2}")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d[/-](?:\d\d|(?:19|20)\d\d)")
_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_SLASH = re.compile(r"(?:19|20)\d\d/\d+")


def _digits(code: str) -> int:
    return sum(ch.isdigit() for ch in code)


def _cued(scan: ScanText) -> Iterator[tuple[int, int]]:
    for match in scan.matches(_CUED, _DIGITS3, 40, 28):
        code = match.group("code").rstrip("/-")
        if _digits(code) < 3 or _YEAR.fullmatch(code) or _DATE.fullmatch(code):
            continue
        bare_ref = match.group("cue") in ("ref", "reference") and not match.group("what")
        if bare_ref and _YEAR_SLASH.fullmatch(code):
            continue
        start = match.start("code")
        yield start, start + len(code)


def _shaped(scan: ScanText) -> Iterator[tuple[int, int]]:
    text = scan.text
    for match in _SHAPE.finditer(text):
        start, code = match.start(), match.group()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_/.-"):
            continue
        groups = re.findall(r"\d+", code)
        prefix = code[:len(code) - len(code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]
        dashed_four = bool(prefix) and code[len(prefix):len(prefix) + 1] in ("-", "/") and len(
            groups[0]) >= 4 and prefix not in _NOT_PREFIXES and not _YEAR.fullmatch(groups[0])  # "MRC-0913"
        if _digits(code) >= 5 or len(groups) >= 2 or dashed_four:
            yield match.span()


def _far_cued(scan: ScanText) -> Iterator[tuple[int, int]]:
    """A long or separated number a few words after a reference cue, in the same sentence."""
    lower = scan.lower
    for cue in _FAR_CUE.finditer(lower):
        stop = lower.find(". ", cue.end(), cue.end() + 50)
        end = stop if stop >= 0 else min(len(lower), cue.end() + 50)
        number = _FAR_NUMBER.search(lower, cue.end(), end)
        if number is None:
            continue
        code = number.group()
        if _DATE.fullmatch(code) or _ISO_DATE.fullmatch(code) or _YEAR_RANGE.fullmatch(code):
            continue
        if cue.group() in ("ref", "reference") and _YEAR_SLASH.fullmatch(code):
            continue  # "Ref 2019/1234": a document's reference
        yield number.span()


def find(scan: ScanText) -> Iterator[Hit]:
    """Case, file and reference numbers in the scanned text."""
    for start, end in sorted(set(_cued(scan)) | set(_shaped(scan)) | set(_far_cued(scan))):
        yield Hit(KIND, start, end)
