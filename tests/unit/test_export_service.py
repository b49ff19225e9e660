"""The export steps without Qt: what is checked, leaving out, remembering, and the second check."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from reflect.domain.entry_filter import EntryFilter
from reflect.domain.journal import NewEntry
from reflect.domain.report import ExportOptions
from reflect.domain.supervision import ActionOwner, NewAction, NewSession
from reflect.export import ExportCancelled
from reflect.services import exporting as svc
from reflect.services.demo import build_demo
from reflect.services.exporting import ExportRequest, FindingsBlockExport
from tests.unit.pdf_helpers import body_text, norm, qpdf_check

OPTIONS = ExportOptions(practitioner="Sam Practitioner")


@pytest.fixture
def out(tmp_path):
    """An empty folder for the PDFs (the journal lives elsewhere in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _planted_session(journal):
    """A session with a reflection holding a postcode and a title-and-name, and every session part."""
    entry = journal.entries.create_entry(NewEntry(
        title="Thinking about the home visit", model="gibbs", tags=("neglect", "Mrs Jones"),
        answers=(("description", "We visited the family at WN1 1AA in the rain."),
                 ("feelings", "I worried about Mrs Smith and the baby."))))
    other = journal.entries.create_entry(NewEntry(title="A quiet reflection", model="free",
                                                  answers=(("reflection", "Nothing to see."),)))
    session = journal.sessions.create_session(NewSession(datetime.now() + timedelta(days=3),
                                                         supervisor_name="Dr Patel",
                                                         supervisor_role="Team manager"))
    journal.sessions.link_entry(session.id, entry.id)
    journal.sessions.link_entry(session.id, other.id)
    journal.sessions.add_agenda_item(session.id, "Caseload pressures")
    journal.actions.add(NewAction("Call the health visitor", owner=ActionOwner.OTHER,
                                  owner_name="Ms Brown", session_id=session.id))
    return session.id, entry.id, other.id


def _request(session_id, **kw):
    return ExportRequest("session", options=OPTIONS, session_id=session_id, **kw)


def test_fields_include_every_piece_of_user_text(journal):
    """Titles, each stage's answer, tags, supervisor, agenda and actions are all checked, labelled."""
    session_id, entry_id, other_id = _planted_session(journal)
    request = _request(session_id)
    fields = svc.checked_fields(journal, request, svc.load_report(journal, request))
    by_text = {f.text: f for f in fields}
    for text in ("Thinking about the home visit", "We visited the family at WN1 1AA in the rain.",
                 "I worried about Mrs Smith and the baby.", "Mrs Jones, neglect", "Dr Patel",
                 "Team manager", "Caseload pressures", "Call the health visitor", "Ms Brown",
                 "A quiet reflection", "Nothing to see."):
        assert text in by_text, text
    assert (by_text["We visited the family at WN1 1AA in the rain."].entry_id,
            by_text["We visited the family at WN1 1AA in the rain."].stage,
            by_text["We visited the family at WN1 1AA in the rain."].field) == (entry_id, "description",
                                                                                  "Description")
    assert by_text["Thinking about the home visit"].field == svc.TITLE
    kinds = {(f.kind, f.text) for f in svc.find_problems(journal, request, svc.load_report(journal, request))}
    assert {("postcode", "WN1 1AA"), ("title_name", "Mrs Smith"), ("title_name", "Dr Patel"),
            ("title_name", "Ms Brown"), ("title_name", "Mrs Jones")} <= kinds


def test_leaving_an_entry_out_removes_it_from_the_snapshot(journal):
    """A left-out reflection is not in the session pack or the portfolio; the journal keeps it."""
    session_id, entry_id, other_id = _planted_session(journal)
    pack = svc.load_report(journal, _request(session_id), left_out={entry_id})
    assert [svc.entry_id_of(e) for e in pack.entries] == [other_id]
    assert journal.sessions.linked_entry_ids(session_id) == [entry_id, other_id]
    portfolio = svc.load_report(journal, ExportRequest("portfolio", options=OPTIONS), left_out={other_id})
    assert other_id not in [svc.entry_id_of(e) for e in portfolio.entries]
    assert entry_id in [svc.entry_id_of(e) for e in portfolio.entries]
    with pytest.raises(svc.ExportError, match="nothing to export"):
        svc.load_report(journal, ExportRequest("entry", options=OPTIONS, entry_id=entry_id), {entry_id})


def test_accepted_pairs_persist_and_are_skipped(tmp_path, passphrase):
    """A finding accepted as not identifying is remembered in the journal, across reopening."""
    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal

    paths = AppPaths(tmp_path / "own")
    with open_journal(paths, passphrase, create=True) as journal:
        session_id, _, _ = _planted_session(journal)
        report = svc.load_report(journal, _request(session_id))
        before = svc.find_problems(journal, _request(session_id), report)
        postcode = next(f for f in before if f.kind == "postcode")
        journal.privacy.accept(*postcode.key)
    with open_journal(paths, passphrase) as journal:
        after = svc.find_problems(journal, _request(session_id), report)
        assert postcode.key not in {f.key for f in after}
        assert len(after) == len(before) - 1


def test_edits_go_through_the_stores(journal):
    """Text of an answer, a title, an agenda item, an action and the supervisor is read and saved."""
    session_id, entry_id, _ = _planted_session(journal)
    request = _request(session_id)
    findings = svc.find_problems(journal, request, svc.load_report(journal, request))
    by_text = {f.text: f for f in findings}
    postcode = by_text["WN1 1AA"]
    assert svc.field_text(journal, postcode) == "We visited the family at WN1 1AA in the rain."
    svc.save_field_text(journal, postcode, "We visited the family at home in the rain.")
    assert journal.entries.get_entry(entry_id).answer("description") == \
        "We visited the family at home in the rain."
    assert journal.revisions.list(entry_id)[0].reason == "before an export review"
    for text, new in (("Dr Patel", "The team manager"), ("Ms Brown", "The health visitor")):
        svc.save_field_text(journal, by_text[text], new)
        assert svc.field_text(journal, by_text[text]) == new
    tags = by_text["Mrs Jones"]
    assert tags.field == svc.TAGS and svc.field_text(journal, tags) is None
    remaining = svc.find_problems(journal, request, svc.load_report(journal, request))
    assert {f.text for f in remaining} == {"Mrs Smith", "Mrs Jones"}


def test_export_document_writes_logs_and_hashes(journal, out):
    """With findings accepted for scripts, the PDF is written, logged, hashed and passes qpdf."""
    session_id, _, _ = _planted_session(journal)
    with pytest.raises(FindingsBlockExport) as blocked:
        svc.export_document(journal, _request(session_id), out / "pack.pdf")
    assert blocked.value.exit_code == 6 and blocked.value.findings
    assert not (out / "pack.pdf").exists()
    result = svc.export_document(journal, _request(session_id), out / "pack.pdf", accept_findings=True)
    data = (out / "pack.pdf").read_bytes()
    assert result.sha256 == hashlib.sha256(data).hexdigest() and result.entry_count == 2
    log = journal.exports.all()[0]
    assert (log.file_name, log.entry_count, log.sha256) == (str(out / "pack.pdf"), 2, result.sha256)
    assert log.document.startswith("Supervision pack — ")
    assert [p.name for p in out.iterdir() if p.name.startswith(".reflect-")] == []
    qpdf_check(out / "pack.pdf")


def test_second_check_fails_on_a_late_watch_term_and_leaves_no_file(journal, out):
    """A term added to the watch list after the snapshot fails the export; no file is left behind."""
    session_id, _, _ = _planted_session(journal)
    target = out / "pack.pdf"
    target.write_bytes(b"%PDF-1.4 an earlier export\n")
    report = svc.load_report(journal, _request(session_id))
    reviewed = svc.find_problems(journal, _request(session_id), report)
    pending = svc.render_pending(report, target)
    journal.privacy.set_watch_terms(["rain"])
    with pytest.raises(FindingsBlockExport) as failed:
        svc.verify(pending, journal.privacy.watch_terms(),
                   svc.second_check_accepts(journal, report, reviewed))
    assert [(f.kind, f.text) for f in failed.value.findings] == [("watch_term", "rain")]
    assert "Nothing was exported" in failed.value.message
    assert target.read_bytes() == b"%PDF-1.4 an earlier export\n"
    assert sorted(p.name for p in out.iterdir()) == ["pack.pdf"]


def test_app_dates_and_briefing_text_pass_the_second_check(journal, out):
    """Every demo session pack and a portfolio pass the second check once the user's findings are reviewed."""
    build_demo(journal, 40)
    options = ExportOptions(practitioner="Mrs Practitioner", include_briefings=True)
    for session in journal.sessions.list_sessions()[:3]:
        svc.export_document(journal, ExportRequest("session", options=options, session_id=session.id),
                            out / f"s{session.id}.pdf", accept_findings=True)
    request = ExportRequest("portfolio", options=options,
                            entry_filter=EntryFilter(created_from=date.today() - timedelta(days=120)))
    result = svc.export_document(journal, request, out / "p.pdf", accept_findings=True)
    assert result.entry_count == len(svc.load_report(journal, request).entries) > 0


def test_left_out_reflection_is_not_in_the_pdf(journal, out):
    """The PDF of a snapshot without a reflection lacks its title and text."""
    session_id, entry_id, _ = _planted_session(journal)
    report = svc.load_report(journal, _request(session_id), left_out={entry_id})
    pending = svc.render_pending(report, out / "pack.pdf")
    result = svc.verify(pending, [], svc.second_check_accepts(journal, report, [
        f for f in svc.find_problems(journal, _request(session_id), report)]))
    text = norm(body_text(result.path))
    assert "A quiet reflection" in text and "Thinking about the home visit" not in text


def test_cancelled_render_and_password(journal, out):
    """Cancelling leaves no file; a password gives an AES-256 PDF that the second check can read."""
    session_id, entry_id, _ = _planted_session(journal)
    request = ExportRequest("entry", options=ExportOptions(password="s3cret pass"), entry_id=entry_id)
    report = svc.load_report(journal, request)
    with pytest.raises(ExportCancelled):
        svc.render_pending(report, out / "one.pdf", progress=lambda done, total: False)
    assert list(out.iterdir()) == []
    result = svc.export_document(journal, request, out / "one.pdf", accept_findings=True)
    reader = PdfReader(str(result.path))
    assert reader.is_encrypted and reader.decrypt("s3cret pass")
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"], encrypt["/CF"]["/StdCF"]["/CFM"]) == (5, 6, "/AESV3")
    assert result.encrypted
    qpdf_check(result.path, "s3cret pass")
