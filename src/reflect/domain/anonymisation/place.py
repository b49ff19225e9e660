"""Named places that narrow a child down: schools, nurseries, GP surgeries, children's centres, estates.

"St Mary's Primary", "Little Acorns Nursery", "Moss Lane Surgery", "Pennygate Medical Centre",
"the Beech Hill estate": a named school or nursery narrows a child down to a few hundred families,
and with an age to a class. The detector anchors on the kind of place, written with a capital
("School", "Primary", "Academy", "Nursery", "Pre-School", "Surgery", "Medical Centre", "Children's
Centre", "Hospital", "College", "Youth Zone"; "estate" in either case), reads the capitalised name
in front of it (`capitalised.words_before`) and reports the whole name when at least one of its
words is distinctive — not a word every such place has ("Primary", "Catholic", "Children's",
"Medical", "Virtual", "Sure Start"). Also where a family stays or a child goes: refuges, hostels,
hotels, B&Bs, inns, parks, skate parks, playgrounds, libraries, chapels ("Brookfield Refuge", "the
Sunnyside B&B", "Mesnes Park", "Howe Bridge skate park"); "the Travelodge"; a pub someone is at,
behind or outside ("behind the Crown and Anchor", "outside the Red Lion"); and "St Anne's" on its
own (not "St Patrick's Day"). "Tom's park" is a name and a park; "12 Jubilee Park" an address.

Not reported: a name and a kind of place on different lines (a heading or label above text that
starts with the kind of place: "Tags\nHospital discharge"); the kinds alone ("the Virtual School",
"the Children's Centre", "a Pupil Referral
Unit", "Primary School", "the estate"), and the name of a service rather than a place
("Reflective Practice", "Early Years").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.capitalised import words_before
from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.patterns import words_alternation
from reflect.domain.anonymisation.scan import ScanText

KIND = "place"
_TYPE = (
    r"(?:Primary|Junior|Infant|High)(?= (?:School|Academy)\b|(?! [A-Z]))|Juniors|Infants|School"
    r"|Academy|Nursery|Pre-[Ss]chool|Preschool"
    r"|Playgroup|Surgery|Medical Centre|Health Centre|Medical Practice|Health Practice"
    r"|Children's Centre|Childrens Centre|Family Centre|Youth Centre|Community Centre|Centre"
    r"|College|Hospital|Infirmary|Clinic|Estate|estate|Church|Mosque|Gurdwara|Temple|Youth Zone"
    r"|Youth Club|Club|Children's Home|Kindergarten|Montessori|Creche|Crèche|Day Nursery"
    r"|Pupil Referral Unit|PRU|Refuge|refuge|Hostel|hostel|Hotel|hotel|B&B|B & B|Guest House|Guesthouse"
    r"|Inn|Arms|Tavern|Library|Leisure Centre|Skate Park|skate park|Playground|playground"
    r"|Recreation Ground|Chapel|Cathedral|Synagogue|Food Bank|Foodbank"
    r"|Park(?! (?:Road|Rd|Street|Lane|Avenue|Close|Drive|Way|Crescent|Grove|Terrace|View|Rise|Gardens"
    r"|Place|Mews|Walk|Court))|park"
)
_ANCHOR = re.compile(rf"\b(?:{_TYPE})(?![\w&-])")
_MORE_TYPE = re.compile(rf" (?:(?:C of E|CofE|CE|RC|Catholic|Church|Community|Primary|Infant|Junior|"
                        rf"Nursery|High|Free|Special)\s)?(?:{_TYPE})\b")
_GENERIC = frozenset(
    """primary secondary high junior juniors infant infants catholic rc c cofe ce e church of england
    methodist community academy special grammar free nursery medical health children's childrens
    family virtual local the early years sixth form residential pupil referral unit day independent
    girls boys girls' boys' royal general district teaching university hospital new old north south
    east west central upper lower learning education support resource assessment contact youth
    leisure sports sport village town city county council borough metropolitan national regional
    specialist school centre college surgery practice clinic trust foundation service services team
    hub walk-in urgent treatment care mental adolescent adult psychiatric maternity emergency main
    sure start integrated wellbeing well-being job sexual assault rape crisis domestic abuse
    violence drug alcohol recovery substance misuse a an and & our my his her their this that
    multi-academy infirmary st saint pre-school preschool playgroup estate club zone home
    children child baby parent parents carers family's housing council's medium secure inpatient
    outpatient dental eye orthodontic maternity paediatric neonatal intensive reflective breakfast
    football after-school homework boxing women women's womens men homeless emergency temporary bail approved
    mother car retail business industrial theme water trampoline skate country memorial holiday
    caravan public leisure recreation food bank hotel inn guest house refuge hostel library""".split()
)
# Words that start a sentence rather than a place's name ("Yesterday St Mary's Primary called").
_NOT_STARTS = frozenset(
    """i we he she they it you when then after before at in on today yesterday tomorrow last next
    recently sadly unfortunately however also later initially finally eventually since because
    although whilst while during as so but and our their his her my this that the a an both once
    meanwhile if where there here what which who why how at from to with by for""".split()
)
_ATTENDS_SAINT = re.compile(
    r"(?:attends|attended|attending|goes to|went to|go to|pupil at|started at|moved to|transferred to"
    r"|excluded from|at|from) (?P<name>(?:St\.?|Saint) [A-Z][a-z]+'s)(?![\w-])"
)


def _is_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \"'(")
    return not before or before[-1] in ".!?:\n"


def _bare(word: str) -> str:
    low = word.lower()
    return low[:-2] if low.endswith("'s") else low.rstrip("'")


def _name_start(text: str, anchor_start: int) -> int | None:
    """Where the distinctive name before a kind of place starts (None: there is none)."""
    words = words_before(text, anchor_start, 5)
    while words and (words[0][1].lower() in _NOT_STARTS or (
            words[0][1].endswith("ly") and _is_initial(text, words[0][0]))):
        words.pop(0)
    if not any(_bare(w) not in _GENERIC for _, w in words):
        return None
    return words[0][0]


# A pub is a place when someone is at, behind or outside it: "behind the Crown and Anchor".
_PUB_WORDS = """Lion Anchor Arms Bull Swan Plough Oak Horse Horses Head Feathers Bell Ship Castle Hart
    Stag Fox Hounds Wheatsheaf Greyhound Eagle Partridge Pheasant Boar Lamb Cock Crown Tap Vaults""".split()
_PUB_ALTERNATION = words_alternation(_PUB_WORDS)
_PUB = re.compile(
    r"(?:at|behind|outside|near|by|opposite|inside|in|from|to|round|around) the "
    rf"(?P<pub>[A-Z][a-z]+(?:'s)? (?:(?:and|&) )?(?:{_PUB_ALTERNATION}))(?![\w'-])"
)
_PUB_WORD = re.compile(rf"\b(?:{_PUB_ALTERNATION})\b")
# "St Anne's" is a church, a school or a hospital; "St Patrick's Day" is not.
_SAINT_S = re.compile(r"(?:St\.?|Saint) [A-Z][a-z]+'s(?![\w-]| (?:Day|Eve|Night|Law|Fire|Wort))")
_THE_HOTEL = re.compile(r"(?<=the )(?:Travelodge|Premier Inn|Holiday Inn|Ibis)\b")
_HOUSE_NUMBER = re.compile(r"(?<![\w/.-])\d{1,4}[A-Za-z]?,? $")


def _pubs_and_saints(scan: ScanText) -> Iterator[Hit]:
    """Pubs someone is at, "St Anne's" alone, and "the Travelodge"."""
    for match in scan.matches(_PUB, _PUB_WORD, 40, 1, lower=False):
        yield Hit(KIND, *match.span("pub"))
    for match in scan.matches(_SAINT_S, re.compile(r"\b(?:St|Saint)\b"), 0, 30, lower=False):
        yield Hit(KIND, *match.span())
    for match in scan.matches(_THE_HOTEL, re.compile(r"Travelodge|Inn|Ibis"), 14, 14, lower=False):
        yield Hit(KIND, *match.span())


def find(scan: ScanText) -> Iterator[Hit]:
    """Named schools, nurseries, surgeries, centres and estates in the scanned text."""
    text = scan.text
    last_end = -1
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < last_end:
            continue
        end = anchor.end()
        more = _MORE_TYPE.match(text, end)
        while more is not None:
            end = more.end()
            more = _MORE_TYPE.match(text, end)
        start = _name_start(text, anchor.start())
        if start is None or any(scan.is_line_break(i) for i in range(start, end) if text[i] == " "):
            continue  # a heading above a line that starts "Hospital discharge…" is not a place
        if anchor.group()[0].islower() and text[start:anchor.start()].rstrip().endswith("'s") and not (
                text.startswith(("St", "Saint"), start)):
            continue  # "Tom's park" is a name and a park, not a park's name
        if anchor.group().lower() == "park" and _HOUSE_NUMBER.search(text, max(0, start - 8), start):
            continue  # "12 Jubilee Park" is an address
        last_end = end
        yield Hit(KIND, start, end)
    for match in scan.matches(_ATTENDS_SAINT, re.compile(r"\b(?:St|Saint)\b"), 24, 30, lower=False):
        yield Hit(KIND, match.start("name"), match.end("name"))
    yield from _pubs_and_saints(scan)
