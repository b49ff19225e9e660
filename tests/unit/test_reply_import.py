"""Importing the supervisor's reply: exported through the services, filled with pypdf, checked, recorded."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Text

from reflect.domain.dates import parse_day
from reflect.domain.journal import NewEntry
from reflect.domain.reply import action_owner
from reflect.domain.report import ExportOptions
from reflect.domain.supervision import ActionOwner, NewSession, SessionStatus
from reflect.export import form_fields as ff
from reflect.export.reply_reader import ReplyReadError, WrongPassword
from reflect.paths import AppPaths
from reflect.services import exporting as svc
from reflect.services.opening import open_journal
from reflect.services.replies import (
    ReplyChanged,
    ReplyExportUnknown,
    ReplyFromAnotherJournal,
    read_and_verify,
)
from reflect.services.reply_import import import_reply
from tests.conftest import PASSPHRASE
from tests.unit import test_reply_pack_readers as readers
from tests.unit.pdf_helpers import qpdf_check
from tests.unit.reply_pack_helpers import draw_over_page, fill_with_pypdf, without_page

pdfjs_dir = readers.pdfjs_dir  # the fixture that installs pdf.js (Firefox's engine) once
PDF_PASSWORD = "pack password 1"
START = datetime(2026, 12, 1, 14, 30)


def _session(journal) -> tuple[int, list[int]]:
    """A session with a supervisor and two reflections of plain, unidentifying text."""
    entries = [journal.entries.create_entry(NewEntry(
        title=f"Thinking about threshold decisions {n}", model="free",
        answers=(("reflection", "We talked about thresholds and how to escalate concerns. " * 30),)))
        for n in (1, 2)]
    session = journal.sessions.create_session(NewSession(START, supervisor_name="Jo Supervisor",
                                                         supervisor_role="Team manager"))
    for entry in entries:
        journal.sessions.link_entry(session.id, entry.id)
    return session.id, [e.id for e in entries]


def _export(journal, session_id, path, *, password=None, fields=True):
    options = ExportOptions(practitioner="Sam Practitioner", password=password, fields=fields)
    return svc.export_document(journal, svc.ExportRequest("session", options, session_id=session_id),
                               path, accept_findings=True)


def _values(entry_ids, *, first_comment="Well reasoned; say more about the escalation.") -> dict:
    return {
        ff.comment_field(f"entry-{entry_ids[0]}"): first_comment,
        ff.comment_field(f"entry-{entry_ids[1]}"): "A clear account.\nGood use of the briefing.",
        ff.OVERALL: "A good session. We agreed to revisit the threshold document.",
        ff.action_field(1, "what"): "Read the escalation policy",
        ff.action_field(1, "who"): "Sam",
        ff.action_field(1, "due"): "15/01/2027",
        ff.action_field(2, "what"): "Book the training on chronic neglect",
        ff.action_field(2, "who"): "supervisor",
        ff.action_field(2, "due"): "20 Jan 2027",
        ff.action_field(3, "what"): "Ask the health visitor for the plan",
        ff.action_field(3, "who"): "Ms Brown",
        ff.action_field(3, "due"): "whenever",
        ff.NEXT_SESSION: "2027-01-12",
        ff.SUPERVISOR_NAME: "Jo Supervisor",
        ff.SUPERVISOR_ROLE: "Team manager",
        ff.SUPERVISOR_DATE: "01/12/2026",
    }


@pytest.fixture
def exported(journal, tmp_path):
    """(session id, entry ids, the exported pack's bytes)."""
    session_id, entry_ids = _session(journal)
    path = tmp_path / "pack.pdf"
    _export(journal, session_id, path)
    return session_id, entry_ids, path.read_bytes()


def _write(tmp_path, data: bytes, name: str = "reply.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _import(journal, path, password=None, **kw):
    return import_reply(journal, read_and_verify(journal, path, password, practitioner="Sam Practitioner"),
                        **kw)


def _counts(journal) -> tuple[int, ...]:
    return tuple(journal.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("reply_imports", "reply_comments", "reply_actions", "actions", "sessions"))


def _refused(journal, path, error: type, exit_code: int, words: str, **kw):
    """Importing `path` raises `error` with `exit_code` and `words`, and records nothing."""
    before = _counts(journal)
    with pytest.raises(error) as refused:
        _import(journal, path, **kw)
    assert refused.value.exit_code == exit_code and words in refused.value.message
    assert "Nothing has been recorded." in refused.value.message
    assert _counts(journal) == before


def test_export_records_fingerprints_fields_and_pages(journal, exported):
    """The export log keeps the pack's export id, a fingerprint per page, its fields and page map."""
    session_id, entry_ids, data = exported
    export_id = str(PdfReader(io.BytesIO(data)).metadata["/ReflectExportId"])
    assert PdfReader(io.BytesIO(data)).metadata["/ReflectJournalId"] == journal.identity
    pack = journal.exports.pack(export_id)
    assert pack.session_id == session_id
    assert len(pack.page_fingerprints) == len(PdfReader(io.BytesIO(data)).pages)
    assert ff.comment_field(f"entry-{entry_ids[0]}") in pack.field_names and ff.SIGNOFF in pack.field_names
    assert set(pack.page_entries) == {None, *entry_ids}


def test_the_windows_steps_record_the_pack_too(journal, tmp_path):
    """render_pending, verify and record_export (the export dialog's steps) keep the pack's record."""
    session_id, _ = _session(journal)
    request = svc.ExportRequest("session", ExportOptions(practitioner="Sam"), session_id=session_id)
    report = svc.load_report(journal, request)
    pending = svc.render_pending(report, tmp_path / "window.pdf")
    reviewed = svc.find_problems(journal, request, report)  # accepted in the review
    result = svc.verify(pending, (), svc.second_check_accepts(journal, report, reviewed))
    svc.record_export(journal, report, result)
    export_id = str(PdfReader(str(tmp_path / "window.pdf")).metadata["/ReflectExportId"])
    assert journal.exports.pack(export_id).session_id == session_id


def test_no_fields_gives_a_print_only_pack_and_no_record(journal, tmp_path):
    """`fields=False` writes a pack without a form, and the log keeps no fingerprints for it."""
    session_id, _ = _session(journal)
    _export(journal, session_id, tmp_path / "print.pdf", fields=False)
    assert "/AcroForm" not in PdfReader(str(tmp_path / "print.pdf")).trailer["/Root"]
    assert journal.db.execute("SELECT count(*) FROM export_packs").fetchone()[0] == 0


def test_import_records_comments_actions_next_session_and_sign_off(journal, exported, tmp_path):
    """Every comment, each filled action row, the next session and the sign-off are recorded."""
    session_id, entry_ids, data = exported
    path = _write(tmp_path, fill_with_pypdf(data, _values(entry_ids)))
    qpdf_check(path)
    imported = _import(journal, path)
    reply = journal.replies.for_session(session_id)
    assert reply.latest.verified and reply.latest.signed_off
    assert reply.latest.signed_on == date(2026, 12, 1)
    assert [c.text for c in reply.comments_on(entry_ids[0])] == [
        "Well reasoned; say more about the escalation."]
    assert reply.comments_on(entry_ids[1])[0].text == "A clear account.\nGood use of the briefing."
    assert reply.overall == "A good session. We agreed to revisit the threshold document."
    actions = journal.actions.agreed_in(session_id)
    assert [(a.description, a.owner, a.owner_name, a.due_on) for a in actions] == [
        ("Read the escalation policy", ActionOwner.ME, "", date(2027, 1, 15)),
        ("Book the training on chronic neglect", ActionOwner.SUPERVISOR, "Jo Supervisor", date(2027, 1, 20)),
        ("Ask the health visitor for the plan (due: whenever)", ActionOwner.OTHER, "Ms Brown", None)]
    session = journal.sessions.get_session(session_id)
    assert session.next_session_on == date(2027, 1, 12)
    assert session.supervisor_agreed_on == date(2026, 12, 1)
    assert session.status is SessionStatus.HELD  # the supervisor replied about it: it took place
    planned = journal.sessions.get_session(imported.next_session_id)
    assert planned.starts_at == datetime(2027, 1, 12, 10, 0)
    assert (planned.supervisor_name, planned.supervisor_role) == ("Jo Supervisor", "Team manager")
    assert journal.exports.pack(reply.latest.export_id) is not None
    assert journal.db.execute("SELECT export_pack_id IS NOT NULL FROM reply_imports").fetchone()[0]


def test_importing_again_adds_nothing(journal, exported, tmp_path):
    """The same reply imported twice leaves one import, the same comments, actions and sessions."""
    _, entry_ids, data = exported
    path = _write(tmp_path, fill_with_pypdf(data, _values(entry_ids)))
    _import(journal, path)
    before = _counts(journal)
    again = _import(journal, path)
    assert _counts(journal) == before
    assert again.actions_added == () and len(again.actions_updated) == 3


def test_a_later_version_updates_without_duplicates(journal, exported, tmp_path):
    """A later version with a changed comment and date updates them; both files stay in the history."""
    session_id, entry_ids, data = exported
    first = _import(journal, _write(tmp_path, fill_with_pypdf(data, _values(entry_ids)), "v1.pdf"))
    values = _values(entry_ids, first_comment="Changed my mind: this is excellent.")
    values[ff.NEXT_SESSION] = "19 January 2027"
    del values[ff.comment_field(f"entry-{entry_ids[1]}")]
    second = _import(journal, _write(tmp_path, fill_with_pypdf(data, values), "v2.pdf"))
    reply = journal.replies.for_session(session_id)
    assert len(reply.imports) == 2
    assert [c.text for c in reply.comments_on(entry_ids[0])] == ["Changed my mind: this is excellent."]
    assert reply.comments_on(entry_ids[1]) == []
    assert len(journal.actions.agreed_in(session_id)) == 3
    assert second.next_session_id == first.next_session_id
    assert journal.sessions.get_session(second.next_session_id).starts_at == datetime(2027, 1, 19, 10, 0)
    assert journal.sessions.count_sessions() == 2


def test_a_note_on_a_page_is_a_comment_on_its_reflection(journal, exported, tmp_path):
    """A sticky note on a reflection's page becomes a comment on that reflection."""
    session_id, entry_ids, data = exported
    pack = journal.exports.pack(str(PdfReader(io.BytesIO(data)).metadata["/ReflectExportId"]))
    page = pack.page_entries.index(entry_ids[1])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(fill_with_pypdf(data, _values(entry_ids)))))
    writer.add_annotation(page, Text(text="Please say more about this.", rect=(50, 550, 200, 650)))
    out = io.BytesIO()
    writer.write(out)
    _import(journal, _write(tmp_path, out.getvalue()))
    notes = [c for c in journal.replies.for_session(session_id).comments_on(entry_ids[1]) if c.kind == "note"]
    assert [n.text for n in notes] == ["Please say more about this."]


def _edited_text(data: bytes, index: int) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    contents = writer.pages[index].get_contents()
    contents.set_data(re.sub(rb"\) Tj", b"x) Tj", contents.get_data(), count=1))
    writer.pages[index].replace_contents(contents)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("tamper", "words"), [
    (lambda data: draw_over_page(data, 2), "Page 3 has changed since the pack was exported"),
    (lambda data: _edited_text(data, 0), "Page 1 has changed"),
    (lambda data: without_page(data, 1), "pages have been added or removed"),
])
def test_a_changed_pack_is_refused_and_nothing_recorded(journal, exported, tmp_path, tamper, words):
    """An overlay, an edited text operator, a removed page: exit 7, the message says what, nothing saved."""
    _, entry_ids, data = exported
    _refused(journal, _write(tmp_path, tamper(fill_with_pypdf(data, _values(entry_ids)))),
             ReplyChanged, 7, words)


def test_a_pack_from_another_journal_is_refused(journal, tmp_path):
    """A pack exported from a second journal: exit 2, 'a different journal', nothing recorded."""
    other = open_journal(AppPaths(tmp_path / "other"), PASSPHRASE, create=True)
    try:
        session_id, entry_ids = _session(other)
        _export(other, session_id, tmp_path / "other.pdf")
        data = (tmp_path / "other.pdf").read_bytes()
    finally:
        other.close()
    _refused(journal, _write(tmp_path, fill_with_pypdf(data, _values(entry_ids))),
             ReplyFromAnotherJournal, 2, "a different journal")


def test_a_pack_missing_from_the_log_imports_only_when_unverified(journal, exported, tmp_path):
    """A pack whose export is not in the log: exit 2 naming a restored backup; --unverified marks it."""
    session_id, entry_ids, data = exported
    journal.db.execute("DELETE FROM export_log")  # as if a backup older than the export was restored
    path = _write(tmp_path, fill_with_pypdf(data, _values(entry_ids)))
    _refused(journal, path, ReplyExportUnknown, 2, "backup older than the export")
    _import(journal, path, unverified=True)
    reply = journal.replies.for_session(session_id)
    assert not reply.latest.verified
    assert reply.comments_on(entry_ids[0])[0].text == "Well reasoned; say more about the escalation."


def test_an_encrypted_pack_filled_and_resaved_imports_with_its_password(journal, tmp_path):
    """An AES-256 pack filled and saved encrypted imports with the password; a wrong one is exit 3."""
    session_id, entry_ids = _session(journal)
    _export(journal, session_id, tmp_path / "secret.pdf", password=PDF_PASSWORD)
    filled = fill_with_pypdf((tmp_path / "secret.pdf").read_bytes(), _values(entry_ids),
                             password=PDF_PASSWORD)
    path = _write(tmp_path, filled)
    assert PdfReader(str(path)).is_encrypted
    qpdf_check(path, PDF_PASSWORD)
    with pytest.raises(WrongPassword) as wrong:
        read_and_verify(journal, path, "not the password")
    assert wrong.value.exit_code == 3
    _import(journal, path, PDF_PASSWORD)
    assert journal.replies.for_session(session_id).overall.startswith("A good session.")


def test_not_a_pdf_is_refused(journal, tmp_path):
    """Text, or a PDF that is not one of Reflect's packs, is exit 2."""
    for data in (b"just some text", fill_with_pypdf(_plain_pdf(), {}, sign=False)):
        with pytest.raises(ReplyReadError) as refused:
            read_and_verify(journal, _write(tmp_path, data, "odd.pdf"))
        assert refused.value.exit_code == 2


def _plain_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("typed", "day"), [
    ("15/01/2027", date(2027, 1, 15)), ("15 Jan 2027", date(2027, 1, 15)),
    ("2027-01-15", date(2027, 1, 15)), ("Fri 15th January 2027", date(2027, 1, 15)),
    ("15.1.27", date(2027, 1, 15)), ("31/02/2027", None), ("next week", None), ("", None)])
def test_dates_typed_the_british_way_or_iso(typed, day):
    """Day-first numeric dates, day-month-year in words and ISO dates are read; others are not."""
    assert parse_day(typed) == day


def test_who_maps_to_the_action_owner():
    """The supervisee (word or name), the supervisor (word or name) and anyone else, by name."""
    names = {"practitioner": "Sam Practitioner", "supervisor": "Jo Supervisor"}
    assert action_owner("me", **names) == (ActionOwner.ME, "")
    assert action_owner("Sam", **names) == (ActionOwner.ME, "")
    assert action_owner("", **names) == (ActionOwner.ME, "")
    assert action_owner("Jo", **names) == (ActionOwner.SUPERVISOR, "Jo Supervisor")
    assert action_owner("Supervisor", **names) == (ActionOwner.SUPERVISOR, "Jo Supervisor")
    assert action_owner("Ms  Brown", **names) == (ActionOwner.OTHER, "Ms Brown")


def test_cli_reply_import_exit_codes_and_json(tmp_path, run_cli):
    """`reflect reply import`: JSON and exit 0; a changed pack 7; a wrong password 3; not a PDF 2;
    then `reflect session show ID --json` prints the session with the reply."""
    data_dir = tmp_path / "cli"
    journal = open_journal(AppPaths(data_dir), PASSPHRASE, create=True)
    try:
        session_id, entry_ids = _session(journal)
        _export(journal, session_id, tmp_path / "pack.pdf", password=PDF_PASSWORD)
    finally:
        journal.close()
    secret = tmp_path / "password.txt"
    secret.write_text(PDF_PASSWORD + "\n", encoding="utf-8")
    filled = fill_with_pypdf((tmp_path / "pack.pdf").read_bytes(), _values(entry_ids), password=PDF_PASSWORD)
    path = _write(tmp_path, filled)
    done = run_cli("reply", "import", str(path), "--password-file", str(secret), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["session_id"] == session_id and summary["verified"] is True
    assert summary["sign_off"] == {"signed_off": True, "by": "Jo Supervisor", "role": "Team manager",
                                   "on": "2026-12-01"}
    assert summary["next_session"]["on"] == "2027-01-12" and len(summary["actions_added"]) == 3
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the password", encoding="utf-8")
    assert run_cli("reply", "import", str(path), "--password-file", str(wrong),
                   data_dir=data_dir).returncode == 3
    reader = PdfReader(str(path))
    reader.decrypt(PDF_PASSWORD)
    plain = io.BytesIO()
    PdfWriter(clone_from=reader).write(plain)
    changed = run_cli("reply", "import", str(_write(tmp_path, draw_over_page(plain.getvalue(), 1), "c.pdf")),
                      data_dir=data_dir)
    assert changed.returncode == 7 and "Page 2 has changed" in changed.stderr
    not_pdf = _write(tmp_path, b"text", "t.pdf")
    assert run_cli("reply", "import", str(not_pdf), data_dir=data_dir).returncode == 2
    shown = run_cli("session", "show", str(session_id), "--json", data_dir=data_dir)
    assert shown.returncode == 0, shown.stderr
    session = json.loads(shown.stdout)
    assert [e["id"] for e in session["reflections"]] == entry_ids
    assert len(session["actions_agreed"]) == 3 and session["supervisor_agreed_on"] == "2026-12-01"
    assert session["reply"]["signed_off"]["by"] == "Jo Supervisor"
    assert session["reply"]["overall"].startswith("A good session.")
    assert {c["entry_id"] for c in session["reply"]["comments"]} == {None, *entry_ids}


def test_planned_next_session_reuses_one_already_on_that_day(journal, exported, tmp_path):
    """A session already planned that day with the same supervisor is the next one; none is added."""
    session_id, entry_ids, data = exported
    there = journal.sessions.create_session(NewSession(datetime(2027, 1, 12, 9, 0),
                                                       supervisor_name="Jo Supervisor"))
    imported = _import(journal, _write(tmp_path, fill_with_pypdf(data, _values(entry_ids))))
    assert imported.next_session_id == there.id
    assert journal.sessions.count_sessions() == 2
    assert journal.sessions.get_session(session_id).starts_at == START


def test_a_pack_filled_and_saved_by_pdfjs_imports(journal, exported, tmp_path, pdfjs_dir):
    """Filled in Firefox's engine and saved incrementally, the reply imports with every value."""
    session_id, entry_ids, data = exported
    values: dict = _values(entry_ids)
    values[ff.SIGNOFF] = True
    filled = readers.fill_with_pdfjs(pdfjs_dir, data, values, tmp_path)
    _import(journal, _write(tmp_path, filled, "firefox.pdf"))
    reply = journal.replies.for_session(session_id)
    assert reply.latest.verified and reply.latest.signed_off
    assert reply.comments_on(entry_ids[1])[0].text == "A clear account.\nGood use of the briefing."
    assert len(journal.actions.agreed_in(session_id)) == 3
