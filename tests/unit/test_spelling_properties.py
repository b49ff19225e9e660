"""Properties that must hold for any text: spans are sane, incremental re-checks agree, UTF-16 maps."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.spelling import SpellChecker, respan
from reflect.spelling.incremental import common_prefix, common_suffix
from reflect.spelling.tokens import compounds
from reflect.spelling.utf16 import astral_positions, from_utf16, to_utf16


@pytest.fixture(scope="module")
def checker():
    """The bundled dictionary, loaded once for the module."""
    return SpellChecker.load()


# Text built from pieces that exercise the tokenizer: words right and wrong, joiners, addresses,
# digits, accents, emoji and all sorts of whitespace, plus arbitrary Unicode.
PIECES = st.sampled_from([
    "recieve", "the", "teh", "Wigan", "wigan", "multi", "-", "‐", "'", "’", "s", "agency", "CIN",
    "don", "t", " ", "  ", "\n", "\t", "\u00a0", "\u2029", ".", ",", "@", "://", "www.", "x.org",
    "\\", "4x4", "12", "_", "é", "e\u0301", "Łódź", "😀", "iii", "(", ")", "“", "”",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join)
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=TEXT)
def test_spans_are_sorted_in_bounds_and_disjoint(checker, text):
    """misspelled_spans never raises and returns sorted, non-empty, non-overlapping spans."""
    spans = checker.misspelled_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start:end].isspace()
        previous_end = end


@SETTINGS
@given(text=TEXT)
def test_each_flagged_word_is_itself_flagged(checker, text):
    """Every span covers a word that check() rejects, so the underline and the menu agree."""
    for start, end in checker.misspelled_spans(text):
        assert not checker.check(text[start:end])


@SETTINGS
@given(text=TEXT)
def test_spans_lie_inside_tokens_found_by_the_tokenizer(checker, text):
    """The fast path's positions agree with the tokenizer's: each span is inside one token."""
    tokens = [(start, end) for start, end, _token in compounds(text)]
    for start, end in checker.misspelled_spans(text):
        assert any(a <= start and end <= b for a, b in tokens)


@SETTINGS
@given(old=TEXT, at=st.integers(min_value=0), removed=st.integers(min_value=0, max_value=8),
       inserted=TEXT)
def test_incremental_recheck_equals_a_full_check(checker, old, at, removed, inserted):
    """respan after any edit gives exactly the spans of a full re-check."""
    at = at % (len(old) + 1)
    new = old[:at] + inserted + old[at + removed:]
    old_spans = checker.misspelled_spans(old)
    assert respan(old, old_spans, new, checker.misspelled_spans) == checker.misspelled_spans(new)


@given(a=st.text(max_size=30), b=st.text(max_size=30))
def test_common_prefix_and_suffix(a, b):
    """common_prefix/common_suffix find the longest shared start and (bounded) end."""
    p = common_prefix(a, b)
    assert a[:p] == b[:p] and (p == min(len(a), len(b)) or a[p] != b[p])
    limit = min(len(a), len(b)) - p
    s = common_suffix(a, b, limit)
    assert s <= limit and a[len(a) - s:] == b[len(b) - s:]
    assert s == limit or a[len(a) - s - 1] != b[len(b) - s - 1]


@given(text=st.text(alphabet=st.sampled_from(["a", "é", "😀", "\U0001f9d1", " "]), max_size=20))
def test_utf16_positions_round_trip(text):
    """Python index -> UTF-16 -> Python index is the identity, and matches Qt's counting."""
    astral = astral_positions(text)
    for i in range(len(text) + 1):
        j = to_utf16(i, astral)
        assert j == len(text[:i].encode("utf-16-le")) // 2
        assert from_utf16(j, astral) == i


def test_utf16_inside_a_surrogate_pair_moves_after_it():
    """A UTF-16 position between the halves of an emoji maps to the character after it."""
    text = "a😀b"
    assert from_utf16(2, astral_positions(text)) == 2
