"""The shared dialog scaffolding: named buttons wired to accept/reject, the modal run, questions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QVBoxLayout

from reflect.ui.common.dialogs import close_buttons, confirm, ok_cancel_buttons, run_modal

pytestmark = pytest.mark.gui


class NameDialog(QDialog):
    """A dialog with one field, built the way Reflect's dialogs are."""

    def __init__(self, *, refuse_empty: bool = False) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.field = QLineEdit()
        layout.addWidget(self.field)
        self.refuse_empty = refuse_empty
        self.buttons, self.ok = ok_cancel_buttons(self, "&Add action", on_accept=self._try_accept)
        layout.addWidget(self.buttons)

    def _try_accept(self) -> None:
        if self.refuse_empty and not self.field.text():
            return
        self.accept()


def _when_shown(action) -> None:
    """Run `action` on the modal widget as soon as it is shown (exec() blocks the test)."""
    def attempt() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, attempt)
        else:
            action(modal)
    QTimer.singleShot(0, attempt)


def test_ok_cancel_buttons_carry_texts_and_names(qtbot):
    """OK takes the given text and accessible name (said without its "&"); Cancel is named too."""
    dialog = NameDialog()
    qtbot.addWidget(dialog)
    assert dialog.ok.text() == "&Add action" and dialog.ok.accessibleName() == "Add action"
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.accessibleName() == "Cancel"
    box, save = ok_cancel_buttons(dialog, ok_name="Save settings", ok=QDialogButtonBox.StandardButton.Save,
                                  cancel_text="Quit")
    assert save.accessibleName() == "Save settings"
    quit_button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert quit_button.text() == "Quit" and quit_button.accessibleName() == "Quit"


def test_ok_runs_the_check_that_may_keep_the_dialog_open(qtbot):
    """A refusing on_accept leaves the dialog open; once satisfied, OK accepts it."""
    dialog = NameDialog(refuse_empty=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok.click()
    assert dialog.isVisible() and dialog.result() == 0
    dialog.field.setText("Ring the school")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.ok.click()


def test_run_modal_gives_the_answer_when_accepted_and_forgets_fields(qtbot):
    """Accepted: the answer comes back; either way the named fields are emptied."""
    dialog = NameDialog()
    dialog.field.setText("a secret")
    _when_shown(lambda modal: modal.ok.click())
    assert run_modal(dialog, lambda: "answered", forget=(dialog.field,)) == "answered"
    assert dialog.field.text() == ""


def test_run_modal_gives_none_when_cancelled_unless_asked_otherwise(qtbot):
    """Cancel gives None; with when_rejected_too the answer comes back anyway, and clean_up runs."""
    cleaned = []
    dialog = NameDialog()
    _when_shown(lambda modal: modal.reject())
    assert run_modal(dialog, lambda: "answered", clean_up=lambda: cleaned.append(1)) is None
    other = NameDialog()
    _when_shown(lambda modal: modal.reject())
    assert run_modal(other, lambda: "written", when_rejected_too=True,
                     clean_up=lambda: cleaned.append(2)) == "written"
    assert cleaned == [1, 2]


def test_close_buttons_reject_and_an_added_accept_button_accepts(qtbot):
    """Close is named and rejects; an accept-role button added to the row accepts."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = close_buttons(dialog)
    close = box.button(QDialogButtonBox.StandardButton.Close)
    assert close.accessibleName() == "Close"
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        close.click()
    restore = box.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        restore.click()


@pytest.mark.parametrize(("press", "expected"), [(QMessageBox.StandardButton.Open, True),
                                                 (QMessageBox.StandardButton.Cancel, False)])
def test_confirm_is_true_only_for_its_yes_button(qtbot, press, expected):
    """The question's chosen 'yes' button gives True; its default is the safe 'no'."""
    defaults = []

    def answer(box: QMessageBox) -> None:
        defaults.append(box.standardButton(box.defaultButton()))
        box.button(press).click()
    _when_shown(answer)
    assert confirm(None, "Open link?", "Open it?", yes=QMessageBox.StandardButton.Open) is expected
    assert defaults == [QMessageBox.StandardButton.Cancel]


def test_dialogs_run_by_ask_show_their_whole_title(qtbot):
    """A dialog shown through `ask` is wide enough for its title ("Take to supervision — Reflect"
    was cut short at 278 pixels)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reflect.ui.common.dialogs import TITLE_BAR_EXTRA
    from reflect.ui.reflect_page.take_to_supervision_dialog import TakeToSupervisionDialog

    seen = []

    def measure_and_close():
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.width(), dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())))
        dialog.reject()

    QTimer.singleShot(0, measure_and_close)
    assert TakeToSupervisionDialog.ask([], set()) is None
    (width, title), = seen
    assert width >= title + TITLE_BAR_EXTRA
