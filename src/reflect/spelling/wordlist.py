"""Loading the bundled UK English word list and the field vocabulary.

The word list is SCOWL's British English, already inflected and flattened (see wordlist_build),
so checking a word is one dictionary look-up and no spelling library has to be installed on a
locked-down laptop. Each word carries a tier (0 = commonest) that only ranks suggestions. The
Oxford -ize spellings ("organize") are kept apart (`oxford`): the checker accepts them only when
the user chooses Oxford spelling, -ise being the GOV.UK and council default.

Loading takes some tens of milliseconds and about 20 MB, so the app does it on a worker thread.
Long C-level calls there would still hold Python's GIL and stall typing on the UI thread, so the
words are added in small batches with a GIL release between them.
"""

from __future__ import annotations

import gzip
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from reflect.domain.resources import resource_dir

DICTIONARY_DIR = resource_dir("dictionaries")
WORDS_FILE = "en_GB.words.gz"
VOCABULARY_FILE = "safeguarding.txt"

# Tier given to field vocabulary and personal words when ranking suggestions: as common as it gets.
FIELD_TIER = 0
# Tier of the Oxford spellings, when accepted: the rarest, so suggestions still prefer -ise.
OXFORD_TIER = 3
OXFORD_SECTION = "\n#oxford\n"
_SLICE = 32_768  # characters (about 3,500 words) parsed per GIL hold while loading
_NON_ASCII_LINE = re.compile(r"^.*[^\x00-\x7f].*$", re.MULTILINE)


class WordList:
    """A read-only set of words, each with its commonness tier."""

    __slots__ = ("_tiers", "_unaccented", "oxford")

    def __init__(self, tiers: dict[str, int], accented: Iterable[str] | None = None,
                 oxford: Iterable[str] = ()) -> None:
        self._tiers = tiers
        #: Oxford -ize spellings ("organize"), not in the list itself: accepted only when chosen
        self.oxford = frozenset(oxford)
        if accented is None:
            accented = (w for w in tiers if not w.isascii())
        # People type "cafe", "naive", "fiance" without the accents the list has: accept them.
        self._unaccented = {
            plain: w for w in accented if (plain := strip_accents(w)) != w and plain.isascii()
        }

    @classmethod
    def from_words(cls, words: Iterable[str], tier: int = 0) -> WordList:
        return cls(dict.fromkeys(words, tier))

    def __contains__(self, word: object) -> bool:
        return word in self._tiers

    def __len__(self) -> int:
        return len(self._tiers)

    def tier(self, word: str) -> int | None:
        """The word's tier, or None when the word is not in the list (exact case)."""
        return self._tiers.get(word)

    def accented(self, word: str) -> str | None:
        """The listed accented form of an unaccented `word` ("cafe" -> "café"), if any."""
        return self._unaccented.get(word)


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def parse_tiered(text: str, *, pause: bool = False) -> WordList:
    """Parse the `#tier N` sections of a word-list file.

    The text is taken in slices of a few thousand words so that no single C-level call holds
    the GIL long enough to delay a keystroke on the UI thread (with `pause`, the GIL is also
    offered to other threads after each slice).
    """
    tiers: dict[str, int] = {}
    accented: list[str] = []
    text, _, oxford = text.partition(OXFORD_SECTION)
    for section in text.split("\n#tier ")[1:]:
        number, _, body = section.partition("\n")
        tier = int(number)
        start = 0
        while start < len(body):
            end = body.find("\n", start + _SLICE)
            end = len(body) if end < 0 else end
            piece = body[start:end]
            tiers.update(dict.fromkeys(piece.split("\n"), tier))
            if not piece.isascii():
                accented.extend(_NON_ASCII_LINE.findall(piece))
            start = end + 1
            if pause:
                time.sleep(0)
    tiers.pop("", None)
    return WordList(tiers, accented, (word for word in oxford.split("\n") if word))


def load_wordlist(source: Path | None = None, *, pause: bool = True) -> WordList:
    """Read the bundled (or given) gzip'd word list. Call it off the UI thread."""
    source = source if source is not None else DICTIONARY_DIR / WORDS_FILE
    text = gzip.decompress(source.read_bytes()).decode("utf-8")
    return parse_tiered(text, pause=pause)


def read_vocabulary(lines: Iterable[str]) -> Iterator[str]:
    """The words of a one-word-a-line file, skipping blank lines and # comments."""
    for line in lines:
        word = line.strip()
        if word and not word.startswith("#"):
            yield word


def load_vocabulary(source: Path | None = None) -> list[str]:
    """The bundled field vocabulary (safeguarding.txt) or the given file's words."""
    source = source if source is not None else DICTIONARY_DIR / VOCABULARY_FILE
    return list(read_vocabulary(source.read_text(encoding="utf-8").splitlines()))
