"""The entry list's queries: each filter alone and combined, the sorts, and the pickers' lists."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from itertools import combinations

import pytest

from reflect.domain.entry_filter import EntryFilter, EntrySort
from reflect.domain.journal import AnswerDraft, EntryStatus, NewEntry
from reflect.domain.supervision import NewSession
from reflect.domain.text_fold import fold
from reflect.services.demo import build_demo
from reflect.store.entry_query import EntryQuery, session_label


def _at(month: int, day: int) -> datetime:
    # Midday UTC, so the local calendar date is the same in every time zone the tests run in.
    return datetime(2026, month, day, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def small(journal):
    """Six hand-made entries with known briefings, questions, tags, statuses, sessions and text."""
    briefing = journal.briefings.get(journal.briefings.list()[0].id)
    q1, q2 = briefing.question_items[:2]
    make = journal.entries.create_entry
    e = {
        "lodz": make(NewEntry(
            title="Escalation in Łódź placement", model="driscoll", briefing_id=briefing.id,
            question_id=q1.id, tags=("CIN", "escalation", "Łódź team"), created_at=_at(1, 5),
            answers=(("what", "We talked about the CIN process"),))).id,
        "sleep": make(NewEntry(
            title="Safe sleep reflection", model="gibbs", briefing_id=briefing.id,
            question_id=q2.id, status=EntryStatus.READY, tags=("safe sleep", "Escalation"),
            created_at=_at(1, 20), answers=(("description", "A night visit"),))).id,
        "untitled": make(NewEntry(
            title="", model="free", tags=("cin", "łÓdŹ TEAM"), created_at=_at(2, 10),
            answers=(("reflection", "Notes on hidden men and professional curiosity"),))).id,
        "apple": make(NewEntry(
            title="apple first", model="free", status=EntryStatus.READY, created_at=_at(3, 1),
            answers=(("reflection", "Nothing to see"),))).id,
        "eclair": make(NewEntry(title="Éclair notes", model="free", created_at=_at(3, 2))).id,
        "zebra": make(NewEntry(title="Zebra crossing", model="free", created_at=_at(3, 3))).id,
    }
    journal.entries.update_entry(e["lodz"], status=EntryStatus.DRAFT)  # now the latest updated
    s1 = journal.sessions.create_session(NewSession(datetime(2026, 11, 10, 10, 0),
                                                    supervisor_role="Practice supervisor"))
    s2 = journal.sessions.create_session(NewSession(datetime(2026, 12, 1, 14, 0),
                                                    supervisor_name="Sam"))
    journal.sessions.create_session(NewSession(datetime(2026, 12, 8, 9, 0)))  # nothing linked
    for entry in ("sleep", "untitled"):
        journal.sessions.link_entry(s1.id, e[entry])
    journal.sessions.link_entry(s2.id, e["lodz"])
    e.update(briefing=briefing.id, q1=q1.id, q2=q2.id, s1=s1.id, s2=s2.id)
    return EntryQuery(journal.db), e


ENTRIES = ("lodz", "sleep", "untitled", "apple", "eclair", "zebra")


def _names(e, ids):
    by_id = {e[k]: k for k in ENTRIES}
    return [by_id[i] for i in ids]


def _ids(query, e, **fields):
    return _names(e, query.ids(EntryFilter(**fields), EntrySort.UPDATED))


def test_no_filter_lists_every_entry_most_recently_updated_first(small):
    """With no filter every entry is listed, the one just updated first, then by date."""
    query, e = small
    assert _ids(query, e) == ["lodz", "zebra", "eclair", "apple", "untitled", "sleep"]
    assert query.count(EntryFilter()) == 6


def test_sorts_newest_and_title(small):
    """Newest first follows created time; title A–Z ignores case and accents; untitled goes last."""
    query, e = small
    assert _names(e, query.ids(EntryFilter(), EntrySort.CREATED)) == [
        "zebra", "eclair", "apple", "untitled", "sleep", "lodz"]
    assert _names(e, query.ids(EntryFilter(), EntrySort.TITLE)) == [
        "apple", "eclair", "lodz", "sleep", "zebra", "untitled"]


@pytest.mark.parametrize(("fields", "expected"), [
    ({"status": EntryStatus.READY}, ["apple", "sleep"]),
    ({"status": EntryStatus.DRAFT}, ["lodz", "zebra", "eclair", "untitled"]),
    ({"tags": frozenset({"escalation"})}, ["lodz", "sleep"]),
    ({"tags": frozenset({"ESCALATION"})}, ["lodz", "sleep"]),
    ({"tags": frozenset({"  safe   SLEEP "})}, ["sleep"]),
    ({"tags": frozenset({"cin", "Escalation"})}, ["lodz"]),
    ({"tags": frozenset({"ŁÓDŹ TEAM"})}, ["lodz", "untitled"]),
    ({"tags": frozenset({"no such tag"})}, []),
    ({"tags": frozenset({"CIN", "no such tag"})}, []),
    ({"created_from": date(2026, 1, 20), "created_to": date(2026, 2, 10)}, ["untitled", "sleep"]),
    ({"created_from": date(2026, 3, 2)}, ["zebra", "eclair"]),
    ({"created_to": date(2026, 1, 5)}, ["lodz"]),
    ({"models": frozenset({"gibbs"})}, ["sleep"]),
    ({"models": frozenset({"free", "driscoll"})}, ["lodz", "zebra", "eclair", "apple", "untitled"]),
    ({"models": frozenset({"swe_cpd"})}, []),
    ({"models": frozenset({"gibbs"}), "created_from": date(2026, 2, 1)}, []),
])
def test_each_filter_alone(small, fields, expected):
    """Status, tags (AND, any case, Unicode case too), created dates and models each narrow the list."""
    query, e = small
    assert _ids(query, e, **fields) == expected
    assert query.count(EntryFilter(**fields)) == len(expected)


def test_briefing_question_and_session_filters(small):
    """Briefing, question and session filters use the ids the entries were linked with."""
    query, e = small
    assert _ids(query, e, briefing_id=e["briefing"]) == ["lodz", "sleep"]
    assert _ids(query, e, briefing_id=e["briefing"], question_id=e["q2"]) == ["sleep"]
    assert _ids(query, e, question_id=e["q1"]) == ["lodz"]
    assert _ids(query, e, session_id=e["s1"]) == ["untitled", "sleep"]
    assert _ids(query, e, session_id=e["s2"]) == ["lodz"]
    assert _ids(query, e, session_id=999) == []


def test_filters_combine(small):
    """Every filter given must hold: briefing, tag, status and text together narrow to one entry."""
    query, e = small
    assert _ids(query, e, briefing_id=e["briefing"], tags=frozenset({"escalation"}),
                status=EntryStatus.DRAFT, text="process") == ["lodz"]
    assert _ids(query, e, session_id=e["s1"], status=EntryStatus.READY) == ["sleep"]
    assert _ids(query, e, session_id=e["s1"], tags=frozenset({"cin"})) == ["untitled"]
    assert _ids(query, e, briefing_id=e["briefing"], status=EntryStatus.READY,
                tags=frozenset({"cin"})) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("lodz", ["lodz", "untitled"]),  # Ł has no Unicode decomposition; found in a title and a tag
    ("ŁÓDŹ", ["lodz", "untitled"]),
    ("lodz placement", ["lodz"]),
    ("process", ["lodz"]),  # an answer
    ("cin", ["lodz", "untitled"]),  # an answer and a tag
    ("escal", ["lodz", "sleep"]),  # the last word matches as a prefix while typing
    ("lodz process", ["lodz"]),  # words may sit in the title and in an answer
    ("curiosity hidden", ["untitled"]),
    ('"CIN process"', ["lodz"]),  # a phrase
    ('"process CIN"', []),
    ("hidden placement", []),  # each word must be in the same entry
    ("sleep night", ["sleep"]),
])
def test_text_filter_finds_words_anywhere_in_the_entry(small, text, expected):
    """Text matches titles, tags and answers, accent-blind, every word somewhere in the entry."""
    query, e = small
    assert _ids(query, e, text=text) == expected


@pytest.mark.parametrize("text", ['"', "(", ")", "*", '"(', "  ", "-", "^", ":"])
def test_text_without_a_searchable_word_does_not_narrow(small, text):
    """Only punctuation (quotes, brackets, operators) searches nothing, so the list is unfiltered."""
    query, e = small
    assert len(query.ids(EntryFilter(text=text))) == 6


@pytest.mark.parametrize("text", ["AND", "OR", "NOT", '"unclosed', "and (", 'x" OR "y', "NEAR",
                                  "title:cin", "cin*", "{", "'", "a AND (b", "🙂", "\x00"])
def test_hostile_text_never_raises(small, text):
    """FTS5 syntax typed by mistake is plain text: no error, and the count agrees with the list."""
    query, e = small
    ids = query.ids(EntryFilter(text=text))
    assert query.count(EntryFilter(text=text)) == len(ids)


def test_operator_words_are_searched_as_words(small):
    """'AND' finds the entry containing the word "and", rather than acting as an operator."""
    query, e = small
    assert _ids(query, e, text="AND") == ["untitled"]


def test_text_filter_follows_edits(small, journal):
    """A word saved into an answer or a new tag is found by the next query."""
    query, e = small
    journal.entries.save_answer(AnswerDraft(e["zebra"], "reflection", "A chronology of neglect"))
    journal.entries.set_tags(e["apple"], ["neglect"])
    assert _ids(query, e, text="neglect") == ["apple", "zebra"]


def test_matches_checks_one_entry(small):
    """`matches` agrees with `ids` for a single entry, including the text filter."""
    query, e = small
    f = EntryFilter(text="lodz process", tags=frozenset({"cin"}))
    assert query.matches(e["lodz"], f)
    assert not query.matches(e["untitled"], f)
    assert query.matches(e["zebra"], EntryFilter())
    assert not query.matches(e["zebra"], EntryFilter(tags=frozenset({"nothing"})))
    assert query.matches(e["sleep"], EntryFilter(models=frozenset({"gibbs", "nmc"})))
    assert not query.matches(e["zebra"], EntryFilter(models=frozenset({"gibbs"})))


def test_summaries_load_rows_with_sorted_tags(small):
    """A page of summaries carries titles, statuses and tags A–Z; unknown ids are left out."""
    query, e = small
    rows = query.summaries([e["sleep"], e["lodz"], 99999])
    assert set(rows) == {e["sleep"], e["lodz"]}
    assert rows[e["lodz"]].tags == ("CIN", "escalation", "Łódź team")
    assert rows[e["sleep"]].status is EntryStatus.READY
    assert rows[e["sleep"]].title == "Safe sleep reflection"
    assert query.summaries([]) == {}


def test_summaries_handle_more_ids_than_one_statement_takes(journal):
    """Loading more rows than SQLite's parameter limit works (ids go in chunks)."""
    ids = [journal.entries.create_entry(NewEntry(title=f"E{i}")).id for i in range(1100)]
    assert len(EntryQuery(journal.db).summaries(ids)) == 1100


def test_tag_counts_merge_case_variants(small):
    """Tags in use with their counts, A–Z; tags differing only in case count as one."""
    query, _ = small
    assert query.tag_counts() == [("CIN", 2), ("escalation", 2), ("Łódź team", 2), ("safe sleep", 1)]


def test_sessions_with_entries_are_labelled_latest_first(small):
    """Only sessions with linked entries are offered, latest first, labelled by date and role."""
    query, e = small
    assert query.sessions_with_entries() == [
        (e["s2"], "Tue 1 Dec 2026, 14:00 — Sam"),
        (e["s1"], "Tue 10 Nov 2026, 10:00 — Practice supervisor"),
    ]
    assert session_label(None, "", "", "peer") == "Undated session — Peer"


# -- a lived-in journal, checked against independent computations ---------------------------------
@pytest.fixture
def demo(journal):
    build_demo(journal, entries=300)
    return journal


def _all_entries(journal):
    entries = journal.entries.list_entries()
    answers: dict[int, list[str]] = {}
    for entry_id, text in journal.db.execute("SELECT entry_id, text FROM answers"):
        answers.setdefault(entry_id, []).append(text)
    return entries, answers


def test_demo_tag_filters_match_python(demo):
    """For every tag and every pair of tags, the query returns exactly the entries having them."""
    query = EntryQuery(demo.db)
    entries, _ = _all_entries(demo)
    counts = query.tag_counts()
    assert sum(c for _, c in counts) == demo.db.execute("SELECT count(*) FROM entry_tags").fetchone()[0]
    for tag, count in counts:
        expected = [s.id for s in entries if tag.casefold() in {t.casefold() for t in s.tags}]
        assert query.ids(EntryFilter(tags=frozenset({tag}))) == expected
        assert count == len(expected)
    for a, b in combinations([t for t, _ in counts], 2):
        wanted = {a.casefold(), b.casefold()}
        expected = [s.id for s in entries if wanted <= {t.casefold() for t in s.tags}]
        assert query.ids(EntryFilter(tags=frozenset({a, b}))) == expected


def test_demo_status_briefing_question_session_counts_match_sql(demo):
    """Counts by status, question and session agree with plain SQL over the same tables."""
    query = EntryQuery(demo.db)
    db = demo.db
    for status in EntryStatus:
        sql = db.execute("SELECT count(*) FROM entries WHERE status = ?", [status.value]).fetchone()[0]
        assert query.count(EntryFilter(status=status)) == sql
    for briefing_id, question_id, n in db.execute(
        "SELECT briefing_id, question_id, count(*) FROM entries WHERE question_id IS NOT NULL "
        "GROUP BY briefing_id, question_id"
    ).fetchall():
        assert len(query.ids(EntryFilter(briefing_id=briefing_id, question_id=question_id))) == n
    sessions = query.sessions_with_entries()
    assert len(sessions) == db.execute(
        "SELECT count(DISTINCT session_id) FROM session_entries").fetchone()[0]
    for session_id, _label in sessions:
        assert sorted(query.ids(EntryFilter(session_id=session_id))) == sorted(
            demo.sessions.linked_entry_ids(session_id))


def test_demo_sorts_match_python(demo):
    """Each sort order equals the same order computed in Python from the entries."""
    query = EntryQuery(demo.db)
    entries, _ = _all_entries(demo)
    assert query.ids(EntryFilter(), EntrySort.UPDATED) == [s.id for s in entries]
    by_created = sorted(entries, key=lambda s: (s.created_at, s.id), reverse=True)
    assert query.ids(EntryFilter(), EntrySort.CREATED) == [s.id for s in by_created]
    by_title = sorted(entries, key=lambda s: (fold(s.title).strip() or "\uffff", s.id))
    assert query.ids(EntryFilter(), EntrySort.TITLE) == [s.id for s in by_title]


@pytest.mark.parametrize("word", ["curiosity", "escalat", "supervision", "lullaby"])
def test_demo_text_filter_matches_python(demo, word):
    """A word finds exactly the entries with a word starting with it in a title, tag or answer."""
    query = EntryQuery(demo.db)
    entries, answers = _all_entries(demo)
    pattern = re.compile(rf"(?<![^\W_]){word}")
    expected = [
        s.id for s in entries
        if pattern.search(fold(" ".join([s.title, *s.tags, *answers.get(s.id, [])])))
    ]
    assert query.ids(EntryFilter(text=word)) == expected


def test_demo_combined_filter_matches_python(demo):
    """Status, briefing and a tag together give the intersection computed in Python."""
    query = EntryQuery(demo.db)
    entries, _ = _all_entries(demo)
    tag = query.tag_counts()[0][0]
    briefing_id = demo.briefings.list()[0].id
    expected = [s.id for s in entries if s.status is EntryStatus.DRAFT
                and s.briefing_id == briefing_id and tag.casefold() in {t.casefold() for t in s.tags}]
    assert expected
    assert query.ids(EntryFilter(status=EntryStatus.DRAFT, briefing_id=briefing_id,
                                 tags=frozenset({tag}))) == expected


def test_demo_model_filter_matches_python(demo):
    """For each model, and for the CPD models within a date range, the query lists exactly those."""
    from reflect.domain.templates import MODELS

    query = EntryQuery(demo.db)
    entries, _ = _all_entries(demo)
    for model in MODELS:
        expected = [s.id for s in entries if s.model == model.key]
        assert query.ids(EntryFilter(models=frozenset({model.key}))) == expected
        assert query.count(EntryFilter(models=frozenset({model.key}))) == len(expected)
    cpd = frozenset(m.key for m in MODELS if m.is_cpd_record)
    days = sorted(s.created_at.astimezone().date() for s in entries)
    start = days[len(days) // 2]
    expected = [s.id for s in entries if s.model in cpd and s.created_at.astimezone().date() >= start]
    assert expected
    assert query.ids(EntryFilter(models=cpd, created_from=start)) == expected
