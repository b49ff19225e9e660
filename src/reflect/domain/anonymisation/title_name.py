"""A title followed by a name: "Mrs Smith", "Dr. A. Patel", "Mr John Smith", "Prof Łukasz Nowak".

Titles: Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Professor, Doctor, with or without a full stop, written
with a capital ("Mrs", "MRS"; "miss" is a verb). After the title: optional initials ("A.", "A. B."),
then a capitalised name of two or more letters ("O'Brien", "Smith-Jones", "Nowak"), and optionally
one more capitalised name ("John Smith"). A line break anywhere in between is fine.

Police and other professional titles ("PC Hughes", "DC Ali", "DS", "DI", "DCI", "PCSO", "Sgt",
"Nurse", "Sister", "Cllr", "Rev") count too, when the word after them is not an ordinary English
word ("PC World", "Nurse Practitioner" are not names). So do titles typed in small letters ("mr
khan", "dr patel", "mrs jones"; "Mr khan" when the name is a rare word at most), when the word
after is a known surname or given name and not a common English word ("mr and", "dr said" are not).

Not reported:

- the anonymised forms used in case reviews: "Mr R", "Mrs AB", "Mr and Mrs R" — a title with
  initials only (one or two capitals) is the pseudonym, not the name;
- "Child R", "Adult C", "Family Q", "Mum", "the Mother": no title;
- a title followed by a word that is not a name ("Dr The…", "Mrs Child R"): a short list of
  function words and the role words reflections use instead of names;
- "MS" in capitals, which is far more often multiple sclerosis or "MS Teams" than a title.

"Mr Men" is reported; that costs one click to accept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.lexicon import lexicon
from reflect.domain.anonymisation.scan import ScanText

KIND = "title_name"
# Starts with a capital M, D or P (a fast scan); what may precede it is checked in Python.
_TITLE = re.compile(
    r"(?:M(?:rs|r|s|iss|x|RS|R|ISS|X)|D(?:r|R|octor|CI|SI|C|S|I)|P(?:rofessor|rof|ROF|CSO|C)|Sgt|SGT"
    r"|Nurse|Sister|Cllr|Revd|Rev)(?!\w)\.?"
)
# Titles that are also abbreviations or words ("PC World", "DS" in a list): the name must not be an
# ordinary word.
_WORDY_TITLES = frozenset("DCI DSI DC DS DI PCSO PC Sgt SGT Nurse Sister Cllr Revd Rev".split())
_SMALL_TITLE = re.compile(r"(?:[Mm]rs|[Mm]r|[Mm]s|[Dd]r)\.? (?P<name>[a-z][a-z'-]+)")  # "mr khan", "Mr khan"
# A word: letters, with apostrophes and hyphens inside ("O'Brien", "Smith-Jones") and combining
# accents (text not in NFC).
_WORD = re.compile(r" ([^\W\d_](?:[^\W\d_]|[\u0300-\u036f]|'(?=[^\W\d_]{2})|-(?=[^\W\d_]))*)(\.?)")
_NOT_NAMES = frozenset(
    """the a an and or but nor of in on at to for with by from as is was were be has had have he she
    they it we i you his her their our my your this that these those who what when where why how
    not no so if then there here said says told asked child children adult family mother father
    mum dad mummy daddy baby parent parents carer carers sibling siblings brother sister person
    people young grandmother grandfather grandparent stepfather stepmother partner boyfriend
    girlfriend worker practitioner professional gp x y z""".split()
)


def _is_initial(word: str) -> bool:
    return len(word) <= 2 and word.isupper()


def _name_part(word: str) -> str:
    """The word, cut before a hyphen that is followed by a small letter ("Smith-the" -> "Smith")."""
    parts = word.split("-")
    kept = [parts[0]]
    for part in parts[1:]:
        if not part[:1].isupper():
            break
        kept.append(part)
    return "-".join(kept)


def _ordinary(word: str) -> bool:
    return lexicon().ordinary(word)


def _lower_case_titles(scan: ScanText) -> Iterator[Hit]:
    """"mr khan", "dr patel": a known name that is not a common word after a small-letter title."""
    text = scan.text
    lex = lexicon()
    for match in _SMALL_TITLE.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "._@"):
            continue
        name = match.group("name").rstrip("'-")
        if (name in lex.surname_rank or name in lex.given) and not _ordinary(name) and (
                text[start].islower() or lex.tier(name) not in (0, 1)):  # "Ms may come" is no name
            yield Hit(KIND, start, match.start("name") + len(name))


def find(scan: ScanText) -> Iterator[Hit]:
    """Titles followed by names in the scanned text."""
    text = scan.text
    for title in _TITLE.finditer(text):
        before = text[title.start() - 1] if title.start() else " "
        if title.group() == "MS" or before.isalnum() or before in "._":
            continue
        end = _name_end(text, title.end())
        if end is None:
            continue
        if title.group().rstrip(".") in _WORDY_TITLES and _ordinary(text[title.end():end].split()[-1]):
            continue
        yield Hit(KIND, title.start(), end)
    yield from _lower_case_titles(scan)


def _name_end(text: str, pos: int) -> int | None:
    """Where the name after a title ending at `pos` ends (None: no name follows)."""
    end, names = None, 0
    while names < 2:
        word = _WORD.match(text, pos)
        if word is None or not word.group(1)[:1].isupper():
            break
        token = word.group(1)
        if _is_initial(token):
            if names:
                break
            pos = word.end()
            continue
        if token.lower() in _NOT_NAMES:
            break
        name = _name_part(token)
        end = word.start(1) + len(name)
        names += 1
        if name != token or word.group(2):
            break  # a cut hyphen or a full stop ends the name
        pos = word.end()
    return end
