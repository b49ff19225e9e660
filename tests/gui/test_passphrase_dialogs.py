"""Passphrase dialogs keep every word in view when they show a problem."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from reflect.ui.care.change_passphrase_dialog import ChangePassphraseDialog
from reflect.ui.unlock.passphrase_dialog import PassphraseDialog

pytestmark = pytest.mark.gui


def squeezed(dialog: QWidget) -> list[str]:
    """Visible wrapped labels shorter than their text needs (their last lines are cut off)."""
    QApplication.processEvents()
    return [label.text()[:40] for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.wordWrap()
            and label.height() < label.heightForWidth(label.width())]


def test_first_run_warning_stays_in_view_after_a_problem(qtbot):
    """A refused passphrase shows its problem and the "cannot be opened by anyone" warning."""
    dialog = PassphraseDialog(first_run=True, folder="C:\\Users\\sam\\AppData\\Local\\Reflect")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and dialog.problem.text()
    assert "cannot be opened by anyone" in dialog.intro.text()
    assert squeezed(dialog) == []


def test_change_passphrase_note_stays_in_view_after_a_problem(qtbot):
    """The change-passphrase dialog grows for its problem instead of squeezing its note."""
    dialog = ChangePassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.current, "the current passphrase")
    qtbot.keyClicks(dialog.new, "short")
    qtbot.keyClicks(dialog.again, "short")
    dialog.buttons.accepted.emit()
    assert dialog.problem.text()
    assert squeezed(dialog) == []
