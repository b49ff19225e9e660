"""The export dialog's one choice about the session's notes and wellbeing check-in: in the pack by
default (and reviewed like a reflection), left out when unticked; the role from settings on the cover."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from reflect.domain.anonymisation import check_text
from reflect.domain.entry_filter import EntryFilter
from reflect.domain.journal import NewEntry
from reflect.domain.supervision import NewSession
from reflect.settings import Settings
from reflect.ui.export.export_flow import ExportFlow
from tests.gui.test_export_helpers import LEFT, answer_file, open_dialog, review_with, select, settle
from tests.unit.pdf_helpers import norm, page_texts

pytestmark = pytest.mark.gui

NOTES = "We went through the caseload; I met the family at WN1 1AA."
WELLBEING = "Tired after late visits, but the team has been supportive."


def _session(journal) -> int:
    """A session whose only finding is the postcode in its notes."""
    for finding in check_text("Dr Patel"):
        journal.privacy.accept(*finding.key)
    entry = journal.entries.create_entry(NewEntry(
        title="A quiet reflection on drift", model="driscoll",
        answers=(("what", "Plans drift when nobody owns them."),)))
    session = journal.sessions.create_session(NewSession(datetime.now() + timedelta(days=2),
                                                         supervisor_name="Dr Patel",
                                                         supervisor_role="Team manager"))
    journal.sessions.link_entry(session.id, entry.id)
    journal.sessions.update_session(session.id, notes=NOTES, wellbeing=WELLBEING)
    return session.id


def _dialog(qtbot, journal, session_id):
    settle()
    settings = Settings(practitioner_name="Sam Practitioner", practitioner_role="Senior social worker")
    flow = ExportFlow(journal, settings, lambda: True, lambda: None, lambda: session_id, EntryFilter)
    return flow, open_dialog(qtbot, flow)


def _text(path) -> str:
    return norm(" ".join(page_texts(path)))


def test_notes_are_in_by_default_and_reviewed(qtbot, journal, tmp_path, monkeypatch):
    """Ticked by default for a session pack (not offered for the other documents); the postcode in
    the notes is reviewed under the session's details; the pack prints the notes and the role."""
    session_id = _session(journal)
    target = tmp_path / "with notes.pdf"
    answer_file(monkeypatch, target)
    seen = []

    def steps(dialog):
        seen.append([dialog.tree.topLevelItem(g).text(0) for g in range(dialog.tree.topLevelItemCount())])
        select(dialog, "WN1 1AA")
        assert dialog.tree.currentItem().text(1) == "Session notes"
        qtbot.mouseClick(dialog.accept_button, LEFT)
        qtbot.mouseClick(dialog.export_button, LEFT)
        return dialog.result()

    review_with(monkeypatch, steps)
    flow, dialog = _dialog(qtbot, journal, session_id)
    box = dialog.view.include_notes
    assert box.isChecked() and box.isEnabled() and box.accessibleName()
    dialog.view.set_kind("portfolio")
    assert not box.isEnabled()
    dialog.view.set_kind("session")
    assert box.isEnabled()
    with qtbot.waitSignal(flow.exported, timeout=60000):
        qtbot.mouseClick(dialog.view.export_button, LEFT)
    assert seen == [["Session details"]]
    text = _text(target)
    assert NOTES in text and f"Wellbeing {WELLBEING}" in text
    assert "Supervisee Sam Practitioner, Senior social worker" in text


def test_unticked_the_notes_are_neither_reviewed_nor_printed(qtbot, journal, tmp_path, monkeypatch):
    session_id = _session(journal)
    target = tmp_path / "without notes.pdf"
    answer_file(monkeypatch, target)
    shown = review_with(monkeypatch, lambda dialog: QDialog.DialogCode.Rejected)
    flow, dialog = _dialog(qtbot, journal, session_id)
    dialog.view.include_notes.setChecked(False)
    with qtbot.waitSignal(flow.exported, timeout=60000):
        qtbot.mouseClick(dialog.view.export_button, LEFT)
    assert shown == []
    text = _text(target)
    assert "WN1 1AA" not in text and WELLBEING not in text and "wellbeing check-in" not in text
    assert "Supervisee Sam Practitioner, Senior social worker" in text
