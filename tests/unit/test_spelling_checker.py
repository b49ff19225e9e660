"""The spelling checker: UK English, the field's vocabulary, personal words, what is skipped."""

from __future__ import annotations

import pytest

from reflect.spelling import SpellChecker


@pytest.fixture(scope="module")
def checker():
    """The bundled dictionary, loaded once for the module (it takes tens of milliseconds)."""
    return SpellChecker.load()


@pytest.mark.parametrize("word", [
    "behaviour", "colour", "organisation", "paediatric", "recognise", "programme", "judgement",
    "learnt", "practise", "licence", "centre", "ageing", "grey", "travelling", "counselling",
    "the", "Behaviour", "COLOUR", "size", "prize", "seize", "citizen", "capsize",
])
def test_accepts_uk_english(checker, word):
    """British spellings are accepted in any case (and words that are -ize everywhere)."""
    assert checker.check(word)


@pytest.mark.parametrize(("word", "ise"), [
    ("organize", "organise"), ("realize", "realise"), ("recognized", "recognised"),
    ("Organization", "Organisation"), ("prioritizing", "prioritising"), ("apologize", "apologise"),
])
def test_oxford_ize_is_marked_by_default_and_accepted_when_chosen(word, ise):
    """GOV.UK style: "organize" is marked with "organise" first; with Oxford spelling chosen,
    both are accepted and -ise is still the first suggestion for a typo."""
    checker = SpellChecker.load()
    assert not checker.check(word) and checker.check(ise)
    assert checker.suggest(word)[0] == ise
    checker.set_oxford(True)
    assert checker.check(word) and checker.check(ise)
    assert checker.misspelled_spans(f"We {word.lower()} it.") == []
    checker.set_oxford(False)
    assert checker.misspelled_spans(f"We {word.lower()} it.") == [(3, 3 + len(word))]


@pytest.mark.parametrize("word", [
    "safeguarding", "supervisee", "Supervisee", "CIN", "CP", "MASH", "LADO", "CSPR", "MARAC",
    "CAMHS", "EHCP", "SENDIASS", "Ofsted", "OFSTED", "multi-agency", "Multi-agency", "Driscoll",
    "Gibbs", "Kolb", "borough", "council", "Wigan", "Tameside", "co-sleeping", "wellbeing",
])
def test_accepts_the_field_vocabulary(checker, word):
    """Safeguarding words, acronyms, model names and places are accepted."""
    assert checker.check(word)


@pytest.mark.parametrize("word", [
    "recieve", "teh", "definately", "seperate", "tommorow", "color", "behavior", "center",
    "wigan", "ofsted", "safegaurding",
])
def test_flags_misspellings_us_spellings_and_lowercase_names(checker, word):
    """Misspellings, US spellings and proper nouns written in lowercase are flagged."""
    assert not checker.check(word)


@pytest.mark.parametrize("word", [
    "don't", "don’t", "children's", "children’s", "parents'", "Wigan's", "CIN's", "o'clock",
])
def test_apostrophes_straight_and_curly(checker, word):
    """Contractions and possessives are accepted with a straight or a curly apostrophe."""
    assert checker.check(word)


def test_unaccented_forms_of_accented_words(checker):
    """"cafe" and "café" are both right: people often cannot type the accent."""
    assert checker.check("cafe") and checker.check("café") and checker.check("naive")


@pytest.mark.parametrize("word, first", [
    ("recieve", "receive"), ("teh", "the"), ("definately", "definitely"),
    ("seperate", "separate"), ("tommorow", "tomorrow"), ("dissapointed", "disappointed"),
    ("color", "colour"), ("behavior", "behaviour"), ("accomodation", "accommodation"),
    ("safegaurding", "safeguarding"), ("childrens", "children's"), ("dont", "don't"),
    ("alot", "a lot"), ("wigan", "Wigan"), ("supervisie", "supervisee"),
])
def test_best_suggestion_comes_first(checker, word, first):
    """The likeliest intended word is the first suggestion."""
    assert checker.suggest(word)[0] == first


def test_suggestions_are_limited_and_keep_the_typed_case(checker):
    """At most `limit` suggestions, capitalised or in capitals like the typed word."""
    assert len(checker.suggest("thier", limit=8)) <= 8
    assert len(checker.suggest("thier", limit=3)) == 3
    assert checker.suggest("Recieve")[0] == "Receive"
    assert checker.suggest("RECIEVE")[0] == "RECEIVE"
    assert "recieve" not in checker.suggest("recieve")


def test_suggest_survives_odd_input(checker):
    """Empty, one-letter, very long and non-Latin words give a list, never an error."""
    assert checker.suggest("") == []
    assert isinstance(checker.suggest("q"), list)
    assert isinstance(checker.suggest("x" * 60), list)
    assert isinstance(checker.suggest("Łódź"), list)
    assert checker.suggest("recieve", limit=0) == []


def test_personal_words_are_accepted_after_adding():
    """add_personal accepts a word from then on; set_personal replaces the whole list."""
    checker = SpellChecker.load()
    assert not checker.check("Hindsford")
    checker.add_personal("Hindsford")
    assert checker.check("Hindsford") and checker.check("HINDSFORD") and checker.check("Hindsford's")
    assert not checker.check("hindsford")  # added with a capital: a name, so lowercase is wrong
    assert "Hindsford" in checker.suggest("Hindsfrod")
    checker.set_personal(["kinshipcare"])
    assert not checker.check("Hindsford")
    assert checker.check("kinshipcare") and checker.check("Kinshipcare")
    assert checker.personal_words == frozenset({"kinshipcare"})


def test_personal_words_change_cached_verdicts():
    """A word flagged in a text is no longer flagged once added (the cache is cleared)."""
    checker = SpellChecker.load()
    assert checker.misspelled_spans("We met Hindsford") == [(7, 16)]
    checker.add_personal("Hindsford")
    assert checker.misspelled_spans("We met Hindsford") == []


def test_ignore_accepts_for_the_session_without_adding():
    """ignore() accepts the word but does not make it a personal word."""
    checker = SpellChecker.load()
    checker.ignore("zorblax")
    assert checker.check("zorblax")
    assert checker.personal_words == frozenset()


def _words(text, spans):
    return [text[a:b] for a, b in spans]


def test_spans_of_misspellings_in_text(checker):
    """misspelled_spans gives the exact positions of each misspelt word."""
    text = "I did not recieve teh report. Definately!"
    assert _words(text, checker.misspelled_spans(text)) == ["recieve", "teh", "Definately"]


def test_spans_skip_numbers_codes_acronyms_and_addresses(checker):
    """Numbers, words with digits, acronyms, URLs, e-mails, paths and file names are not flagged."""
    text = (
        "On 12/03/2024 the 4x4x4 model, s47 and Y6 came up with CIN, MASH, XQZT and GPs; "
        "see https://www.wiganlscp.org.uk/recieve?x=1 or www.examplq.com, mail jo.bloggs@wigan.gov.uk, "
        r"open C:\Users\jbloggs\notez.docx or reportz.pdf, item (iii) and (iv)."
    )
    assert checker.misspelled_spans(text) == []


def test_hyphenated_compounds_check_each_part(checker):
    """Each part of a hyphenated word is checked; only the wrong part is reported."""
    text = "multi-agency and multi-agensy and co-ordinated and non-recieved and well-being"
    assert _words(text, checker.misspelled_spans(text)) == ["agensy", "recieved"]


def test_spans_in_non_ascii_text(checker):
    """Accented names neither crash the checker nor shift the positions of later words."""
    text = "Wizyta w Łódź — recieve 😀 teh"
    words = _words(text, checker.misspelled_spans(text))
    assert words[-2:] == ["recieve", "teh"]


def test_child_r_briefing_has_no_false_alarms(checker):
    """The bundled Child R briefing, real UK safeguarding prose, has nothing flagged."""
    from reflect.briefings.library import BUNDLED_DIR

    text = (BUNDLED_DIR / "child-r-7-minute-briefing.txt").read_text(encoding="utf-8")
    assert _words(text, checker.misspelled_spans(text)) == []
