"""The one-click replacement offered for a finding: an initial, a role, a range, "the school".

A practitioner who sees "Kayla's mum" underlined wants the anonymised wording, not a lecture:
"the child's mother". `suggested_replacement` proposes it from the finding and the text around
it. It may reach beyond the finding ("Kayla's mum" is replaced whole when "Kayla" was found), so
it returns the span to replace as well as the words to put there.

- name: the initial ("Tom" -> "T", "Kayla Smith" -> "KS"); "Kayla's mum" -> "the child's
  mother" and likewise for the other family and home words;
- title and name: the title and the initial ("Mrs Smith" -> "Mrs S"), or the role for police and
  health titles ("PC Hughes" -> "the police officer", "Dr Patel" -> "the doctor");
- place: the kind of place ("St Mary's Primary" -> "the school", "Little Acorns Nursery" -> "the
  nursery", "Moss Lane Surgery" -> "the GP surgery");
- address: "the family home"; reference: "the case reference"; handle: "a social media account";
  vehicle registration: "the car";
- age: a range ("7" -> "primary-school age", "aged 14" -> "of secondary-school age",
  "4-year-old" -> "pre-school-age", "18-month-old" -> "toddler"); "her 16th birthday" -> "her
  birthday";
- anything else (numbers, postcodes, dates of birth, email addresses): a bracketed note that it
  was removed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reflect.domain.anonymisation.finding import Finding


class Replacement(NamedTuple):
    """Replace `text[start:end]` with `new` (start/end index the same text as the finding)."""

    start: int
    end: int
    new: str


_RELATIONS = {
    "mum": "mother", "mummy": "mother", "mam": "mother", "mother": "mother", "dad": "father",
    "daddy": "father", "father": "father", "nan": "grandmother", "nana": "grandmother",
    "nanna": "grandmother", "gran": "grandmother", "granny": "grandmother", "grandma": "grandmother",
    "grandmother": "grandmother", "grandad": "grandfather", "grandpa": "grandfather",
    "grandfather": "grandfather", "brother": "brother", "sister": "sister", "stepdad": "stepfather",
    "stepmum": "stepmother", "aunt": "aunt", "auntie": "aunt", "uncle": "uncle", "cousin": "cousin",
    "school": "school", "nursery": "nursery", "teacher": "teacher", "bedroom": "bedroom",
    "carer": "carer", "carers": "carers", "foster carer": "foster carer", "partner": "partner",
    "siblings": "siblings", "sibling": "sibling", "parents": "parents", "home": "home",
    "house": "home", "social worker": "social worker", "key worker": "key worker",
}
_POSSESSIVE_RELATION = re.compile(
    r"'s? (?P<rel>foster carer|social worker|key worker|" + "|".join(
        sorted((k for k in _RELATIONS if " " not in k), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_TITLE_ROLES = {
    "pc": "the police officer", "dc": "the police officer", "ds": "the police officer",
    "di": "the police officer", "dci": "the police officer", "pcso": "the police officer",
    "sgt": "the police officer", "dr": "the doctor", "doctor": "the doctor", "nurse": "the nurse",
    "sister": "the nurse", "cllr": "the councillor", "rev": "the minister", "revd": "the minister",
    "prof": "the professor", "professor": "the professor",
}
_PLACE_ROLES = (
    (re.compile(r"nursery|pre-?school|playgroup|kindergarten|montessori|cr[eè]che", re.I), "the nursery"),
    (re.compile(r"surgery|medical|health centre|practice", re.I), "the GP surgery"),
    (re.compile(r"children'?s centre|family centre", re.I), "the children's centre"),
    (re.compile(r"hospital|infirmary|clinic", re.I), "the hospital"),
    (re.compile(r"college", re.I), "the college"),
    (re.compile(r"estate", re.I), "the estate"),
    (re.compile(r"church|mosque|temple|gurdwara|synagogue", re.I), "a place of worship"),
    (re.compile(r"club|youth", re.I), "the youth club"),
    (re.compile(r"home\b", re.I), "the children's home"),
)
_FIXED = {
    "address": "the family home", "reference": "the case reference", "handle": "a social media account",
    "vehicle_registration": "the car", "date_of_birth": "[date of birth removed]",
    "nhs_number": "[NHS number removed]", "ni_number": "[NI number removed]",
    "phone": "[phone number removed]", "email": "[email address removed]",
    "postcode": "[postcode removed]",
}
# (highest age in years, noun form, adjective form)
_BANDS = (
    (0, "a baby", "baby"), (2, "a toddler", "toddler"), (4, "pre-school age", "pre-school-age"),
    (10, "primary-school age", "primary-school-age"), (15, "secondary-school age", "secondary-school-age"),
    (17, "an older teenager", "older-teenage"), (24, "a young adult", "young-adult"),
    (200, "an adult", "adult"),
)
_WORD_NUMBERS = {
    w: n for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split())
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}


def _initials(name: str) -> str:
    return "".join(part[0].upper() for part in re.split(r"[\s-]+", name) if part)


def _years(age_text: str) -> float | None:
    """The age in years that an age finding states ("aged 7", "18-month-old", "seven", "16th")."""
    low = age_text.lower()
    number = re.search(r"\d+(?:\.5)?", low)
    if number is not None:
        value = float(number.group())
    else:
        words = re.findall(r"[a-z]+", low)
        tens = next((_TENS[w] for w in words if w in _TENS), 0)
        units = next((_WORD_NUMBERS[w] for w in words if w in _WORD_NUMBERS), 0)
        if not tens and not units and "zero" not in words:
            return None
        value = float(tens + units)
    if re.search(r"month|mth", low):
        return value / 12
    if re.search(r"week|wk|day", low):
        return 0.0
    return value


def _age(finding: Finding, text: str) -> Replacement:
    low = finding.text.lower()
    if low.endswith(("st", "nd", "rd", "th")) and text.startswith(" birthday", finding.end):
        end = finding.end + 1 if text[finding.end:finding.end + 1] == " " else finding.end
        return Replacement(finding.start, end, "")
    years = _years(finding.text)
    if years is None:
        return Replacement(finding.start, finding.end, "[age removed]")
    noun, adjective = next((n, a) for top, n, a in _BANDS if years <= top + 0.99)
    if re.search(r"[- ]old$", low) and "-" in low:
        return Replacement(finding.start, finding.end, adjective)
    if low.startswith(("aged", "age", "at the age")) or low.endswith(("old", "of age")):
        phrase = noun if noun.startswith(("a ", "an ")) else f"of {noun}"
        return Replacement(finding.start, finding.end, phrase)
    return Replacement(finding.start, finding.end, noun)


def _name(finding: Finding, text: str) -> Replacement:
    relation = _POSSESSIVE_RELATION.match(text, finding.end)
    if relation is not None:
        word = relation.group("rel").lower()
        return Replacement(finding.start, relation.end(), f"the child's {_RELATIONS[word]}")
    return Replacement(finding.start, finding.end, _initials(finding.text))


def _title_name(finding: Finding) -> Replacement:
    title, _, rest = finding.text.partition(" ")
    role = _TITLE_ROLES.get(title.rstrip(".").lower())
    if role is not None:
        return Replacement(finding.start, finding.end, role)
    surname = rest.split()[-1] if rest.split() else ""
    return Replacement(finding.start, finding.end, f"{title} {surname[:1].upper()}".strip())


def _place(finding: Finding) -> Replacement:
    role = next((r for pattern, r in _PLACE_ROLES if pattern.search(finding.text)), "the school")
    return Replacement(finding.start, finding.end, role)


def suggested_replacement(finding: Finding, text: str) -> Replacement:
    """What to put in place of `finding` in `text` (the text the finding was found in); a
    suggestion at the start of a sentence starts with a capital."""
    start, end, new = _suggestion(finding, text)
    before = text[:start].rstrip(" \"'(")
    if new[:1].islower() and (not before or before[-1] in ".!?:\n"):
        new = new[0].upper() + new[1:]
    return Replacement(start, end, new)


def _suggestion(finding: Finding, text: str) -> Replacement:
    kind = finding.kind
    if kind == "name":
        return _name(finding, text)
    if kind == "title_name":
        return _title_name(finding)
    if kind == "place":
        return _place(finding)
    if kind == "age":
        return _age(finding, text)
    if kind == "watch_term" and re.fullmatch(r"[A-Z][\w'-]*", finding.text):
        return Replacement(finding.start, finding.end, finding.text[0])
    return Replacement(finding.start, finding.end, _FIXED.get(kind, "[removed]"))
