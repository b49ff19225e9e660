"""Making and filling fillable session packs for the reply tests, as a supervisor's reader would."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from reflect.domain.report import ReportAction, SessionReport
from reflect.export import SessionPackRenderer
from reflect.export import form_fields as ff
from tests.unit.test_pdf_writer import _report

JOURNAL_ID = "5a0c8c52-6a43-4f4b-9d51-1d2f0b1e7c11"


def report(entries: int = 3) -> SessionReport:
    """test_pdf_writer's session (reflections of a page or so each) with an agreed action and a
    next session date."""
    return replace(_report(entries), next_session_on=date(2027, 1, 5), agreed=(
        ReportAction("Read the escalation policy", "Sam (supervisee)", date(2026, 12, 20), "Open"),))


def render(rep: SessionReport | None = None, **kwargs) -> bytes:
    out = io.BytesIO()
    SessionPackRenderer(rep or report(), journal_id=kwargs.pop("journal_id", JOURNAL_ID),
                        **kwargs).render(out)
    return out.getvalue()


def typed_values(rep: SessionReport) -> dict[str, str]:
    """A value for every text field, long and multi-line where the field is."""
    values = {ff.comment_field(e.key): f"Comment on {e.key}:\nWell reasoned. " + "More detail. " * 40
              for e in rep.entries}
    values[ff.OVERALL] = "A good session.\nWe agreed to revisit the threshold document."
    for row in range(1, 6):
        values[ff.action_field(row, "what")] = f"Action number {row} to do"
        values[ff.action_field(row, "who")] = "Sam" if row % 2 else "Jo"
        values[ff.action_field(row, "due")] = f"{row + 10}/01/2027"
    values[ff.NEXT_SESSION] = "15 Jan 2027"
    values[ff.SUPERVISOR_NAME] = "Jo Supervisor"
    values[ff.SUPERVISOR_ROLE] = "Team manager"
    values[ff.SUPERVISOR_DATE] = "2026-12-01"
    return values


def fill_with_pypdf(data: bytes, values: dict[str, str], *, sign: bool = True,
                    password: str | None = None) -> bytes:
    """Fill as ARCHITECTURE.md's reader facts describe; re-encrypt with `password` if given."""
    reader = PdfReader(io.BytesIO(data))
    if password:
        reader.decrypt(password)
    writer = PdfWriter(clone_from=reader)
    filled = dict(values)
    if sign:
        filled[ff.SIGNOFF] = "/" + ff.CHECKED
    for page in writer.pages:
        if "/Annots" in page:
            writer.update_page_form_field_values(page, filled, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    if password:
        writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def draw_over_page(data: bytes, index: int) -> bytes:
    """`data` with a box and a word drawn into page `index`'s own content (a tampered page)."""
    stamp = io.BytesIO()
    canvas = Canvas(stamp)
    canvas.rect(100, 100, 200, 50)
    canvas.drawString(110, 120, "APPROVED")
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.pages[index].merge_page(PdfReader(io.BytesIO(stamp.getvalue())).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def without_page(data: bytes, index: int) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.remove_page(index)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def flattened(data: bytes, tmp_path) -> bytes:
    """`data` with its form flattened, as Print to PDF or macOS Preview's Export as PDF leave a
    filled pack: every field's appearance drawn into its page, the widgets and the form removed
    (the document information stays). With qpdf; skipped, saying so, where it is not installed."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed (scripts/test installs it)")
    source, target = tmp_path / "to-flatten.pdf", tmp_path / "flattened.pdf"
    source.write_bytes(data)
    done = subprocess.run([qpdf, "--generate-appearances", "--flatten-annotations=all", str(source),
                           str(target)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return target.read_bytes()
