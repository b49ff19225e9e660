"""Captions read as written: a mnemonic "&" is never shown literally ("&Who:")."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from reflect.ui.sessions.action_dialog import ActionDialog
from reflect.ui.shell.main_window import ACTIONS, DASHBOARD, REFLECT, SESSIONS
from tests.gui.reflect_page_helpers import open_window

pytestmark = pytest.mark.gui
_MNEMONIC = re.compile(r"&[^&\s]")


def literal_mnemonics(top: QWidget) -> list[str]:
    """Plain-text labels with an "&" mnemonic but no buddy: Qt shows the "&" as it is."""
    return [label.text() for label in top.findChildren(QLabel)
            if label.textFormat() != Qt.TextFormat.RichText and label.buddy() is None
            and _MNEMONIC.search(label.text().replace("&&", ""))]


def test_action_dialog_captions(qtbot):
    """The new-action dialog's "Who:" caption is a working mnemonic, not "&Who:"."""
    dialog = ActionDialog("Read the strategy")
    qtbot.addWidget(dialog)
    assert literal_mnemonics(dialog) == []
    who = next(label for label in dialog.findChildren(QLabel) if "Who" in label.text())
    assert who.buddy() is dialog.owner


def test_every_page_captions(qtbot, journal):
    """No page of the main window shows a caption with a literal "&"."""
    window = open_window(qtbot, journal)
    for page in (DASHBOARD, REFLECT, SESSIONS, ACTIONS):
        window.show_page(page)
    window.sessions_page.new_session()  # the session form too, not only its empty state
    assert literal_mnemonics(window) == []
