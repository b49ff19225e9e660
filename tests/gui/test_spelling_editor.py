"""Spelling in a real editor: underlines, the context menu, keyboard access, Add and Ignore."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QTextEdit

from reflect.spelling import SpellChecker
from reflect.spelling.wordlist import load_vocabulary, load_wordlist
from reflect.ui.spelling import SpellingSupport
from reflect.ui.spelling.highlighter import DARK_THEME_RED, LIGHT_THEME_RED

pytestmark = pytest.mark.gui
# The offscreen platform cannot raise a popup or grab the keyboard for it; harmless there.
POPUP = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(scope="module")
def dictionary():
    """The bundled word list and vocabulary, loaded once for the module."""
    return load_wordlist(pause=False), load_vocabulary()


@pytest.fixture
def checker(dictionary):
    """A fresh checker over the loaded list, so personal words do not leak between tests."""
    return SpellChecker(*dictionary)


def make_editor(qtbot, checker, text, cls=QPlainTextEdit):
    editor = cls()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    editor.resize(400, 200)
    editor.show()
    added: list[str] = []
    support = SpellingSupport(editor, lambda: checker, added.append)
    return editor, support, added


def underlines(editor):
    """(start, length) of each spelling underline in the first block."""
    block = editor.document().firstBlock()
    return [(r.start, r.length) for r in block.layout().formats()
            if r.format.underlineStyle() == SPELL]


def point_at(editor, position):
    """A viewport point over the character at document `position`."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center() + QPoint(2, 0)


def texts(menu):
    return [a.text() for a in menu.actions()]


def test_misspelt_word_gets_the_spelling_underline(qtbot, checker):
    """Each misspelling, and only it, carries the red spell-check underline."""
    editor, _support, _ = make_editor(qtbot, checker, "I recieve teh CIN report on behaviour")
    assert underlines(editor) == [(2, 7), (10, 3)]
    ranges = editor.document().firstBlock().layout().formats()
    assert ranges[0].format.underlineColor().name() in (LIGHT_THEME_RED, DARK_THEME_RED)


def test_underlines_follow_typing(qtbot, checker):
    """Correcting a word removes its underline; typing a new misspelling adds one."""
    editor, _support, _ = make_editor(qtbot, checker, "I recieve it")
    cursor = editor.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(9, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "receive")
    assert underlines(editor) == []
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " teh")
    assert underlines(editor) == [(13, 3)]


def test_underlines_are_placed_in_utf16_after_emoji(qtbot, checker):
    """An emoji counts twice in Qt's positions; underlines after it still sit on the word."""
    editor, _support, _ = make_editor(qtbot, checker, "😀 recieve")
    assert underlines(editor) == [(3, 7)]


def test_highlighting_never_changes_the_document(qtbot, checker):
    """Underlining does not modify the text, the undo stack or emit textChanged (no autosave)."""
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("I recieve teh letter")
    editor.document().setModified(False)
    changes = []
    editor.textChanged.connect(lambda: changes.append(1))
    support = SpellingSupport(editor, lambda: checker, lambda word: None)
    support.refresh()
    assert underlines(editor) == [(2, 7), (10, 3)]
    assert changes == [] and not editor.document().isModified()
    assert not editor.document().isUndoAvailable()


def test_menu_offers_suggestions_then_spelling_actions_then_standard_items(qtbot, checker):
    """On a misspelling: suggestions first, Add/Ignore, then Undo, Copy, Paste, Select All."""
    editor, support, _ = make_editor(qtbot, checker, "I recieve it")
    menu = support.build_menu(point_at(editor, 4))
    names = [a.objectName() for a in menu.actions()]
    assert texts(menu)[0] == "receive"
    assert 0 < names.count("spelling-suggestion") <= 8
    for name in ("spelling-add", "spelling-ignore", "edit-undo", "edit-redo", "edit-cut",
                 "edit-copy", "edit-paste", "select-all"):
        assert name in names
    assert names.index("spelling-ignore") < names.index("edit-undo")


def test_choosing_a_suggestion_replaces_the_word_as_one_undo_step(qtbot, checker):
    """The suggestion replaces the clicked word; one Undo brings the misspelling back."""
    editor, support, _ = make_editor(qtbot, checker, "I recieve it")
    menu = support.build_menu(point_at(editor, 4))
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "I receive it"
    assert underlines(editor) == []
    editor.undo()
    assert editor.toPlainText() == "I recieve it"
    assert underlines(editor) == [(2, 7)]


def test_add_to_dictionary_calls_back_and_removes_the_underline(qtbot, checker):
    """"Add to dictionary" hands the word to the caller and the word is no longer flagged."""
    editor, support, added = make_editor(qtbot, checker, "We met at Hindsford and recieve")
    menu = support.build_menu(point_at(editor, 12))
    add = next(a for a in menu.actions() if a.objectName() == "spelling-add")
    assert "dictionary" in add.text()
    add.trigger()
    assert added == ["Hindsford"]
    assert checker.check("Hindsford")
    assert underlines(editor) == [(24, 7)]


def test_ignore_removes_the_underline_without_storing(qtbot, checker):
    """"Ignore" stops flagging the word this session and stores nothing."""
    editor, support, added = make_editor(qtbot, checker, "zorblax and zorblax")
    menu = support.build_menu(point_at(editor, 2))
    next(a for a in menu.actions() if a.objectName() == "spelling-ignore").trigger()
    assert added == [] and underlines(editor) == []


def test_standard_menu_only_away_from_misspellings(qtbot, checker):
    """On a correct word, or with spelling off, the menu is exactly the standard one."""
    editor, support, _ = make_editor(qtbot, checker, "I recieve it")
    standard = texts(editor.createStandardContextMenu())
    assert texts(support.build_menu(point_at(editor, 11))) == standard
    off = SpellingSupport(QPlainTextEdit(), lambda: None, lambda word: None)
    qtbot.addWidget(off.editor)
    off.editor.setPlainText("recieve")
    assert "spelling-add" not in [a.objectName() for a in off.build_menu(None).actions()]


def test_keyboard_menu_uses_the_word_at_the_text_cursor(qtbot, checker):
    """Opened by keyboard, the menu's suggestions are for the word at the caret (e.g. just typed)."""
    editor, support, _ = make_editor(qtbot, checker, "I recieve it")
    cursor = editor.textCursor()
    cursor.setPosition(9)  # right after "recieve"
    editor.setTextCursor(cursor)
    menu = support.build_menu(None)
    assert texts(menu)[0] == "receive"
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "I receive it"


@POPUP
@pytest.mark.parametrize("key, modifier", [
    (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
])
def test_menu_key_and_shift_f10_open_the_spelling_menu(qtbot, checker, key, modifier):
    """The Menu key and Shift+F10 pop up the spelling menu for the word at the caret."""
    editor, support, _ = make_editor(qtbot, checker, "I recieve it")
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(4)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, key, modifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert texts(menu)[0] == "receive"
    assert menu.activeAction() is menu.actions()[0]
    menu.close()


@POPUP
def test_keyboard_context_menu_event_opens_the_spelling_menu(qtbot, checker):
    """A keyboard context-menu event (as Windows sends for Menu/Shift+F10) opens our menu."""
    editor, _support, _ = make_editor(qtbot, checker, "I recieve it")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    editor.setTextCursor(cursor)
    pos = editor.cursorRect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, editor.viewport().mapToGlobal(pos))
    QApplication.sendEvent(editor, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and texts(menu)[0] == "receive"
    menu.close()


@POPUP
def test_mouse_context_menu_event_opens_the_menu_for_the_clicked_word(qtbot, checker):
    """A right-click on a misspelling pops up suggestions for that word, not the caret's."""
    editor, _support, _ = make_editor(qtbot, checker, "I recieve teh")
    pos = point_at(editor, 11)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, editor.viewport().mapToGlobal(pos))
    QApplication.sendEvent(editor.viewport(), event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and texts(menu)[0] == "the"
    menu.close()


def test_works_on_a_rich_text_editor(qtbot, checker):
    """QTextEdit gets the same underlines and replacements as QPlainTextEdit."""
    editor, support, _ = make_editor(qtbot, checker, "I recieve it", cls=QTextEdit)
    assert underlines(editor) == [(2, 7)]
    support.build_menu(point_at(editor, 4)).actions()[0].trigger()
    assert editor.toPlainText() == "I receive it"


def test_detach_removes_underlines_and_menu_additions(qtbot, checker):
    """After detach the editor is a plain editor again."""
    editor, support, _ = make_editor(qtbot, checker, "I recieve it")
    support.detach()
    assert underlines(editor) == []
    assert "receive" not in texts(editor.createStandardContextMenu())
