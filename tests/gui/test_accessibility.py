"""Every control a keyboard can reach has a name a screen reader can speak."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from reflect.ui.briefings.import_briefing_dialog import ImportBriefingDialog
from reflect.ui.reflect_page.history_dialog import HistoryDialog
from reflect.ui.shell.help_dialog import HelpDialog
from reflect.ui.unlock.passphrase_dialog import PassphraseDialog
from tests.gui.reflect_page_helpers import open_window

pytestmark = pytest.mark.gui


def unnamed_focusable(top: QWidget) -> list[str]:
    """Visible widgets that take keyboard focus but have no accessible name."""
    missing = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(top):
            continue
        if not widget.isEnabled():
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not (name or "").strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_main_window_with_an_entry_open(qtbot, journal):
    """The Reflect page (briefing, reflections, search tabs and the editor) names every control."""
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    for tab in range(window.reflect_page.view.tabs.count()):
        window.reflect_page.view.tabs.setCurrentIndex(tab)
        assert unnamed_focusable(window) == []


def test_every_page_with_demo_data(qtbot, journal):
    """Dashboard, Reflect, Sessions and Actions pages name every control, with data in them."""
    from reflect.services.demo import build_demo
    from reflect.ui.shell.main_window import PAGE_NAMES

    build_demo(journal, 40)
    window = open_window(qtbot, journal)
    for page in range(len(PAGE_NAMES)):
        window.show_page(page)
        if page == 2:
            window.sessions_page.show_session(journal.sessions.list_sessions()[0].id)
        assert unnamed_focusable(window) == [], PAGE_NAMES[page]


def test_supervision_dialogs(qtbot, journal):
    """Take to supervision, New action and the reflection picker name their controls."""
    from datetime import datetime, timedelta

    from reflect.domain.supervision import NewSession
    from reflect.store.entry_query import EntryQuery
    from reflect.ui.reflect_page.take_to_supervision_dialog import TakeToSupervisionDialog
    from reflect.ui.sessions.action_dialog import ActionDialog
    from reflect.ui.sessions.entry_picker_dialog import EntryPickerDialog

    session = journal.sessions.create_session(NewSession(datetime.now() + timedelta(days=3)))
    for dialog in (TakeToSupervisionDialog([session], set()), ActionDialog("x", [session]),
                   EntryPickerDialog(EntryQuery(journal.db), journal.briefings)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_focusable(dialog) == [], type(dialog).__name__


def test_lock_screen(qtbot, journal):
    """The lock screen names its controls."""
    window = open_window(qtbot, journal)
    window.lock()
    assert unnamed_focusable(window) == []


@pytest.mark.parametrize("first_run", [True, False])
def test_passphrase_dialog(qtbot, first_run):
    """The first-run and unlock dialogs name their controls."""
    dialog = PassphraseDialog(first_run=first_run, folder="/tmp/x")
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_focusable(dialog) == []


def test_help_history_and_import_dialogs(qtbot, journal):
    """Help, History and Import name their controls."""
    from reflect.domain.journal import AnswerDraft, NewEntry

    entry = journal.entries.create_entry(NewEntry(model="free", title="t"))
    journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "text"))
    journal.revisions.snapshot(entry.id, "closed")
    for dialog in (HelpDialog(), HistoryDialog(journal.revisions.list(entry.id)),
                   ImportBriefingDialog(journal.briefings)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_focusable(dialog) == [], type(dialog).__name__
