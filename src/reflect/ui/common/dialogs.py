"""Dialog scaffolding: the button row, the modal run behind every `ask()`, and yes/no questions.

Every dialog exposes a classmethod `ask(...)` that returns a value or None (ARCHITECTURE.md
convention 8), so a test replaces that one call. The pieces each `ask` and constructor would
otherwise repeat live here: a button row whose buttons carry names a screen reader can say and
are wired to accept and reject, running the dialog and always deleting it (and clearing what it
held, such as a passphrase), and a question box answered by one button.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from reflect.ui.common.screen_fit import free_area, watch
from reflect.ui.common.widgets import spoken

if TYPE_CHECKING:  # imported where used: PySide builds a Qt class's Python type (and its enums)
    # when its name is first imported, and the window's start-up shows no dialog
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit

    Standard = QDialogButtonBox.StandardButton
    Answer = QMessageBox.StandardButton

T = TypeVar("T")


def ok_cancel_buttons(dialog: QDialog, ok_text: str | None = None, ok_name: str | None = None, *,
                      ok: Standard | None = None, cancel_text: str | None = None,
                      on_accept: Callable[[], None] | None = None) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (or `ok`, e.g. Save) and Cancel, wired to the dialog; the box and its OK button.

    `ok_text` relabels OK; the OK button's accessible name is `ok_name`, else `ok_text`. Cancel is
    named "Cancel" unless relabelled. `on_accept` may refuse (leave the dialog open) before accepting.
    """
    from PySide6.QtWidgets import QDialogButtonBox

    Standard = QDialogButtonBox.StandardButton
    ok = Standard.Ok if ok is None else ok
    box = QDialogButtonBox(ok | Standard.Cancel)
    ok_button = box.button(ok)
    if ok_text is not None:
        ok_button.setText(ok_text)
    if ok_name or ok_text:
        ok_button.setAccessibleName(spoken(ok_name or ok_text))
    cancel = box.button(Standard.Cancel)
    if cancel_text is not None:
        cancel.setText(cancel_text)
    cancel.setAccessibleName(spoken(cancel_text or "Cancel"))
    box.accepted.connect(on_accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok_button


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A Close button (named for screen readers) that rejects; an added accept-role button accepts."""
    from PySide6.QtWidgets import QDialogButtonBox

    close = QDialogButtonBox.StandardButton.Close
    box = QDialogButtonBox(close)
    box.button(close).setAccessibleName("Close")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def run_modal(dialog: QDialog, answer: Callable[[], T], *, when_rejected_too: bool = False,
              forget: Iterable[QLineEdit | QPlainTextEdit] = (),
              clean_up: Callable[[], None] | None = None) -> T | None:
    """Show `dialog` modally: `answer()` if accepted (or either way), else None; then delete it.

    Whatever happened, the `forget` fields are emptied (passphrases, the watch list: text that
    should not linger in memory) and `clean_up` runs (to stop the dialog's work) first.
    """
    try:
        watch(dialog)
        fit_title(dialog)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return answer() if accepted or when_rejected_too else None
    finally:
        for field in forget:
            field.clear()
        if clean_up is not None:
            clean_up()
        dialog.deleteLater()


def confirm(parent: QWidget | None, title: str, text: str, *, yes: Answer | None = None,
            no: Answer | None = None, default: Answer | None = None, warning: bool = False) -> bool:
    """A question box; True only if the user pressed `yes` (Yes unless given). `no` (Cancel unless
    given) is the default button unless `default` is given."""
    from PySide6.QtWidgets import QMessageBox

    yes = QMessageBox.StandardButton.Yes if yes is None else yes
    no = QMessageBox.StandardButton.Cancel if no is None else no
    show = QMessageBox.warning if warning else QMessageBox.question
    return show(parent, title, text, yes | no, default or no) == yes


#: room a title bar takes besides its text: the window icon and the minimise, maximise and close
#: buttons (Windows 10 and 11 draw them 46 pixels wide), with some padding
TITLE_BAR_EXTRA = 200


def fit_title(dialog: QWidget) -> None:
    """Make `dialog` wide enough that the window manager shows its whole title, not "Take to su…".

    The title bar's font is the system's, usually a little larger than the dialog's own."""
    needed = round(dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) * 1.2) + TITLE_BAR_EXTRA
    needed = min(needed, free_area(dialog).width())  # never wider than the screen
    if dialog.minimumWidth() < needed:
        dialog.setMinimumWidth(needed)
    if dialog.width() < needed:
        dialog.resize(needed, dialog.height())
