"""Change passphrase: the current one, then the new one twice. Nothing changes unless all is right."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from reflect.services.passphrase import passphrase_problem
from reflect.ui.common.dialogs import ok_cancel_buttons, run_modal
from reflect.ui.common.screen_fit import fit_to_screen, grow_to_fit
from reflect.ui.common.widgets import wrapped_label


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change passphrase — Reflect")
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(
            "Reflect takes a backup first, then locks your journal and its backups with "
            "the new passphrase. There is still no way to recover a forgotten one."))
        form = QFormLayout()
        self.current = self._field("Current passphrase")
        self.new = self._field("New passphrase")
        self.again = self._field("New passphrase again")
        form.addRow("&Current passphrase:", self.current)
        form.addRow("&New passphrase:", self.new)
        form.addRow("New passphrase a&gain:", self.again)
        layout.addLayout(form)
        self.problem = wrapped_label("", "Problem")
        self.problem.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.problem)
        self.buttons, _ok = ok_cancel_buttons(self, "Change passphrase", on_accept=self._try_accept)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 480, self.sizeHint().height())

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _try_accept(self) -> None:
        if not self.current.text():
            problem = "Type your current passphrase."
        elif self.new.text() == self.current.text():
            problem = "The new passphrase is the same as the current one."
        else:
            problem = passphrase_problem(self.new.text(), self.again.text())
        if problem:
            self.problem.setText(problem)
            grow_to_fit(self)  # "no way to recover a forgotten one" must stay in view
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[str, str] | None:
        dialog = cls(parent)
        return run_modal(dialog, lambda: (dialog.current.text(), dialog.new.text()),
                         forget=(dialog.current, dialog.new, dialog.again))
