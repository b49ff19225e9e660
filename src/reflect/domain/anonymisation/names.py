"""People's names without a title: "Tom said", "Kayla's mum", "I asked Dev", "Grace Hughes".

Most names in a reflection are a child's or a parent's first name, written with a capital and
nothing else to mark them. The detector weighs three things for each capitalised word:

1. **Is it a name at all?** A given name registered in England and Wales (or a census first name)
   is a candidate; so is a surname after a given name ("Kayla Smith"), and a capitalised word
   that is in no list and no dictionary, when the context says "person" ("Kaydence said").
   Known non-names (`non_names`: months, agencies, theorists, models, brands, places, and the
   caller's own words) are not, unless a strong personal cue says so ("May said").
2. **Is it also an ordinary word?** The spelling list's tier for the lower-case word: "Grace",
   "Hope", "Will", "Summer" (tier 0) need a cue; "Ruby", "Max", "Lily" (tier 1) need one only at
   the start of a sentence, where a capital says nothing; "Tom", "Kayla" need none.
3. **What does the context say?** Strong cues: a possessive with a family or home word ("Hope's
   mum"), a speech or action verb after ("Will said", "Faith refused"), how a person is ("Grace
   was quiet", "Amber seemed upset"), a verb done to a person ("told Jordan"), an age beside ("Tom (7)",
   "Kayla, aged 6"), a family word before ("her brother Dev", "baby Ruby"), "called X". Medium
   cues: any other verb after ("Ruby was"), a person verb or preposition before ("told Will",
   "with Grace"), coordination with a name ("Tom and Grace"). Negative cues: a determiner
   before ("the Summer term"), a place preposition ("in Leigh"), a capitalised ordinary word
   beside it ("Hope Street", "Early Help"), a citation ("Ferguson (2016)", "the Munro review"),
   "Sarah's Law".

A name that is confirmed once in a text is a name wherever else it appears capitalised there
(unless a negative cue says otherwise): reflections mention the same child many times, and only
some of those mentions carry a cue. So is a given name listed with a confirmed one ("Tom, Faith
and Hope"). Also:

- a given name followed by a surname is a full name, one finding ("Kayla Smith", "Jordan
  Henderson"), even at the start of a sentence; "the Smiths" and "the Jones family" are names;
  so is a common given name that is also a word before a surname that is no word ("Mark Davies",
  "Hope Mensah"; not "Hope Street", "Mark Scheme"), and the surname of a confirmed full name
  is found alone later ("Okafor said");
- a known surname that is no word, then a verb, is a name even at a sentence start ("Lomax has
  not paid"); the word after a car make is a model ("a red Seat Leon");
- names are looked up with their accents folded ("Siân", "Zoë", "Łucja");
- a place that is also a given name ("Leigh", "Jordan", "Chester") needs a strong cue;
- "Teagan-Rose": each part a given name, the first not a word, is a given name;
- a name typed in small letters is found only beside a strong cue ("kayla said", "asked tom",
  "with jordan and amy") and only when no common English word is spelt so;
- capitalised words with a capital inside ("DfE", "NHSmail") are organisations' names.

The detector does not report a word right after a title ("Mrs Smith": `title_name`), inside a
school, surgery or street name (`place`, `address`), or in an anonymised label ("Child R").
Known limitation: a name that is also a common word, at the start of a sentence, with only "was"
and no sign of a person after it ("Grace was in the kitchen"; "Grace was quiet" is found) is not
reported unless the name is confirmed elsewhere in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.lexicon import COMMON_SURNAME, Lexicon, lexicon
from reflect.domain.anonymisation.name_cues import (
    GIVEN,
    INSTITUTION_WORDS,
    NON_NAME,
    PROPER,
    SURNAME,
    TITLES,
    UNKNOWN,
    WORD,
    Cues,
    Token,
    cues_for,
)
from reflect.domain.anonymisation.non_names import (
    CAR_MAKES,
    MONTHS_AND_DAYS,
    NON_NAMES,
    PLACES,
    THEORISTS,
    phrases_by_first_word,
)
from reflect.domain.anonymisation.scan import ScanText

KIND = "name"
# A capitalised word: letters with combining accents, an inner capitalised part after an
# apostrophe ("O'Brien") and hyphenated capitalised parts ("Kacey-Leigh"). Starts with a
# character class, so the scan is fast; case is checked in Python.
_CAP = re.compile(
    r"[A-Z\u00c0-\u00de\u0100-\u017f][^\W\d_]*(?:[\u0300-\u036f][^\W\d_]*)*"
    r"(?:'[A-Z][^\W\d_]+)?(?:-[A-Z][^\W\d_]*)*"
)
_INNER_CAPITAL = re.compile(r"[^\W\d_](?<!Mc)(?<!Mac)[A-Z]")  # "DfE", not "McKenzie", "Kacey-Leigh"
# A name typed in small letters, before a strong cue: "kayla said", "dev's mum".
_LOWER_NAME = re.compile(
    r"(?<![\w'-])(?P<name>[a-z][a-z-]{1,20})(?:'s (?:mum|dad|mother|father|nan|brother|sister|school)"
    r"| (?:said|told|asked|disclosed|explained|shouted|cried|replied|says|tells))\b"
)
_LOWER_ANCHOR = re.compile(r"'s (?:mum|dad|mother|father|nan|brother|sister|school)| (?:said|told|asked"
                           r"|disclosed|explained|shouted|cried|replied|says|tells)\b")
# ... or after a verb done to a person: "asked tom", "told kayla", "with jordan and amy".
_LOWER_AFTER_CUE = re.compile(
    r"(?<![\w'-])(?P<cue>asked|told|tell|ask|saw|met|visited|called|named|phoned|rang|texted|hugged"
    r"|reassured|collected|with) (?P<name>[a-z][a-z-]{1,20})(?P<more>(?:,| and) [a-z][a-z-]{1,20})?(?![\w'-])"
)
_LOWER_CUE_ANCHOR = re.compile(r"asked|told|tell|ask|saw|met|visit|called|named|phoned|rang|texted"
                               r"|hugged|reassured|collected|with")
_BEFORE_OK = frozenset(" \"'([{“‘*•-–—>/")  # what may precede a name (not "@", "#", ".", "\w")

# Names that are also ordinary countable nouns: at the start of a sentence the noun would need "the"
# or "a", so "Jack was upset" is a name; treated as less common words than their tier says.
_NOUN_NAMES = frozenset(
    "jack river phoenix angel guy king prince ray kit penny ocean tiger atlas gene".split())
def _classify(token: Token, lex: Lexicon, not_names: frozenset[str]) -> None:
    low = token.low
    token.tier = tier = lex.tier(low)
    if tier == 0 and low in _NOUN_NAMES:
        token.tier = tier = 1
    token.place = low in PLACES
    if low in not_names or low in NON_NAMES or (len(low) < 2):
        token.category = NON_NAME
    elif "-" in low and low not in lex.given and _double_barrelled(low, lex):
        token.category, token.tier = GIVEN, None  # "Teagan-Rose", "Lola-Mae"
    elif low in lex.given:
        births = lex.given[low]
        rare_proper = token.text in lex.proper and births < 50 and tier is None
        token.category = PROPER if rare_proper else GIVEN
    elif low in lex.surname_rank and tier is None:
        token.category = SURNAME
    elif tier is not None:
        token.category = WORD
    elif token.text in lex.proper or token.place:
        token.category = PROPER
    elif _INNER_CAPITAL.search(token.text):
        token.category = NON_NAME  # "DfE", "NHSmail", "eCAF": an organisation's or a system's name
    else:
        token.category = UNKNOWN


def _double_barrelled(low: str, lex: Lexicon) -> bool:
    """Each part is a given name and the first is not an ordinary word ("Teagan-Rose", not "Rose-Tinted")."""
    parts = low.split("-")
    return all(p in lex.given for p in parts) and lex.tier(parts[0]) is None


def _tokens(scan: ScanText, lex: Lexicon, not_names: frozenset[str]) -> list[Token]:
    text = scan.text
    tokens = []
    for match in _CAP.finditer(text):
        start, word = match.start(), match.group()
        if not word[0].isupper() or (start and text[start - 1] not in _BEFORE_OK):
            continue
        if len(word) > 1 and word.isupper():
            continue  # an acronym: CAMHS, MASH, TOM in a heading
        end = match.end()
        if end < len(text) and (text[end].isalnum() or text[end] in "@_"):
            continue
        token = Token(start, end, word)
        _classify(token, lex, not_names)
        tokens.append(token)
    return tokens


def _phrase_spans(scan: ScanText, tokens: list[Token]) -> list[tuple[int, int]]:
    """Spans of the known multi-word non-names ("Sarah's Law", "Arthur and Star") in the text."""
    phrases = phrases_by_first_word()
    lower = scan.lower
    spans = []
    for token in tokens:
        for phrase in phrases.get(token.low, ()):
            if lower.startswith(phrase, token.start):
                end = token.start + len(phrase)
                if end == len(lower) or not lower[end].isalnum():
                    spans.append((token.start, end))
                    break
    return spans


def _car_models(scan: ScanText, tokens: list[Token]) -> list[tuple[int, int]]:
    """Spans of "Seat Leon", "Ford Ka": a car make after a small word ("a red", "her"), and the model."""
    text = scan.text
    spans = []
    for a, b in zip(tokens, tokens[1:], strict=False):
        if a.low in CAR_MAKES and text[a.end:b.start] == " " and a.start >= 2 and text[a.start - 2].islower():
            spans.append((a.start, b.end))
    return spans


def _in_spans(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= token.start < e for s, e in spans)


def _is_name(token: Token, cues: Cues) -> bool:
    """The decision for one word on its own (see the module docstring)."""
    category, tier = token.category, token.tier
    if cues.negative:
        return False
    if category == NON_NAME:
        # A month that is also a name, with a personal cue: "May said", "April's mum".
        return cues.strong and token.low in MONTHS_AND_DAYS and token.low in lexicon().given
    if cues.strong:
        return category in (GIVEN, UNKNOWN, SURNAME, PROPER) or (category == WORD and cues.family)
    if token.place:
        return False  # "Leigh", "Chester", "Jordan" need a strong cue (above)
    if category in (SURNAME, PROPER) and cues.verb_after and tier is None and token.low in lexicon(
            ).surname_rank:
        return True  # "Lomax has not paid", "Okafor would not say": a surname that is no word, then a verb
    if category == GIVEN:
        if tier is None or tier >= 2:
            return True
        if tier == 1:
            return cues.medium or not cues.initial
        return cues.medium and not cues.initial
    if category == UNKNOWN:
        return cues.medium and not cues.initial
    return False


def _is_surname(token: Token, lex: Lexicon) -> bool:
    """A word that ends a full name: a surname that is not a given name too, or a common surname."""
    rank = lex.surname_rank.get(token.low, COMMON_SURNAME + 1)
    return token.category in (SURNAME, UNKNOWN) or rank <= COMMON_SURNAME


_WORD_NAME_BIRTHS = 1000  # "Hope", "Mark", "Precious" are given names often enough; "The", "Said" are not
_GEOGRAPHY = frozenset("river lake forest bay mount saint star".split())  # "River Douglas"


def _word_name_first(first: Token, last: Token, lex: Lexicon) -> bool:
    """A common given name that is also a word, before a surname that is no English word: "Mark
    Davies", "Hope Mensah" are full names; "Hope Street", "Mark Scheme" and "Summer Term" are not."""
    return (lex.given.get(first.low, 0) >= _WORD_NAME_BIRTHS and first.low not in _GEOGRAPHY
            and lex.tier(last.low) is None and not last.place
            and (last.low in lex.surname_rank or last.category == UNKNOWN))


def _surname_after(tokens: list[Token], i: int, text: str) -> int:
    """How many tokens after tokens[i] continue a person's name ("Kayla Smith", "Mary Ann Jones")."""
    lex = lexicon()
    n = 0
    while i + n + 1 < len(tokens) and n < 2:
        nxt, prev = tokens[i + n + 1], tokens[i + n]
        if text[prev.end:nxt.start] != " " or nxt.low in MONTHS_AND_DAYS or nxt.low in INSTITUTION_WORDS:
            break
        if nxt.category in (GIVEN, SURNAME, UNKNOWN) or (
                nxt.category in (WORD, PROPER) and nxt.low in lex.surname_rank and not lex.ordinary(nxt.low)
        ) or (nxt.low in THEORISTS and nxt.low in lex.surname_rank):  # "Kayla Murphy"
            n += 1
            continue
        break
    return n


def find(scan: ScanText, not_names: frozenset[str] = frozenset()) -> Iterator[Hit]:
    """Names in the scanned text (see the module docstring)."""
    lex = lexicon()
    text = scan.text
    tokens = _tokens(scan, lex, not_names)
    phrases = _phrase_spans(scan, tokens) + _car_models(scan, tokens)
    decided: dict[int, tuple[int, int]] = {}  # token index -> (start, end) of the name
    confirmed: set[str] = set()
    skip_next = False
    all_cues: list[Cues | None] = []
    for i, token in enumerate(tokens):
        if skip_next or token.low in TITLES or _in_spans(token, phrases):
            skip_next = token.low in TITLES and not _in_spans(token, phrases)
            all_cues.append(None)
            continue
        cues = cues_for(scan, tokens, i)
        all_cues.append(cues)
        if cues.in_organisation:
            continue
        more = 0
        if _is_name(token, cues):
            more = _surname_after(tokens, i, text)
        elif token.category in (GIVEN, UNKNOWN) and not cues.negative:
            more = _surname_after(tokens, i, text)  # "Grace Kowalczyk", "Jordan Henderson"
            if not more or not _is_surname(tokens[i + more], lex) or (
                    token.tier == 0 and not _word_name_first(token, tokens[i + more], lex)):
                continue
        else:
            continue
        decided[i] = (token.start, tokens[i + more].end)
        confirmed.add(token.low)
        last = tokens[i + more]
        if more and lex.tier(last.low) is None and last.category != NON_NAME:
            confirmed.add(last.low)  # "Grace Okafor ... Okafor said": the surname alone later
    yield from _with_confirmed(tokens, all_cues, decided, confirmed, text)
    yield from _lower_case(scan, lex, not_names)


def _lower_case(scan: ScanText, lex: Lexicon, not_names: frozenset[str]) -> Iterator[Hit]:
    """Names typed in small letters, only beside a strong cue and only when no common word is spelt so."""
    for match in scan.matches(_LOWER_NAME, _LOWER_ANCHOR, 24, 20, lower=False):
        name = match.group("name")
        if _lower_name(name, lex, not_names) and name not in PLACES:
            yield Hit(KIND, match.start("name"), match.end("name"))
    for match in scan.matches(_LOWER_AFTER_CUE, _LOWER_CUE_ANCHOR, 12, 50, lower=False):
        # After "asked"/"told" a rare word ("tom") is a name; after "with" only a name that is no word.
        rare_ok = match.group("cue") != "with"
        if not _lower_name(match.group("name"), lex, not_names, rare_ok):
            continue
        yield Hit(KIND, match.start("name"), match.end("name"))
        more = match.group("more")
        if more and _lower_name(more.rsplit(" ", 1)[1], lex, not_names, rare_ok):
            yield Hit(KIND, match.end() - len(more.rsplit(" ", 1)[1]), match.end())


def _lower_name(name: str, lex: Lexicon, not_names: frozenset[str], rare_ok: bool = False) -> bool:
    """A registered given name that is no common word: "kayla", and with `rare_ok` "tom" (tier 2+)."""
    tier = lex.tier(name)
    return (lex.given.get(name, 0) >= 200 and (tier is None or (rare_ok and tier >= 2))
            and name not in NON_NAMES and name not in not_names)


_COORDINATION = frozenset((" and ", ", ", " & ", " or ", ", and ", " and little ", " with "))


def _with_confirmed(tokens: list[Token], all_cues: list[Cues | None], decided: dict[int, tuple[int, int]],
                    confirmed: set[str], text: str) -> Iterator[Hit]:
    """The decided names, plus other mentions of a confirmed name and names coordinated with one."""
    covered_until = -1
    for i, token in enumerate(tokens):
        if token.start < covered_until:
            continue
        span = decided.get(i)
        cues = all_cues[i]
        usable = cues is not None and not cues.negative and not cues.in_organisation
        if span is None and usable and token.category != NON_NAME and (
                token.low in confirmed or _coordinated(tokens, decided, i, text)):
            span = (token.start, tokens[i + _surname_after(tokens, i, text)].end)
        if span is not None:
            covered_until = span[1]
            yield Hit(KIND, *span)


def _coordinated(tokens: list[Token], decided: dict[int, tuple[int, int]], i: int, text: str) -> bool:
    """A given name listed with a decided name: "Tom and Grace", "Grace, Will and Tom"."""
    if tokens[i].category not in (GIVEN, UNKNOWN):
        return False
    if i + 1 < len(tokens) and (i + 1) in decided:
        gap = text[tokens[i].end:tokens[i + 1].start]
        if gap in _COORDINATION or gap[2:] in _COORDINATION and gap[:2] == "'s":
            return True
    if i and (i - 1) in decided:
        gap = text[decided[i - 1][1]:tokens[i].start]
        if gap in _COORDINATION or gap[:2] == "'s" and gap[2:] in _COORDINATION:
            return True
    return False
