"""Rebuild the bundled UK English word list from SCOWL (a developer tool; the app never runs it).

Why a prebuilt list rather than a Hunspell reader at run time: expanding Hunspell affixes in pure
Python (spylls) takes about a second and 90 MB to load the en_GB dictionary and 60-300 ms per
suggestion, while a flat list of the already-inflected SCOWL words loads in tens of milliseconds
into about 25 MB and needs no library at all, on Windows or anywhere else.

SCOWL (Kevin Atkinson, permissive licence, see SCOWL-LICENSE.txt) comes from Debian's `scowl`
package, which installs the raw lists as /usr/share/dict/scowl/<spelling>-<kind>.<size>:

    apt-get download scowl && dpkg-deb -x scowl_*.deb scowl
    python -m reflect.spelling.wordlist_build scowl/usr/share/dict/scowl \
        resources/dictionaries/en_GB.words.gz

What goes in, and why:
- sizes up to 70 (SCOWL's "large"); 80 and above add Scrabble-only words that hide real typos
  and bring in UKACD, whose licence wants its whole text shown in the app;
- spellings `english` (common to all), `british` (-ise) and `british_variant_1` (accepted UK
  variants such as "judgment", "focussed"); the words only `british_z` has (Oxford -ize:
  "organize", "realize") go in a section of their own, `#oxford`, accepted only when the user
  chooses Oxford spelling: GOV.UK style and most councils write -ise, so by default "organize"
  is marked and "organise" suggested;
- abbreviations only up to size 60: the larger ones are short lowercase strings ("aet") that
  would accept typos.

The output is gzip'd UTF-8 text: header comments, then `#tier N` sections (0 = most common),
one word per line, then the `#oxford` section. The tier is SCOWL's size band and only ranks
suggestions.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

# SCOWL size -> our tier (commonness band used to rank suggestions).
SIZE_TIER = {10: 0, 20: 0, 35: 1, 40: 1, 50: 2, 55: 2, 60: 2, 70: 3}
SPELLINGS = ("english", "british", "british_variant_1")
OXFORD = "british_z"
KINDS = ("words", "upper", "proper-names", "contractions", "abbreviations")
MAX_ABBREVIATION_SIZE = 60
LOWEST_TIER = max(SIZE_TIER.values())
OXFORD_SECTION = "#oxford"  # the Oxford -ize spellings, accepted only when chosen

HEADER = """\
# UK English word list for Reflect's spelling checker.
# Built by reflect.spelling.wordlist_build from SCOWL 2020.12.07 (Debian package scowl),
# sizes <= 70, spellings english + british + british_variant_1; #oxford: what british_z adds.
# Copyright 2000-2018 by Kevin Atkinson and others; see SCOWL-LICENSE.txt beside this file.
"""


def _read(path: Path) -> list[str]:
    return [w for w in path.read_text(encoding="utf-8").split("\n") if w.strip()]


def collect(scowl_dir: Path) -> tuple[dict[str, int], list[str]]:
    """Each accepted word with its tier (the commonest band it appears in), and the Oxford
    spellings (what `british_z` adds to them), sorted."""
    tiers: dict[str, int] = {}
    for spelling in SPELLINGS:
        for kind in KINDS:
            for size, tier in SIZE_TIER.items():
                if kind == "abbreviations" and size > MAX_ABBREVIATION_SIZE:
                    continue
                path = scowl_dir / f"{spelling}-{kind}.{size}"
                if path.exists():
                    for word in _read(path):
                        tiers[word] = min(tier, tiers.get(word, tier))
    oxford: set[str] = set()
    for kind in KINDS:
        for size in SIZE_TIER:
            path = scowl_dir / f"{OXFORD}-{kind}.{size}"
            if path.exists() and not (kind == "abbreviations" and size > MAX_ABBREVIATION_SIZE):
                oxford.update(word for word in _read(path) if word not in tiers)
    return tiers, sorted(oxford)


def render(tiers: dict[str, int], oxford: list[str]) -> bytes:
    lines = [HEADER.rstrip("\n")]
    for tier in range(LOWEST_TIER + 1):
        lines.append(f"#tier {tier}")
        lines.extend(sorted(w for w, t in tiers.items() if t == tier))
    lines.append(OXFORD_SECTION)
    lines.extend(oxford)
    return ("\n".join(lines) + "\n").encode("utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m reflect.spelling.wordlist_build SCOWL_DIR OUTPUT.gz", file=sys.stderr)
        return 2
    tiers, oxford = collect(Path(argv[0]))
    # mtime=0 keeps the file byte-identical between rebuilds (no noise in git).
    Path(argv[1]).write_bytes(gzip.compress(render(tiers, oxford), compresslevel=9, mtime=0))
    print(f"{len(tiers)} words and {len(oxford)} Oxford spellings written to {argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
