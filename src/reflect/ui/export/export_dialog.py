"""Export…: choose a document and its options, review what may identify someone, write the PDF.

The dialog is not modal, so the practitioner can carry on writing while a long portfolio renders.
Its steps follow `reflect.services.exporting`: save pending edits, read a snapshot (UI thread) and
check its text (first, for a supervision pack whose cover would name no supervisee, an offer to
give the name), the review dialog when something is found, a warning when some text is in a
right-to-left script the PDF would print wrongly, the Save-as dialog, then rendering and
the second check of the written PDF's text; the checks and the rendering go through
`run_in_background` with a progress bar and Cancel. The file appears under its name only once
the second check passes; any failure or a cancel leaves nothing new behind and any earlier file
as it was. A written file is tidied up, or logged once it is in place, even if the dialog has gone.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from reflect import export as pdf  # reportlab and pypdf load on first use
from reflect.briefings.readers import load_pypdf
from reflect.domain.anonymisation import CheckStopped, check_fields
from reflect.domain.entry_filter import EntryFilter
from reflect.domain.errors import ExportError, ReflectError
from reflect.domain.report import ExportOptions
from reflect.domain.session_rules import order_for_list, session_title
from reflect.domain.wording import plural
from reflect.services import exporting as svc
from reflect.services.print_warnings import right_to_left_fields
from reflect.store import ReportLoader
from reflect.ui.common.about_you import AboutYou
from reflect.ui.common.background import BackgroundTask, delete_when_done, run_in_background
from reflect.ui.common.screen_fit import fit_to_screen, grow_to_fit
from reflect.ui.export.export_dialog_view import ChooseExportFile, ExportDialogView, registration_year_start
from reflect.ui.export.findings_dialog import ExportReview, FindingsDialog
from reflect.ui.export.print_warning_dialog import RightToLeftWarning

log = logging.getLogger(__name__)
UNEXPECTED = ("The PDF could not be written because of a problem in Reflect itself. Nothing was "
              "written, and any earlier file was left as it was.")


@dataclass(frozen=True)
class ExportContext:
    """What the dialog needs from the window, read when it opens."""

    journal: object
    practitioner: str
    flush: Callable[[], bool]
    entry_id: int | None = None
    session_id: int | None = None
    entry_filter: EntryFilter = EntryFilter()
    folder: Path | None = None
    practitioner_role: str = ""
    #: before a supervision pack: the name and role given when the settings have no name (and
    #: kept there), else None
    ask_about_you: Callable[[QWidget], AboutYou | None] | None = None


WIDTH = 640  # the dialog's width when it opens


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult
    journal_changed = Signal(object)  # text was edited in a review: frozenset of the entries edited

    def __init__(self, context: ExportContext, kind: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = context
        self.journal = context.journal
        self.setWindowTitle("Export a PDF — Reflect")
        self.view = ExportDialogView(self)
        QVBoxLayout(self).addWidget(self.view)
        self.task: BackgroundTask | None = None
        self.written = None  # the ExportResult of the last file written
        self.cancelled = False
        self._run = 0
        self._again: tuple | None = None  # (request, report, target): to repeat after reviewing
        self._pdf_findings: list = []
        self._offered_about_you = False
        self._fill()
        v = self.view
        for signal in (v.kind_group.idToggled, v.protect.toggled, v.use_filters.toggled):
            signal.connect(lambda *_: self._refresh(self.running))
        v.export_button.clicked.connect(self.start)
        v.cancel_button.clicked.connect(self.cancel)
        v.close_button.clicked.connect(self.reject)
        v.open_pdf.clicked.connect(lambda: self._open(self.written.path))
        v.show_folder.clicked.connect(lambda: self._open(self.written.path.parent))
        v.review_button.clicked.connect(self._review_pdf_findings)
        for choice in (kind or "session", "session", "entry", "portfolio"):
            if v.kind_group.checkedId() < 0:
                v.set_kind(choice)
        v.update_enabled()
        # Tall enough for all it may show, so that nothing appearing moves the Export button (up to
        # the screen's free area; beyond it the choices scroll).
        margins = self.layout().contentsMargins()
        roomiest = v.roomiest_height(WIDTH - margins.left() - margins.right())
        fit_to_screen(self, WIDTH, max(self.sizeHint().height(), roomiest + margins.top() + margins.bottom()))
        QTimer.singleShot(0, self, load_pdf_code)  # once the dialog shows: reportlab, pypdf

    def _say(self, **message: str) -> None:
        self.view.show_message(**message)
        self._fit()

    def _refresh(self, working: bool) -> None:
        self.view.update_enabled(working)
        self._fit()

    def _fit(self) -> None:
        """Grow to show what is shown now (wrapped labels need height Qt's minimum size ignores),
        up to the screen's free area; beyond it the choices scroll."""
        grow_to_fit(self)

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def _fill(self) -> None:
        v, today = self.view, date.today()
        upcoming, past = order_for_list(self.journal.sessions.list_sessions(), datetime.now())
        v.set_sessions([(session_title(s), s.id) for s in upcoming], [(session_title(s), s.id) for s in past],
                       self.ctx.session_id)
        v.date_from.setDate(registration_year_start(today))
        v.date_to.setDate(today)
        v.set_filters([line for line in ReportLoader(self.journal).describe_filter(self.ctx.entry_filter)
                       if not line.startswith("Written: ")])
        try:
            title = self.journal.entries.get_entry(self.ctx.entry_id).title if self.ctx.entry_id else None
        except KeyError:
            title = None
        v.set_entry(title)

    # -- what to export ----------------------------------------------------------------------
    def request(self) -> svc.ExportRequest | None:
        """The user's choices, or None (with the reason shown) when they cannot be exported."""
        v = self.view
        password = v.password.text() if v.protect.isChecked() else ""
        problem = ""
        if v.protect.isChecked() and len(password) < 8:
            problem = "Choose a password of at least 8 characters (three random words are easy to say)."
        elif v.protect.isChecked() and password != v.confirm.text():
            problem = "The two passwords are not the same. Type them again."
        elif v.kind() == "portfolio" and not all([v.date_from.commit_text(), v.date_to.commit_text()]):
            problem = "Reflect cannot read one of the portfolio's dates: see the note under it."
        elif v.kind() == "portfolio" and v.date_from.date() > v.date_to.date():
            problem = "The portfolio's start date is after its end date."
        elif v.kind() == "session" and v.session.currentData() is None:
            problem = "Choose a session."
        if problem:
            self._say(error=problem)
            return None
        options = ExportOptions(include_briefings=v.include_briefings.isChecked(), password=password or None,
                                practitioner=self.ctx.practitioner,
                                practitioner_role=self.ctx.practitioner_role,
                                include_session_notes=v.include_notes.isChecked())
        base = self.ctx.entry_filter if v.use_filters.isChecked() else EntryFilter()
        entry_filter = replace(base, created_from=v.date_from.date(), created_to=v.date_to.date())
        return svc.ExportRequest(v.kind(), options, session_id=v.session.currentData(),
                                 entry_id=self.ctx.entry_id, entry_filter=entry_filter)

    def suggested_path(self, request: svc.ExportRequest) -> Path:
        folder = self.ctx.folder or Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        if request.kind == "session":
            session = self.journal.sessions.get_session(request.session_id)
            day = session.starts_at.date() if session.starts_at else date.today()
            return folder / f"Supervision pack {day.isoformat()}.pdf"
        if request.kind == "portfolio":
            f = request.entry_filter
            return folder / f"Portfolio {f.created_from.isoformat()} to {f.created_to.isoformat()}.pdf"
        return folder / f"Reflection {date.today().isoformat()}.pdf"

    # -- the export --------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        request = self.request()
        if request is None:
            return
        if request.kind == "session" and self.ctx.ask_about_you and not self._offered_about_you:
            self._offered_about_you = True  # a cover naming no supervisee: offer once to fill it in
            if (about := self.ctx.ask_about_you(self)) is not None:
                self.ctx = replace(self.ctx, practitioner=about.name, practitioner_role=about.role)
                request = self.request()
        for button in (self.view.open_pdf, self.view.show_folder, self.view.review_button):
            button.hide()
        if not self.ctx.flush():
            self._say(error="Your latest changes could not be saved, so nothing was "
                                         "exported. Check the disk has space, then try again.")
            return
        self._check(request, frozenset())

    def _check(self, request: svc.ExportRequest, left_out: frozenset[int]) -> None:
        """Read the snapshot and the text to check here (the database stays on the UI thread), then
        check the text on a worker: about a quarter of a second per 1,000 reflections."""
        try:
            report = svc.load_report(self.journal, request, left_out)
            fields = svc.checked_fields(self.journal, request, report)
        except ExportError as exc:
            self._say(error=exc.message)
            return
        watch, accepted = self.journal.privacy.watch_terms(), self.journal.privacy.accepted()
        not_names = svc.document_not_names(self.journal, report)
        unprintable = right_to_left_fields(fields)
        self._run += 1
        run = self._run
        self.cancelled = False
        self._working(True, "Checking the text for details that may identify someone…")
        self.task = run_in_background(
            self, lambda report_progress: check_fields(fields, watch_terms=watch, accepted=accepted,
                                                       not_names=not_names,
                                                       progress=_at_most_every(report_progress)),
            lambda findings: self._checked(run, request, report, left_out, findings, unprintable),
            partial(self._failed, run), on_progress=partial(self._progress, run, "text"))

    def _checked(self, run: int, request: svc.ExportRequest, report, left_out: frozenset[int],
                 findings, unprintable) -> None:
        """Review what was found (then check again), or go on to choose the file."""
        if run != self._run:
            return
        self._working(False)
        if findings:
            decided = self._review(request, report, findings)
            if decided is None:
                self._say(status="Export cancelled. Nothing was written.")
            else:
                self._check(request, left_out | decided.left_out)
            return
        if unprintable and not RightToLeftWarning.ask(self, self._places(request, report, unprintable)):
            self._say(status="Export stopped. Nothing was written.")
            return
        target = ChooseExportFile.ask(self, self.suggested_path(request))
        if target is None:
            self._say(status="No file was chosen, so nothing was written.")
            return
        self.write(request, report, target)

    def _review(self, request: svc.ExportRequest, report, findings):
        """The user's decisions on `findings`, or None if they cancelled the review."""
        review = ExportReview(findings, partial(svc.field_text, self.journal),
                              partial(svc.save_field_text, self.journal), self.journal.privacy.accept,
                              self._check_field, _titles(request, report),
                              can_leave_out=request.kind != "entry")
        decided = FindingsDialog.ask(review, self)
        if review.saved:
            self.journal_changed.emit(frozenset(review.edited))
        return decided

    def _places(self, request: svc.ExportRequest, report, fields) -> list[str]:
        """Each field as "Title: Description", for the right-to-left warning."""
        titles = _titles(request, report)
        return [f"{titles.get(f.entry_id, '')}: {f.field}" for f in fields]

    def _check_field(self, finding, text: str):
        return svc.check_field(self.journal, finding, text)

    def write(self, request: svc.ExportRequest, report, target: Path) -> None:
        """Render and check in the background; the export log records a file that passed."""
        load_pdf_code()  # usually done already, while the dialog was open
        journal, password = self.journal, request.options.password
        watch, accepts = journal.privacy.watch_terms(), svc.second_check_accepts(journal, report)
        self._run += 1
        run = self._run
        self.cancelled, self.written, self._again = False, None, (request, report, target)
        self._working(True, "Writing the PDF…")
        _quick_handover(True)

        def let_go(outcome) -> None:  # the rendering ended; nobody is waiting for a file it wrote
            _quick_handover(False)
            if isinstance(outcome, svc.PendingExport):
                outcome.discard()

        def rendered(pending: svc.PendingExport) -> None:
            if self.cancelled or run != self._run:
                let_go(pending)
                self._failed(run, pdf.ExportCancelled())
                return
            self._working(True, "Checking the PDF's text…")
            self.task = run_in_background(
                self, lambda report: svc.verify(pending, watch, accepts, progress=_at_most_every(report)),
                verified, failed, on_progress=partial(self._progress, run, "page"), on_dropped=logged)

        def logged(outcome) -> str | None:  # a file that passed is in place: the export log records it
            _quick_handover(False)
            if not isinstance(outcome, BaseException):
                try:
                    return svc.log_export(journal, report, outcome)
                except Exception as exc:  # the file is in place and checked; only the log entry is missing
                    log.warning("export log not written (%s)", type(exc).__name__)
                    return "The export log could not record it."
            return None

        def verified(result) -> None:
            self._succeeded(run, result, logged(result))

        def failed(exc: BaseException) -> None:
            _quick_handover(False)
            self._failed(run, exc)

        self.task = run_in_background(
            self, lambda report_progress: svc.render_pending(report, target, password=password,
                                                             progress=_at_most_every(report_progress)),
            rendered, failed, on_progress=partial(self._progress, run, "reflection"), on_dropped=let_go)

    def _progress(self, run: int, what: str, done: int, total: int) -> None:
        if run != self._run:
            return
        bar = self.view.progress
        bar.setRange(0, max(total, 1))
        bar.setValue(min(done, max(total, 1)))
        step = {"reflection": "Writing the PDF", "page": "Checking the PDF's text",
                "text": "Checking the text for details that may identify someone"}[what]
        counted = f"{what} {done} of {total}" if what != "text" else f"{done} of {total} pieces of text"
        self.view.status.setText(f"{step}… {counted}" if total else f"{step}…")

    def _working(self, working: bool, status: str = "") -> None:
        self._refresh(working)
        self.view.progress.setVisible(working)
        if working:
            self.view.progress.setRange(0, 1)
            self.view.progress.setValue(0)
            self._say(status=status)
            self.view.cancel_button.setFocus()

    def _succeeded(self, run: int, result, not_logged: str | None = None) -> None:
        if run != self._run:
            return
        self.written = result
        self._working(False)
        self.view.progress.setValue(self.view.progress.maximum())
        self.view.progress.show()
        pages = plural(result.pages, "page")
        entries = plural(result.entry_count, "reflection")
        lock = (" It is protected with a password (AES-256): send the password to your supervisor "
                "separately.") if result.encrypted else ""
        self._say(done=f"Saved “{result.path.name}” in {result.path.parent} ({pages}, {entries}). "
                       f"{not_logged or 'The export log has a record of it.'}{lock}")
        for button in (self.view.open_pdf, self.view.show_folder):
            button.show()
        self.view.open_pdf.setFocus()
        self.exported.emit(result)

    def _failed(self, run: int, exc: BaseException) -> None:
        if run != self._run:
            return
        self._working(False)
        if isinstance(exc, svc.FindingsBlockExport):
            self._pdf_findings = exc.findings
            self.view.review_button.show()
            self.view.review_button.setFocus()
        if isinstance(exc, CheckStopped):
            message = "Export cancelled. Nothing was written."
        elif isinstance(exc, ReflectError):
            message = exc.message
        else:  # a bug (run_in_background has logged where): say so plainly
            message = UNEXPECTED
        if isinstance(exc, CheckStopped | pdf.ExportCancelled):
            self._say(status=message)
        else:
            self._say(error=message)

    def _review_pdf_findings(self) -> None:
        """Findings only the written PDF had: accept them (nothing there to edit), then export again."""
        review = ExportReview(self._pdf_findings, lambda f: None, lambda f, t: None,
                              self.journal.privacy.accept, lambda f, t: [], {None: "The written PDF"},
                              can_leave_out=False)
        if FindingsDialog.ask(review, self) is not None and self._again is not None:
            self.view.review_button.hide()
            self.write(*self._again)

    def cancel(self) -> None:
        """Stop the export in progress (cooperatively): nothing is written."""
        if self.running:
            self.cancelled = True
            self.task.cancel()
            self._say(status="Cancelling…")

    @staticmethod
    def _open(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def done(self, result: int) -> None:
        self.cancel()
        super().done(result)

    def dispose(self) -> None:
        """Delete the dialog now, or once its background work has reported (see delete_when_done)."""
        delete_when_done(self)


def _titles(request: svc.ExportRequest, report) -> dict[int | None, str]:
    """Each reflection's title by id; None names what is not in a reflection."""
    titles: dict[int | None, str] = {svc.entry_id_of(e): e.display_title for e in svc.report_entries(report)}
    titles[None] = "Session details" if request.kind == "session" else svc.SELECTION
    return titles


_handover = {"exports": 0, "interval": 0.005}


def _quick_handover(on: bool) -> None:
    """While an export's Python work runs on a worker, hand the interpreter lock back quickly: the
    UI thread needs it for every Qt call into Python, and CPython takes it from a busy thread only
    every switch interval (5 ms), so one repaint could stall for a quarter of a second. 1 ms keeps
    the window smooth; the old value is restored when the last export ends."""
    if on:
        if _handover["exports"] == 0:
            _handover["interval"] = sys.getswitchinterval()
            sys.setswitchinterval(min(0.001, _handover["interval"]))
        _handover["exports"] += 1
    elif _handover["exports"] > 0:
        _handover["exports"] -= 1
        if _handover["exports"] == 0:
            sys.setswitchinterval(_handover["interval"])


def _at_most_every(report: Callable[[int, int], bool], seconds: float = 0.05) -> Callable[[int, int], bool]:
    """Pass progress on at most every `seconds` (and at the end). Each report is a queued call the
    UI thread must handle before its timers: hundreds at once would freeze the window they keep
    informed. A cancel is noticed at the next report passed on."""
    last = [float("-inf")]

    def progress(done: int, total: int) -> bool:
        now = time.monotonic()
        if done < total and now - last[0] < seconds:
            return True
        last[0] = now
        return report(done, total)
    return progress


def load_pdf_code() -> None:
    """Import the PDF renderers and reportlab/pypdf on the UI thread (a no-op once done): the
    export renders on a worker, and two threads importing at once can see each other's
    half-initialised modules (see services.opening.OpeningJournal)."""
    for name in pdf.__all__:
        getattr(pdf, name)
    load_pypdf()  # the written PDF's text is read back for the second check
