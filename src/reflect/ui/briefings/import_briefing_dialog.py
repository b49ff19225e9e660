"""File → Import briefing…: read a briefing from a file or pasted text, show what was recognised,
and only then add it to the journal.

Partnerships publish their 7-minute briefings under many headings and formats, and text copied from
a PDF arrives broken. Rather than guess silently, the importer shows the practitioner how it read
the briefing (see `import_dialog_view.py`) and what it could not recognise; nothing is saved until
they choose Import. A big PDF or Word file can take a second or two to read, so reading runs off
the UI thread through `run_in_background`: the work gets a path or a string and returns a
`Briefing`, touching neither widgets nor the journal. The dialog stays responsive and Cancel works
throughout; a result that arrives after Cancel, or after a newer read was started, is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QVBoxLayout, QWidget

from reflect.briefings import MAX_BYTES, load_readers, parse_text, read_briefing_file
from reflect.domain.briefing import Briefing
from reflect.domain.errors import BriefingFormatError, ReflectError
from reflect.store import BriefingStore
from reflect.ui.briefings.import_briefing_view import ImportBriefingView
from reflect.ui.common.background import BackgroundTask, delete_when_done, run_in_background
from reflect.ui.common.screen_fit import fit_to_screen

PASTED = "Pasted text"
FILE_FILTER = "Briefings (*.md *.markdown *.txt *.docx *.pdf)"
UNEXPECTED = (
    "Reflect could not read this briefing because of a problem in Reflect itself, not in the "
    "briefing. Try saving it in another format (for example as a .txt file), or paste its text."
)


class ChooseBriefingFile:
    """The system's Open dialog, limited to the kinds of file Reflect can read as a briefing."""

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getOpenFileName(parent, "Choose a briefing file", folder, FILE_FILTER)
        return Path(name) if name else None


class ImportBriefingDialog(QDialog):
    #: a read (of a file or pasted text) has finished, recognised or not
    reading_finished = Signal()

    def __init__(self, briefings: BriefingStore, parent: QWidget | None = None,
                 before_save: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.briefings = briefings
        self._before_save = before_save  # e.g. an encrypted backup, taken before the journal changes
        self.setWindowTitle("Import a briefing — Reflect")
        self.setModal(True)
        self.view = ImportBriefingView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        #: the briefing shown in the preview, as corrected, ready to import (None until one is
        #: recognised, or while a correction leaves it without questions)
        self.briefing: Briefing | None = None
        self.read_briefing: Briefing | None = None  # as Reflect read it, before corrections
        self.source_name = ""
        self.source_text = ""
        self.imported_id: int | None = None
        self.reading = False
        self.task: BackgroundTask | None = None  # the read in progress, if any
        self._request = 0  # bumped by every read and by closing; stale results are dropped

        view = self.view
        view.choose_button.clicked.connect(self.choose_file)
        view.read_paste_button.clicked.connect(self.read_pasted_text)
        view.paste.textChanged.connect(self._paste_changed)
        view.import_button.clicked.connect(self.import_briefing)
        view.corrections.changed.connect(self._corrected)
        view.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 940, 620)
        view.choose_button.setFocus()

    # -- reading ---------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = ChooseBriefingFile.ask(self)
        if path is not None:
            self.read_file(path)

    def read_file(self, path: Path) -> None:
        """Read the briefing file at `path` in the background and show what was recognised."""
        path = Path(path)
        load_readers()  # here, not on the worker (a no-op once done)
        self._read(lambda: read_briefing_file(path), path.name, "", f"Reading '{path.name}'…")

    def read_pasted_text(self) -> None:
        text = self.view.paste.toPlainText()
        if not text.strip():
            return
        self._read(lambda: _parse_pasted(text), PASTED, text, "Reading the pasted text…")

    def _read(self, work: Callable[[], Briefing], source_name: str, source_text: str,
              message: str) -> None:
        self._request += 1
        request = self._request
        self.briefing = self.read_briefing = None
        self.reading = True
        self.view.set_busy(True, message)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.task = run_in_background(
            self, work, lambda briefing: self._recognised(request, briefing, source_name, source_text),
            lambda exc: self._not_recognised(request, exc, source_name))

    def _finish_reading(self, request: int) -> bool:
        """Leave the busy state; False if this result is stale (dialog closed, or a newer read)."""
        if request != self._request:
            return False
        self.reading = False
        self.unsetCursor()
        self.view.set_busy(False)
        self.view.preview.setFocus()  # the result (or the reason there is none) is read next
        return True

    def _recognised(self, request: int, briefing: Briefing, source_name: str,
                    source_text: str) -> None:
        if not self._finish_reading(request):
            return
        self.briefing, self.source_name, self.source_text = briefing, source_name, source_text
        self.read_briefing = briefing
        self.view.show_briefing(briefing, source_name)
        self.view.corrections.fill(briefing)
        where = "the pasted text" if source_name == PASTED else f"'{source_name}'"
        self.view.set_status(f"Reflect read {where}. Check what it recognised below and correct "
                             "it if need be, then choose Import to add it to your journal.")
        self.view.import_button.setEnabled(True)
        self.reading_finished.emit()

    def _not_recognised(self, request: int, exc: BaseException, source_name: str) -> None:
        if not self._finish_reading(request):
            return
        # a bug, not the file's fault (run_in_background has logged it): say so plainly
        message = exc.message if isinstance(exc, ReflectError) else UNEXPECTED
        where = "the pasted text" if source_name == PASTED else f"'{source_name}'"
        self.view.set_status(f"Reflect could not import {where}: the reason is below.")
        self.view.show_error(message)
        self.reading_finished.emit()

    def _paste_changed(self) -> None:
        if not self.reading:
            self.view.read_paste_button.setEnabled(bool(self.view.paste.toPlainText().strip()))
        if self.read_briefing is not None and self.source_name == PASTED:
            # what would be imported no longer matches the box: ask for a fresh read
            self.briefing = self.read_briefing = None
            self.view.corrections.hide()
            self.view.import_button.setEnabled(False)
            self.view.set_status("The pasted text has changed since Reflect read it. Choose Read "
                                 "pasted text to check it again.")

    def _corrected(self) -> None:
        """A field under the preview changed: what will be imported is the read briefing as
        corrected, and the preview shows it."""
        if self.read_briefing is None or self.reading:
            return
        corrections = self.view.corrections.corrections()
        if corrections.problem:
            self.briefing = None
            self.view.import_button.setEnabled(False)
            self.view.set_status(corrections.problem)
            return
        self.briefing = corrections.applied_to(self.read_briefing)
        self.view.show_briefing(self.briefing, self.source_name)
        self.view.import_button.setEnabled(True)
        self.view.set_status("Corrected. Choose Import to add the briefing as it is shown.")

    # -- saving ----------------------------------------------------------------------------------

    def import_briefing(self) -> None:
        if self.briefing is None or self.reading:
            return
        try:
            if self._before_save is not None:
                self._before_save()
            self.imported_id = self.briefings.add(self.briefing, source_name=self.source_name,
                                                  source_text=self.source_text)
        except ReflectError as exc:
            self.view.set_status(f"{exc.message} The briefing has not been imported.")
            return
        self.accept()

    def done(self, result: int) -> None:
        self._request += 1  # a read still running reports to nobody
        self.reading = False
        self.unsetCursor()
        super().done(result)

    @classmethod
    def ask(cls, briefings: BriefingStore, parent: QWidget | None = None,
            before_save: Callable[[], object] | None = None) -> int | None:
        """Show the dialog; the new briefing's id, or None if nothing was imported."""
        dialog = cls(briefings, parent, before_save)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.imported_id
        finally:
            dialog.dispose()

    def dispose(self) -> None:
        """Delete the dialog now, or when a read still running has reported (see delete_when_done)."""
        delete_when_done(self)


def _parse_pasted(text: str) -> Briefing:
    if len(text) > MAX_BYTES:
        raise BriefingFormatError(
            f"The pasted text is too long to be a 7-minute briefing (Reflect reads briefings up to "
            f"{MAX_BYTES // (1024 * 1024)} MB). Check you copied the right document."
        )
    return parse_text(text)
