"""The window's first run with --passphrase-file holds the passphrase to the first-run dialog's rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reflect.paths import AppPaths
from reflect.services.opening import OpeningJournal, journal_exists
from reflect.services.passphrase import MIN_LENGTH, read_passphrase_file
from reflect.settings import Settings
from reflect.ui.unlock import unlock_flow
from reflect.ui.unlock.passphrase_dialog import ChooseJournalCopy, PassphraseDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(monkeypatch):
    """The messages QMessageBox.critical would show (it would wait for a click offscreen)."""
    messages = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: messages.append(text)))
    return messages


@pytest.mark.parametrize("started_by_app", [False, True])
def test_short_passphrase_file_on_a_new_folder_is_refused(tmp_path, qapp, shown, started_by_app):
    """A one-character passphrase file on a new folder creates no journal: exit 2, with the rule's
    message (whether `unlock` reads the file or the app started opening with it, as run_gui does)."""
    paths = AppPaths(tmp_path / "new")
    paths.ensure()
    secret = tmp_path / "short.txt"
    secret.write_text("x\n", encoding="utf-8")
    settings = Settings()
    opening = (OpeningJournal(paths, read_passphrase_file(secret), create=not journal_exists(paths),
                              settings=settings) if started_by_app else None)
    assert unlock_flow.unlock(paths, settings, str(secret), opening=opening) == 2
    assert len(shown) == 1 and f"at least {MIN_LENGTH} characters" in shown[0]
    assert not journal_exists(paths)


def test_copy_name_is_shown_escaped_in_the_first_run_dialog(qtbot, monkeypatch):
    """Choosing a journal copy whose name holds a newline and an escape shows the name escaped."""
    monkeypatch.setattr(ChooseJournalCopy, "ask",
                        classmethod(lambda cls, parent=None: Path("/tmp/old\n\x1b[31mjournal.reflect")))
    dialog = PassphraseDialog(first_run=True)
    qtbot.addWidget(dialog)
    dialog._choose_copy()
    assert "old\\n\\x1b[31mjournal.reflect" in dialog.intro.text()
    assert "\n" not in dialog.intro.text() and "\x1b" not in dialog.intro.text()
