"""The export controller the main window holds: Export… (Ctrl+E), Export history, Copy as CPD record.

It gets narrow dependencies (the journal, the settings and callables for the window's current
reflection, session and entry-list filter, and its flush) so the main window only wires actions to
it. One export dialog at a time: asking again brings the open one forward. The folder last saved to
is remembered while the app runs (not in settings: a folder name can say something about a case).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from reflect.domain.entry_filter import EntryFilter
from reflect.domain.report import cpd_record_text
from reflect.services import exporting as svc
from reflect.settings import Settings
from reflect.ui.export.export_dialog import ExportContext, ExportDialog
from reflect.ui.export.export_history_dialog import ExportHistoryDialog
from reflect.ui.export.findings_dialog import ExportReview, FindingsDialog


@dataclass(frozen=True)
class CpdCopy:
    """What "Copy as CPD record" did: the text copied (None if nothing was) and what to tell the user."""

    text: str | None
    message: str


class ExportFlow(QObject):
    exported = Signal(object)  # the ExportResult of a PDF written, checked and logged
    #: the review saved edited text: a frozenset of the reflections edited (session details may
    #: have changed too); the window reloads the open reflection and refreshes its lists
    journal_changed = Signal(object)

    def __init__(self, journal, settings: Settings, flush: Callable[[], bool],
                 current_entry_id: Callable[[], int | None], current_session_id: Callable[[], int | None],
                 current_filter: Callable[[], EntryFilter], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.settings = settings
        self.flush = flush
        self.current_entry_id = current_entry_id
        self.current_session_id = current_session_id
        self.current_filter = current_filter
        self.dialog: ExportDialog | None = None
        self.folder = None

    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def export(self, kind: str | None = None) -> ExportDialog:
        """Open the export dialog (or bring the open one forward); `kind` preselects
        "session", "portfolio" or "entry"."""
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            if kind and not self.dialog.running:
                self.dialog.view.set_kind(kind)
            self.dialog.setWindowState(self.dialog.windowState() & ~Qt.WindowState.WindowMinimized)
            self.dialog.activateWindow()
            return self.dialog
        self.flush()
        context = ExportContext(self.journal, self.settings.practitioner_name, self.flush,
                                entry_id=self.current_entry_id(), session_id=self.current_session_id(),
                                entry_filter=self.current_filter(), folder=self.folder,
                                practitioner_role=self.settings.practitioner_role)
        dialog = ExportDialog(context, kind, self._window())
        dialog.exported.connect(self._exported)
        dialog.journal_changed.connect(self.journal_changed)
        dialog.finished.connect(lambda _code, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _exported(self, result) -> None:
        self.folder = result.path.parent
        self.exported.emit(result)

    def _closed(self, dialog: ExportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.dispose()

    def close(self) -> None:
        """Cancel and close an open export (the window is locking or closing)."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()

    def copy_cpd_record(self, entry_id: int | None = None) -> CpdCopy:
        """Put the reflection's text on the clipboard in Social Work England's CPD form order.

        The text is leaving Reflect (for the online CPD form), so it is checked first, as before an
        export: the user reviews each finding (edit, or accept as not identifying) or cancels.
        Give a copied text to `ClipboardGuard.mark_ours` so it is cleared on lock.
        """
        entry_id = self.current_entry_id() if entry_id is None else entry_id
        if entry_id is None:
            return CpdCopy(None, "Open a reflection first.")
        if not self.flush():
            return CpdCopy(None, "Your latest changes could not be saved, so nothing was copied.")
        while findings := svc.cpd_record_problems(self.journal, entry_id):
            if not self._reviewed(entry_id, findings):
                return CpdCopy(None, "Nothing was copied: the check for details that may identify "
                                     "someone was cancelled.")
        try:
            entry = self.journal.entries.get_entry(entry_id)
        except KeyError:
            return CpdCopy(None, "Open a reflection first.")
        text = cpd_record_text(entry)
        QGuiApplication.clipboard().setText(text)
        return CpdCopy(text, "Copied as a CPD record. It is cleared from the clipboard when Reflect locks.")

    def _reviewed(self, entry_id: int, findings) -> bool:
        journal = self.journal
        title = next((f.text for f in svc.entry_fields(journal, entry_id) if f.field == svc.TITLE), "")
        review = ExportReview(findings, partial(svc.field_text, journal),
                              partial(svc.save_field_text, journal), journal.privacy.accept,
                              partial(svc.check_field, journal),
                              {entry_id: title or "Untitled reflection"}, can_leave_out=False)
        decided = FindingsDialog.ask(review, self._window())
        if review.saved:
            self.journal_changed.emit(frozenset(review.edited))
        return decided is not None

    def show_history(self) -> None:
        ExportHistoryDialog.ask(self.journal.exports.all(), self._window())
