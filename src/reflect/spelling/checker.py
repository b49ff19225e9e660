"""The spelling checker: UK English plus the field's vocabulary plus the user's own words.

One object answers every spelling question the editor asks: is this word right, where are the
misspellings in this paragraph, what might this word have been. It is pure Python (no Qt, no
spelling library), so it runs the same on a locked-down Windows laptop as in the tests, and it
is built off the UI thread and then used only on it.

Checking must never slow typing, so the verdict for each distinct token is cached: a paragraph
is re-checked on every keystroke, but almost all of its words have been seen before.
"""

from __future__ import annotations

from collections.abc import Iterable

from reflect.spelling import suggest as _suggest
from reflect.spelling.tokens import (
    Span,
    compounds,
    hyphen_parts,
    is_code,
    normalise,
    plain_compounds,
    skipped,
)
from reflect.spelling.wordlist import FIELD_TIER, OXFORD_TIER, WordList, load_vocabulary, load_wordlist

# Parts before a hyphen that are prefixes rather than words: "multi-agency", "co-sleeping".
HYPHEN_PREFIXES = frozenset(
    "anti bi co counter cross de e ex extra inter intra macro micro mid mini mis multi neo non "
    "over post pre pro pseudo re semi sub super trans tri ultra un under".split()
)
_CACHE_LIMIT = 50_000  # distinct tokens remembered; a long journal session stays well under this


class SpellChecker:
    """Checks words and text against a word list, field vocabulary and personal words.

    Case follows the dictionary: a lowercase entry is also right Capitalised (sentence start) or
    in CAPITALS; an entry with capitals ("Wigan", "Ofsted") is right only as written or in
    CAPITALS. Acronyms of 2-6 capitals, single letters and roman numerals are never flagged.
    """

    def __init__(self, words: WordList, vocabulary: Iterable[str] = (), personal: Iterable[str] = (),
                 *, oxford: bool = False):
        self._words = words
        self._oxford = oxford  # accept Oxford -ize spellings ("organize") too
        self._vocabulary = frozenset(_clean(w) for w in vocabulary) - {""}
        self._personal: set[str] = set()
        self._ignored: set[str] = set()
        self._verdicts: dict[str, tuple[Span, ...]] = {}
        self.set_personal(personal)

    @classmethod
    def load(cls, personal: Iterable[str] = (), *, oxford: bool = False) -> SpellChecker:
        """The bundled UK English list and safeguarding vocabulary. Slow-ish: not on the UI thread."""
        return cls(load_wordlist(), load_vocabulary(), personal, oxford=oxford)

    # --- Oxford spelling ----------------------------------------------------------------------

    @property
    def oxford(self) -> bool:
        return self._oxford

    def set_oxford(self, oxford: bool) -> None:
        """Accept the Oxford -ize spellings ("organize", "realize") as well as -ise, or not."""
        if oxford != self._oxford:
            self._oxford = oxford
            self._verdicts.clear()

    # --- the user's words -------------------------------------------------------------------

    @property
    def personal_words(self) -> frozenset[str]:
        return frozenset(self._personal)

    def set_personal(self, words: Iterable[str]) -> None:
        """Replace the personal dictionary (e.g. with the words stored in the journal)."""
        self._personal = {w for w in map(_clean, words) if w}
        self._verdicts.clear()

    def add_personal(self, word: str) -> None:
        """Accept `word` from now on (the caller stores it in the journal)."""
        word = _clean(word)
        if word:
            self._personal.add(word)
            self._verdicts.clear()

    def ignore(self, word: str) -> None:
        """Accept `word` until the app closes, without storing it anywhere."""
        word = _clean(word)
        if word:
            self._ignored.add(word)
            self._verdicts.clear()

    # --- checking ---------------------------------------------------------------------------

    def check(self, word: str) -> bool:
        """True when `word` (one word, possibly with an apostrophe or hyphens) is spelt right."""
        w = _clean(word)
        if not w or skipped(w) or self._accepts(w):
            return True
        if w.endswith("'s") and len(w) > 2:  # possessive of anything we accept: "Wigan's"
            stem = w[:-2]
            return skipped(stem) or self._accepts(stem)
        if w.endswith("'") and len(w) > 1:  # plural possessive: "parents'"
            return self._accepts(w[:-1])
        return False

    def misspelled_spans(self, text: str) -> list[Span]:
        """(start, end) of each misspelling in `text`, sorted; indices are Python str indices.

        Of a hyphenated compound only the wrong parts are reported ("multi-agensy" -> "agensy").
        """
        # Runs on every keystroke: few allocations (they bring on garbage collections) and
        # one dictionary look-up per word already seen.
        verdicts = self._verdicts
        spans: list[Span] = []
        tokens = plain_compounds(text)
        if tokens is None:
            for start, _end, token in compounds(text):
                bad = verdicts.get(token)
                if bad is None:
                    bad = self._verdict(token)
                if bad:
                    spans.extend((start + a, start + b) for a, b in bad)
            return spans
        find = text.find
        position = 0
        for token in tokens:
            position = find(token, position)
            bad = verdicts.get(token)
            if bad is None:
                bad = self._verdict(token)
            if bad:
                spans.extend((position + a, position + b) for a, b in bad)
            position += len(token)
        return spans

    def suggest(self, word: str, limit: int = 8) -> list[str]:
        """Up to `limit` likely intended spellings of `word`, best first, in the word's case."""
        w = _clean(word)
        if not w or limit <= 0:
            return []
        lower = w.lower()
        found: list[str] = []
        own = self._lookup(lower)
        if own is not None:  # right letters, wrong case: "wigan" -> "Wigan"
            found.append(own[0])
        found.extend(_suggest.rank(lower, self._lookup, limit + 1))
        result: list[str] = []
        for form in found:
            form = _match_case(form, w)
            if form != w and form not in result:
                result.append(form)
        return result[:limit]

    # --- internals --------------------------------------------------------------------------

    def _verdict(self, token: str) -> tuple[Span, ...]:
        if len(self._verdicts) >= _CACHE_LIMIT:
            self._verdicts.clear()
        bad = self._verdicts[token] = self._analyse(token)
        return bad

    def _analyse(self, token: str) -> tuple[Span, ...]:
        if is_code(token) or self.check(token):
            return ()
        parts = hyphen_parts(token)
        if len(parts) == 1:
            return ((0, len(token)),)
        if self.check("".join(part for _a, _b, part in parts)):  # "co-ordinated", "co-operate"
            return ()
        return tuple(
            (a, b) for a, b, part in parts
            if part and part.lower() not in HYPHEN_PREFIXES and not self.check(part)
        )

    def _known(self, w: str) -> bool:
        return (w in self._words or w in self._vocabulary or w in self._personal or w in self._ignored
                or self._words.accented(w) is not None or (self._oxford and w in self._words.oxford))

    def _accepts(self, w: str) -> bool:
        if self._known(w):
            return True
        if w.islower():
            return False
        rest = w[1:]
        if w[0].isupper() and rest == rest.lower():
            return self._known(w.lower())  # sentence start: "Behaviour"
        if w.isupper():  # "SAFEGUARDING", "WIGAN"
            return self._known(w.lower()) or self._known(w[0] + rest.lower())
        return False

    def _tier(self, form: str) -> int | None:
        if form in self._vocabulary or form in self._personal:
            return FIELD_TIER
        if self._oxford and form in self._words.oxford:
            return OXFORD_TIER
        return self._words.tier(form)

    def _lookup(self, candidate: str) -> tuple[str, int] | None:
        """The dictionary form of lower-case `candidate` and its tier, trying Proper and UPPER."""
        tier = self._tier(candidate)
        if tier is not None:
            return candidate, tier
        for form in (candidate.capitalize(), candidate.upper()):
            tier = self._tier(form)
            if tier is not None:
                return form, tier
        return None


def _clean(word: str) -> str:
    return normalise(word.strip())


def _match_case(form: str, typed: str) -> str:
    """Give a suggestion the case the user typed: "Recieve" -> "Receive", "TEH" -> "THE"."""
    if len(typed) > 1 and typed.isupper():
        return form.upper()
    if typed[:1].isupper() and form[:1].islower():
        return form[:1].upper() + form[1:]
    return form
