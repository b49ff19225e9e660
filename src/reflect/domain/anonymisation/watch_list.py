"""The user's watch list: names and phrases that must always be found.

No detector knows that "Oak Street", "Kowalski" or "St Mary's" could identify a family; the user
does. Each term is matched:

- ignoring case and accents, with the same folding the search uses (`text_fold`), so "Lodz" finds
  "Łódź" and "Jose" finds "José"; `fold_with_offsets` maps the match back onto the original letters;
- on word boundaries: "Ann" does not find "Annual", but finds "Ann's";
- with any whitespace, line break or hyphen between the words of a phrase: "Oak Street" finds
  "Oak\\nStreet" and "Oak-Street", and "Smith-Jones" finds "Smith Jones".

All terms are compiled into one pattern, longest first, so a longer term wins where terms overlap
("Oak Street" over "Oak").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.normalise import normalise
from reflect.domain.anonymisation.scan import ScanText
from reflect.domain.text_fold import fold, fold_with_offsets

KIND = "watch_term"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _folded(text: str) -> tuple[str, list[int] | None]:
    """`text` folded, and for each folded character its index in `text` (None: the identity)."""
    if text.isascii():
        return text.lower(), None
    parts: list[str] = []
    offsets: list[int] = []
    done = 0
    for run in _NON_ASCII.finditer(text):
        parts.append(text[done:run.start()].lower())
        offsets.extend(range(done, run.start()))
        folded, run_offsets = fold_with_offsets(run.group())
        parts.append(folded)
        offsets.extend(run.start() + i for i in run_offsets)
        done = run.end()
    parts.append(text[done:].lower())
    offsets.extend(range(done, len(text)))
    return "".join(parts), offsets


class WatchList:
    """A compiled watch list; `find` runs it over normalised text."""

    def __init__(self, terms: Iterable[str]) -> None:
        alternatives = set()
        for term in terms:
            words = [w for w in re.split(r"[\s-]+", fold(normalise(str(term)).text)) if w]
            if words:
                alternatives.add(r"[ -]+".join(re.escape(w) for w in words))
        ordered = sorted(alternatives, key=lambda a: (-len(a), a))
        self._pattern = re.compile(rf"(?<!\w)(?:{'|'.join(ordered)})(?!\w)") if ordered else None

    def find(self, scan: ScanText) -> Iterator[Hit]:
        """Watch-list terms in the scanned text."""
        if self._pattern is None:
            return
        text = scan.text
        folded, offsets = _folded(text)
        for match in self._pattern.finditer(folded):
            start, end = match.span()
            if offsets is not None:
                start, end = offsets[start], offsets[end - 1] + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1  # folding dropped the accents on the last letter; they belong to it
            yield Hit(KIND, start, end)
