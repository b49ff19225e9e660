"""Locking: nothing of the journal shows, the idle timer locks, the clipboard rule, minimising."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTextEdit, QWidget

from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.settings import Settings
from reflect.ui.shell.clipboard_guard import ClipboardGuard
from reflect.ui.shell.idle_lock import WATCH_AFTER_MS
from reflect.ui.shell.main_window import MainWindow
from tests.gui.reflect_page_helpers import open_window

pytestmark = pytest.mark.gui
MARKER = "Zanzibar-quokka-secret"


def _visible_texts(window: QWidget) -> list[str]:
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
    return texts


def _locked_picture(qtbot, journal, with_secret: bool):
    window = open_window(qtbot, journal)
    if with_secret:
        window.reflect_page.new_reflection()
        qtbot.keyClicks(window.reflect_page.editor.view.title, MARKER)
        qtbot.keyClicks(next(iter(window.reflect_page.editor.stages.values())).edit, MARKER + " in the body")
    window.resize(1000, 700)
    window.lock()
    QApplication.processEvents()
    assert not any(MARKER in text for text in _visible_texts(window))
    picture = window.grab().toImage()
    window.close()
    return picture


def test_locked_window_shows_nothing_of_the_journal(qtbot, tmp_path):
    """The locked window of a journal full of secrets is pixel-identical to that of an empty one."""
    pictures = []
    for name, secret in (("full", True), ("empty", False)):
        with open_journal(AppPaths(tmp_path / name), "a long enough passphrase", create=True) as journal:
            pictures.append(_locked_picture(qtbot, journal, secret))
    assert pictures[0] == pictures[1]


def test_idle_timer_locks_and_input_postpones_it(qtbot, journal):
    """With no input the window locks after the idle period; a key press restarts the wait."""
    window = open_window(qtbot, journal)
    window.idle_lock.set_interval_ms(300)
    qtbot.wait(150)
    qtbot.keyClick(window.reflect_page.briefing_page.picker, Qt.Key.Key_Shift)
    qtbot.wait(200)
    assert not window.locked  # 350 ms since start, but only 200 since the key press
    qtbot.waitUntil(lambda: window.locked, timeout=2000)


def test_idle_lock_watches_input_from_just_after_the_first_paint(qtbot, journal):
    """The application-wide input filter goes in a moment after the window has painted (not in
    the way of the first paint), and out on close."""
    window = MainWindow(journal, Settings(), lambda: None)
    qtbot.addWidget(window)
    assert not window.idle_lock.watching
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    assert not window.idle_lock.watching
    qtbot.waitUntil(lambda: window.idle_lock.watching, timeout=2000)
    window.close()
    assert not window.idle_lock.watching


def test_closing_before_the_idle_lock_watches_leaves_no_filter(qtbot, journal):
    window = MainWindow(journal, Settings(), lambda: None)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    window.close()
    qtbot.wait(2 * WATCH_AFTER_MS)
    assert not window.idle_lock.watching


def test_idle_lock_never(qtbot, journal):
    """Idle minutes of 0 means never lock by timer."""
    window = open_window(qtbot, journal, Settings(idle_lock_minutes=0))
    assert not window.idle_lock.timer.isActive()


def test_lock_on_minimise_when_chosen(qtbot, journal):
    """With 'lock when minimised' on, minimising locks; with it off, it does not."""
    window = open_window(qtbot, journal, Settings(lock_on_minimise=True))
    window.showMinimized()
    qtbot.waitUntil(lambda: window.locked, timeout=2000)


def test_clipboard_cleared_on_lock_only_if_it_came_from_reflect(qtbot, journal):
    """Text copied from Reflect is cleared on lock; text copied elsewhere afterwards is left alone."""
    window = open_window(qtbot, journal)
    clipboard = QGuiApplication.clipboard()
    window.reflect_page.new_reflection()
    title = window.reflect_page.editor.view.title
    qtbot.keyClicks(title, MARKER)
    title.selectAll()
    title.copy()
    assert clipboard.text() == MARKER
    window.lock()
    assert clipboard.text() == ""

    ours = {"value": True}
    guard = ClipboardGuard(clipboard, is_ours=lambda: ours["value"])
    clipboard.setText("from Reflect")
    ours["value"] = False
    clipboard.setText("copied from the case system")  # another program, so not ours
    assert guard.clear_if_ours() is False
    assert clipboard.text() == "copied from the case system"
    clipboard.clear()


def test_lock_screen_passphrase_box_is_a_comfortable_width(qtbot, journal):
    """The lock screen's passphrase box fits a sentence (it was Qt's 125-pixel default)."""
    window = open_window(qtbot, journal)
    window.resize(1000, 700)
    window.lock()
    QApplication.processEvents()
    box = window.lock_screen.passphrase
    assert box.isVisible()
    assert box.width() >= 40 * box.fontMetrics().averageCharWidth()
    assert box.width() >= 2 * window.lock_screen.unlock.width()


def test_the_lock_screen_is_built_at_the_first_lock_and_kept(qtbot, journal, passphrase):
    """A start that never locks builds no lock screen; the first lock builds it, showing at once
    with the passphrase box focused, and every later lock shows the same one."""
    from reflect.ui.shell.lock_screen import LockScreen

    window = open_window(qtbot, journal)
    assert window.findChildren(LockScreen) == []
    window.lock()
    QApplication.processEvents()
    screens = window.findChildren(LockScreen)
    assert len(screens) == 1 and screens[0].isVisible() and window.root.currentWidget() is screens[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screens[0].passphrase, timeout=2000)
    qtbot.keyClicks(screens[0].passphrase, passphrase)
    qtbot.keyClick(screens[0].passphrase, Qt.Key.Key_Return)
    assert not window.locked and window.pages.isVisible() and not screens[0].isVisible()
    window.lock()
    assert window.findChildren(LockScreen) == screens and screens[0].isVisible()
