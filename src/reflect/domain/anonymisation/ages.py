"""Exact ages: "aged 4", "4-year-old", "four years old", "18-month-old", "4yo", "16 years of age".

An exact age narrows down who a child is (with a town and a date it can be enough); a range ("a
primary-school-age child") rarely does. What counts, with the number in digits (up to 99, "4½"
allowed) or words ("four", "twenty-one", "eighteen and a half"):

- "aged N", "age N", "age: N", "at the age of N", optionally with a unit ("aged 16 months");
- "N year(s)/yr(s)/month(s)/week(s)/day(s) old", any hyphenation ("4-year-old", "4 years old",
  "a 14 year old", "fouryear-old" from a PDF's hyphenation at a line end);
- "N years/months of age"; "4yo", "4 y/o", "4 y.o.";
- an age said of a person: "she is 7", "Tom was 14", "who is now 7", "her son turned 16" (the
  word before the verb is a pronoun, a family word or a capitalised name); "Tom (7)", "Kayla, 7,"
  (a capitalised name or a family word before it); "Kayla (4, DOB …)"; "the baby, 11 months,";
  "her 16th birthday" ("she is 7 months pregnant" is not an age). Only the number is
  reported for these, so a replacement reads on ("Tom (primary-school age)").

Not reported, by choice:

- time spans: "4 years ago", "for 4 years", "4 years' experience" (no "old"/"of age");
- groups and thresholds: "any nine-year-old", "over 18s", "under-5s", "4-year-olds", "aged 18 and
  over", "aged 16 or under", "18+", "under the age of 18", "children under 5 years old" — these
  describe a cohort, not a person;
- ranges and guesses: "aged 4-6", "aged 4 to 6", "aged 4 or 5", "4-6 year old". ("aged 4 and 6"
  gives two exact ages and is reported.)
- services named after an age: "the 2-year-old check", "the two year old offer", "review",
  "funding", "places".
- numbers that only look like an age: "it is 7", "there is 1", "the score is 7/10", "Section 47
  (7)", "Appendix (2)", "Stage 4, 5", "is 7 minutes away".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.lexicon import lexicon
from reflect.domain.anonymisation.patterns import words_alternation
from reflect.domain.anonymisation.scan import ScanText

KIND = "age"
_UNITS_1_9 = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD = rf"(?:(?:{_TENS})(?:[- ]?(?:{_UNITS_1_9}))?|{_TEENS}|{_UNITS_1_9})"
_NUMBER = rf"(?:\d{{1,2}}(?:\.5|½)?(?!\d|\.\d)|{_WORD})(?: and a half)?"
_UNIT = r"(?:years?|yrs?|months?|mths?|weeks?|wks?|days?)"
# Matched on the lower-case copy, near an anchor every form contains: "age", a unit, "yo"/"y/o".
_AGES = re.compile(
    rf"(?<![\w.-])(?:aged?:?|at the age of) (?P<n1>{_NUMBER})(?: {_UNIT}(?:[ -]old(?!s))?)?(?!\w)"
    rf"|(?<![\w.½-])(?P<n2>{_NUMBER})[ -]?{_UNIT}(?:[ -]?old(?![\w-])| of age(?!\w))"
    rf"|(?<![\w.½-])(?P<n3>{_NUMBER}) ?(?:yo|y/o|y\.o\.?)(?!\w)"
)
_ANCHOR = re.compile(r"age|year|yr|mon|mth|wee|wk|day|yo\b|y/o|y\.o")
_THRESHOLD_BEFORE = re.compile(
    r"\b(?:under|over|above|below|than|least|most|from|between|any|every|other|all|many|no)(?: the age of)? $"
)
# What may follow a match and make it a cohort, a range or the name of a service instead.
_AFTER = re.compile(
    r"\+| ?(?:-|to|or) ?\d| (?:and|or) (?:over|under|above|below|older|younger)\b| plus\b"
    r"| (?:check|review|offer|funding|places|progress)\b"
)


# "is 7", "turned 16": the verb is the anchor; who it is said of is checked in Python.
_SAID_OF = re.compile(
    rf"(?:(?<!\w)(?:is|was|are|were|turned|turns|will be|would be)|'s)"
    r"(?: (?:now|only|just|nearly|almost|already))?"
    rf" (?P<n>{_NUMBER})(?= ?[.,;:)!?]| (?:and|now|today|this|next|last|in|at|but|so|with|when|on"
    rf"|yesterday|soon|tomorrow|years?|yrs?|months?|mths?|weeks?|or|too|herself|himself)\b|$)"
)
_SAID_OF_ANCHOR = re.compile(r"\b(?:is|was|are|were|'s|turned|turns|be) ")
_PERSON_WORDS = frozenset(
    """he she who they son daughter brother sister sibling baby boy girl child toddler cousin nephew
    niece grandson granddaughter youngest eldest oldest twin twins mum dad mother father partner
    nan nana nanna gran granny grandma grandad grandpa grandmother grandfather aunt auntie aunty
    uncle stepfather stepmother carer husband wife
    stepdad stepmum boyfriend girlfriend he's she's client pupil student teenager infant newborn
    victim yp cyp person twins boys girls children siblings brothers sisters kids""".split()
)
_NOT_PEOPLE = frozenset(
    """it there this that which what section appendix stage step part page table figure level tier
    year chapter para paragraph point question q item option note action footnote s schedule
    annex article rule standard principle""".split()
)
_AND_AGE = re.compile(rf" and (?P<n>{_NUMBER})(?= ?[.,;:)!?]| (?:and|now|years?)\b|$)")
# "Tom (7)", "Kayla (4, DOB ...)", "Tom, 7,", "the baby, 11 months,".
_BRACKETED = re.compile(
    r"\((?P<n>\d{1,2})(?=\)|[,;] )"
    r"|, (?P<c>\d{1,2}(?: (?:months?|mths?|weeks?)(?: old)?)?)(?=,| and |\)|\.(?!\d))"
)
_PREGNANT = re.compile(r" (?:months?|weeks?) pregnant\b")
_ORDINAL_WORDS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
    twenty-first""".split()
_BIRTHDAY = re.compile(
    rf"(?<![\w-])(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{words_alternation(_ORDINAL_WORDS)}) birthday"
)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'-]*)[ ,]*$")
# Words between the person and the verb: "Kayla has just turned 5", "he is now 7".
_BETWEEN = re.compile(r"(?: (?:has|had|have|just|only|now|recently|finally|already|since))+$")
_OF_AGE = re.compile(
    rf"(?<!\w)(?:boy|girl|child|lad|son|daughter|baby) of (?P<n>{_NUMBER})(?![\w-])"
    r"(?! (?:years?|months?|weeks?) ago)"
)


def _said_of_person(scan: ScanText, start: int, capital_ok: bool = True) -> bool:
    """The word before `start` names a person: a pronoun, a family word, or a capitalised name."""
    between = _BETWEEN.search(scan.lower, max(0, start - 40), start - 1) if start else None
    if between is not None:
        start = between.start() + 1
    word = _WORD_BEFORE.search(scan.text, max(0, start - 30), start)
    if word is None:
        return False
    low = word.group(1).lower()
    if low in _NOT_PEOPLE:
        return False
    if low in _PERSON_WORDS or low.endswith("'s"):
        return True
    name = word.group(1)
    if not capital_ok or not name[0].isupper() or name.isupper():
        return False
    lex = lexicon()  # a name, not a heading or a counted noun ("Reflections (4)", "Stage 4, 5")
    return low in lex.given or lex.tier(low) is None


def _person_ages(scan: ScanText) -> Iterator[Hit]:
    """Ages said of a person: "she is 7", "Tom (7)", "Kayla, 7,", "her 16th birthday"."""
    for match in scan.matches(_SAID_OF, _SAID_OF_ANCHOR, 0, 60):
        if _said_of_person(scan, match.start()) and not _PREGNANT.match(scan.lower, match.end()):
            yield Hit(KIND, match.start("n"), match.end("n"))
            more = _AND_AGE.match(scan.lower, match.end())  # "the twins are 4 and 6"
            if more is not None:
                yield Hit(KIND, more.start("n"), more.end("n"))
    for match in _BRACKETED.finditer(scan.text):
        group = "n" if match.group("n") else "c"
        if _said_of_person(scan, match.start()):
            yield Hit(KIND, match.start(group), match.end(group))
    for match in scan.matches(_BIRTHDAY, re.compile("birthday"), 16, 8):
        yield Hit(KIND, match.start("n"), match.end("n"))
    for match in scan.matches(_OF_AGE, re.compile(" of "), 10, 24):
        yield Hit(KIND, match.start("n"), match.end("n"))


def find(scan: ScanText) -> Iterator[Hit]:
    """Exact ages in the scanned text."""
    yield from _person_ages(scan)
    text = scan.lower
    # Windows reach past the longest forms around an anchor: "seventy-seven and a half " before
    # the unit, "age of seventy-seven and a half years old" after "age".
    for match in scan.matches(_AGES, _ANCHOR, 32, 48):
        start, end = match.span()
        if _THRESHOLD_BEFORE.search(text, max(0, start - 30), start):
            continue
        if _AFTER.match(text, end):
            continue
        yield Hit(KIND, start, end)
