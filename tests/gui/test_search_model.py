"""The search results model passes Qt's model tester and speaks plain text to screen readers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reflect.domain.day_format import format_day
from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.ui.search.search_model import HitRole, SearchResultsModel

pytestmark = pytest.mark.gui


def test_search_results_model(qtmodeltester, journal):
    """qtmodeltester passes with real hits; each row's text names the kind, title and snippet."""
    entry = journal.entries.create_entry(NewEntry(model="free", title="Hidden men"))
    journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "The father was never home."))
    model = SearchResultsModel()
    model.set_hits(journal.search.search("father"))
    qtmodeltester.check(model)
    assert model.rowCount() >= 2  # the reflection and the Child R briefing
    texts = [model.index(r).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    written = format_day(entry.created_at.astimezone().date())
    assert f"Reflection, {written}: Hidden men — The father was never home." in texts
    assert all(model.index(r).data(HitRole) is not None for r in range(model.rowCount()))


def test_a_found_reflection_opens_with_the_words_marked(qtbot, journal):
    """Search, Enter: the reflection opens with every "chronology" marked and the cursor at the
    first one in the stage that matched; the result showed the day it was written."""
    from reflect.ui.reflect_page.reflect_page import SEARCH_TAB
    from tests.gui.reflect_page_helpers import open_window

    entry = journal.entries.create_entry(NewEntry(model="gibbs", title="A visit"))
    journal.entries.save_answer(AnswerDraft(entry.id, "description", "We went to the house."))
    text = "The Chronology told one story; the chronology of visits another."
    journal.entries.save_answer(AnswerDraft(entry.id, "analysis", text))
    window = open_window(qtbot, journal)
    page = window.reflect_page
    page.focus_search()
    assert page.view.tabs.currentIndex() == SEARCH_TAB
    qtbot.keyClicks(page.search.view.query, "chronology")
    page.search.run()
    first = page.search.model.index(0)
    assert first.data(HitRole).id == entry.id
    assert format_day(entry.created_at.astimezone().date()) in first.data(Qt.ItemDataRole.DisplayRole)
    qtbot.keyClick(page.search.view.query, Qt.Key.Key_Return)
    editor = page.editor
    assert editor.entry_id == entry.id
    edit = editor.stages["analysis"].edit
    marked = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in edit.extraSelections()]
    assert [text[a:b] for a, b in marked] == ["Chronology", "chronology"]
    assert edit.hasFocus() and edit.textCursor().position() == marked[0][0]
    assert editor.stages["description"].edit.extraSelections() == []
    qtbot.keyClicks(edit, "x")  # the marks go once the text is edited
    assert edit.extraSelections() == []
