"""Repairs for text that has been through a PDF, Word or a clipboard before it reached us.

Briefings are mostly published as PDFs, so the text people paste or import has hard line breaks in
mid-sentence, words hyphenated at line ends, page numbers and repeated footers between pages, and
characters that look like spaces or letters but are not (non-breaking spaces, soft hyphens, the "fi"
ligature). These functions undo that damage without rewording anything: smart quotes, dashes and
spelling are kept exactly as the partnership wrote them.

Hyphenation rule (used by `join_lines`): when a line ends in "letter-" and the next line starts with
a lowercase letter, the two halves are joined *without* the hyphen ("safe-" + "guarding" ->
"safeguarding", "inter-" + "vention" -> "intervention") unless

1. the briefing itself uses the hyphenated form elsewhere and not the closed one (so "child-centred"
   written once in full keeps its hyphen when it is later broken at the line end); the closed form
   used elsewhere ("safeguarding") likewise removes it;
2. the part before the hyphen is a prefix that is almost always hyphenated (`KEEP_HYPHEN_PREFIXES`:
   multi, co, non, self, cross, well, ex, semi, half, cyber, e), or it already contains a hyphen
   ("face-to-" + "face");
3. the part before the hyphen is a prefix hyphenated only sometimes (`MAYBE_HYPHEN_PREFIXES`:
   re, pre, inter, anti, post, sub, ...) *and* the rest is a word the briefing uses on its own
   ("re-" + "evaluate" when "evaluate" appears elsewhere). Without that evidence the hyphen goes,
   because "referral", "pregnancy", "intervention" and "substance" are far commoner in briefings
   than "re-ferral" style compounds.

A continuation starting with a capital or a digit keeps the hyphen ("non-" + "UK" -> "non-UK").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType

from reflect.briefings.headings import classify_heading, clean_heading_text
from reflect.briefings.lines import atx_heading, list_item

_CHARACTERS = str.maketrans(
    {
        # spaces that are not plain spaces
        "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
        "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
        "\u202f": " ", "\u205f": " ", "\u3000": " ",
        # invisible characters: soft hyphen, zero-width spaces and joiners, byte order marks
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
        "\ufeff": None,
        # ligatures that PDF text layers keep as single characters
        "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
        "\ufb05": "st", "\ufb06": "st",
        # line and page separators
        "\u2028": "\n", "\u2029": "\n\n", "\x0c": "\n\n", "\x0b": "\n", "\x85": "\n",
    }
)  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# PDFs whose bullets use a standard font's bullet glyph give it back as DEL at the line start
_DEL_BULLET = re.compile(r"^([ ]*)\x7f", re.MULTILINE)

#: prefixes almost always hyphenated in UK safeguarding writing ("multi-agency", "co-ordinated")
KEEP_HYPHEN_PREFIXES = frozenset("multi co non self cross well ex semi half cyber e".split())
#: prefixes hyphenated only before some words ("re-evaluate" but "referral")
MAYBE_HYPHEN_PREFIXES = frozenset(
    "re pre inter anti post sub counter over under out mid step pro child".split()
)

_TERMINAL = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]*_]*$")
_PAGE_NUMBER = re.compile(
    r"^(?:page[ ]*)?\d{1,3}(?:[ ]*(?:of|/)[ ]*\d{1,3})?$"
    r"|^[-\u2013\u2014][ ]*\d{1,3}[ ]*[-\u2013\u2014]$",
    re.IGNORECASE,
)
_PAGE_WORD = re.compile(r"\bpage[ ]*\d", re.IGNORECASE)
_VOCABULARY_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])-$")

#: word -> number of occurrences in the briefing (see `build_vocabulary`)
Vocabulary = Mapping[str, int]
_NO_WORDS: Vocabulary = MappingProxyType({})


def normalise_characters(text: str) -> str:
    """Plain newlines, ordinary spaces, no invisible characters or ligatures; quotes untouched."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    text = _DEL_BULLET.sub("\\1\u2022", text.translate(_CHARACTERS))
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def ends_sentence(text: str) -> bool:
    """Whether `text` ends a sentence: . ! ? : ; or an ellipsis, perhaps before a closing quote."""
    return bool(_TERMINAL.search(text[-40:].rstrip()))


def starts_lowercase(text: str) -> bool:
    """Whether `text` starts with a lowercase letter, looking past opening quotes and brackets."""
    text = text.lstrip().lstrip("\"'\u201c\u2018([")
    return bool(text) and text[0].islower()


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line.strip()))


def remove_page_furniture(lines: list[str], *, paged: bool = False) -> tuple[list[str], list[str]]:
    """Drop page numbers and repeated page headers/footers; return (kept lines, removed lines).

    A repeated line is only treated as a header or footer when the text shows it came from pages
    (form feeds, page-number lines) or it repeats at least three times. Questions, list items,
    headings and lines ending in ":" are never removed. When the very first line repeats, it is
    kept once if it is the only thing there that could be the title (a title printed on every page).
    """
    kept = [line for line in lines if not is_page_number(line)]
    page_numbers = len(lines) - len(kept)
    paged = paged or page_numbers > 0
    first = next((i for i, line in enumerate(kept) if line.strip()), None)
    counts = Counter(collapse_spaces(line) for line in kept if line.strip())
    furniture = {
        line
        for line, count in counts.items()
        if (count >= 3 or (count >= 2 and (paged or _PAGE_WORD.search(line))))
        and _could_be_furniture(line)
    }
    keep_first = first is not None and _only_title_candidate(kept, first, furniture)
    removed_once: list[str] = []
    result = []
    for i, line in enumerate(kept):
        key = collapse_spaces(line)
        if key in furniture and not (keep_first and i == first):
            if key not in removed_once:
                removed_once.append(key)
            continue
        result.append(line)
    return result, removed_once


def _only_title_candidate(lines: list[str], first: int, furniture: set[str]) -> bool:
    """Whether the first line must stay as the title: the next line is a heading or body text."""
    if collapse_spaces(lines[first]) not in furniture:
        return False
    following = next(
        (
            line
            for line in lines[first + 1 :]
            if line.strip() and collapse_spaces(line) not in furniture
        ),
        "",
    )
    text = clean_heading_text(following)
    return (
        not following
        or bool(list_item(following) or atx_heading(following))
        or classify_heading(text) is not None
        or len(text.split()) > 20
    )


def _could_be_furniture(line: str) -> bool:
    if not 4 <= len(line) <= 120 or not any(ch.isalpha() for ch in line):
        return False
    if line.endswith(("?", ":")) or list_item(line) or atx_heading(line):
        return False
    return classify_heading(clean_heading_text(line)) is None


def build_vocabulary(text: str) -> Vocabulary:
    """How often each lowercased word occurs in the whole text (hyphenated compounds kept whole),
    as evidence for `join_lines`."""
    return Counter(m.group(0).lower() for m in _VOCABULARY_WORD.finditer(text))


def join_lines(left: str, right: str, vocabulary: Vocabulary = _NO_WORDS) -> str:
    """Join two physical lines of one sentence, undoing end-of-line hyphenation (see module doc)."""
    kept, separator = line_joint(left, right, vocabulary)
    return kept + separator + right.strip()


def line_joint(left: str, right: str, vocabulary: Vocabulary = _NO_WORDS) -> tuple[str, str]:
    """(`left` as it stays, separator) for putting `right` after it: a space, or nothing when a
    line-end hyphen is kept or removed. Only the end of `left` is looked at, so long paragraphs
    can be built line by line without copying them."""
    left = left.rstrip()
    right = right.strip()
    if not left or not right:
        return left, ""
    if _HYPHEN_END.search(left) and right[0].isalnum():
        fragment = left[-80:-1].rsplit(None, 1)[-1] if left[-80:-1].strip() else ""
        if right[0].islower() and fragment and not _keep_hyphen(fragment, right, vocabulary):
            return left[:-1], ""
        return left, ""
    return left, " "


def _keep_hyphen(fragment: str, right: str, vocabulary: Vocabulary) -> bool:
    if "-" in fragment:
        return True
    start = re.match(r"[^\W\d_]+", fragment[::-1])
    head = start.group(0)[::-1].lower() if start else ""
    tail_match = re.match(r"[^\W\d_]+", right)
    tail = tail_match.group(0).lower() if tail_match else ""
    if not head or not tail:
        return True
    hyphenated, closed = f"{head}-{tail}", head + tail
    if hyphenated in vocabulary and closed not in vocabulary:
        return True
    if closed in vocabulary and hyphenated not in vocabulary:
        return False
    if head in KEEP_HYPHEN_PREFIXES:
        return True
    # the broken line itself contributes one occurrence of the tail, so look for a second
    return head in MAYBE_HYPHEN_PREFIXES and vocabulary.get(tail, 0) >= 2
