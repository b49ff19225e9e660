"""The word lists the name detector consults: given names, surnames and ordinary English words.

A capitalised word is a name candidate when it is a registered given name (`resources/names`,
from the ONS and the US census; see its NOTICE.md), and an ordinary word when the bundled UK
spelling list has it in lower case — "Grace", "Will" and "May" are both, and need context to be
read as names. The spelling list's tiers say how common a word is (0 = commonest); the name
detector reads them, so "Tom" (a rare word, "tom") counts as a name on its own and "Hope" (tier
0) does not.

The lists are read once, lazily, on first use (about 0.1 s and 30 MB); `lexicon()` returns the
same object from then on. A caller that must not wait (live hints while typing) can call it once
on a worker thread beforehand.
The spelling package has its own loader for the same file, but domain/ may not import it: the
few lines that read the tiers are repeated here.
"""

from __future__ import annotations

import gzip
import threading
from functools import cache
from pathlib import Path

from reflect.domain.resources import resource_dir

WORDS_FILE = ("dictionaries", "en_GB.words.gz")
GIVEN_FILE = ("names", "given_names.txt.gz")
SURNAME_FILE = ("names", "surnames.txt.gz")
COMMON_SURNAME = 2000  # rank: Brown, White, Young, Hill are names as often as words after a title
_LOCK = threading.Lock()


def _read(where: tuple[str, str]) -> str:
    path: Path = resource_dir(where[0]) / where[1]
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line and not line.startswith("#")]


class Lexicon:
    """Given names with their births, surnames with their rank, and English words with their tier."""

    __slots__ = ("given", "surname_rank", "word_tier", "proper")

    def __init__(self, given: dict[str, int], surname_rank: dict[str, int],
                 word_tier: dict[str, int], proper: frozenset[str]) -> None:
        self.given = given  # lower-case name -> babies registered 1996-2024 (0: adults' names)
        self.surname_rank = surname_rank  # lower-case surname -> rank, 1 = commonest
        self.word_tier = word_tier  # lower-case English word -> tier, 0 = commonest
        self.proper = proper  # words the spelling list has only with a capital ("Wigan", "Kayla")

    def tier(self, word: str) -> int | None:
        """How common `word` is as an ordinary lower-case English word (None: it is not one)."""
        return self.word_tier.get(word.lower())

    def ordinary(self, word: str) -> bool:
        """A common English word that is not also a common surname ("World", "People"; not "Brown")."""
        tier = self.word_tier.get(word.lower())
        rank = self.surname_rank.get(word.lower(), COMMON_SURNAME + 1)
        return tier is not None and tier <= 1 and rank > COMMON_SURNAME

    @classmethod
    def load(cls) -> Lexicon:
        pairs = (line.partition("\t") for line in _lines(_read(GIVEN_FILE)))
        given = {name: int(births or 0) for name, _, births in pairs}
        surnames = {name: rank for rank, name in enumerate(_lines(_read(SURNAME_FILE)), 1)}
        word_tier: dict[str, int] = {}
        proper: set[str] = set()
        for section in reversed(_read(WORDS_FILE).split("\n#tier ")[1:]):
            number, _, body = section.partition("\n")
            words = body.split("\n")
            capitalised = {w for w in words if w[:1].isupper()}
            proper |= capitalised
            # Commonest tier last, so it overwrites: a word keeps the tier it is most common in.
            word_tier.update(dict.fromkeys((w for w in words if w and w not in capitalised), int(number)))
        return cls(given, surnames, word_tier, frozenset(w for w in proper if w.lower() not in word_tier))


@cache
def _loaded() -> Lexicon:
    return Lexicon.load()


def lexicon() -> Lexicon:
    """The bundled lists, read on the first call (thread-safe) and kept."""
    with _LOCK:
        return _loaded()
