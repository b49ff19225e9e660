"""Issue 13's goals for the anonymisation check, on the labelled corpus of invented reflective writing,
and the corpus parser and scorer the goals rest on. Timing is measured in bench/anonymisation.py only."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from tests.anonymisation.scoring import (
    KINDS,
    Label,
    Score,
    load_corpus,
    parse_corpus,
    parse_line,
    score,
    texts_of_words,
)


class FakeFinding(NamedTuple):
    kind: str
    text: str
    start: int
    end: int


@pytest.fixture(scope="module")
def result() -> Score:
    return score()


def report(result: Score) -> str:
    return "\n" + result.table() + "\n\n" + result.examples(30)


def test_overall_recall_is_at_least_90_percent(result):
    """At least 90% of all labelled identifiers are touched by a finding."""
    recall = result.recall  # a plain float, so a failure shows the table, not the Score
    assert recall >= 0.90, report(result)


def test_name_recall_is_at_least_85_percent(result):
    """At least 85% of labelled names (titled or not, possessive, lowercase) are touched by a finding."""
    recall = result.recall_of("name")
    assert recall >= 0.85, report(result)


def test_precision_is_at_least_90_percent(result):
    """At least 90% of findings touch a labelled identifier."""
    precision = result.precision
    assert precision >= 0.90, report(result)


def test_at_most_5_percent_of_clean_sentences_are_flagged(result):
    """At most 5% of the sentences without any identifier get a finding."""
    rate = result.clean_flagged_rate
    assert rate <= 0.05, report(result)


def test_corpus_is_as_large_as_the_issue_asks():
    """The corpus keeps at least 360 sentences, 120 clean ones, 100 names and every kind."""
    sentences = load_corpus()
    kinds = [label.kind for s in sentences for label in s.labels]
    assert len(sentences) >= 360
    assert sum(1 for s in sentences if not s.labels) >= 120
    assert kinds.count("name") >= 100
    assert {kind: kinds.count(kind) for kind in KINDS if kinds.count(kind) < 15} == {}


def test_every_corpus_label_sits_at_its_offsets():
    """Each label's text is exactly the plain sentence between its start and end."""
    for sentence in load_corpus():
        for label in sentence.labels:
            assert sentence.text[label.start:label.end] == label.text, (sentence.line, label)


def test_parser_strips_markers_and_keeps_offsets():
    """Markers are removed from the sentence and each label keeps its kind, text and exact offsets."""
    sentence = parse_line("I asked [name: Dev] whether [name: Kayla]'s mum had been to [place: St Mary's "
                          "Primary] since [date_of_birth: 3rd March 2016].", 7)
    assert sentence.line == 7
    assert sentence.text == ("I asked Dev whether Kayla's mum had been to St Mary's Primary since "
                             "3rd March 2016.")
    assert sentence.labels == (
        Label("name", "Dev", 8, 11), Label("name", "Kayla", 20, 25),
        Label("place", "St Mary's Primary", 44, 61), Label("date_of_birth", "3rd March 2016", 68, 82),
    )


def test_parser_keeps_marker_text_with_colons_and_odd_characters():
    """A marker's text may hold colons, slashes, @ and accents; the sentence's other brackets stay."""
    sentence = parse_line("[handle: https://www.tiktok.com/@olek_b] [sic] [name: Łucja]")
    assert sentence.text == "https://www.tiktok.com/@olek_b [sic] Łucja"
    assert sentence.labels == (Label("handle", "https://www.tiktok.com/@olek_b", 0, 30),
                               Label("name", "Łucja", 37, 42))


def test_parser_skips_comments_and_blank_lines_and_counts_lines_from_one():
    """Comment and blank lines are not sentences; line numbers are those of the file."""
    sentences = parse_corpus("# heading\n\nMum rang.\n  # indented comment\n[name: Tom] rang.\n")
    assert [(s.line, s.text) for s in sentences] == [(3, "Mum rang."), (5, "Tom rang.")]
    assert sentences[0].labels == ()


@pytest.mark.parametrize("line", [
    "[surname: Jones] rang.",        # unknown kind
    "[name: Jones rang.",            # not closed
    "[name: [name: Jo]nes] rang.",   # nested
    "[name: ] rang.",                # empty
    "[name:  Jones] rang.",          # padded
])
def test_parser_rejects_malformed_markers(line):
    """A marker with an unknown kind, no closing bracket, nesting or empty text is an error."""
    with pytest.raises(ValueError):
        parse_line(line)


def test_scorer_counts_overlaps_whatever_the_kind():
    """A label is found by any overlapping finding; a finding elsewhere is a false alarm."""
    sentences = parse_corpus("[name: Tom] is [age: 7].\nThe meeting is on 3 March 2025.\n"
                             "[name: Amy] rang [name: Dev].\n")
    findings = {
        "Tom is 7.": [FakeFinding("age", "Tom is", 0, 6)],
        "The meeting is on 3 March 2025.": [FakeFinding("date_of_birth", "3 March 2025", 18, 30)],
        "Amy rang Dev.": [FakeFinding("name", "Amy", 0, 3), FakeFinding("name", "rang", 4, 8)],
    }
    result = score(sentences, lambda text: findings[text])
    assert result.labels == {"name": 3, "age": 1}
    assert result.found == {"name": 2}
    assert (result.findings, result.true_findings, result.flagged_clean) == (4, 2, 1)
    assert result.recall == 0.5 and result.recall_of("name") == 2 / 3 and result.precision == 0.5
    assert result.clean_sentences == 1 and result.clean_flagged_rate == 1.0
    assert [(m.kind, m.text) for m in result.misses] == [("age", "7"), ("name", "Dev")]
    assert [(f.kind, f.text) for f in result.false_alarms] == [("date_of_birth", "3 March 2025"),
                                                              ("name", "rang")]
    assert "name" in result.table() and "line 3" in result.examples()


def test_timing_texts_are_about_2000_words_of_corpus_sentences():
    """The timing texts are made of corpus sentences and reach 2,000 words without running far past."""
    sentences = load_corpus()
    texts = texts_of_words(sentences, 3)
    assert len(texts) == 3 and len(set(texts)) == 3
    longest = max(len(s.text.split()) for s in sentences)
    assert all(2000 <= len(t.split()) < 2000 + longest for t in texts)
