"""The reflection journey through real widgets: briefing, reflection, models, tags, restart, search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.ui.briefings.briefing_view import QuestionCard
from reflect.ui.reflect_page.history_dialog import HistoryDialog
from tests.gui.reflect_page_helpers import choose, open_window, stage_edit

pytestmark = pytest.mark.gui
PASS = "a long enough passphrase"


@pytest.fixture
def journal_paths(tmp_path):
    return AppPaths(tmp_path / "journal")


def _reflect_on_question(qtbot, window, number: int):
    cards = window.reflect_page.briefing_page.reader.widget().findChildren(QuestionCard)
    qtbot.mouseClick(cards[number - 1].button, Qt.MouseButton.LeftButton)
    return cards[number - 1]


def test_reflect_switch_models_tag_restart_and_find(qtbot, journal_paths):
    """Reflect on Child R's third question with Gibbs, switch model and back, tag, restart, find it."""
    journal = open_journal(journal_paths, PASS, create=True)
    window = open_window(qtbot, journal)
    card = _reflect_on_question(qtbot, window, 3)
    editor = window.reflect_page.editor
    assert editor.entry is not None
    assert editor.view.question.currentIndex() == 3
    assert editor.view.title.text().startswith("How are you encouraged")

    choose(qtbot, editor.view.model, "Gibbs")
    assert list(editor.stages) == ["description", "feelings", "evaluation", "analysis",
                                   "conclusion", "action_plan"]
    with qtbot.waitSignal(editor.entry_saved, timeout=3000):
        qtbot.keyClicks(stage_edit(window, "description"), "A home visit where nobody asked.")
        qtbot.keyClicks(stage_edit(window, "feelings"), "Uneasy, and rushed.")
    assert card.count_label.text() == "1 reflection"
    qtbot.mouseClick(card.count_label, Qt.MouseButton.LeftButton)
    assert window.reflect_page.view.tabs.currentIndex() == 1
    assert window.reflect_page.entry_list.entry_filter.question_id == card.item.id
    assert window.reflect_page.entry_list.model.entry_ids() == [editor.entry.id]

    choose(qtbot, editor.view.model, "Driscoll")
    orphans = [w for w in editor.stages.values() if w.orphan]
    assert {w.key for w in orphans} == {"description", "feelings"}
    assert stage_edit(window, "feelings").toPlainText() == "Uneasy, and rushed."
    choose(qtbot, editor.view.model, "Gibbs")
    assert not any(w.orphan for w in editor.stages.values())
    assert stage_edit(window, "description").toPlainText() == "A home visit where nobody asked."

    editor.view.tags.setFocus()
    qtbot.keyClicks(editor.view.tags, "curiosity, home visits")
    qtbot.keyClick(editor.view.tags, Qt.Key.Key_Return)
    learning = editor.view.learning_menu.actions()
    learning[2].trigger()
    entry_id = editor.entry.id
    stored = journal.entries.get_entry(entry_id)
    assert set(stored.tags) == {"curiosity", "home visits", learning[2].data()}

    qtbot.keyClicks(stage_edit(window, "analysis"), "Typed just before closing")
    window.close()  # no wait for the debounce: closing must save
    journal.close()

    journal = open_journal(journal_paths, PASS)
    try:
        window = open_window(qtbot, journal)
        window.reflect_page.focus_search()
        qtbot.keyClicks(window.reflect_page.search.view.query, "nobody asked")
        qtbot.keyClick(window.reflect_page.search.view.query, Qt.Key.Key_Return)
        assert window.reflect_page.editor.entry.id == entry_id
        assert stage_edit(window, "analysis").toPlainText() == "Typed just before closing"
        assert window.reflect_page.editor.entry.model == "gibbs"
        window.close()
    finally:
        journal.close()


@pytest.mark.parametrize("hostile", ['"', "AND", "(", '"(AND OR*', "NEAR(a b)", "-x", "col:val"])
def test_search_with_hostile_input(qtbot, journal, hostile):
    """Typing FTS syntax into the search box shows results or 'nothing found', never an error."""
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    qtbot.keyClicks(window.reflect_page.editor.view.title, "AND (brackets) and quotes")
    window.reflect_page.flush()
    window.reflect_page.focus_search()
    qtbot.keyClicks(window.reflect_page.search.view.query, hostile)
    window.reflect_page.search.run()
    assert window.reflect_page.search.view.summary.text() != ""


def test_restore_a_revision_from_history(qtbot, journal, monkeypatch):
    """History lists earlier versions; restoring one brings its text back into the editor."""
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    edit = next(iter(window.reflect_page.editor.stages.values())).edit
    qtbot.keyClicks(edit, "First thoughts")
    window.reflect_page.editor.flush()  # a new reflection is saved with its first words
    entry_id = window.reflect_page.editor.entry_id
    window.reflect_page.editor.close_entry()  # leaving an entry keeps a version
    window.reflect_page.open_entry(entry_id)
    edit = next(iter(window.reflect_page.editor.stages.values())).edit
    edit.selectAll()
    qtbot.keyClicks(edit, "Second thoughts")

    def pick_oldest(revisions, parent=None):
        dialog = HistoryDialog(revisions, parent)
        qtbot.addWidget(dialog)
        assert dialog.list.count() == len(revisions) >= 1
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        assert "First thoughts" in dialog.preview.toPlainText()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return dialog.chosen_id()

    monkeypatch.setattr(HistoryDialog, "ask", pick_oldest)
    qtbot.mouseClick(window.reflect_page.editor.view.history, Qt.MouseButton.LeftButton)
    assert next(iter(window.reflect_page.editor.stages.values())).text() == "First thoughts"
    reasons = [r.reason for r in journal.revisions.list(entry_id)]
    assert reasons[0] == "before restore"
    assert "Second thoughts" in dict(journal.revisions.list(entry_id)[0].answers).values()


def test_new_reflection_shortcut_focuses_first_field(qtbot, journal):
    """Ctrl+N starts a reflection with the keyboard focus in its first text field (the title)."""
    window = open_window(qtbot, journal)
    page = window.reflect_page
    qtbot.keyClick(page.briefing_page.picker, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.entry is not None
    assert page.editor.view.title.hasFocus() or window.focusWidget() is page.editor.view.title


def test_lock_hides_the_journal(qtbot, journal):
    """Ctrl+L shows only the lock screen; a wrong passphrase is refused, the right one returns."""
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    qtbot.keyClicks(window.reflect_page.editor.view.title, "Secret title")
    window.lock()
    assert window.windowTitle() == "Reflect — locked"
    assert not window.reflect_page.view.isVisible() and window.lock_screen.isVisible()
    assert journal.entries.get_entry(window.reflect_page.editor.entry.id).title == "Secret title"  # flushed
    visible_buttons = [b.text() for b in window.findChildren(QPushButton) if b.isVisible()]
    assert visible_buttons == ["&Unlock"]
    qtbot.keyClicks(window.lock_screen.passphrase, "wrong passphrase")
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    assert window.locked and "does not open" in window.lock_screen.problem.text()
    qtbot.keyClicks(window.lock_screen.passphrase, "correct horse battery staple")
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    assert not window.locked and window.reflect_page.view.isVisible()


def test_spelling_underlines_in_the_editor(qtbot, journal):
    """A misspelling typed into a stage gets the spelling underline once the dictionary loads."""
    from PySide6.QtGui import QTextCharFormat

    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    edit = next(iter(window.reflect_page.editor.stages.values())).edit
    qtbot.keyClicks(edit, "I will recieve the behaviour plan")
    qtbot.waitUntil(window.spelling.is_ready, timeout=10000)

    def underlined_words():
        block = edit.document().firstBlock()
        text = block.text()
        return [text[f.start:f.start + f.length] for f in block.layout().formats()
                if f.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline]

    qtbot.waitUntil(lambda: underlined_words() == ["recieve"], timeout=5000)
