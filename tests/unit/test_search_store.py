"""Full-text search through the store: folding, quoting and snippets."""

from __future__ import annotations

import pytest

from reflect.domain.briefing import Briefing, Section, SectionKind
from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.store.journal import Journal

PASS = "a long enough passphrase"


@pytest.fixture
def store(tmp_path):
    with Journal.open(tmp_path / "j.db", PASS, create=True) as journal:
        yield journal


def _entry(store, text, title="", tags=()):
    entry = store.entries.create_entry(NewEntry(model="free", title=title, tags=tags))
    store.entries.save_answer(AnswerDraft(entry.id, "reflection", text))
    return entry.id


def test_finds_saved_text_with_snippet(store):
    """A saved answer is found by a word in it; the snippet highlights that word as written."""
    entry_id = _entry(store, "We met the family in Łódź and talked about Safe Sleep.")
    hits = store.search.search("sleep")
    assert [(h.kind, h.id) for h in hits] == [("entry", entry_id)]
    assert hits[0].snippet.marked() == "We met the family in Łódź and talked about Safe [Sleep]."


@pytest.mark.parametrize("query", ["Lodz", "łódź", "LODZ", "lódz"])
def test_accents_fold_including_polish_l(store, query):
    """'Lodz' finds 'Łódź' (ł has no Unicode decomposition, so SQLite alone would miss it)."""
    entry_id = _entry(store, "A placement in Łódź")
    assert [h.id for h in store.search.search(query)] == [entry_id]


@pytest.mark.parametrize("query", ['"', "AND", "(", "a OR", "NEAR(", "*", "col:x", "'", "-", '""'])
def test_hostile_input_never_raises(store, query):
    """FTS syntax typed by mistake is searched as text, never raising."""
    _entry(store, "AND then a (bracketed) remark")
    store.search.search(query)


def test_operator_words_are_plain_words(store):
    """Typing AND finds the word 'and', not a syntax error."""
    entry_id = _entry(store, "this AND that")
    assert [h.id for h in store.search.search("AND")] == [entry_id]


def test_phrase_in_quotes(store):
    """Double quotes search for the words next to each other."""
    together = _entry(store, "safe sleep assessment")
    _entry(store, "sleep was not safe")
    assert [h.id for h in store.search.search('"safe sleep"')] == [together]


def test_titles_and_tags_are_searched(store):
    """An entry is found by its title and by its tags; the snippet shows the start of its text."""
    entry_id = _entry(store, "body text", title="Hidden men", tags=("escalation",))
    by_title = store.search.search("hidden")
    assert [(h.id, h.where, h.snippet.text) for h in by_title] == [(entry_id, "title", "body text")]
    by_tag = store.search.search("escalation")
    assert [(h.id, h.where) for h in by_tag] == [(entry_id, "tags")]


def test_briefings_are_searched(store):
    """Briefing text is found, with the section it is in."""
    briefing_id = store.briefings.add(Briefing(
        "Child Q", "P", "Child Q",
        (Section(SectionKind.BACKGROUND, "Background", "A hidden father in Kraków."),), (), (), ()))
    hits = store.search.search("krakow", kinds=("briefing",))
    assert [(h.kind, h.id, h.where) for h in hits] == [("briefing", briefing_id, "Background")]
    assert "[Kraków]" in hits[0].snippet.marked()
