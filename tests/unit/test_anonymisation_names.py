"""The name detector's rules: word-names need cues, known non-names stay quiet, mentions agree."""

from __future__ import annotations

import pytest

from reflect.domain.anonymisation import CheckedField, check_fields, check_text
from reflect.domain.anonymisation.lexicon import lexicon


def names(text: str, **kwargs) -> list[str]:
    return [f.text for f in check_text(text, **kwargs) if f.kind == "name"]


def test_the_lists_are_bundled_and_load_once():
    """The ONS given names, census surnames and spelling tiers load, once, from resources/."""
    lex = lexicon()
    assert lex is lexicon()
    assert lex.given["kayla"] > 1000 and lex.given["jack"] > 100_000
    assert lex.surname_rank["smith"] == 1 and "kowalski" in lex.surname_rank
    assert lex.tier("hope") == 0 and lex.tier("kayla") is None


@pytest.mark.parametrize("text, expected", [
    ("Hope said she was hungry.", ["Hope"]),
    ("Hope is what keeps me going.", []),
    ("I asked Will to show me his room.", ["Will"]),
    ("Will you come to the meeting?", []),
    ("Summer's mum did not come.", ["Summer"]),
    ("The Summer holidays were long.", []),
    ("May said she felt safe.", ["May"]),
    ("In May we met again.", []),
])
def test_word_names_need_a_cue(text, expected):
    """A name that is also a common word is a name only with a personal cue."""
    assert names(text) == expected


def test_a_confirmed_name_is_found_at_every_mention():
    """Once 'Grace said' confirms the name, a later 'Grace was' in the same text is found too."""
    text = "Grace said she was cold. Grace was wearing a thin coat. I will ask about Grace's coat."
    assert names(text) == ["Grace", "Grace", "Grace"]


def test_names_listed_with_a_name_are_found():
    """In 'Tom, Faith and Hope', the word-names listed with a name are names too."""
    assert names("I saw Tom, Faith and Hope at the contact centre.") == ["Tom", "Faith", "Hope"]


def test_full_names_are_one_finding():
    """A given name and a surname are one finding; 'the Smiths' and 'the Jones family' are names."""
    assert names("Kayla Smith-Jones was seen with the Hendersons and the Jones family.") == [
        "Kayla Smith-Jones", "Hendersons", "Jones"]


@pytest.mark.parametrize("text", [
    "Child R and Sibling B were seen.", "Mum and Dad came.", "The Team were kind.",
    "Gibbs and Kolb both help.", "Working Together is clear.", "CAMHS and the NSPCC were involved.",
    "Wigan and Leigh are in Greater Manchester.", "Munro (2011) said so.", "Clare's Law applies.",
    "The Lucy Faithfull Foundation helped.", "We met on Monday in April.",
])
def test_known_non_names(text):
    """Pseudonyms, family words, the team, models, law, agencies, places, citations and months."""
    assert names(text) == []


def test_callers_words_are_not_names():
    """The practitioner's own name and a briefing's words, passed as not_names, are never names."""
    text = "Sam asked Arthur how he felt."
    assert names(text) == ["Sam", "Arthur"]
    assert names(text, not_names=["Sam Jones", "The review of Arthur's death"]) == []
    field = CheckedField(1, "what", "answer", text)
    assert [f.text for f in check_fields([field], not_names=["Sam Jones"])] == ["Arthur"]


def test_a_name_on_the_watch_list_is_reported_as_the_watch_term():
    """Where a name and a watch-list term cover the same words, the user's watch term reports it."""
    found = check_text("Kayla said no.", watch_terms=["Kayla"])
    assert [(f.kind, f.text) for f in found] == [("watch_term", "Kayla")]


def test_names_after_titles_and_inside_places_are_left_to_those_detectors():
    """'Mrs Smith' is a title and name; 'St Mary's Primary' a place; neither yields a bare name."""
    found = check_text("Mrs Kayla Smith took Tom to St Mary's Primary.")
    assert [(f.kind, f.text) for f in found] == [
        ("title_name", "Mrs Kayla Smith"), ("name", "Tom"), ("place", "St Mary's Primary")]


@pytest.mark.parametrize("text, expected", [
    ("PC Hughes came.", "PC Hughes"), ("mr khan rang.", "mr khan"),
    ("Nurse Jones weighed him.", "Nurse Jones"),
    ("dr patel referred.", "dr patel"), ("DC Ali took a statement.", "DC Ali"),
])
def test_more_titles(text, expected):
    """Police and nursing titles, and titles typed in small letters, are title-and-name findings."""
    assert [(f.kind, f.text) for f in check_text(text)] == [("title_name", expected)]


@pytest.mark.parametrize("text", ["We went to PC World.", "The Nurse Practitioner saw her.",
                                  "mr and mrs R came."])
def test_titles_before_ordinary_words(text):
    """A police or nursing title before an ordinary word, and 'mr and', are not names."""
    assert check_text(text) == []


def test_small_letter_names_need_a_strong_cue():
    """'kayla said' is a name; 'she said' and 'the team said' are not."""
    assert names("kayla said she was scared. she said the team said no.") == ["kayla"]
