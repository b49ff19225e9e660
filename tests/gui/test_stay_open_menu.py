"""Tag menus stay open while several tags are ticked (a plain QMenu closes on every click)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction

from reflect.ui.common.stay_open_menu import StayOpenMenu
from tests.gui.reflect_page_helpers import open_window

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


def _menu(qtbot):
    menu = StayOpenMenu()
    qtbot.addWidget(menu)
    checkable = []
    for text in ("Drift", "Professional curiosity", "Voice of the child"):
        action = QAction(text, menu)
        action.setCheckable(True)
        menu.addAction(action)
        checkable.append(action)
    plain = menu.addAction("Clear all")
    menu.popup(QPoint(10, 10))
    qtbot.waitExposed(menu)
    return menu, checkable, plain


def _click(qtbot, menu, action):
    centre = menu.actionGeometry(action).center()
    qtbot.mouseMove(menu, centre)
    qtbot.mouseClick(menu, LEFT, pos=centre)


def test_clicks_tick_several_and_the_menu_stays_open(qtbot):
    menu, (drift, curiosity, voice), _plain = _menu(qtbot)
    _click(qtbot, menu, drift)
    _click(qtbot, menu, curiosity)
    assert menu.isVisible()
    assert [a.isChecked() for a in (drift, curiosity, voice)] == [True, True, False]
    _click(qtbot, menu, drift)
    assert menu.isVisible() and not drift.isChecked()


def test_space_ticks_and_stays_return_ticks_and_closes(qtbot):
    menu, (drift, curiosity, voice), _plain = _menu(qtbot)
    menu.setActiveAction(voice)
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    assert voice.isChecked() and menu.isVisible()
    menu.setActiveAction(drift)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert drift.isChecked()
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)


def test_an_ordinary_action_still_closes_the_menu(qtbot):
    menu, _checkable, plain = _menu(qtbot)
    triggered = []
    plain.triggered.connect(lambda: triggered.append(True))
    _click(qtbot, menu, plain)
    assert triggered == [True]
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)


def test_the_editors_learning_points_menu_keeps_open(qtbot, journal):
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    menu = window.reflect_page.editor.view.learning_menu
    assert isinstance(menu, StayOpenMenu) and len(menu.actions()) >= 2
    menu.popup(QPoint(10, 10))
    qtbot.waitExposed(menu)
    first, second = menu.actions()[:2]
    _click(qtbot, menu, first)
    _click(qtbot, menu, second)
    assert menu.isVisible() and first.isChecked() and second.isChecked()
    menu.hide()
    tag_menus = window.reflect_page.editor.tag_menus
    qtbot.waitUntil(lambda: set(tag_menus.checked()) >= {first.data(), second.data()}, timeout=2000)
