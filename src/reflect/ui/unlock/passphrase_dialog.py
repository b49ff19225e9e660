"""Asking for the journal's passphrase: set it (twice) on first run, or type it to unlock.

The first-run text says plainly what Reflect keeps and where, and that a forgotten passphrase
cannot be recovered by anyone. The passphrase lives only in the line edit and the returned string;
it is never logged or stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.display_name import display_name
from reflect.services.passphrase import passphrase_problem
from reflect.ui.common.dialogs import ok_cancel_buttons, run_modal
from reflect.ui.common.screen_fit import grow_to_fit

FIRST_RUN_TEXT = (
    "<p><b>Welcome to Reflect.</b></p>"
    "<p>Reflect keeps your reflections on this computer only, in one encrypted file. "
    "Nothing is sent anywhere: there is no account, no cloud and no internet connection.</p>"
    "<p>Choose a passphrase to lock your journal. A short sentence you will remember works "
    "well (at least 10 characters).</p>"
    "<p><b>If you forget your passphrase, your journal cannot be opened by anyone — "
    "not you, not IT, not us.</b> There is no reset.</p>"
)


@dataclass(frozen=True)
class OpenCopy:
    """First run on a new computer: open a copy made with "Take my journal with me"."""

    passphrase: str
    path: Path


class ChooseJournalCopy:
    @classmethod
    def ask(cls, parent: QWidget | None = None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Open a copy of your journal", "",
                                              "Reflect journal (*.reflect);;All files (*)")
        return Path(name) if name else None


class PassphraseDialog(QDialog):
    def __init__(self, *, first_run: bool, folder: str = "", error: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_run = first_run
        self.copy_path: Path | None = None
        self.confirm_label: QWidget | None = None
        self.setWindowTitle("Create your journal — Reflect" if first_run else "Unlock — Reflect")
        self.setModal(True)
        layout = QVBoxLayout(self)

        self.intro = intro = QLabel(FIRST_RUN_TEXT if first_run else
                       "<p>Type your passphrase to open your journal.</p>")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        if folder:
            where = QLabel(f"Journal folder: {folder}")
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setAccessibleDescription("Where your journal is kept")
            layout.addWidget(where)

        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        form.addRow("&Passphrase:", self.passphrase)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName("Type it again")
        self.confirm.setAccessibleDescription("The passphrase again")
        if first_run:
            form.addRow("Type it &again:", self.confirm)
            self.confirm_label = form.labelForField(self.confirm)
        else:
            self.confirm.hide()
        layout.addLayout(form)

        self.problem = QLabel(error)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleDescription("Problem")
        self.problem.setStyleSheet("font-weight: bold;")
        self.problem.setVisible(bool(error))
        layout.addWidget(self.problem)

        self.buttons, self.ok = ok_cancel_buttons(
            self, "Create journal" if first_run else "Unlock", cancel_text="Quit",
            on_accept=self._try_accept)
        if first_run:
            self.open_copy = self.buttons.addButton("I have a &copy of my journal…",
                                                    QDialogButtonBox.ButtonRole.ActionRole)
            self.open_copy.setAccessibleName("I have a copy of my journal")
            self.open_copy.setAccessibleDescription("Open a copy of my journal")
            self.open_copy.setToolTip("A copy made with “Take my journal with me”, for example on "
                                      "your old laptop")
            self.open_copy.clicked.connect(self._choose_copy)
        layout.addWidget(self.buttons)

        self.passphrase.textChanged.connect(self._clear_problem)
        self.confirm.textChanged.connect(self._clear_problem)
        self.passphrase.setFocus()
        self.setMinimumWidth(460)

    def _clear_problem(self) -> None:
        if self.problem.isVisible():
            self.problem.hide()

    def _choose_copy(self) -> None:
        path = ChooseJournalCopy.ask(self)
        if path is None:
            return
        self.copy_path = path
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setText(f"Open the copy “{display_name(path.name)}”: type the passphrase it was "
                           "locked with. It becomes your journal on this computer.")
        self.confirm.hide()
        if self.confirm_label is not None:
            self.confirm_label.hide()
        self.ok.setText("Open copy")
        self.ok.setAccessibleName("Open copy")
        self.passphrase.setFocus()

    def _try_accept(self) -> None:
        if self.first_run and self.copy_path is None:
            problem = passphrase_problem(self.passphrase.text(), self.confirm.text())
        else:
            problem = None if self.passphrase.text() else "Type your passphrase."
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            grow_to_fit(self)  # the "cannot be recovered" warning above must stay in view
            return
        self.accept()

    def value(self) -> str | OpenCopy:
        if self.copy_path is not None:
            return OpenCopy(self.passphrase.text(), self.copy_path)
        return self.passphrase.text()

    @classmethod
    def ask(cls, *, first_run: bool, folder: str = "", error: str = "",
            parent: QWidget | None = None) -> str | OpenCopy | None:
        """Show the dialog; the passphrase typed (or a copy to open), or None if the user quit."""
        dialog = cls(first_run=first_run, folder=folder, error=error, parent=parent)
        return run_modal(dialog, dialog.value, forget=(dialog.passphrase, dialog.confirm))
