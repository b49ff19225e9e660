"""The app-wide spelling service: background loading, the setting, personal words, failures."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from reflect.spelling import SpellChecker
from reflect.spelling.wordlist import load_vocabulary, load_wordlist
from reflect.ui.spelling import SpellingService

pytestmark = pytest.mark.gui

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(scope="module")
def dictionary():
    """The bundled word list and vocabulary, loaded once for the module."""
    return load_wordlist(pause=False), load_vocabulary()


@pytest.fixture
def loads(dictionary):
    """A loader like SpellChecker.load but instant; records the personal words and thread."""
    calls = []

    def loader(personal):
        calls.append((list(personal), threading.current_thread() is threading.main_thread()))
        return SpellChecker(*dictionary, personal)

    loader.calls = calls
    return loader


def editor_with(qtbot, text):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    editor.resize(400, 200)
    editor.show()
    return editor


def underlined(editor):
    ranges = editor.document().firstBlock().layout().formats()
    text = editor.document().firstBlock().text()
    return [text[r.start:r.start + r.length] for r in ranges if r.format.underlineStyle() == SPELL]


def menu_action(support, editor, position, name):
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    menu = support.build_menu(editor.cursorRect(cursor).center() + QPoint(2, 0))
    return next(a for a in menu.actions() if a.objectName() == name)


def test_editor_works_before_loading_and_is_checked_when_ready(qtbot, dictionary):
    """Editors attach at once as plain editors; underlines appear when the dictionary arrives."""
    gate = threading.Event()

    def slow_loader(personal):
        gate.wait(5)
        return SpellChecker(*dictionary, personal)

    service = SpellingService([], loader=slow_loader)
    editor = editor_with(qtbot, "I recieve it")
    support = service.attach(editor)
    assert service.is_loading() and not service.is_ready()
    qtbot.keyClicks(editor, "teh ")
    assert underlined(editor) == []
    assert "spelling-add" not in [a.objectName() for a in support.build_menu(None).actions()]
    with qtbot.waitSignal(service.ready, timeout=5000):
        gate.set()
    assert underlined(editor) == ["teh", "recieve"]


def test_loading_runs_off_the_ui_thread_with_the_personal_words(qtbot, loads):
    """The loader runs on a worker thread and is given the journal's personal words."""
    service = SpellingService(["Hindsford"], loader=loads)
    editor = editor_with(qtbot, "Hindsford recieve")
    with qtbot.waitSignal(service.ready, timeout=5000):
        service.attach(editor)
    assert loads.calls == [(["Hindsford"], False)]
    assert underlined(editor) == ["recieve"]


def test_real_dictionary_loads_in_the_background(qtbot):
    """With the default loader the bundled dictionary loads and checks attached editors."""
    service = SpellingService()
    editor = editor_with(qtbot, "The supervisee did not recieve it")
    with qtbot.waitSignal(service.ready, timeout=10000):
        service.attach(editor)
    assert underlined(editor) == ["recieve"]


def test_turning_spelling_off_and_on(qtbot, loads):
    """Off removes the underlines and frees the checker; on loads it again and re-checks."""
    service = SpellingService(loader=loads)
    editor = editor_with(qtbot, "I recieve it")
    with qtbot.waitSignal(service.ready, timeout=5000):
        service.attach(editor)
    service.set_enabled(False)
    assert underlined(editor) == [] and service.checker is None and not service.is_enabled()
    with qtbot.waitSignal(service.ready, timeout=5000):
        service.set_enabled(True)
    assert underlined(editor) == ["recieve"] and len(loads.calls) == 2


def test_disabled_service_does_not_load(qtbot, loads):
    """With the setting off nothing is loaded and the editor stays plain."""
    service = SpellingService(loader=loads, enabled=False)
    editor = editor_with(qtbot, "I recieve it")
    service.attach(editor)
    assert not service.is_loading() and loads.calls == [] and underlined(editor) == []


def test_added_word_is_stored_and_unflagged_in_every_editor(qtbot, loads):
    """Add to dictionary stores the word through the callback and re-checks all editors."""
    stored = []
    service = SpellingService(add_word=stored.append, loader=loads)
    first, second = editor_with(qtbot, "Hindsford team"), editor_with(qtbot, "at Hindsford")
    with qtbot.waitSignal(service.ready, timeout=5000):
        support = service.attach(first)
    service.attach(second)
    assert underlined(second) == ["Hindsford"]
    menu_action(support, first, 2, "spelling-add").trigger()
    assert stored == ["Hindsford"]
    assert underlined(first) == [] and underlined(second) == []


def test_ignored_word_is_unflagged_everywhere_but_not_stored(qtbot, loads):
    """Ignore applies to every attached editor this session and stores nothing."""
    stored = []
    service = SpellingService(add_word=stored.append, loader=loads)
    first, second = editor_with(qtbot, "zorblax"), editor_with(qtbot, "zorblax too")
    with qtbot.waitSignal(service.ready, timeout=5000):
        support = service.attach(first)
    service.attach(second)
    menu_action(support, first, 2, "spelling-ignore").trigger()
    assert stored == [] and underlined(second) == []


def test_storing_a_word_can_fail_without_losing_it_or_logging_it(qtbot, loads, caplog):
    """If the journal cannot store the word it still counts this session; the log omits it."""
    def broken_store(word):
        raise OSError("disk full")

    service = SpellingService(add_word=broken_store, loader=loads)
    editor = editor_with(qtbot, "Hindsford")
    with qtbot.waitSignal(service.ready, timeout=5000):
        support = service.attach(editor)
    with caplog.at_level(logging.ERROR):
        menu_action(support, editor, 2, "spelling-add").trigger()
    assert underlined(editor) == []
    assert caplog.records and all("Hindsford" not in r.getMessage() for r in caplog.records)


def test_set_personal_words_replaces_the_list(qtbot, loads):
    """set_personal_words (e.g. after restoring a backup) re-checks with the new words."""
    service = SpellingService(["Hindsford"], loader=loads)
    editor = editor_with(qtbot, "Hindsford Tamworthy")
    with qtbot.waitSignal(service.ready, timeout=5000):
        service.attach(editor)
    service.set_personal_words(["Tamworthy"])
    assert underlined(editor) == ["Hindsford"]


def test_load_failure_is_reported_and_editors_stay_plain(qtbot):
    """A dictionary that cannot be loaded gives a plain message; typing carries on unchecked."""
    def broken(personal):
        raise OSError("missing file")

    service = SpellingService(loader=broken)
    editor = editor_with(qtbot, "I recieve it")
    with qtbot.waitSignal(service.load_failed, timeout=5000) as blocker:
        service.attach(editor)
    assert "Spelling is not available" in blocker.args[0]
    assert underlined(editor) == [] and service.checker is None


def test_detach_leaves_a_plain_editor(qtbot, loads):
    """detach() removes spelling from one editor only."""
    service = SpellingService(loader=loads)
    first, second = editor_with(qtbot, "recieve"), editor_with(qtbot, "recieve")
    with qtbot.waitSignal(service.ready, timeout=5000):
        service.attach(first)
    service.attach(second)
    service.detach(first)
    assert underlined(first) == [] and underlined(second) == ["recieve"]


def test_oxford_spelling_follows_the_setting(qtbot, loads):
    """-ize is underlined by default (GOV.UK -ise); choosing Oxford spelling clears it at once."""
    service = SpellingService([], loader=loads)
    editor = editor_with(qtbot, "We organize and organise")
    with qtbot.waitSignal(service.ready, timeout=5000):
        service.attach(editor)
    assert underlined(editor) == ["organize"]
    service.set_oxford(True)
    assert underlined(editor) == []
    service.set_oxford(False)
    assert underlined(editor) == ["organize"]
