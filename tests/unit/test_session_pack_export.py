"""The session pack exported from a journal through the services: the practitioner's role, the
session's notes (checked like a reflection, or left out), and a later pack after a signed reply."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from reflect.domain.anonymisation import check_text
from reflect.domain.journal import NewEntry
from reflect.domain.report import ExportOptions
from reflect.domain.supervision import NewSession
from reflect.export import form_fields as ff
from reflect.export.reply_reader import form_values
from reflect.services import exporting as svc
from reflect.services.replies import read_and_verify
from reflect.services.reply_import import import_reply
from tests.unit.pdf_helpers import norm, page_texts, qpdf_check
from tests.unit.reply_pack_helpers import fill_with_pypdf

NOTES = "We went through the caseload. I met the family at WN1 1AA last week."
WELLBEING = "Tired after a run of late visits; the team has been supportive."


def _session(journal) -> int:
    """A session with a reflection, notes and a check-in; the supervisor's names are accepted as
    not identifying, so the only finding is the postcode planted in the notes."""
    for name in ("Jo Supervisor", "Jo Smith"):
        for finding in check_text(name):
            journal.privacy.accept(*finding.key)
    entry = journal.entries.create_entry(NewEntry(
        title="Thinking about threshold decisions", model="free",
        answers=(("reflection", "We talked about thresholds and how to escalate concerns. " * 20),)))
    session = journal.sessions.create_session(NewSession(datetime(2026, 12, 1, 14, 30),
                                                         supervisor_name="Jo Supervisor",
                                                         supervisor_role="Team manager"))
    journal.sessions.link_entry(session.id, entry.id)
    journal.sessions.update_session(session.id, notes=NOTES, wellbeing=WELLBEING,
                                    workload="Eighteen families.", learning_needs="")
    return session.id


def _request(session_id: int, **options) -> svc.ExportRequest:
    options = {"practitioner": "Sam Practitioner", **options}
    return svc.ExportRequest("session", ExportOptions(**options), session_id=session_id)


def _text(path) -> str:
    return norm(" ".join(page_texts(path)))


def test_session_notes_are_checked_like_a_reflection_then_printed(journal, tmp_path):
    """By default the notes and check-in are in the pack, so the check before the export covers
    them (a postcode in the notes is a finding, editable through the session) and the pack shows
    them; accepted, the export goes through."""
    session_id = _session(journal)
    request = _request(session_id)
    report = svc.load_report(journal, request)
    checked = {f.field: f.text for f in svc.checked_fields(journal, request, report)}
    assert checked["Session notes"] == NOTES and checked["Wellbeing"] == WELLBEING
    findings = svc.find_problems(journal, request, report)
    assert [(f.text, f.field) for f in findings] == [("WN1 1AA", "Session notes")]
    assert svc.field_text(journal, findings[0]) == NOTES
    with pytest.raises(svc.FindingsBlockExport):
        svc.export_document(journal, request, tmp_path / "blocked.pdf")
    assert not (tmp_path / "blocked.pdf").exists()
    svc.save_field_text(journal, findings[0], NOTES.replace("WN1 1AA", "their home"))
    assert journal.sessions.get_session(session_id).notes.endswith("at their home last week.")
    svc.export_document(journal, request, tmp_path / "pack.pdf")
    text = _text(tmp_path / "pack.pdf")
    assert "Session notes and wellbeing check-in" in text
    assert "at their home last week." in text and WELLBEING in text and "Workload Eighteen families." in text
    assert "Learning needs Not written" in text


def test_leaving_the_notes_out_leaves_them_out_of_the_check_and_the_pack(journal, tmp_path):
    """With the notes left out their text is neither checked (no findings) nor printed."""
    session_id = _session(journal)
    request = _request(session_id, include_session_notes=False)
    report = svc.load_report(journal, request)
    assert report.session_notes == ()
    checked = {f.field for f in svc.checked_fields(journal, request, report)}
    assert not {"Session notes", "Wellbeing"} & checked
    assert svc.find_problems(journal, request, report) == []
    svc.export_document(journal, request, tmp_path / "pack.pdf")
    text = _text(tmp_path / "pack.pdf")
    assert "wellbeing check-in" not in text and "WN1 1AA" not in text and WELLBEING not in text


def test_the_practitioners_role_prints_and_is_not_held_against_the_export(journal, tmp_path):
    """The role from settings is on the cover and the sign-off; it is the practitioner's own
    description (not a reflection), so words in it that look like an address do not stop the
    export or the check of the written PDF."""
    session_id = _session(journal)
    journal.sessions.update_session(session_id, notes="")
    role = "Social worker, Oakfield Road team"
    svc.export_document(journal, _request(session_id, practitioner_role=role), tmp_path / "pack.pdf")
    pages = [norm(p) for p in page_texts(tmp_path / "pack.pdf")]
    assert f"Supervisee Sam Practitioner, {role}" in pages[0]
    assert any(f"Supervisee Sam Practitioner {role}" in page for page in pages)


def _signed_reply(journal, data: bytes, tmp_path, name: str, values: dict):
    path = tmp_path / name
    path.write_bytes(fill_with_pypdf(data, values))
    return import_reply(journal, read_and_verify(journal, path, practitioner="Sam Practitioner"))


def test_a_later_pack_carries_the_sign_off_and_imports_again_unchanged(journal, tmp_path):
    """After a signed reply is imported (and the supervisee agrees), the next pack of the session
    starts with the supervisor's name, role and date filled in and the sign-off ticked, prints
    both sign-offs, and, saved again by the supervisor with a comment, imports as the same
    sign-off without duplicating anything."""
    session_id = _session(journal)
    request = _request(session_id, include_session_notes=False)
    svc.export_document(journal, request, tmp_path / "first.pdf")
    _signed_reply(journal, (tmp_path / "first.pdf").read_bytes(), tmp_path, "reply1.pdf", {
        ff.SUPERVISOR_NAME: "Jo Smith", ff.SUPERVISOR_ROLE: "Practice supervisor",
        ff.SUPERVISOR_DATE: "01/12/2026", ff.action_field(1, "what"): "Read the policy"})
    journal.sessions.update_session(session_id, supervisee_agreed_on=date(2026, 12, 2))
    before = journal.db.execute("SELECT count(*) FROM actions").fetchone()[0]

    report = svc.load_report(journal, request)
    assert (report.signed_by_name, report.signed_by_role) == ("Jo Smith", "Practice supervisor")
    checked = {f.field: f.text for f in svc.checked_fields(journal, request, report)}
    assert checked["Supervisor's name (their sign-off)"] == "Jo Smith"  # differs from the session's
    svc.export_document(journal, request, tmp_path / "later.pdf")
    later = (tmp_path / "later.pdf").read_bytes()
    values = form_values(later)
    assert (values[ff.SUPERVISOR_NAME], values[ff.SUPERVISOR_ROLE], values[ff.SUPERVISOR_DATE]) == (
        "Jo Smith", "Practice supervisor", "Tue 1 Dec 2026")
    assert values[ff.SIGNOFF] is True
    assert ("Recorded in the journal: agreed by the supervisee on Wed 2 Dec 2026; signed off by the "
            "supervisor (Jo Smith, Practice supervisor) on Tue 1 Dec 2026.") in _text(tmp_path / "later.pdf")
    qpdf_check(tmp_path / "later.pdf")

    resaved = fill_with_pypdf(later, {ff.OVERALL: "Still agreed."}, sign=False)
    (tmp_path / "reply2.pdf").write_bytes(resaved)
    check = read_and_verify(journal, tmp_path / "reply2.pdf", practitioner="Sam Practitioner")
    assert check.verified and check.signed_off and check.signed_on == date(2026, 12, 1)
    assert (check.supervisor_name, check.supervisor_role) == ("Jo Smith", "Practice supervisor")
    import_reply(journal, check)
    assert journal.db.execute("SELECT count(*) FROM actions").fetchone()[0] == before
    session = journal.sessions.get_session(session_id)
    assert session.supervisor_agreed_on == date(2026, 12, 1)
    reply = journal.replies.for_session(session_id)
    assert reply.latest.signed_off and reply.overall == "Still agreed." and len(reply.imports) == 2


def test_a_session_signed_off_by_hand_prefills_the_sessions_supervisor(journal, tmp_path):
    """A supervisor's agreement entered by hand in the session (no reply) fills in the session's
    supervisor; a session with neither leaves the fields empty."""
    session_id = _session(journal)
    request = _request(session_id, include_session_notes=False)
    svc.export_document(journal, request, tmp_path / "before.pdf")
    assert form_values((tmp_path / "before.pdf").read_bytes())[ff.SUPERVISOR_NAME] == ""
    journal.sessions.update_session(session_id, supervisor_agreed_on=date(2026, 12, 3))
    svc.export_document(journal, request, tmp_path / "after.pdf")
    values = form_values((tmp_path / "after.pdf").read_bytes())
    assert (values[ff.SUPERVISOR_NAME], values[ff.SUPERVISOR_ROLE], values[ff.SUPERVISOR_DATE],
            values[ff.SIGNOFF]) == ("Jo Supervisor", "Team manager", "Thu 3 Dec 2026", True)
    assert PdfReader(io.BytesIO((tmp_path / "after.pdf").read_bytes())).metadata.author == "Sam Practitioner"
