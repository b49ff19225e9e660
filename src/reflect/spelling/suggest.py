"""Spelling suggestions: candidate words near a misspelling, ranked the way people mistype.

Why not plain edit distance: "teh" is one edit from "the", "ten", "tea" and "eh", and "recieve"
one from "receive" and "relieve". People swap neighbouring letters, confuse vowels, double or
forget to double letters and hit the key next door far more often than they make random
substitutions, and they rarely get the first letter wrong; and common words are likelier than
rare ones. So each edit has a cost, and a candidate's score is its cheapest edit path plus a
penalty for how rare it is (its word-list tier).

Candidates are every single edit of the word plus every pair of *cheap* edits (vowels, doubled
letters, swaps, deletions): that finds "tommorow" -> "tomorrow" and "dissapointed" ->
"disappointed" while keeping the search to some thousands of look-ups, a few tens of
milliseconds, which is fine for a context menu.
"""

from __future__ import annotations

from collections.abc import Callable

LETTERS = "abcdefghijklmnopqrstuvwxyz"
ACCENTED = "éèêëàâäîïôöûüçñ"
VOWELS = "aeiouy"
APOSTROPHE = "'"

TRANSPOSE = 0.6
DOUBLING = 0.6  # adding or removing one of a pair: "untill", "tomorow"
VOWEL_SWAP = 0.7
VOWEL_INSERT_DELETE = 0.85
APOSTROPHE_INSERT = 0.5  # "dont", "childrens"
HYPHEN_INSERT = 0.7  # "multiagency" -> "multi-agency", when the dictionary has the hyphenated form
NEAR_KEY = 0.8
OTHER_DELETE = 0.9
OTHER_EDIT = 1.0
FIRST_LETTER = 0.3  # added to any edit at the start of the word
SECOND_EDIT = 0.1  # added once to two-edit candidates
SPLIT = 0.7  # "alot" -> "a lot", "infront" -> "in front": a little word run into the next
OTHER_SPLIT = 1.6  # other words run together are rarer than a misspelling of one word
CASE_CHANGE = 0.25  # offering "Th" or "TEA" for a lowercase typo
TIER_STEP = 0.12  # per tier of rarity
COMMON_TIER = 1  # split suggestions use only words this common

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_ROW_SHIFT = (0.0, 0.25, 0.75)


def _near_keys() -> dict[str, frozenset[str]]:
    """Keys that touch each letter key on a UK QWERTY keyboard."""
    where = {ch: (x + _ROW_SHIFT[y], y) for y, row in enumerate(_ROWS) for x, ch in enumerate(row)}
    near = {}
    for ch, (x, y) in where.items():
        near[ch] = frozenset(
            other for other, (ox, oy) in where.items()
            if other != ch and abs(oy - y) <= 1 and abs(ox - x) <= (1 if oy == y else 0.8)
        )
    return near


NEAR = _near_keys()

Candidates = dict[str, float]


def _put(out: Candidates, word: str, cost: float) -> None:
    if cost < out.get(word, 99.0):
        out[word] = cost


def cheap_edits(word: str, out: Candidates | None = None, base: float = 0.0) -> Candidates:
    """Deletions, swaps, vowel changes and insertions, doubling, and an added apostrophe."""
    out = {} if out is None else out
    n = len(word)
    for i in range(n + 1):
        first = FIRST_LETTER if i == 0 else 0.0
        head, tail = word[:i], word[i:]
        if i < n:
            ch = tail[0]
            rest = tail[1:]
            if i + 1 < n and rest[0] == ch:
                pass  # deleting the first of a pair: the second one's deletion gives the same word
            elif i > 0 and head[-1] == ch:
                _put(out, head + rest, base + DOUBLING)
            else:
                _put(out, head + rest, base + first + (VOWEL_INSERT_DELETE if ch in VOWELS else OTHER_DELETE))
            if rest and rest[0] != ch:
                _put(out, head + rest[0] + ch + rest[1:], base + first + TRANSPOSE)
            if ch in VOWELS:
                for v in VOWELS:
                    if v != ch:
                        _put(out, head + v + rest, base + first + VOWEL_SWAP)
            _put(out, head + ch + tail, base + DOUBLING)
        for v in VOWELS:
            _put(out, head + v + tail, base + first + VOWEL_INSERT_DELETE)
    if APOSTROPHE not in word:  # "dont" -> "don't", "childrens" -> "children's"
        for i in range(1, n):
            _put(out, word[:i] + APOSTROPHE + word[i:], base + APOSTROPHE_INSERT)
    return out


def all_edits(word: str, out: Candidates | None = None) -> Candidates:
    """Every single edit: the cheap ones plus any substitution or insertion of a letter."""
    out = cheap_edits(word, out)
    n = len(word)
    for i in range(n + 1):
        first = FIRST_LETTER if i == 0 else 0.0
        head, tail = word[:i], word[i:]
        for c in LETTERS:
            _put(out, head + c + tail, first + (VOWEL_INSERT_DELETE if c in VOWELS else OTHER_EDIT))
        if i < n:
            ch, rest = tail[0], tail[1:]
            near = NEAR.get(ch, frozenset())
            for c in LETTERS + ACCENTED:
                if c != ch:
                    _put(out, head + c + rest, first + (NEAR_KEY if c in near else OTHER_EDIT))
        if 0 < i < n:
            _put(out, head + "-" + tail, HYPHEN_INSERT)
    return out


def candidates(word: str) -> Candidates:
    """Lower-case candidate spellings of lower-case `word` with the cost of reaching each."""
    out = all_edits(word)
    for near, cost in cheap_edits(word).items():
        cheap_edits(near, out, cost + SECOND_EDIT)
    out.pop(word, None)
    return out


# The only words of one or two letters worth offering when splitting a run-together word.
SHORT_WORDS = frozenset(
    "a i am an as at be by do go he if in is it me my no of on or so to up us we".split()
)
# Little words people run into the next one: "alot", "infront", "aswell", "atleast", "incase".
LEADING_WORDS = SHORT_WORDS | frozenset("all and any for not off our out the too".split())


def splits(word: str) -> list[tuple[str, str]]:
    """Ways to cut `word` into two ("alot" -> ("a", "lot")), for run-together words."""
    return [
        (word[:i], word[i:]) for i in range(1, len(word))
        if _may_stand_alone(word[:i]) and _may_stand_alone(word[i:])
    ]


def _may_stand_alone(part: str) -> bool:
    return len(part) > 2 or part in SHORT_WORDS


def rank(
    word: str,
    lookup: Callable[[str], tuple[str, int] | None],
    limit: int,
) -> list[str]:
    """The `limit` best suggestions for lower-case `word`.

    `lookup(candidate)` returns (the form to offer, its tier), e.g. "wigan" -> ("Wigan", 3),
    or None when the candidate is not a word.
    """
    scored: dict[str, float] = {}
    for cand, cost in candidates(word).items():
        found = lookup(cand)
        if found is not None:
            form, tier = found
            _put(scored, form, cost + tier * TIER_STEP + (CASE_CHANGE if form != cand else 0.0))
    for left, right in splits(word):
        a, b = lookup(left), lookup(right)
        # Only common lowercase words: "do NT" or "occur ed" help nobody.
        if a and b and a[0] == left and b[0] == right and max(a[1], b[1]) <= COMMON_TIER:
            cost = SPLIT if left in LEADING_WORDS else OTHER_SPLIT
            _put(scored, f"{left} {right}", cost + max(a[1], b[1]) * TIER_STEP)
    ordered = sorted(scored.items(), key=lambda item: (item[1], item[0]))
    return [form for form, _ in ordered[:limit]]
