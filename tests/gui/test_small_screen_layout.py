"""On a small screen: the side pane can be put away, the footer folds, long choices do not widen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtWidgets import QApplication

from reflect.settings import Settings
from reflect.ui.reflect_page.reflect_page import SEARCH_TAB
from tests.gui.reflect_page_helpers import open_window

pytestmark = pytest.mark.gui


def _drag_divider_to_the_left_edge(qtbot, view) -> None:
    handle = view.handle(1)
    middle = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, QPoint(middle.x() - handle.x() - 20, middle.y()))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton,
                       pos=QPoint(middle.x() - handle.x() - 20, middle.y()))


def test_dragging_the_divider_to_the_edge_puts_the_side_pane_away(qtbot, journal):
    """Put away, the side pane is hidden (Tab never lands in it); View → Side pane and Find bring it back."""
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    view = window.reflect_page.view
    _drag_divider_to_the_left_edge(qtbot, view)
    assert view.tabs.isHidden()
    assert not window.side_pane_action.isChecked()
    assert "View → Side pane" in window.statusBar().currentMessage()
    editor = window.reflect_page.editor_view
    assert editor.width() > window.width() * 0.9

    editor.title.setFocus()
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert not view.tabs.isAncestorOf(QApplication.focusWidget())

    window.side_pane_action.trigger()
    assert view.tabs.isVisible() and window.side_pane_action.isChecked()
    assert view.tabs.width() >= view.tabs.minimumSizeHint().width()

    window.side_pane_action.trigger()
    assert view.tabs.isHidden()
    window.find_action.trigger()
    assert view.tabs.isVisible() and view.tabs.currentIndex() == SEARCH_TAB


def test_the_side_pane_stays_put_away_after_a_restart(qtbot, journal):
    window = open_window(qtbot, journal)
    view = window.reflect_page.view
    view.setSizes([0, sum(view.sizes())])
    state = bytes(view.saveState().toBase64()).decode()
    window.close()
    again = open_window(qtbot, journal, Settings(splitter_state=state))
    assert again.reflect_page.view.tabs.isHidden()
    assert not again.side_pane_action.isChecked()
    assert QByteArray.fromBase64(state.encode())  # the state itself holds only sizes


def test_the_footer_folds_its_buttons_under_when_narrow(qtbot, journal):
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    view = window.reflect_page.view
    editor = window.reflect_page.editor_view
    editor.saved.setText("Saved 11:25")  # as autosave and the supervision link write them
    editor.in_supervision.setText("In supervision: Sun 6 Dec 2026")
    total = sum(view.sizes())
    view.setSizes([total - 430, 430])
    qtbot.waitUntil(lambda: editor.width() <= 440)
    footer = editor.take_to_supervision.parentWidget()
    assert footer.folded()
    qtbot.wait(20)  # the layout settles
    assert editor.take_to_supervision.y() > editor.words.y() + editor.words.height() // 2
    view.show_side_pane(False)
    qtbot.waitUntil(lambda: not footer.folded())
    qtbot.wait(20)
    assert abs(editor.take_to_supervision.geometry().center().y() - editor.words.geometry().center().y()) <= 4


def test_long_choices_do_not_widen_the_reflection(qtbot, journal):
    """The longest model name and briefing title show ending in "…"; the list shows them whole."""
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    editor = window.reflect_page.editor_view
    model = editor.model
    model.setCurrentIndex(model.count() - 1)
    longest = max(model.fontMetrics().horizontalAdvance(model.itemText(i)) for i in range(model.count()))
    assert model.minimumSizeHint().width() < longest
    assert editor.minimumSizeHint().width() <= 420
    picker = window.reflect_page.briefing_page.picker
    assert picker.minimumSizeHint().width() <= 200
