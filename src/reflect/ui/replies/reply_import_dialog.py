"""File → Import supervisor's reply…: read the pack the supervisor filled in, show what it will
record, and record it in its session only when the practitioner chooses "Save to session".

Reading the PDF (fields, notes, page fingerprints) can take a moment and touches no database, so
it runs on a worker (`replies.read_pdf` through `run_in_background`); checking it against the
journal (`replies.verify`) and recording it (`reply_import.import_reply`) use the journal's
connection and stay on the UI thread. A password-protected pack asks for its password, again
with the reason when it was wrong. A refused reply (changed pages, another journal, damaged) says
why and records nothing; a pack missing from the export log may be imported marked as unchecked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QVBoxLayout, QWidget

from reflect.domain.dates import parse_day
from reflect.domain.errors import ReflectError
from reflect.domain.reply import action_owner
from reflect.domain.session_rules import format_day
from reflect.domain.supervision import ActionOwner
from reflect.export.reply_reader import WrongPassword
from reflect.services.replies import ProposedAction, ReadPdf, ReplyCheck, read_pdf, verify
from reflect.services.reply_import import ImportedReply, import_reply
from reflect.ui.common.background import BackgroundTask, delete_when_done, run_in_background
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.replies.reply_preview_view import ReplyPreviewView
from reflect.ui.replies.reply_text import comments_by_reflection, entry_title, signed_off_line

UNEXPECTED = ("Reflect could not read this reply because of a problem in Reflect itself, not in the "
              "file. Nothing has been recorded.")
ASK_PASSWORD = "This pack is protected by a password. Type the password to open it."


class ChooseReplyFile:
    """The system's Open dialog, for the PDF the supervisor sent back."""

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getOpenFileName(parent, "Choose the supervisor's reply", folder,
                                              "PDF files (*.pdf)")
        return Path(name) if name else None


class AskPackPassword:
    """The pack's PDF password (`message` says why it is asked, or why again); None to stop."""

    @classmethod
    def ask(cls, message: str, parent: QWidget | None = None) -> str | None:
        text, ok = QInputDialog.getText(parent, "Password for the pack", message,
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None


class ReplyImportDialog(QDialog):
    #: a read has finished, into a preview or a refusal
    reading_finished = Signal()

    def __init__(self, journal, practitioner: str = "", parent: QWidget | None = None,
                 before_save: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.practitioner = practitioner
        self._before_save = before_save  # e.g. an encrypted backup, taken before the journal changes
        self.setWindowTitle("Import the supervisor's reply — Reflect")
        self.setModal(True)
        fit_to_screen(self, 820, 640)
        self.view = ReplyPreviewView(self, self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.view)
        self.check: ReplyCheck | None = None
        self.imported: ImportedReply | None = None
        self.task: BackgroundTask | None = None
        self._request = 0  # bumped by every read and by closing; stale results are dropped
        self.view.choose_button.clicked.connect(self.choose_file)
        self.view.choose_button.setFocus()

    # -- reading ---------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = ChooseReplyFile.ask(self)
        if path is not None:
            self.read_file(path)

    def read_file(self, path: Path, password: str | None = None) -> None:
        """Read the reply at `path` on a worker, then check it here and show the preview."""
        path = Path(path)
        self._request += 1
        request = self._request
        self.check = None
        self.view.clear()
        self.view.status.setText(f"Reading “{path.name}”…")
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.task = run_in_background(self, partial(read_pdf, path, password),
                                      lambda read: self._read(request, read),
                                      lambda exc: self._failed(request, path, password, exc))

    def _finish(self, request: int) -> bool:
        if request != self._request:
            return False
        self.unsetCursor()
        return True

    def _read(self, request: int, read: ReadPdf) -> None:
        if not self._finish(request):
            return
        try:
            check = verify(self.journal, read, practitioner=self.practitioner)
        except ReflectError as exc:
            self._refuse(read.path, exc.message)
            return
        self.check = check
        self._show(check)
        self.reading_finished.emit()

    def _failed(self, request: int, path: Path, password: str | None, exc: BaseException) -> None:
        if not self._finish(request):
            return
        if isinstance(exc, WrongPassword):
            again = AskPackPassword.ask(ASK_PASSWORD if password is None
                                        else f"{exc.message} Try again.", self)
            if again is not None:
                self.read_file(path, again)
                return
        self._refuse(path, exc.message if isinstance(exc, ReflectError) else UNEXPECTED)

    def _refuse(self, path: Path, message: str) -> None:
        self.view.status.setText(f"Reflect cannot import “{path.name}”.")
        self.view.show_problem(message)
        self.reading_finished.emit()

    # -- the preview -----------------------------------------------------------------------------
    def _show(self, check: ReplyCheck) -> None:
        v = self.view
        v.status.setText(f"Reflect read “{check.path.name}”. Check what it will record, then "
                         "choose Save to session.")
        lines = [f"{where}:\n{text}" for where, text in
                 comments_by_reflection(check.comments, entry_title(self.journal))]
        v.comments.setPlainText("\n\n".join(lines) or "No comments were written.")
        v.set_actions([_cells(a) for a in check.actions])
        v.next_session.setText("Next session: " + (format_day(check.next_session_on)
                                                   if check.next_session_on else "not given"))
        v.sign_off.setText(signed_off_line(check.supervisor_name, check.supervisor_role,
                                           check.signed_off, check.signed_on))
        v.marks.setText(" ".join(f"The supervisor also drew on page {page + 1}."
                                 for page in sorted(check.other_marks)))
        if check.cut:
            v.marks.setText(v.marks.text() + " Some comments were longer than 20,000 characters "
                            "and have been cut.")
        if not check.verified:
            message = check.problem.message if check.problem else ""
            v.show_problem(message.replace("(--unverified)", "(tick the box below)"))
            v.unverified.show()
        v.save_button.setEnabled(check.verified)

    def edited_actions(self) -> tuple[ProposedAction, ...]:
        """The actions as the table now has them: a row left as read keeps what was read; a
        changed one is read again like the pack's rows; a row with no action is dropped."""
        out = []
        for proposed, cells in zip(self.check.actions, self.view.action_rows(), strict=True):
            if cells == _cells(proposed):
                out.append(proposed)
            elif cells[0]:
                out.append(self._reread(proposed, *cells))
        return tuple(out)

    def _reread(self, proposed: ProposedAction, what: str, who: str, due: str) -> ProposedAction:
        supervisor = self.check.supervisor_name
        owner, name = action_owner(who, practitioner=self.practitioner, supervisor=supervisor)
        day = parse_day(due)
        return replace(proposed, description=what if day is not None or not due else f"{what} (due: {due})",
                       owner=owner, owner_name=name, due_on=day, typed_who=who, typed_due=due)

    # -- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        if self.check is None:
            return
        try:
            if self._before_save is not None:
                self._before_save()
            self.imported = import_reply(self.journal, self.check, actions=self.edited_actions(),
                                         unverified=self.view.unverified.isChecked())
        except ReflectError as exc:
            self.view.show_problem(exc.message)
            return
        self.accept()

    def done(self, result: int) -> None:
        self._request += 1  # a read still running reports to nobody
        self.unsetCursor()
        super().done(result)

    @classmethod
    def ask(cls, journal, practitioner: str = "", parent: QWidget | None = None, *,
            path: Path | None = None,
            before_save: Callable[[], object] | None = None) -> ImportedReply | None:
        """Show the dialog (reading `path`, else asking for a file first); what was recorded, or None."""
        dialog = cls(journal, practitioner, parent, before_save)
        try:
            if path is not None:
                dialog.read_file(path)
            else:
                dialog.show()
                dialog.choose_file()
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.imported
        finally:
            delete_when_done(dialog)


def _cells(action: ProposedAction) -> tuple[str, str, str]:
    """(what, who, due) as the table shows them: what the supervisor typed."""
    suffix = f" (due: {action.typed_due})"
    what = action.description.removesuffix(suffix) if action.due_on is None else action.description
    who = action.typed_who or {ActionOwner.ME: "Me", ActionOwner.SUPERVISOR: "Supervisor"}.get(
        action.owner, action.owner_name)
    due = action.typed_due or (format_day(action.due_on) if action.due_on else "")
    return what, who, due
