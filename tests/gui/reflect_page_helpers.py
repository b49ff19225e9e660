"""Helpers for driving the Reflect page in GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from reflect.settings import Settings
from reflect.ui.shell.main_window import REFLECT, MainWindow


def open_window(qtbot, journal, settings: Settings | None = None, save_settings=lambda: None) -> MainWindow:
    window = MainWindow(journal, settings or Settings(), save_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts only reach the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.show_page(REFLECT)
    return window


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an item the way a keyboard user does: focus the box and type its first letters."""
    combo.setFocus()
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    while combo.currentIndex() != index:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down if before < index else Qt.Key.Key_Up)
        assert combo.currentIndex() != before, "the combo box did not move"


def stage_edit(window: MainWindow, key: str):
    return window.reflect_page.editor.stages[key].edit
