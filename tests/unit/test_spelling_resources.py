"""The bundled dictionary files, how they are built, and the spelling package's layering."""

from __future__ import annotations

import ast
import gzip
from pathlib import Path

from reflect.spelling import wordlist_build
from reflect.spelling.wordlist import (
    DICTIONARY_DIR,
    VOCABULARY_FILE,
    WORDS_FILE,
    WordList,
    load_vocabulary,
    load_wordlist,
    parse_tiered,
    read_vocabulary,
)

SPELLING = Path(__file__).resolve().parents[2] / "src" / "reflect" / "spelling"


def test_bundled_files_are_present_small_and_licensed():
    """The word list, vocabulary and SCOWL licence ship together, and the list is under 1 MB."""
    assert (DICTIONARY_DIR / WORDS_FILE).is_file()
    assert len((DICTIONARY_DIR / WORDS_FILE).read_bytes()) < 1_000_000
    licence = (DICTIONARY_DIR / "SCOWL-LICENSE.txt").read_text(encoding="utf-8")
    assert "Kevin Atkinson" in licence and "Permission to use, copy, modify" in licence
    header = gzip.decompress((DICTIONARY_DIR / WORDS_FILE).read_bytes()).decode("utf-8")[:600]
    assert "SCOWL" in header and "SCOWL-LICENSE.txt" in header


def test_word_list_loads_with_tiers():
    """The list has well over 100,000 words; common words are in the first tier."""
    words = load_wordlist(pause=False)
    assert len(words) > 100_000
    assert words.tier("the") == 0 and words.tier("behaviour") == 0
    assert words.tier("recieve") is None
    assert words.accented("cafe") == "café"


def test_vocabulary_file_has_a_header_and_the_field_words():
    """safeguarding.txt starts with an explanatory comment and lists the field's words once."""
    text = (DICTIONARY_DIR / VOCABULARY_FILE).read_text(encoding="utf-8")
    assert text.startswith("#")
    words = load_vocabulary()
    assert len(words) == len(set(words)), "a word is listed twice"
    for word in ("safeguarding", "CIN", "CP", "CPP", "MASH", "LADO", "CSPR", "LSCP", "MARAC",
                 "MAPPA", "DSL", "IRO", "SEND", "EHCP", "GP", "CAMHS", "supervisee", "supervisor",
                 "4x4x4", "Driscoll", "Gibbs", "Kolb", "NMC", "HCPC", "SWE", "ICO", "Ofsted",
                 "multi-agency", "borough", "council"):
        assert word in words


def test_read_vocabulary_skips_comments_and_blanks():
    """Comment and blank lines are not words; surrounding spaces are trimmed."""
    assert list(read_vocabulary(["# c", "", "  CIN  ", "word"])) == ["CIN", "word"]


def test_parse_tiered_sections():
    """`#tier N` sections map each word to its tier; header lines are ignored."""
    words = parse_tiered("# header\n#tier 0\nthe\ncafé\n#tier 2\nrare\n")
    assert (words.tier("the"), words.tier("rare"), words.tier("# header")) == (0, 2, None)
    assert words.accented("cafe") == "café"
    assert len(WordList.from_words(["a", "b"])) == 2


def test_build_takes_british_words_and_keeps_oxford_spellings_apart(tmp_path):
    """The builder merges SCOWL lists by size, puts what only -ize adds in its own section and
    drops large abbreviations."""
    scowl = tmp_path / "scowl"
    scowl.mkdir()
    files = {
        "english-words.10": "the\n", "british-words.10": "colour\n", "british-words.35": "the\n",
        "british_z-words.10": "colour\nrealize\n", "english-abbreviations.70": "aet\n",
        "american-words.10": "color\n", "english-upper.70": "Wigan\n",
    }
    for name, text in files.items():
        (scowl / name).write_text(text, encoding="utf-8")
    tiers, oxford = wordlist_build.collect(scowl)
    assert tiers == {"the": 0, "colour": 0, "Wigan": 3}
    assert oxford == ["realize"]
    out = tmp_path / "out.gz"
    assert wordlist_build.main([str(scowl), str(out)]) == 0
    built = load_wordlist(out, pause=False)
    assert built.tier("realize") is None and "realize" not in built
    assert built.oxford == {"realize"} and built.tier("colour") == 0


def test_spelling_package_imports_no_qt_and_only_domain():
    """reflect.spelling stays below the UI: no Qt, and from the app only domain and itself."""
    offenders = []
    for path in SPELLING.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                parts = name.split(".")
                if parts[0] in ("PySide6", "shiboken6") or (
                    parts[0] == "reflect" and parts[1:2] not in (["spelling"], ["domain"])
                ):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []
