"""write_pdf: atomic placement, cancellation, failures that leave nothing behind, AES-256 passwords."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from reportlab.platypus import Flowable

from reflect.domain.errors import ExportError
from reflect.domain.report import ReportAction, ReportAgendaItem, ReportEntry, SessionReport
from reflect.export import ExportCancelled, SessionPackRenderer, extract_text, write_pdf
from tests.unit.pdf_helpers import check_fonts_embedded, norm, outline, qpdf_check

GOOD = b"%PDF-1.4 an earlier, good export\n"


def _report(entries: int = 5) -> SessionReport:
    return SessionReport(
        title="Tue 1 Dec 2026, 10:00 — Regular 1:1 with Team manager", practitioner="Sam Practitioner",
        supervisor_name="Jo Supervisor", supervisor_role="Team manager", when="Tue 1 Dec 2026, 10:00",
        session_type="Regular 1:1", prepared_on=date(2026, 11, 30),
        agenda=(ReportAgendaItem("Caseload review", "Management"),),
        carried_forward=(ReportAction("Read the escalation policy", "Sam (supervisee)",
                                      date(2026, 11, 1), "Open — overdue", True, "Session Tue 3 Nov 2026"),),
        entries=tuple(
            ReportEntry(key=f"entry-{n}", title=f"Reflection number {n}", model_name="Driscoll",
                        status_label="Ready for supervision", created_on=date(2026, 11, n),
                        updated_on=date(2026, 11, n),
                        stages=(("What?", f"What happened in reflection {n}. " * 40),
                                ("So what?", "It matters because … " * 30), ("Now what?", "")))
            for n in range(1, entries + 1)),
    )


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


class Boom(Flowable):
    """Raises when drawn: a renderer failing midway."""

    def wrap(self, availWidth, availHeight):
        return 10, 10

    def draw(self):
        raise RuntimeError("renderer bug")


class FailingRenderer(SessionPackRenderer):
    def _story(self):
        story = super()._story()
        return story[: len(story) // 2] + [Boom()] + story[len(story) // 2:]


def test_result_describes_the_file(tmp_path):
    """The result gives the path, the file's SHA-256, its page count and the reflections in it."""
    result = write_pdf(SessionPackRenderer(_report()), tmp_path / "pack.pdf")
    data = result.path.read_bytes()
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.pages == len(PdfReader(str(result.path)).pages)
    assert result.entry_count == 5 and not result.encrypted
    assert _leftovers(tmp_path) == []


def test_progress_reports_each_reflection(tmp_path):
    """progress(done, total) runs from 0 to the number of reflections, once per reflection."""
    calls = []
    write_pdf(SessionPackRenderer(_report()), tmp_path / "pack.pdf",
              progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 5) for n in range(0, 6)]


def test_a_failing_renderer_leaves_no_file_and_no_temp_file(tmp_path):
    """A renderer that raises midway leaves neither the target nor a .partial file."""
    with pytest.raises(ExportError) as caught:
        write_pdf(FailingRenderer(_report()), tmp_path / "pack.pdf")
    assert "could not be written" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_leaves_the_earlier_file_untouched(tmp_path):
    """An existing good PDF at the target is byte-for-byte the same after a failed export."""
    target = tmp_path / "pack.pdf"
    target.write_bytes(GOOD)
    with pytest.raises(ExportError):
        write_pdf(FailingRenderer(_report()), target)
    assert target.read_bytes() == GOOD
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("how", ["progress", "cancelled"])
def test_cancelling_leaves_nothing(tmp_path, how):
    """progress returning False, or cancelled() turning true, stops the export and writes nothing."""
    target = tmp_path / "pack.pdf"
    target.write_bytes(GOOD)
    seen = []

    def progress(done, total):
        seen.append(done)
        return False if how == "progress" and done == 2 else None

    with pytest.raises(ExportCancelled) as caught:
        write_pdf(SessionPackRenderer(_report()), target, progress=progress,
                  cancelled=lambda: how == "cancelled" and len(seen) >= 3)
    assert "cancelled" in caught.value.message
    assert max(seen) < 5
    assert target.read_bytes() == GOOD
    assert _leftovers(tmp_path) == []


def test_missing_folder_and_folder_target_are_plain_errors(tmp_path):
    """A folder that does not exist, or a folder given as the file, gives a message, not a traceback."""
    with pytest.raises(ExportError) as missing:
        write_pdf(SessionPackRenderer(_report(1)), tmp_path / "nowhere" / "pack.pdf")
    assert "cannot write to that folder" in missing.value.message
    with pytest.raises(ExportError) as folder:
        write_pdf(SessionPackRenderer(_report(1)), tmp_path)
    assert "is a folder" in folder.value.message


def test_password_protects_with_aes_256(tmp_path):
    """With a password the file is AES-256 (V5/R6): unreadable without it, wrong one refused."""
    result = write_pdf(SessionPackRenderer(_report(2)), tmp_path / "pack.pdf", password="s3cret pass")
    assert result.encrypted
    reader = PdfReader(str(result.path))
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert not PdfReader(str(result.path)).decrypt("wrong password")
    with pytest.raises(ExportError):
        extract_text(result.path, "wrong password")
    with pytest.raises(ExportError):
        extract_text(result.path)


def test_password_protected_file_opens_with_the_password(tmp_path):
    """The right password opens it, with text, outline, metadata, language and fonts intact."""
    result = write_pdf(SessionPackRenderer(_report(2)), tmp_path / "pack.pdf", password="s3cret pass")
    reader = PdfReader(str(result.path))
    assert reader.decrypt("s3cret pass")
    assert reader.metadata.author == "Sam Practitioner"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert (1, "Reflection number 2") in outline(reader)
    assert "Reflection number 1" in norm(extract_text(result.path, "s3cret pass"))
    check_fonts_embedded(result.path, password="s3cret pass")
    qpdf_check(result.path, password="s3cret pass")
    assert b"Reflection number" not in result.path.read_bytes()
