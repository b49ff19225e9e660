"""Addresses: "12 Acacia Road", "flat 3", "Flat 2b, Brook House", "lives on Moss Lane".

An address points to a family's home. Reported:

- a house number and a street: a number ("12", "12a", "12-14") and up to four capitalised words
  before a street word ("Road", "Rd", "Street", "St", "Lane", "Avenue", "Close", "Drive", "Way",
  "Court", "Crescent", "Grove", "Gardens", "Terrace", "Mews", "Hill", "Park", "View", "Rise",
  "Green", …), with "Flat 3, " or "Apartment 2, " before it if written;
- a street without a number when the street word can only be a street ("Acacia Road", "Moss
  Lane", "Oak Close"), or after a word that says someone lives there ("lives on Beech Hill");
- a flat or apartment number ("flat 3", "Apt 12b"), and a named building after one ("Flat 2b,
  Brook House") or after "lives at"/"moved into" ("lives at Brook House");
- a named house wherever it is written ("Rose Cottage", "Ivy Farm", "The Old Rectory", "Willow
  Lodge"), and a house named in the plural after "lives at" or "visited" ("The Willows");
- the street or district after a comma that continues an address ("flat 3, Brook House,
  Kingsway"), but not a town (kept apart: "12 Acacia Road, Wigan"), a day or a name that starts a
  new clause ("12 Acacia Road, Kayla said").

Not reported: streets everyone knows and no one lives on ("the High Street", "Wigan High Street",
"Coronation Street", "Downing Street"), a street word with no name ("the road", "Close
monitoring"), "flat 3 weeks".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.capitalised import words_before
from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.lexicon import lexicon
from reflect.domain.anonymisation.non_names import MONTHS_AND_DAYS, PLACES
from reflect.domain.anonymisation.patterns import words_alternation
from reflect.domain.anonymisation.scan import ScanText

KIND = "address"
# Street words that can only name a street; and those that name other things too ("Hill", "Park").
_STREET_ONLY_WORDS = """Road Rd Street Lane Avenue Ave Close Drive Crescent Cres Grove Gardens Gdns Terrace
    Mews Parade Boulevard Fold Brow Croft Wynd""".split()
_STREET_ALSO_WORDS = """St Dr Way Court Ct Place Pl Walk Row Hill Square Sq Park View Rise Green Vale Mount
    Gate Meadows Fields Wharf Yard Heights Chase Glade Bank Approach Grange Hey Nook Dale Side End""".split()
_BUILDING_WORDS = "House Mansions Villas Towers Tower Flats Buildings Hall Point".split()
# A named house is someone's home wherever it is written: "Rose Cottage", "Ivy Farm", "The Old Rectory".
_HOME_WORDS = "Cottage Cottages Lodge Farm Farmhouse Manor Rectory Vicarage Barn Mill Grange Bungalow".split()
# Houses named in the plural after a visit or a home: "lives at The Willows".
_PLURAL_HOUSES = (
    "Willows", "Beeches", "Laurels", "Pines", "Hollies", "Firs", "Elms", "Limes", "Cedars", "Oaks",
    "Poplars", "Gables", "Maltings", "Birches", "Rowans", "Chestnuts", "Sycamores", "Larches",
    "Hawthorns", "Heathers", "Orchards", "Paddocks", "Cloisters", "Moorings", "Yews", "Maples",
    "Acacias", "Conifers", "Brambles", "Stables", "Spinney", "Coach House",
)
# "Grange" is in both street lists; "only" is tried first, so it counts as a street-only word.
_ANCHOR = re.compile(
    rf"\b(?:(?P<only>{words_alternation(_STREET_ONLY_WORDS + _HOME_WORDS)})"
    rf"|(?P<also>{words_alternation(_STREET_ALSO_WORDS)})|(?P<building>{words_alternation(_BUILDING_WORDS)}))\b"
)
_PLURAL_HOUSE = re.compile(
    r"(?:lives?|living|lived|staying|stays|stayed|visited|visit|visiting|moved to|moved into|at) "
    rf"(?P<house>[Tt]he (?:{words_alternation(_PLURAL_HOUSES)}))\b"
)
# What continues an address after a comma: a street or district ("flat 3, Brook House, Kingsway").
_CONTINUES = re.compile(r", (?P<more>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?P<stop>[,.;)]|$| [A-Z]{1,2}\d| [a-z])")
_FLAT_NUMBER = r"(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt\.?|[Uu]nit) \d{1,4}[A-Za-z]?,? "  # "Flat 2b, "
_NUMBER_BEFORE = re.compile(
    rf"(?:(?P<flat>{_FLAT_NUMBER})|(?<![\w/.:-])(?P<number>\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}}[A-Za-z]?)?,? ))$"
)
_FLAT_BEFORE_NUMBER = re.compile(rf"{_FLAT_NUMBER}$")
# Words that say where someone lives comes next: "lives on", "moved back into the".
_LIVES_WORDS = """live lives living lived move moved moving stay stays staying stayed reside resides residing
    address house home flat property relocated rehoused housed returned""".split() + ["address is"]
_LIVES = re.compile(
    rf"(?:{words_alternation(_LIVES_WORDS)})(?: back| now| still| currently| temporarily)?"
    r" (?:on|in|at|to|into|off)(?: the)? $"
)
_FLAT = re.compile(r"(?<![\w-])(?:flat|apartment|apt\.?) (?P<n>\d{1,4}[a-z]?)(?![\w/-])")
_FLAT_ANCHOR = re.compile(r"flat|apartment|apt")
# Units after "flat 3" that make it a measure, not a flat: "flat 3 weeks", "flat 2-3 bedroom".
_MEASURES = """minute minutes min mins hour hours day days week weeks month months year years time times
    bed bedroom storey floor floors % percent""".split() + ["out of"]
_NOT_FLAT_AFTER = re.compile(rf" ?(?:-|to)? ?\d*(?:{words_alternation(_MEASURES)})\b")
_FAMOUS = frozenset(
    "high main coronation downing wall sesame oxford regent bond carnaby fleet baker abbey".split()
)
_STARTERS = frozenset(
    """the a an this that our their his her my its yesterday today when then after before at in on
    and but so if once during""".split()
)


def _street_name(text: str, start: int) -> list[tuple[int, str]]:
    words = words_before(text, start, 4)
    cut = max((k + 1 for k, (_, w) in enumerate(words) if w in ("on", "in")), default=0)
    words = words[cut:]  # "the Travelodge on Ormskirk Road": the street is "Ormskirk Road"
    lex = lexicon()
    while words:
        word = words[0][1]
        low = word.lower()
        initial = _initial(text, words[0][0])
        if low in _STARTERS or (initial and lex.tier(low) == 0 and low not in lex.given):
            words.pop(0)
            continue
        break
    return words


def _initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \"'(")
    return not before or before[-1] in ".!?:"


def _streets(scan: ScanText) -> Iterator[tuple[int, int]]:
    text, lower = scan.text, scan.lower
    for anchor in _ANCHOR.finditer(text):
        words = _street_name(text, anchor.start())
        if not words or words[-1][1].lower() in _FAMOUS:
            continue
        first = words[0][0]
        number = _NUMBER_BEFORE.search(text, max(0, first - 24), first)
        if number is not None:
            flat = _FLAT_BEFORE_NUMBER.search(text, max(0, number.start() - 20), number.start())
            yield (flat or number).start(), anchor.end()
        elif _LIVES.search(lower, max(0, first - 40), first) or (
                anchor.group("only") and anchor.start() - first < 60):
            yield first, anchor.end()


def _flats(scan: ScanText) -> Iterator[tuple[int, int]]:
    lower = scan.lower
    for match in scan.matches(_FLAT, _FLAT_ANCHOR, 0, 20):
        if not _NOT_FLAT_AFTER.match(lower, match.end()):
            yield match.start(), match.end()


def _plural_houses(scan: ScanText) -> Iterator[tuple[int, int]]:
    for match in scan.matches(_PLURAL_HOUSE, re.compile(r"[Tt]he [A-Z]"), 24, 20, lower=False):
        yield match.span("house")


def _continued(text: str, end: int) -> int:
    """The end of an address, taking in up to two street or district names after commas."""
    lex = lexicon()
    for _ in range(2):
        more = _CONTINUES.match(text, end)
        if more is None:
            break
        words = [w.lower() for w in re.split(r"[ -]", more.group("more"))]
        if any(lex.ordinary(w) or w in MONTHS_AND_DAYS or w in PLACES for w in words) or (
                more.group("stop")[0] == " " and any(w in lex.given for w in words)):
            break  # "…Road, Monday was", "…Road, Kayla said": a new clause; "…Road, Wigan": the town
        end = more.end("more")
    return end


def find(scan: ScanText) -> Iterator[Hit]:
    """Addresses in the scanned text."""
    text = scan.text
    spans = sorted(set(_streets(scan)) | set(_flats(scan)) | set(_plural_houses(scan)))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or text[merged[-1][1]:start] in (", ", " ")):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        yield Hit(KIND, start, _continued(text, end))
