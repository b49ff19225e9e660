"""Dates of birth: a date with a birth cue beside it, or a full date beside an exact age.

A date of birth, with little else, identifies a child. But most dates in a reflection are not
birthdays: the meeting, the strategy discussion, the due date of an action, the template's own
"Date" field. So a date is reported only with context:

- Near a birth cue ("born", "birth", "birthday", "DOB", "D.O.B.", "date of birth", "b.", "turned
  2 on") within about
  40 characters before the date, in the same sentence, or "(DOB)" just after it, a date is
  reported as a *date of birth* — even a day and month without a year ("born on 12 March"), a
  month and year ("born in March 2016"), and a future date (an expected date of delivery
  identifies a baby as well).
- A full date (day, month and year) in the same sentence as an exact age, within about 30
  characters ("Kayla, aged 7 (03/03/2016)"), is reported with the softer label "Full date beside
  an age".
- A year alone after "b." or "born (in)" is a year of birth ("Dad, b. 1990", "born in 2016").
- Never reported: any other date, however full ("The meeting on 12/03/2019", "Date: 3 March
  2026", "due 14/07/2026"), month and year alone, a year, and impossible dates ("31/02/2019").

Forms: 12/03/2019, 12-03-19, 12.03.2019 (the same separator twice, spaces around it allowed, since
PDF extraction adds them), ISO 2019-03-12, 12 March 2019, 12th March 2019, 12th of March, 2019,
March 12, 2019, March 12th 2019, with month names full or abbreviated ("Sept."). Numeric dates are
read day first; one that only makes sense month first (03/25/2019) is read that way. A two-digit
year is this century unless that would put it in the future.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.scan import ScanText

KIND = "date_of_birth"
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (  # a full stop belongs to an abbreviation ("Mar."), not to "March." ending a sentence
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
# Numeric dates start with a digit (a fast scan); what may precede them is checked in Python.
_NUMERIC = re.compile(
    r"(?P<nd>\d{1,2}) ?(?P<sep>[/.-]) ?(?P<nm>\d{1,2}) ?(?P=sep) ?(?P<ny>\d{4}|\d\d)(?![\w/:]|[.-]\d)"
    r"|(?P<iy>(?:19|20)\d\d)(?P<isep>[/.-])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?![\w/:]|[.-]\d)"
)
_NOT_BEFORE_NUMERIC = set("/.:-")
# Dates with a month name, matched on the lower-case copy near a month name.
_WORDS = re.compile(
    rf"(?<![\w.-])(?P<wd>{_DAY}) (?:of )?(?P<wm>{_MONTH})(?:,? (?P<wy>\d{{4}}))?(?!\w)"
    rf"|(?<![\w.-])(?P<mm>{_MONTH}) (?:(?P<md>{_DAY})(?:,? (?P<my>\d{{4}}))?|(?P<yy>\d{{4}}))(?![\w:])"
)
_MONTH_ANCHOR = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_CUE = re.compile(
    r"(?<!\w)(?:born|birth|birthday|d\.? ?o\.? ?b\.?|dob|b\.(?= ?(?:\d|$))|turn(?:ed|s) \d{1,2})(?!\w)",
    re.IGNORECASE,
)
# A year of birth alone: "(b. 1990)", "born in 2016".
_BIRTH_YEAR = re.compile(r"(?<!\w)(?:b\. ?|born (?:in )?)(?P<y>(?:19|20)\d\d)(?![\d/-])")
# An exact age near a full date makes it a likely date of birth ("aged 7", "7 years old", "(7)").
_AGE_NEAR = re.compile(
    r"\baged? \d|\b\d{1,2}[- ]?(?:years?|yrs?)[- ]old\b|\b\d{1,2} ?(?:yo|y/o)\b|\(\d{1,2}\)", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?] +[A-Z]")
_CUE_AFTER = re.compile(r" ?\((?:dob|d\.o\.b\.?|date of birth)\)", re.IGNORECASE)


def _year(text: str, today: date) -> int:
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)
    return year if year <= today.year else year - 100


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse(match: re.Match[str], today: date) -> tuple[date | None, bool]:
    """(the date, whether it has a day and a year). Without a year the date is placed in a leap
    year; without a day (a month and year) on the first."""
    if match.re is _NUMERIC:
        if match.group("iy"):
            return _valid(int(match.group("iy")), int(match.group("im")), int(match.group("id"))), True
        year = _year(match.group("ny"), today)
        day, month = int(match.group("nd")), int(match.group("nm"))
        return _valid(year, month, day) or _valid(year, day, month), True
    prefix = "w" if match.group("wd") else "m"
    month = _MONTHS[match.group(prefix + "m")[:3].lower()]
    if match.group("yy"):
        return _valid(int(match.group("yy")), month, 1), False
    day = int(re.match(r"\d+", match.group(prefix + "d")).group())
    year_text = match.group(prefix + "y")
    return _valid(int(year_text) if year_text else 2000, month, day), bool(year_text)


def _near_birth_word(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40):start]
    cues = list(_CUE.finditer(before))
    if cues and not _SENTENCE_END.search(before, cues[-1].end()):
        return True
    return bool(_CUE_AFTER.match(text, end))


def _near_age(text: str, start: int, end: int) -> bool:
    """An exact age within about 30 characters, in the same sentence."""
    before, after = text[max(0, start - 30):start], text[end:end + 30]
    ages_before = list(_AGE_NEAR.finditer(before))
    if ages_before and not _SENTENCE_END.search(before, ages_before[-1].end()):
        return True
    age_after = _AGE_NEAR.search(after)
    return age_after is not None and not _SENTENCE_END.search(after, 0, age_after.start())


def _candidates(scan: ScanText) -> Iterator[re.Match[str]]:
    text = scan.text
    for match in _NUMERIC.finditer(text):
        start = match.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in _NOT_BEFORE_NUMERIC):
            yield match
    # Windows reach past the longest forms: "12th of " before the month, "tember 12th, 2019" after.
    yield from scan.matches(_WORDS, _MONTH_ANCHOR, 16, 24)


def find(scan: ScanText, today: date | None = None) -> Iterator[Hit]:
    """Dates of birth in the scanned text (see the module docstring)."""
    today = today or date.today()
    text = scan.text
    for match in scan.matches(_BIRTH_YEAR, re.compile(r"b\.|born"), 0, 16):
        yield Hit(KIND, match.start("y"), match.end("y"), "dob")
    for match in _candidates(scan):
        when, full = _parse(match, today)
        if when is None:
            continue
        if _near_birth_word(text, match.start(), match.end()):
            yield Hit(KIND, match.start(), match.end(), "dob")
        elif full and today.year - 120 <= when.year and _near_age(text, match.start(), match.end()):
            yield Hit(KIND, match.start(), match.end())
