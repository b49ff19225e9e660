"""The Edit menu's Undo, Redo, Cut, Copy, Paste and Select All act on the focused text box and
are enabled only when that box can do them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from tests.gui.reflect_page_helpers import open_window, stage_edit

pytestmark = pytest.mark.gui


def enabled(edit) -> set[str]:
    names = ("undo", "redo", "cut", "copy", "paste", "select_all")
    return {name for name in names if getattr(edit, name).isEnabled()}


@pytest.fixture
def window(qtbot, journal):
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    QGuiApplication.clipboard().clear()
    return window


def test_the_menu_lists_the_commands_with_their_standard_shortcuts(window):
    edit_menu = window.menus[1]
    texts = [action.text() for action in edit_menu.actions() if not action.isSeparator()]
    assert texts[:6] == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Select &All"]
    edit = window.edit_actions
    assert edit.copy.shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert edit.select_all.shortcut() == QKeySequence(QKeySequence.StandardKey.SelectAll)


def test_commands_act_on_the_focused_line_and_writing_box(qtbot, window):
    """Select All and Cut in the title, Undo and Redo there, Paste into the writing box."""
    view = window.reflect_page.editor_view
    edit = window.edit_actions
    title = view.title
    title.setFocus()
    title.clear()
    qtbot.keyClicks(title, "Home visit")
    assert enabled(edit) == {"undo", "select_all"}
    edit.select_all.trigger()
    assert title.selectedText() == "Home visit"
    assert enabled(edit) == {"undo", "cut", "copy", "select_all"}
    edit.cut.trigger()
    assert title.text() == "" and QGuiApplication.clipboard().text() == "Home visit"
    assert "paste" in enabled(edit)
    edit.undo.trigger()
    assert title.text() == "Home visit"
    assert "redo" in enabled(edit)
    edit.redo.trigger()
    assert title.text() == ""

    box = stage_edit(window, "reflection")
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    assert enabled(edit) == {"paste"}  # an empty box: nothing to undo, select or copy
    edit.paste.trigger()
    assert box.toPlainText() == "Home visit"
    assert {"undo", "select_all"} <= enabled(edit)
    edit.undo.trigger()
    assert box.toPlainText() == ""


def test_nothing_to_edit_on_a_button_and_nothing_to_copy_from_a_password(qtbot, window):
    edit = window.edit_actions
    QGuiApplication.clipboard().setText("something")
    window.reflect_page.editor_view.history.setFocus()
    qtbot.waitUntil(window.reflect_page.editor_view.history.hasFocus, timeout=2000)
    assert enabled(edit) == set()
    window.lock()  # (which clears what Reflect put on the clipboard)
    QGuiApplication.clipboard().setText("something")
    field = window.lock_screen.passphrase
    field.setFocus()
    qtbot.keyClicks(field, "secret words")
    field.selectAll()
    assert enabled(edit) == {"undo", "paste", "select_all"}
    edit.copy.trigger()
    edit.cut.trigger()
    assert QGuiApplication.clipboard().text() == "something"
    assert field.text() == "secret words"


def test_shortcuts_still_reach_the_box_itself(qtbot, window):
    """The window's shortcuts do not take Ctrl+A, Ctrl+Z from the box: it handles them once."""
    box = stage_edit(window, "reflection")
    box.setFocus()
    qtbot.keyClicks(box, "one")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "two")
    qtbot.keySequence(box, QKeySequence(QKeySequence.StandardKey.SelectAll))
    assert box.textCursor().selectedText() == "one\u2029two"
    qtbot.keySequence(box, QKeySequence(QKeySequence.StandardKey.Copy))
    assert QGuiApplication.clipboard().text() == "one\ntwo"
