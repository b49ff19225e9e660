"""Take my journal with me: everything, as an encrypted copy (opens with the same passphrase in
Reflect on another computer) or, after a plain warning, as readable Markdown files in a zip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.display_name import display_name
from reflect.domain.errors import ReflectError
from reflect.services.take_away import encrypted_copy_in_background, readable_copy_in_background
from reflect.store import Journal
from reflect.ui.common.background import run_in_background
from reflect.ui.common.dialogs import close_buttons, confirm, run_modal
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.common.widgets import named, wrapped_label

READABLE_WARNING = (
    "The zip will hold every reflection, session and action as ordinary, readable text files. "
    "They are NOT encrypted: anyone who gets the zip can read them. Save it only somewhere you "
    "control, and delete it when you no longer need it. Continue?"
)


class ChooseTargetFile:
    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str, file_filter: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getSaveFileName(parent, "Save as", str(Path(folder) / suggested), file_filter)
        return Path(name) if name else None


class ConfirmReadable:
    @classmethod
    def ask(cls, parent: QWidget | None = None) -> bool:
        return confirm(parent, "Readable files are not encrypted", READABLE_WARNING, warning=True)


class TakeAwayDialog(QDialog):
    def __init__(self, journal: Journal, practitioner: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.practitioner = practitioner
        self.task = None
        self.written: Path | None = None
        self.setWindowTitle("Take my journal with me — Reflect")
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(
            "Copy everything in your journal — reflections, sessions, actions, briefings."))
        self.encrypted = named(QRadioButton("An &encrypted copy (recommended)"),
                              "An encrypted copy (recommended)")
        self.encrypted.setChecked(True)
        layout.addWidget(self.encrypted)
        hint = wrapped_label("Opens in Reflect on another computer with the same passphrase: choose "
                             "“I have a copy of my journal…” when Reflect first starts there, or "
                             "File → Open a journal copy….")
        hint.setIndent(24)
        layout.addWidget(hint)
        self.readable = named(QRadioButton("&Readable Markdown files in a zip (not encrypted)"),
                              "Readable Markdown files in a zip (not encrypted)")
        layout.addWidget(self.readable)
        self.progress = named(QProgressBar(), "Progress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = wrapped_label("", "Status")
        layout.addWidget(self.status)
        self.buttons = close_buttons(self)
        self.save = self.buttons.addButton("&Save copy…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save.setAccessibleName("Save copy")
        self.save.clicked.connect(self.save_copy)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 520, self.sizeHint().height())

    def save_copy(self) -> None:
        today = date.today().isoformat()
        if self.encrypted.isChecked():
            target = ChooseTargetFile.ask(self, f"Reflect journal {today}.reflect",
                                          "Reflect journal (*.reflect)")
            if target is None:
                return
            self.save.setEnabled(False)
            self.status.setText("Saving an encrypted copy…")
            self.task = run_in_background(self, encrypted_copy_in_background(self.journal, target),
                                          self._copied, self._failed)
            return
        if not ConfirmReadable.ask(self):
            return
        target = ChooseTargetFile.ask(self, f"Reflect journal {today}.zip", "Zip file (*.zip)")
        if target is None:
            return
        work = readable_copy_in_background(self.journal, self.practitioner, target)
        self.save.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first file is written
        self.progress.show()
        self.status.setText("Reading your journal…")
        self.task = run_in_background(self, work, self._done, self._failed, on_progress=self._progressed)

    def _copied(self, path: Path) -> None:
        self.written = path
        self.save.setEnabled(True)
        self.status.setText(f"Saved an encrypted copy to {display_name(path)}.")

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _done(self, path: Path) -> None:
        self.written = path
        self.save.setEnabled(True)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(f"Saved readable files to {display_name(path)}. They are not "
                            "encrypted: keep them safe.")

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        self.progress.hide()
        self.status.setText(exc.message if isinstance(exc, ReflectError) else
                            "The copy could not be written. Nothing was left behind.")

    @classmethod
    def ask(cls, journal: Journal, practitioner: str = "", parent: QWidget | None = None) -> Path | None:
        dialog = cls(journal, practitioner, parent)

        def stop_writing() -> None:
            if dialog.task is not None and not dialog.task.done:
                dialog.task.cancel()

        return run_modal(dialog, lambda: dialog.written, when_rejected_too=True, clean_up=stop_writing)
