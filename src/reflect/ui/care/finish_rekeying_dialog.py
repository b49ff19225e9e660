"""After an interrupted passphrase change: re-key the backups left on the previous passphrase now,
or keep them as they are.

Reflect never stores a passphrase, so finishing the job needs the previous one typed again. Kept
as they are, those backups still open — with the previous passphrase only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from reflect.domain.wording import noun, plural
from reflect.ui.common.dialogs import ok_cancel_buttons, run_modal
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.common.widgets import wrapped_label


class FinishRekeying(QDialog):
    def __init__(self, count: int, started: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups on the previous passphrase — Reflect")
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(
            f"A passphrase change on {started} was interrupted before all the backups were "
            f"changed: {plural(count, 'backup')} still {noun(count, 'opens', 'open')} only with the "
            "previous passphrase.\n\n"
            "Type the previous passphrase to change them to the current one now, or keep them "
            "as they are (File → Backups… shows which ones need the previous passphrase)."))
        form = QFormLayout()
        self.previous = QLineEdit()
        self.previous.setEchoMode(QLineEdit.EchoMode.Password)
        self.previous.setAccessibleName("Previous passphrase")
        form.addRow("&Previous passphrase:", self.previous)
        layout.addLayout(form)
        self.buttons, _ok = ok_cancel_buttons(self, "Change them now", cancel_text="Keep them as they are",
                                              on_accept=self._try_accept)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 520, self.sizeHint().height())

    def _try_accept(self) -> None:
        if self.previous.text():
            self.accept()

    @classmethod
    def ask(cls, count: int, started: str, parent: QWidget | None = None) -> str | None:
        """The previous passphrase to re-key the backups with, or None to keep them as they are."""
        dialog = cls(count, started, parent)
        return run_modal(dialog, dialog.previous.text, forget=(dialog.previous,))
