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
    QLabel,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.export.markdown_zip import write_markdown_zip
from reflect.store.archive_loader import load_archive
from reflect.store.journal import Journal
from reflect.ui.common.background import run_in_background

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
        return QMessageBox.warning(
            parent, "Readable files are not encrypted", READABLE_WARNING,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel) == QMessageBox.StandardButton.Yes


class TakeAwayDialog(QDialog):
    def __init__(self, journal: Journal, practitioner: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.practitioner = practitioner
        self.task = None
        self.written: Path | None = None
        self.setWindowTitle("Take my journal with me — Reflect")
        layout = QVBoxLayout(self)
        intro = QLabel("Copy everything in your journal — reflections, sessions, actions, briefings.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.encrypted = QRadioButton("An &encrypted copy (recommended)")
        self.encrypted.setAccessibleName("An encrypted copy")
        self.encrypted.setChecked(True)
        layout.addWidget(self.encrypted)
        hint = QLabel("Opens in Reflect on another computer with the same passphrase: choose "
                      "“I have a copy of my journal…” when Reflect first starts there, or "
                      "File → Open a journal copy….")
        hint.setWordWrap(True)
        hint.setIndent(24)
        layout.addWidget(hint)
        self.readable = QRadioButton("&Readable Markdown files in a zip (not encrypted)")
        self.readable.setAccessibleName("Readable Markdown files in a zip, not encrypted")
        layout.addWidget(self.readable)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Status")
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save = self.buttons.addButton("&Save copy…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save.setAccessibleName("Save copy")
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        self.buttons.rejected.connect(self.reject)
        self.save.clicked.connect(self.save_copy)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def save_copy(self) -> None:
        today = date.today().isoformat()
        if self.encrypted.isChecked():
            target = ChooseTargetFile.ask(self, f"Reflect journal {today}.reflect",
                                          "Reflect journal (*.reflect)")
            if target is None:
                return
            self.save.setEnabled(False)
            self.status.setText("Saving an encrypted copy…")
            self.task = run_in_background(self, self.journal.encrypted_copy_in_background(target),
                                          self._copied, self._failed)
            return
        if not ConfirmReadable.ask(self):
            return
        target = ChooseTargetFile.ask(self, f"Reflect journal {today}.zip", "Zip file (*.zip)")
        if target is None:
            return
        practitioner = self.practitioner
        read = self.journal.read_in_background(lambda reader: load_archive(reader, practitioner))
        self.save.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first file is written
        self.progress.show()
        self.status.setText("Reading your journal…")
        self.task = run_in_background(self, lambda progress: write_markdown_zip(read(), target, progress),
                                      self._done, self._failed, on_progress=self._progressed)

    def _copied(self, path: Path) -> None:
        self.written = path
        self.save.setEnabled(True)
        self.status.setText(f"Saved an encrypted copy to {path}.")

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _done(self, path: Path) -> None:
        self.written = path
        self.save.setEnabled(True)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(f"Saved readable files to {path}. They are not encrypted: keep them safe.")

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        self.progress.hide()
        self.status.setText(exc.message if isinstance(exc, ReflectError) else
                            "The copy could not be written. Nothing was left behind.")

    @classmethod
    def ask(cls, journal: Journal, practitioner: str = "", parent: QWidget | None = None) -> Path | None:
        dialog = cls(journal, practitioner, parent)
        try:
            dialog.exec()
            return dialog.written
        finally:
            if dialog.task is not None and not dialog.task.done:
                dialog.task.cancel()
            dialog.deleteLater()
