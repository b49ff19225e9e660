"""The review dialog, the export history, Copy as CPD record, and accessible names in all three dialogs."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from reflect.domain.journal import NewEntry
from reflect.services import exporting as svc
from reflect.ui.export.export_history_dialog import ExportHistoryDialog, short_hash
from reflect.ui.export.findings_dialog import ExportReview, FindingsDialog, context_html
from tests.gui.test_accessibility import unnamed_focusable
from tests.gui.test_export_helpers import (
    LEFT,
    answer_file,
    make_flow,
    open_dialog,
    plant,
    review_with,
    select,
)

pytestmark = pytest.mark.gui


def _review(journal, ids, **kwargs) -> ExportReview:
    request = svc.ExportRequest("session", session_id=ids["session"])
    report = svc.load_report(journal, request)
    titles = {svc.entry_id_of(e): e.display_title for e in report.entries}

    def check(finding, text):
        from reflect.domain.anonymisation import CheckedField, check_fields

        return check_fields([CheckedField(finding.entry_id, finding.stage, finding.field, text)],
                            accepted=journal.privacy.accepted())

    return ExportReview(svc.find_problems(journal, request, report), partial(svc.field_text, journal),
                        partial(svc.save_field_text, journal), journal.privacy.accept, check, titles,
                        **kwargs)


@pytest.fixture
def findings_dialog(qtbot, journal):
    ids = plant(journal)
    dialog = FindingsDialog(_review(journal, ids))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, ids


def test_findings_are_grouped_by_reflection_with_context(findings_dialog):
    """Each finding sits under its reflection, with its field, label, advice and highlighted context."""
    dialog, _ = findings_dialog
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert groups == ["Other details", "Thinking about the home visit", "Notes from the core group"]
    select(dialog, "WN1 1AA")
    assert dialog.kind.text() == "Postcode"
    assert dialog.where.text() == "Thinking about the home visit — Description"
    assert "background-color" in dialog.context.text() and "WN1 1AA</span>" in dialog.context.text()
    assert "postcode" in dialog.advice.text().lower()
    assert dialog.status.text() == "4 of 4 still to review." and not dialog.export_button.isEnabled()


def test_user_text_is_escaped_in_the_context():
    """Markup in the checked text is shown as text, never rendered."""
    from reflect.domain.anonymisation import check_text

    finding = check_text("<b>bold</b> & <img src=x> at WN1 1AA")[0]
    html = context_html(finding)
    assert "<b>" not in html and "&lt;b&gt;" in html and "&lt;img" in html


def test_an_edit_that_still_identifies_is_listed_again(qtbot, findings_dialog, journal):
    """Saving text that still has a finding adds it as a new item to review; the journal has the edit."""
    dialog, ids = findings_dialog
    select(dialog, "WN1 1AA")
    qtbot.mouseClick(dialog.edit_button, LEFT)
    assert dialog.editing() and not dialog.tree.isEnabled()
    dialog.editor.setPlainText("We visited the family at WN2 2BB in the rain.")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.editing() and dialog.current().finding.text == "WN2 2BB"
    assert "still has something to review" in dialog.status.text()
    saved = journal.entries.get_entry(ids["visit"]).answer("description")
    assert saved == "We visited the family at WN2 2BB in the rain."
    select(dialog, "WN1 1AA")
    assert dialog.current().status == "Edited" and not dialog.edit_button.isEnabled()


def test_escape_leaves_the_editor_without_saving(qtbot, findings_dialog, journal):
    """Escape in the editor goes back to the list; the dialog stays open and nothing is saved."""
    dialog, ids = findings_dialog
    select(dialog, "WN1 1AA")
    qtbot.mouseClick(dialog.edit_button, LEFT)
    dialog.editor.setPlainText("changed")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert dialog.isVisible() and not dialog.editing()
    assert "WN1 1AA" in journal.entries.get_entry(ids["visit"]).answer("description")


def test_accepting_settles_every_finding_of_that_text(qtbot, findings_dialog, journal):
    """'Not identifying' is remembered in the journal and settles the same text everywhere."""
    dialog, _ = findings_dialog
    select(dialog, "Mrs Smith")
    qtbot.mouseClick(dialog.accept_button, LEFT)
    assert ("title_name", "Mrs Smith") in journal.privacy.accepted()
    assert dialog.review.result().accepted == frozenset({("title_name", "Mrs Smith")})
    select(dialog, "Mrs Smith")
    assert dialog.current().status == "Not identifying" and not dialog.accept_button.isEnabled()


def test_leave_out_is_for_reflections_only(qtbot, journal):
    """Session details cannot be left out; a single-reflection export offers no Leave out at all."""
    ids = plant(journal)
    dialog = FindingsDialog(_review(journal, ids))
    qtbot.addWidget(dialog)
    dialog.show()
    select(dialog, "Dr Patel")
    assert not dialog.leave_button.isEnabled() and dialog.edit_button.isEnabled()
    single = FindingsDialog(_review(journal, ids, can_leave_out=False))
    qtbot.addWidget(single)
    single.show()
    select(single, "943 476 5919")
    assert not single.leave_button.isVisible()


def test_history_lists_exports_newest_first_and_copies_the_hash(qtbot, journal):
    """The history shows each export (newest first) and copies the full SHA-256."""
    journal.exports.record("Supervision pack — Tue 1 Dec 2026", "/tmp/a.pdf", 3, "a" * 64)
    journal.exports.record("Portfolio of reflections", "/tmp/b.pdf", 12, "b" * 64)
    dialog = ExportHistoryDialog(journal.exports.all())
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.table.item(r, 2).text() for r in range(2)] == ["b.pdf", "a.pdf"]
    assert dialog.table.item(0, 3).text() == "12" and dialog.table.item(0, 4).text() == short_hash("b" * 64)
    assert dialog.copy_hash() == "b" * 64 == QGuiApplication.clipboard().text()
    assert unnamed_focusable(dialog) == []


def test_copy_as_cpd_record(qtbot, journal):
    """Copy as CPD record puts the entry in Social Work England's field order on the clipboard."""
    entry = journal.entries.create_entry(NewEntry(
        title="Briefing in team meeting", model="swe_cpd",
        answers=(("learnt", "Drift happens quietly."), ("cpd_type", "Team discussion"))))
    flow = make_flow(qtbot, journal, entry_id=entry.id)
    text = flow.copy_cpd_record(entry.id).text
    assert text == QGuiApplication.clipboard().text()
    assert text.startswith("Type of CPD:\nTeam discussion\n\nDescription and relevance:")
    assert text.index("What I learnt:\nDrift happens quietly.") > text.index("Date:")
    assert flow.copy_cpd_record(999999).text is None


def _cpd_entry(journal, learnt: str, title: str = "Team meeting"):
    return journal.entries.create_entry(NewEntry(
        title=title, model="swe_cpd", answers=(("learnt", learnt), ("cpd_type", "Team discussion"))))


def test_copy_as_cpd_record_is_checked_first_and_a_cancelled_check_copies_nothing(qtbot, journal,
                                                                                  monkeypatch):
    """The record leaves Reflect, so it is checked as an export is; cancelling copies nothing."""
    entry = _cpd_entry(journal, "Mrs Okafor rang on 07700 900123 about the referral.")
    QGuiApplication.clipboard().setText("what was there before")
    shown = review_with(monkeypatch, lambda dialog: QDialog.DialogCode.Rejected)
    copied = make_flow(qtbot, journal, entry_id=entry.id).copy_cpd_record()
    found = sorted(item.finding.text for item in shown[0].review.items)
    assert found == ["07700 900123", "Mrs Okafor"]
    assert not shown[0].leave_button.isVisible()  # one reflection: nothing to leave out
    assert copied.text is None and "cancelled" in copied.message
    assert QGuiApplication.clipboard().text() == "what was there before"


def test_copy_as_cpd_record_after_an_edit_and_an_acceptance(qtbot, journal, monkeypatch):
    """Edit one finding away and accept the other: the copy holds the edited text, and copying
    again asks nothing."""
    entry = _cpd_entry(journal, "Mrs Okafor rang on 07700 900123 about the referral.")

    def steps(dialog):
        select(dialog, "Mrs Okafor")
        qtbot.mouseClick(dialog.accept_button, LEFT)
        select(dialog, "07700 900123")
        qtbot.mouseClick(dialog.edit_button, LEFT)
        dialog.editor.setPlainText("Mrs Okafor rang about the referral.")
        qtbot.mouseClick(dialog.save_button, LEFT)
        assert dialog.review.unresolved == []
        qtbot.mouseClick(dialog.export_button, LEFT)
        return dialog.result()

    shown = review_with(monkeypatch, steps)
    flow = make_flow(qtbot, journal, entry_id=entry.id)
    edited = []
    flow.journal_changed.connect(edited.append)
    copied = flow.copy_cpd_record()
    assert len(shown) == 1 and edited == [frozenset({entry.id})]
    assert "What I learnt:\nMrs Okafor rang about the referral." in copied.text
    assert "07700" not in QGuiApplication.clipboard().text()
    assert flow.copy_cpd_record().text == copied.text and len(shown) == 1


def test_a_title_is_not_copied_so_it_is_not_checked(qtbot, journal, monkeypatch):
    """The CPD record holds the answers only: a name in the title does not stop the copy."""
    entry = _cpd_entry(journal, "Drift happens quietly.", title="Visit with Mrs Okafor")
    shown = review_with(monkeypatch, lambda dialog: QDialog.DialogCode.Rejected)
    copied = make_flow(qtbot, journal, entry_id=entry.id).copy_cpd_record()
    assert shown == [] and "Okafor" not in copied.text


def test_every_control_has_an_accessible_name(qtbot, journal, tmp_path, monkeypatch):
    """The export dialog (idle, with a password, done) and the review dialog name every control."""
    ids = plant(journal)
    dialog = open_dialog(qtbot, make_flow(qtbot, journal, entry_id=ids["quiet"], session_id=ids["session"]))
    for kind in ("portfolio", "entry", "session"):
        dialog.view.set_kind(kind)
        assert unnamed_focusable(dialog) == [], kind
    dialog.view.protect.setChecked(True)
    dialog.view.use_filters.setChecked(True)
    assert unnamed_focusable(dialog) == []
    dialog.view.set_kind("entry")
    answer_file(monkeypatch, tmp_path / "one.pdf")
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.view.password.setText("a long enough password")
        dialog.view.confirm.setText("a long enough password")
        qtbot.mouseClick(dialog.view.export_button, LEFT)
    assert unnamed_focusable(dialog) == []
    review = FindingsDialog(_review(journal, ids))
    qtbot.addWidget(review)
    review.show()
    assert unnamed_focusable(review) == []
    select(review, "WN1 1AA")
    qtbot.mouseClick(review.edit_button, LEFT)
    assert unnamed_focusable(review) == []


def test_a_name_replaced_at_the_review_is_gone_from_every_version_and_from_search(
        qtbot, findings_dialog, journal):
    """Replacing "Mrs Smith" at the review removes it from the entry's earlier versions (noted in
    History) and from search; the review says what the encrypted backups still hold."""
    dialog, ids = findings_dialog
    meeting = ids["meeting"]
    journal.revisions.snapshot(meeting, "closed")  # an earlier version holding the name
    assert journal.search.search("Smith")
    select(dialog, "Mrs Smith")
    qtbot.mouseClick(dialog.edit_button, LEFT)
    text = dialog.editor.toPlainText().replace("Mrs Smith", "The child's mother")
    dialog.editor.setPlainText(text)
    qtbot.mouseClick(dialog.save_button, LEFT)
    versions = journal.revisions.list(meeting)
    assert versions
    assert all("Smith" not in f"{v.title} {v.answers}" for v in versions)
    assert all(v.note.startswith("details removed") for v in versions)
    assert journal.search.search("Smith") == []
    assert f"gone from {len(versions)} earlier version" in dialog.status.text()
    assert "backups" in dialog.status.text()
