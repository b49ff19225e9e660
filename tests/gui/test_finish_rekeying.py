"""After a passphrase change interrupted before its backups were re-keyed (issue 15, point 7): the
next unlock offers to finish the job or keep the backups; the Backups window says which key each needs.

The interruption itself (a real SIGKILL) is in tests/reliability/test_kill_while_rekeying.py; here
the journal is left as that kill leaves it by running only the change's first step, `rekey`.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.settings import Settings
from reflect.store import backups
from reflect.store.connection import passphrase_opens
from reflect.ui.care.backups_dialog import BackupsDialog
from reflect.ui.care.finish_rekeying_dialog import FinishRekeying
from reflect.ui.shell.window_session import WindowSession
from tests.gui.test_accessibility import unnamed_focusable

pytestmark = pytest.mark.gui
OLD, NEW = "the old passphrase here", "a brand new passphrase"


@pytest.fixture
def half_changed(tmp_path):
    """A journal on NEW whose three backups are still on OLD, with the change's record left behind."""
    paths = AppPaths(tmp_path / "j")
    journal = open_journal(paths, OLD, create=True)
    for _ in range(3):
        journal.backup("manual")
    journal.rekey(OLD, NEW)
    yield paths, journal
    journal.close()


def _start(qtbot, paths, journal):
    session = WindowSession(QApplication.instance(), paths, Settings(), journal, lambda: None)
    window = session.start()
    qtbot.addWidget(window)
    return window


def test_unlock_offers_to_rekey_and_does_it_with_the_previous_passphrase(qtbot, half_changed,
                                                                         monkeypatch):
    """The first paint finds 3 backups on the previous passphrase; typing it re-keys them all."""
    paths, journal = half_changed
    offered, told = [], []
    monkeypatch.setattr(FinishRekeying, "ask", classmethod(
        lambda cls, count, started, parent=None: offered.append(count) or OLD))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    window = _start(qtbot, paths, journal)
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert offered == [3] and "current passphrase" in told[0]
    assert all(passphrase_opens(b.path, NEW) for b in backups.list_backups(journal.backup_dir))
    assert journal.rekeying.unfinished() is None
    window.close()


def test_keeping_them_clears_the_question_and_the_backups_window_says_which_key(qtbot, half_changed,
                                                                                 monkeypatch):
    """Kept as they are, the backups stay on the previous passphrase, marked so in the Backups window."""
    paths, journal = half_changed
    offered = []
    monkeypatch.setattr(FinishRekeying, "ask", classmethod(
        lambda cls, count, started, parent=None: offered.append(count)))
    window = _start(qtbot, paths, journal)
    qtbot.waitUntil(lambda: journal.rekeying.unfinished() is None, timeout=30000)
    assert offered == [3]
    dialog = BackupsDialog(journal)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.status.text().endswith("backups."), timeout=30000)
    on_old = [row for row in range(dialog.table.rowCount())
              if "needs the previous passphrase" in dialog.table.item(row, 1).text()]
    assert len(on_old) == 3
    dialog.close()
    window.close()


def test_the_dialog_needs_the_previous_passphrase_to_go_on(qtbot):
    """Change them now does nothing without a passphrase; every control is named."""
    dialog = FinishRekeying(2, "Tue 1 Dec 2026, 10:00")
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_focusable(dialog) == []
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    dialog.previous.setText(OLD)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
