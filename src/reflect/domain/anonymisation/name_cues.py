"""The context around a capitalised word that says whether it is a person's name.

`cues_for` looks at about 40 characters either side of a word (see `names` for how the cues are
weighed). Every pattern here is matched with `.match` at a fixed position or `.search` inside a
short slice ending at the word, on the lower-case copy, so the cost is a few microseconds a word
whatever the length of the text; none has nested or adjacent unbounded quantifiers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reflect.domain.anonymisation.lexicon import lexicon
from reflect.domain.anonymisation.non_names import THEORISTS
from reflect.domain.anonymisation.scan import ScanText
from reflect.domain.text_fold import fold

# Categories of a capitalised word (see `names`).
GIVEN, SURNAME, UNKNOWN, WORD, PROPER, NON_NAME = "given", "surname", "unknown", "word", "proper", "non"


class Token:
    """A capitalised word of the text, with what the word lists say about it (`names._classify`)."""

    __slots__ = ("start", "end", "text", "low", "category", "tier", "place")

    def __init__(self, start: int, end: int, text: str) -> None:
        # Accents folded, so "Siân", "Zoë" and "Łucja" are looked up as "sian", "zoe", "lucja".
        self.start, self.end, self.text = start, end, text
        self.low = text.lower() if text.isascii() else fold(text)
        self.category, self.tier, self.place = NON_NAME, None, False

TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor doctor pc dc ds di dci dsi pcso sgt insp cllr rev revd "
    "nurse sister lord lady sir dame st saint".split()
)
# Words that make a run of capitalised words an organisation, a place or a street, not a person.
INSTITUTION_WORDS = frozenset(
    """school primary academy nursery pre-school preschool playgroup surgery centre center practice
    clinic hospital infirmary college university estate infants juniors church mosque temple
    gurdwara synagogue club council trust foundation partnership service services team unit ward
    road street lane avenue close drive way court crescent grove gardens terrace walk mews park
    place square house cottage lodge farm hall towers police board group project programme
    charity society association network hub station library prison court""".split()
)
_FAMILY = (
    r"mum|mummy|mam|mother|dad|daddy|father|step-?dad|step-?mum|stepfather|stepmother|brothers?"
    r"|sisters?|siblings?|half-brother|half-sister|twin|nan|nana|nanna|gran|granny|grandma|grandmother"
    r"|grandad|grandpa|grandfather|grandparents?|aunt|auntie|aunty|uncle|cousins?|parents?|carers?"
    r"|partner|boyfriend|girlfriend|husband|wife|ex|son|daughter|baby|children|kids|friends?|family"
)
_HOME_AND_SELF = (
    r"teacher|school|nursery|class|classroom|bedroom|room|home|house|flat|cot|bed|social worker"
    r"|worker|key ?worker|health visitor|gp|behaviour|needs|views|voice|wishes|feelings|safety|plan"
    r"|attendance|health|weight|injur(?:y|ies)|bruis(?:e|es|ing)|presentation|development|speech|diet"
    r"|routine|toys?|phone|wellbeing|well-being|education|lunch|clothes|coat|shoes|hair|face|arms?"
    r"|legs?|head|back|hands?|eyes|birthday|life|story|name|age|world|experiences?|lived|dog|cat|pet"
    r"|care|placement|contact|mental|emotional|physical|sexual|relationship|relationships"
    r"|landlord|landlady|neighbours?|solicitor|childminder|mentor|counsellor|therapist|midwife"
    r"|probation officer|support worker|youth worker|key person|employer|boss|college|work|job"
    r"|mobile|laptop|tablet|bike|car|address|medication|appointments?|diagnosis|mood|progress"
    r"|pregnancy|unborn|ehcp|records?|account|bag|pushchair|pram|bottle|nappy|nappies|dinner"
    r"|breakfast|tea|bath|bedtime|sleep|behaviour|attainment|class teacher|head of year|tutor"
)
_ADJECTIVE = (
    r"(?:little|baby|older|younger|big|eldest|youngest|twin|new|birth|biological|maternal|paternal"
    r"|half|step|ex|foster|former|current|own|previous|old|usual|primary|secondary|main|other) "
)
_POSSESSIVE_PERSON = re.compile(rf"'s? (?:{_ADJECTIVE})?(?:{_FAMILY}|{_HOME_AND_SELF})\b")
_POSSESSIVE_THING = re.compile(
    r"'s? (?:law|rule|act|model|cycle|framework|theory|hierarchy|triangle|reflective|review|report"
    r"|inquiry|trust|foundation|hospice|syndrome|disease|principles?|stages?|approach)\b"
)
_POSSESSIVE = re.compile(r"'s?(?= \w)")
_ADVERB = (
    r"(?: (?:then|also|later|quietly|eventually|immediately|clearly|initially|just|finally|now|never"
    r"|always|often|still|had|has|have|repeatedly|openly|tearfully|angrily))?"
)
_STRONG_VERB = re.compile(
    _ADVERB + r" (?:said|says|told|tells|asked|asks|disclosed|discloses|explained|explains|shared|shares"
    r"|replied|answered|shouted|screamed|cried|cries|laughed|smiled|nodded|whispered|admitted|denied"
    r"|refused|refuses|wanted|wants|likes|liked|loves|loved|hates|hated|misses|missed|lives|lived"
    r"|attends|attended|spoke|speaks|talked|talks|described|describes|mentioned|drew|draws|wrote"
    r"|played|plays|hid|hides|hit|kicked|bit|slept|sleeps|ate|eats|hugged|texted|messaged|phoned"
    r"|rang|worried|worries|enjoyed|enjoys|agreed|apologised|complained|confided|revealed|alleged"
    r"|insisted|wet|soiled|self-harmed|ran|arrived|reported|stated|mentioned|talked|waved|clung"
    r"|sobbed|giggled|asked|lied|stole|swore|punched|pushed|absconded|disengaged|engaged|presented"
    r"|thinks|thought|knew|knows|understood|understands|feels|believes|remembered|recalled)\b"
)
# How a person is, not a thing: "Grace was quiet", "Summer seemed upset" (strong even at a sentence start).
_PERSON_STATE = re.compile(
    r" (?:was|is|seemed|seems|appeared|appears|looked|looks|felt|became|has been|had been)"
    r"(?: (?:very|really|quite|so|more|less|visibly|clearly|noticeably|still|often|always))?"
    r" (?:quiet|upset|crying|scared|frightened|happy|angry|withdrawn|tearful|asleep|hungry|sad|nervous"
    r"|anxious|distressed|excited|chatty|smiling|unkempt|settled|unsettled|shy|polite|rude|aggressive"
    r"|calm|subdued|lethargic|pale|bruised|injured|hurt|unwell|poorly|absent|late|missing|excluded"
    r"|sleeping|playing|hiding|wearing|holding|sitting|standing|lying|eating|watching|waiting"
    r"|laughing|shouting|screaming|clingy|defiant|guarded|reluctant|embarrassed|ashamed|worried"
    r"|confused|quieter|brighter|happier|chattier|dressed|smelly|dishevelled|hostile|cooperative"
    r"|co-operative|tired|exhausted|agitated|wary|fearful|silent|born|pregnant|admitted|arrested)\b"
)
# "Grace is the youngest", "Hope was her older sister", "Mark is Tom's grandad": a person's place in a family.
_ROLE_IS = re.compile(
    rf" (?:is|was|'s) (?:the|her|his|their|my|our|[a-z]+'s) (?:{_ADJECTIVE})?(?:{_FAMILY}|youngest|eldest"
    r"|oldest|middle child|only child|firstborn|new baby|lodger|tenant|landlord|landlady|neighbour"
    r"|childminder|victim|perpetrator|alleged perpetrator|main carer|primary carer)\b"
)
# Where a person goes: "Faith came to the office", "Mark went missing" ("Summer came to an end" is not).
_PERSON_MOVES = re.compile(
    _ADVERB + r" (?:came|comes|went|goes) (?:to (?:the|my|our|his|her|their|see|visit|school|nursery"
    r"|contact|clinic|college|stay|live|bed)|into (?:the|my|our|care|school)|home|back|round|over"
    r"|missing|out with|upstairs|downstairs)\b"
)
_MEDIUM_VERB = re.compile(
    _ADVERB + r" (?:is|was|has|had|seemed|seems|appeared|appears|looked|looks|became|becomes|went|goes"
    r"|came|comes|got|gets|felt|kept|keeps|started|starts|began|tried|tries|would|could|should|will"
    r"|can|did|does|didn't|doesn't|wasn't|isn't|hasn't|hadn't|won't|can't|couldn't|wouldn't|needs"
    r"|needed|remains|remained|continues|continued|stays|stayed|returned|moved|left|joined|sat|sits"
    r"|stood|walked|may|might|must|used|showed|shows|made|makes|took|takes|gave|gives|became|calls"
    r"|called|uses|used|shared|struggles|struggled|responded|responds|settled|coped|copes)\b"
)
_AGE_AFTER = re.compile(
    r" \(\d{1,2}\)|,? \(?aged?\b|,? (?:who is|is|now|turned|turns) \d"
    r"|, \d{1,2}(?:,| and|\)|\.| years?| yrs?| months?)"
    r"| \(\d{1,2} ?(?:years?|yrs?|months?|mths?|y/?o|weeks?)|,? \(?(?:dob|d\.o\.b|born)\b"
)
_ROLE_AFTER = re.compile(
    rf"(?:,| \() ?(?:the |her |his |their |my )?(?:child's |children's |young person's )?(?:{_FAMILY}"
    r"|social worker|sw|iro|dsl|hv|gp|teacher|foster carer|key ?worker)\b"
    rf"| and (?:her|his|their) (?:{_ADJECTIVE})?(?:{_FAMILY})\b"
)
_FAMILY_BEFORE = re.compile(
    r"(?:^|\W)(?:son|daughter|brothers?|sisters?|sibling|baby|cousin|nephew|niece|grandson|granddaughter"
    r"|stepson|stepdaughter|half-brother|half-sister|twin|partner|boyfriend|girlfriend|husband|wife|mum"
    r"|dad|mother|father|nan|nana|nanna|nanny|gran|granny|grandma|grandad|grandpa|aunt|auntie|aunty"
    r"|uncle|friend|child|toddler|boy|girl"
    r"|pupil|student|called|named|known as|name is|name was|name's|young person|yp|cyp),? $"
)
# Verbs done to a person, right before the word: "told Jordan", "asked Leigh".
_STRONG_BEFORE = re.compile(
    r"(?:^|\W)(?:told|tell|telling|asked|ask|asking|reassured|reminded|thanked|praised|hugged"
    r"|comforted|encouraged|introduced|(?:explained|spoke|speaking|talked|talking|chatted|listened)"
    r" (?:to|with)),? $"
)
_MEDIUM_BEFORE = re.compile(
    r"(?:^|\W)(?:told|tell|telling|asked|ask|asking|reassured|reminded|saw|see|seeing|seen|visited|visit"
    r"|visiting|met|meet|meeting|supported|support|supporting|helped|help|helping|thanked|praised"
    r"|collected|collect|took|take|brought|bring|gave|give|showed|show|encouraged|invited|observed"
    r"|watched|hugged|comforted|with|to|for|about|and|or|but|that|when|because|if|whether|while"
    r"|whilst|let|made|heard|than|by|like|between|including|where|whom|noticed|notice|think|thought"
    r"|believe|believed|worried|protect|keep|engage|engaged|contacted|phoned|rang|texted|emailed"
    r"|messaged|before|after|until|since|allowed|dropped|picked|assessed|assess|discussed|informed"
    r"|advised|so|as|how|why|felt|said|says|know|knew|feel|once|whether|although|though|unless"
    r"|explained|asked|left|leave|reported|spoke|speak|talked|talk|introduced|am|gets|get|got"
    r"|remind|want|wanted|wants|need|needs|needed|says|admitted|loves|loved|hurt|hit|kicked|bit)"
    r"(?: to| with| that)?,? $"
)
_DETERMINER_BEFORE = re.compile(
    r"(?:^|\W)(?:the|a|an|this|these|those|every|each|any|some|no|its|his|her|my|your|our|their)$"
)
_PLACE_BEFORE = re.compile(
    r"(?:^|\W)(?:in|at|from|near|around|across|outside|within|into|towards|via|through|on|off"
    r"|(?:moved|move|moving|went|go|going|gone|travelled|returned|return|fled|relocated|back|came"
    r"|drove|flew|trip|holiday|transferred|placed) to)$"
)
_CITATION_AFTER = re.compile(
    r"(?: [A-Z][\w'-]+)?,? \(?(?:19|20)\d\d[a-z]?\b| et al\b| and [A-Z][a-z]+ \(?(?:19|20)\d\d"
    r"| (?:review|report|model|cycle|framework|theory|inquiry|enquiry|principles|triangle|approach"
    r"|scale|toolkit|checklist|questionnaire|hierarchy)\b"
)
_THING_AFTER = re.compile(
    r" (?:school|nursery|project|programme|group|service|services|centre|club|team|house|road|street"
    r"|lane|avenue|close|drive|way|court|park|ward|unit|academy|college|surgery|hospital|clinic"
    r"|church|mosque|estate|council|partnership|board|forum|panel|initiative|scheme|award|term"
    r"|holidays?|half-term|bank|hall|library|station|trust|foundation|fund|day|week|month|festival"
    r"|time|period)\b"
)
_FAMILY_NAME = re.compile(r" family\b|'s? family\b")
_RARE_SURNAME = 3000  # rank
_SENTENCE_PUNCT = frozenset(".!?:…")
_SKIP_BACK = frozenset(" \"'([{“‘*•-–—>")


class Cues(NamedTuple):
    """What the context says about one capitalised word."""

    strong: bool
    medium: bool
    negative: bool
    initial: bool
    place_before: bool
    in_organisation: bool
    family: bool  # "the Smiths", "the Jones family": a surname even if it is also a word
    verb_after: bool  # a verb follows: "Lomax has", "Okafor would"


def _initial(scan: ScanText, start: int) -> bool:
    """True at the start of the text, a sentence, a line, a list item or after a colon."""
    text = scan.text
    i = start - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        if text[i] == " " and scan.is_line_break(i):
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_PUNCT


def _in_organisation(scan: ScanText, tokens: list[Token], i: int) -> bool:
    """The word is part of a capitalised run naming an organisation, a place or a street."""
    text = scan.text
    token = tokens[i]
    if i and tokens[i - 1].low in ("st", "saint") and text[tokens[i - 1].end:token.start] in (" ", ". "):
        return True
    j, prev_end = i + 1, token.end
    while j < len(tokens) and j <= i + 3:
        gap = text[prev_end:tokens[j].start]
        if gap not in (" ", "'s ", "' ", "-"):
            break
        if tokens[j].low in INSTITUTION_WORDS:
            return True
        prev_end = tokens[j].end
        j += 1
    j = i - 1
    while j >= 0 and j >= i - 3 and text[tokens[j].end:tokens[j + 1].start] in (" ", "'s "):
        if tokens[j].low in INSTITUTION_WORDS:
            return True
        j -= 1
    return False


def _neighbour_is_word(scan: ScanText, tokens: list[Token], i: int, initial: bool) -> bool:
    """A capitalised ordinary word right beside it: a title-case phrase ("Hope Street", "Early Help")."""
    text = scan.text
    if i + 1 < len(tokens) and text[tokens[i].end:tokens[i + 1].start] == " ":
        nxt = tokens[i + 1]
        if nxt.category == WORD and lexicon().ordinary(nxt.low):
            return True
    if i and not initial and text[tokens[i - 1].end:tokens[i].start] == " ":
        prev = tokens[i - 1]
        return prev.category == WORD and not _initial(scan, prev.start)
    return False


def _before_theorist(scan: ScanText, tokens: list[Token], i: int) -> bool:
    """"John Bowlby", "Donald Winnicott": a given name before a theorist's rare surname is theirs
    (not before a common one: "Kayla Murphy" is a child, "Atkins and Murphy" a model)."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.low not in THEORISTS or scan.text[tokens[i].end:nxt.start] != " ":
        return False
    return lexicon().surname_rank.get(nxt.low, _RARE_SURNAME) >= _RARE_SURNAME


def _plural_surname(token: Token) -> bool:
    """"the Hendersons", "the Smiths": a family by its surname."""
    low = token.low
    if not low.endswith("s"):
        return False
    lex = lexicon()
    forms = (low[:-1], low[:-2] if low.endswith("es") else "")
    singular = next((s for s in forms if s in lex.surname_rank), None)
    return singular is not None and not lex.ordinary(singular)


def cues_for(scan: ScanText, tokens: list[Token], i: int) -> Cues:
    """The cues around tokens[i] (see `names`)."""
    token = tokens[i]
    lower = scan.lower
    start, end = token.start, token.end
    before = lower[max(0, start - 40):start]
    initial = _initial(scan, start)
    family_name = before.endswith("the ") and (bool(_FAMILY_NAME.match(lower, end)) or _plural_surname(token))
    possessive = bool(_POSSESSIVE.match(lower, end))
    strong = (
        family_name
        or bool(_POSSESSIVE_PERSON.match(lower, end))
        or bool(_STRONG_VERB.match(lower, end))
        or bool(_PERSON_STATE.match(lower, end))
        or bool(_ROLE_IS.match(lower, end))
        or bool(_PERSON_MOVES.match(lower, end))
        or bool(_AGE_AFTER.match(lower, end))
        or bool(_ROLE_AFTER.match(lower, end))
        or bool(_FAMILY_BEFORE.search(before))
        or bool(_STRONG_BEFORE.search(before))
    )
    verb_after = bool(_MEDIUM_VERB.match(lower, end))
    medium = strong or possessive or verb_after or bool(_MEDIUM_BEFORE.search(before))
    word_like = token.category != GIVEN or token.place or (token.tier is not None and token.tier <= 1)
    place_before = bool(_PLACE_BEFORE.search(before.rstrip(" ")) and before.endswith(" "))
    determiner = bool(_DETERMINER_BEFORE.search(before.rstrip(" "))) and before.endswith(" ")
    negative = (
        (determiner and not family_name and not (strong and not before.rstrip().endswith(
            ("the", "a", "an", "this", "these", "those", "every", "each", "any", "some", "no"))))
        or bool(_POSSESSIVE_THING.match(lower, end))
        or bool(_CITATION_AFTER.match(scan.text, end) or _CITATION_AFTER.match(lower, end))
        or (not possessive and bool(_THING_AFTER.match(lower, end)))
        or (place_before and word_like and not strong)
        or (word_like and _neighbour_is_word(scan, tokens, i, initial))
        or _before_theorist(scan, tokens, i)
    )
    organisation = _in_organisation(scan, tokens, i)
    return Cues(strong, medium, negative, initial, place_before, organisation, family_name, verb_after)
