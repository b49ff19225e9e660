"""Properties of the anonymisation check on any text, and a large journal checked whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.anonymisation import KINDS, CheckedField, check_fields, check_text
from reflect.domain.anonymisation.normalise import normalise

# Pieces that exercise every detector and every normalisation, mixed with arbitrary Unicode.
PIECES = st.sampled_from([
    "0", "1", "4", "9", "12", "943", "476", "5919", "07700", "900123", "+44", "(0)", "(", ")", " ", "  ",
    "\n", "\r\n", "\t", "\u00a0", "\u2009", "\u00ad", "\u200b", "-", "\u2013", "/", ".", ",", ":", "@",
    "Mrs", "Mr", "Dr.", "Smith", "A.", "R", "Child", "WN1", "1AA", "wn1", "1st", "GIR 0AA", "AB", "C",
    "aged", "age", "year", "-year-", "old", "four", "twenty-", "months", "yo", "½", "DOB", "born",
    "March", "12th", "of", "2019", "19", "ﬁ", "ﬃ", "Łódź", "e\u0301", "İ", "ß", "x.org", "jane",
    "Oak", "Street", "\u2028", "’", "\x1c",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)
TERMS = st.lists(st.one_of(st.sampled_from(["Lodz", "Oak Street", "Smith", "İstanbul", "ss", "-", " ", "e"]),
                           st.text(max_size=6)), max_size=4)
SETTINGS = settings(max_examples=400, deadline=None)


@SETTINGS
@given(text=TEXT, terms=TERMS)
def test_findings_are_exact_sorted_disjoint_and_in_bounds(text, terms):
    """check_text never raises; findings are in bounds, sorted, disjoint, exact, and well-formed."""
    findings = check_text(text, watch_terms=terms)
    previous_end = 0
    for f in findings:
        assert previous_end <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.kind in KINDS and f.label and f.advice
        assert "\n" not in f.context and " ".join(f.text.split()) in f.context
        previous_end = f.end


@SETTINGS
@given(text=TEXT, terms=TERMS)
def test_accepting_every_finding_leaves_none(text, terms):
    """Accepting every reported (kind, text) pair leaves nothing of those pairs reported."""
    findings = check_text(text, watch_terms=terms)
    accepted = {f.key for f in findings}
    assert not any(f.key in accepted for f in check_text(text, watch_terms=terms, accepted=accepted))


@SETTINGS
@given(text=TEXT)
def test_normalised_spans_map_inside_the_original(text):
    """Every span of the normalised text maps to an ordered span inside the original."""
    norm = normalise(text)
    n = len(norm.text)
    for start in range(0, n, 3):
        for end in range(start + 1, min(n, start + 7) + 1):
            o_start, o_end = norm.span_in_original(start, end)
            assert 0 <= o_start < o_end <= len(text)


@SETTINGS
@given(texts=st.lists(TEXT, max_size=5))
def test_check_fields_agrees_with_check_text(texts):
    """check_fields reports, field by field, what check_text reports for each text."""
    fields = [CheckedField(i, "stage", "answer", t) for i, t in enumerate(texts)]
    by_field = check_fields(fields)
    expected = [(i, f.kind, f.start) for i, t in enumerate(texts) for f in check_text(t)]
    assert [(f.entry_id, f.kind, f.start) for f in by_field] == expected


def test_a_large_journal_is_checked_whole():
    """100,000 words (mixed anonymised and identifying text) are checked whole: every identifier in
    every repeat is found. Speed is the benchmark's (bench/anonymisation.py), not a timed test's."""
    paragraph = (
        "In supervision I reflected on the Child R briefing and the hidden father in one of my families. "
        "Dad is rarely home when I visit; we meet every 4 weeks at 10:30 and I have worked here for 4 years. "
        "I visited Mrs Kowalska at WN3 5AB (tel 07700 900461); her 4-year-old, DOB 03/07/2021, "
        "NHS 943 476 5919, was asleep. Her email is m.kowalska@example.com and she moved from Łódź in 2019.\n"
    )
    words = len(paragraph.split())
    text = paragraph * (100_000 // words)
    findings = check_text(text, watch_terms=["Lodz", "Oak Street", "Kowalska"])
    assert len(findings) == 8 * (100_000 // words)  # "Kowalska" lies inside the title and the email
    assert findings[-1].end > len(text) - len(paragraph)  # the last repeat was checked too
