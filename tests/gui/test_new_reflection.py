"""A new reflection is kept only once something is written or chosen in it: "Reflect on this"
left untouched leaves nothing behind, in the journal, the list or the question's count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.ui.briefings.briefing_view import QuestionCard
from tests.gui.reflect_page_helpers import open_window, stage_edit

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window on a new journal, with its bundled briefing (Child R) shown."""
    journal = open_journal(AppPaths(tmp_path / "journal"), "a long enough passphrase", create=True)
    yield open_window(qtbot, journal)
    journal.close()


def _card(window, number: int) -> QuestionCard:
    return window.reflect_page.briefing_page.reader.widget().findChildren(QuestionCard)[number - 1]


def _entries(window) -> int:
    return window.journal.db.execute("SELECT count(*) FROM entries").fetchone()[0]


def test_reflect_on_this_left_untouched_is_not_kept(qtbot, window):
    """Opening a reflection on a question and leaving it saves nothing, lists and counts nothing."""
    card = _card(window, 2)
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    editor = window.reflect_page.editor
    assert editor.entry is not None and editor.view.title.text()  # the editor is ready to write in
    assert editor.entry_id is None
    qtbot.mouseClick(_card(window, 3).button, Qt.MouseButton.LeftButton)  # another question instead
    window.reflect_page.new_reflection()
    window.reflect_page.close()
    assert _entries(window) == 0
    assert window.reflect_page.entry_list.model.rowCount() == 0
    assert card.count_label.text() == "No reflections yet"


def test_the_first_words_keep_it(qtbot, window):
    """The first words typed save the reflection: it is listed, counted and keeps its question."""
    card = _card(window, 2)
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    editor = window.reflect_page.editor
    first = next(iter(editor.stages))
    with qtbot.waitSignal(editor.entry_saved, timeout=3000):
        qtbot.keyClicks(stage_edit(window, first), "A home visit where nobody asked.")
    assert _entries(window) == 1 and editor.entry_id is not None
    stored = window.journal.entries.get_entry(editor.entry_id)
    assert stored.question_id == card.item.id and stored.answer(first) == "A home visit where nobody asked."
    assert card.count_label.text() == "1 reflection"
    assert window.reflect_page.entry_list.model.entry_ids() == [editor.entry_id]


def test_choosing_a_model_or_a_tag_keeps_it_too(qtbot, window):
    """A choice made in a new reflection (its model) is kept, with the reflection."""
    window.reflect_page.new_reflection()
    editor = window.reflect_page.editor
    model = editor.view.model
    model.setFocus()
    qtbot.keyClick(model, Qt.Key.Key_Down)
    assert _entries(window) == 1
    assert window.journal.entries.get_entry(editor.entry_id).model == model.currentData()
