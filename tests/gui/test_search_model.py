"""The search results model passes Qt's model tester and speaks plain text to screen readers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

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
    assert "Reflection: Hidden men — The father was never home." in texts
    assert all(model.index(r).data(HitRole) is not None for r in range(model.rowCount()))
