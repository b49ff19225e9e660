"""The demo journal's reflections have a history, as a practitioner's would after some weeks."""

from __future__ import annotations

from datetime import date

from reflect.services.demo import build_demo


def test_demo_reflections_have_earlier_versions(journal):
    """Most reflections have earlier versions, each between the reflection's first and last save,
    each holding less than it holds now, and the newest first as History lists them."""
    build_demo(journal, 40, today=date(2026, 11, 25))
    entries = [journal.entries.get_entry(row[0]) for row in journal.db.execute("SELECT id FROM entries")]
    with_history = 0
    for entry in entries:
        versions = journal.revisions.list(entry.id)
        with_history += bool(versions)
        now_words = entry.word_count
        for version in versions:
            assert entry.created_at <= version.created_at <= entry.updated_at
            assert sum(len(text.split()) for _, text in version.answers) < now_words
            assert version.title == entry.title and version.model == entry.model
        assert [v.created_at for v in versions] == sorted((v.created_at for v in versions), reverse=True)
    assert with_history >= len(entries) * 0.9


def test_restoring_a_demo_version_brings_back_its_text(journal):
    """An earlier version restores like any other: the reflection holds its text again."""
    build_demo(journal, 5, today=date(2026, 11, 25))
    entry_id = journal.db.execute("SELECT id FROM entries ORDER BY id LIMIT 1").fetchone()[0]
    oldest = journal.revisions.list(entry_id)[-1]
    journal.revisions.restore(oldest.id)
    restored = journal.entries.get_entry(entry_id)
    assert [(a.stage, a.text) for a in restored.answers if a.text] == list(oldest.answers)
