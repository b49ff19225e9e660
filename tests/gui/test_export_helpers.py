"""Helpers for the export GUI tests (no tests here): a journal with planted findings, driving the dialogs."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from reflect.domain.entry_filter import EntryFilter
from reflect.domain.journal import NewEntry
from reflect.domain.supervision import NewSession
from reflect.settings import Settings
from reflect.ui.export.export_dialog import ChooseExportFile
from reflect.ui.export.export_flow import ExportFlow
from reflect.ui.export.findings_dialog import FindingsDialog

LEFT = Qt.MouseButton.LeftButton
EDITED_TEXT = "We visited the family at a town in the borough, in the rain."


def settle() -> None:
    """Destroy widgets left for deletion now, while no worker thread runs Python (see import tests)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def plant(journal) -> dict[str, int]:
    """A session with three reflections: a postcode, an NHS number with a name, and a clean one."""
    visit = journal.entries.create_entry(NewEntry(
        title="Thinking about the home visit", model="gibbs",
        answers=(("description", "We visited the family at WN1 1AA in the rain."),
                 ("feelings", "I felt unsure what to ask first."))))
    meeting = journal.entries.create_entry(NewEntry(
        title="Notes from the core group", model="free",
        answers=(("reflection", "Mrs Smith read out the NHS number 943 476 5919 at the meeting."),)))
    quiet = journal.entries.create_entry(NewEntry(
        title="A quiet reflection on drift", model="driscoll",
        answers=(("what", "Plans drift when nobody owns them."),)))
    session = journal.sessions.create_session(NewSession(datetime.now() + timedelta(days=2),
                                                         supervisor_name="Dr Patel",
                                                         supervisor_role="Team manager"))
    for entry in (visit, meeting, quiet):
        journal.sessions.link_entry(session.id, entry.id)
    return {"session": session.id, "visit": visit.id, "meeting": meeting.id, "quiet": quiet.id}


def make_flow(qtbot, journal, *, entry_id=None, session_id=None, entry_filter=None) -> ExportFlow:
    settle()
    return ExportFlow(journal, Settings(practitioner_name="Sam Practitioner"), lambda: True,
                      lambda: entry_id, lambda: session_id, lambda: entry_filter or EntryFilter())


def open_dialog(qtbot, flow: ExportFlow, kind: str | None = None):
    dialog = flow.export(kind)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def answer_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(ChooseExportFile, "ask", classmethod(lambda cls, parent, suggested: path))


def review_with(monkeypatch, steps) -> list[FindingsDialog]:
    """Replace only the blocking `exec` of the real findings dialog: `steps(dialog)` drives its
    widgets and returns the dialog's result code. Returns the dialogs shown."""
    shown: list[FindingsDialog] = []

    def run(dialog: FindingsDialog) -> int:
        shown.append(dialog)
        dialog.show()
        return steps(dialog)

    monkeypatch.setattr(FindingsDialog, "exec", run)
    return shown


def select(dialog: FindingsDialog, found: str) -> None:
    """Make the finding whose found text is `found` current in the tree."""
    tree = dialog.tree
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        for c in range(group.childCount()):
            if group.child(c).text(0) == found:
                tree.setCurrentItem(group.child(c))
                return
    raise AssertionError(f"{found!r} is not listed")


def wait_done(qtbot, dialog, timeout: int = 60000) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=timeout)
