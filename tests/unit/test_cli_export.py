"""`reflect export` and `reflect check` in a child process: exit codes, stdout JSON, stderr findings."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from reflect.domain.journal import NewEntry
from tests.unit.pdf_helpers import qpdf_check

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """A `reflect demo` journal (made once) with one planted reflection; its id is in `planted.txt`."""
    import os
    import subprocess
    import sys

    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal

    folder = tmp_path_factory.mktemp("cli-export")
    (folder / "pp").write_text(PASSPHRASE + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "reflect", "demo", "--entries", "30", "--data-dir",
                    str(folder / "j"), "--passphrase-file", str(folder / "pp")],
                   check=True, capture_output=True, env=dict(os.environ), stdin=subprocess.DEVNULL)
    with open_journal(AppPaths(folder / "j"), PASSPHRASE) as journal:
        entry = journal.entries.create_entry(NewEntry(
            title="Thinking about the home visit", model="gibbs",
            answers=(("description", "We met Mrs Smith at WN1 1AA."),
                     ("feelings", "Her NHS number 943 476 5919 was on the letter."))))
    (folder / "planted.txt").write_text(str(entry.id))
    return folder


def _planted(demo_dir) -> str:
    return (demo_dir / "planted.txt").read_text()


def _log(demo_dir):
    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal

    with open_journal(AppPaths(demo_dir / "j"), PASSPHRASE) as journal:
        return journal.exports.all()


def test_each_export_command_writes_a_checked_pdf(run_cli, demo_dir, tmp_path):
    """session --latest, portfolio --from/--to and entry ID write PDFs qpdf accepts, logged with a hash."""
    today = date.today()
    commands = {
        "session.pdf": ["export", "session", "--latest"],
        "portfolio.pdf": ["export", "portfolio", "--from", (today - timedelta(days=400)).isoformat(),
                          "--to", today.isoformat(), "--include-briefings"],
        "entry.pdf": ["export", "entry", "1"],
    }
    for name, command in commands.items():
        out = tmp_path / name
        result = run_cli(*command, "--out", str(out), "--accept-findings", "--json",
                         data_dir=demo_dir / "j")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert set(data) == {"path", "sha256", "pages", "entries", "encrypted"}
        assert data["path"] == str(out) and data["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
        assert data["pages"] == len(PdfReader(str(out)).pages) and not data["encrypted"]
        qpdf_check(out)
    logged = {record.file_name: record for record in _log(demo_dir)}
    assert logged[str(tmp_path / "entry.pdf")].entry_count == 1


def test_planted_findings_block_the_export_with_exit_6(run_cli, demo_dir, tmp_path):
    """Unaccepted findings: exit 6, nothing written, one plain line per finding on stderr."""
    out = tmp_path / "entry.pdf"
    result = run_cli("export", "entry", _planted(demo_dir), "--out", str(out), data_dir=demo_dir / "j")
    assert result.returncode == 6 and not out.exists() and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("reflect: Nothing was exported") and "--accept-findings" in lines[0]
    assert "Postcode 'WN1 1AA' in 'Thinking about the home visit' (Description): We met Mrs Smith at " \
           "WN1 1AA." in lines
    assert any(line.startswith("NHS number '943 476 5919'") for line in lines)
    assert any(line.startswith("Title and name 'Mrs Smith'") for line in lines)
    accepted = run_cli("export", "entry", _planted(demo_dir), "--out", str(out), "--accept-findings",
                       data_dir=demo_dir / "j")
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout.strip() == str(out)
    qpdf_check(out)


def test_password_file_gives_aes_256(run_cli, demo_dir, tmp_path):
    """--password-file protects the PDF with AES-256; only that password opens it."""
    secret = tmp_path / "pw.txt"
    secret.write_text("kettle river lantern\n", encoding="utf-8")
    out = tmp_path / "locked.pdf"
    result = run_cli("export", "session", "--latest", "--out", str(out), "--password-file", str(secret),
                     "--accept-findings", "--json", data_dir=demo_dir / "j")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["encrypted"] is True
    reader = PdfReader(str(out))
    assert reader.is_encrypted and not reader.decrypt("kettle river")
    reader = PdfReader(str(out))
    assert reader.decrypt("kettle river lantern")
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"], encrypt["/CF"]["/StdCF"]["/CFM"]) == (5, 6, "/AESV3")
    qpdf_check(out, "kettle river lantern")
    short = tmp_path / "short.txt"
    short.write_text("abc", encoding="utf-8")
    refused = run_cli("export", "session", "--latest", "--out", str(out), "--password-file", str(short),
                      data_dir=demo_dir / "j")
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1


def test_check_text_file_needs_no_journal(run_cli, tmp_path):
    """check --text-file prints findings as {kind, text, start, end, context}; exit 6, or 0 when clean."""
    text = tmp_path / "note.txt"
    text.write_text("Seen at WN1 1AA with Mrs Smith.\n", encoding="utf-8")
    result = run_cli("check", "--text-file", str(text), passphrase=False, data_dir=tmp_path / "none")
    assert result.returncode == 6, result.stderr
    findings = json.loads(result.stdout)
    assert all(set(f) == {"kind", "text", "start", "end", "context"} for f in findings)
    assert [(f["kind"], f["text"], f["start"], f["end"]) for f in findings] == [
        ("postcode", "WN1 1AA", 8, 15), ("title_name", "Mrs Smith", 21, 30)]
    assert findings[0]["context"] == "Seen at WN1 1AA with Mrs Smith."
    text.write_text("Nothing here names anyone.", encoding="utf-8")
    clean = run_cli("check", "--text-file", str(text), passphrase=False)
    assert clean.returncode == 0 and json.loads(clean.stdout) == []


def test_check_text_file_reports_the_new_kinds(run_cli, tmp_path):
    """check --text-file reports names, places, addresses, references, handles, plates and ages
    with their kind, exact text and offsets (issue 13)."""
    text = tmp_path / "reflection.txt"
    body = ("Kayla (7) told me she goes to St Mary's Primary. They live at 12 Acacia Road; "
            "case no. 48213. Her Snapchat is kayla_xo07 and Dad's car is MA19 KXT.\n")
    text.write_text(body, encoding="utf-8")
    result = run_cli("check", "--text-file", str(text), passphrase=False, data_dir=tmp_path / "none")
    assert result.returncode == 6, result.stderr
    findings = json.loads(result.stdout)
    assert [(f["kind"], f["text"]) for f in findings] == [
        ("name", "Kayla"), ("age", "7"), ("place", "St Mary's Primary"), ("address", "12 Acacia Road"),
        ("reference", "48213"), ("handle", "kayla_xo07"), ("vehicle_registration", "MA19 KXT")]
    assert all(body[f["start"]:f["end"]] == f["text"] for f in findings)


def test_check_entries_and_usage_errors(run_cli, demo_dir):
    """check ID lists an entry's findings with where they are; --all covers it; bad ids and dates exit 2."""
    result = run_cli("check", _planted(demo_dir), data_dir=demo_dir / "j")
    assert result.returncode == 6
    findings = json.loads(result.stdout)
    assert {(f["text"], f["field"]) for f in findings} >= {("WN1 1AA", "Description"),
                                                           ("943 476 5919", "Feelings")}
    assert all(f["entry_id"] == int(_planted(demo_dir)) for f in findings)
    every = run_cli("check", "--all", data_dir=demo_dir / "j")
    assert every.returncode == 6 and len(json.loads(every.stdout)) >= len(findings)
    for command in (["check", "99999"], ["export", "entry", "99999", "--out", "x.pdf"],
                    ["export", "session", "99999", "--out", "x.pdf"],
                    ["export", "portfolio", "--from", "2026-13-01", "--out", "x.pdf"]):
        bad = run_cli(*command, data_dir=demo_dir / "j")
        assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1, command


def test_right_to_left_text_is_refused_unless_accepted_then_warned(run_cli, demo_dir, tmp_path):
    """Arabic text: exit 6 and nothing written without --accept-findings; with it, written but warned."""
    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal

    with open_journal(AppPaths(demo_dir / "j"), PASSPHRASE) as journal:
        entry = journal.entries.create_entry(NewEntry(
            title="A greeting at the door", model="gibbs",
            answers=(("description", "The family said مرحبا بكم and smiled."),)))
    out = tmp_path / "entry.pdf"
    refused = run_cli("export", "entry", str(entry.id), "--out", str(out), data_dir=demo_dir / "j")
    assert refused.returncode == 6 and not out.exists() and refused.stdout == ""
    lines = refused.stderr.strip().splitlines()
    assert lines[0].startswith("reflect: Nothing was exported. Some text is in a right-to-left script")
    assert "reversed" in lines[0] and "--accept-findings" in lines[0]
    assert lines[1:] == ["Right-to-left text 'مرحبا بكم' in 'A greeting at the door' (Description)"]
    accepted = run_cli("export", "entry", str(entry.id), "--out", str(out), "--accept-findings",
                       data_dir=demo_dir / "j")
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout.strip() == str(out) and out.exists()
    warned = accepted.stderr.strip().splitlines()
    assert len(warned) == 2
    assert warned[0].startswith("reflect: Warning: Some text is in a right-to-left script")


def test_session_pack_names_the_role_and_leave_out_notes_leaves_them_out(run_cli, tmp_path):
    """The pack's cover gives the name and role from settings; the session's notes and check-in
    are in it, or with --leave-out-notes neither printed nor checked (no findings, exit 0)."""
    from datetime import datetime

    from reflect.domain.supervision import NewSession
    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal
    from reflect.settings import Settings

    paths = AppPaths(tmp_path / "j")
    with open_journal(paths, PASSPHRASE, create=True) as journal:
        session = journal.sessions.create_session(NewSession(datetime(2026, 12, 1, 14, 30)))
        journal.sessions.update_session(session.id, notes="We met at WN1 1AA.",
                                        wellbeing="Tired but supported.")
    Settings(practitioner_name="Sam Practitioner", practitioner_role="Senior social worker").save(
        paths.settings_file)
    out = tmp_path / "pack.pdf"
    found = run_cli("export", "session", str(session.id), "--out", str(out), data_dir=paths.data_dir)
    assert found.returncode == 6 and "Postcode 'WN1 1AA' (Session notes)" in found.stderr
    left_out = run_cli("export", "session", str(session.id), "--out", str(out), "--leave-out-notes",
                       data_dir=paths.data_dir)
    assert left_out.returncode == 0, left_out.stderr
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(out)).pages)
    assert "Supervisee Sam Practitioner, Senior social worker" in text
    assert "Tired but supported." not in text and "WN1 1AA" not in text
    included = run_cli("export", "session", str(session.id), "--out", str(out), "--accept-findings",
                       data_dir=paths.data_dir)
    assert included.returncode == 0, included.stderr
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(out)).pages)
    assert "Wellbeing Tired but supported." in text and "We met at WN1 1AA." in text
