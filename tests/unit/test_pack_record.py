"""The record of a pack taken from what reportlab wrote equals the one read back from the file.

The export log's record (fingerprints, field names, identity) is taken from reportlab's objects
as the pack is written (`pack_contents.written_contents`), not by parsing it again; the reply
import recomputes fingerprints from the returned file (`reply_reader.page_fingerprints`). Both
go through one rule (`fingerprint.page_digest`), and these tests hold the two sources to it.
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from reflect.domain.report import ReportBriefing
from reflect.export import SessionPackRenderer
from reflect.export.fingerprint import _folded, written_fingerprints
from reflect.export.pack_contents import pack_contents, written_contents
from reflect.export.reply_reader import page_fingerprints
from tests.unit.reply_pack_helpers import JOURNAL_ID, fill_with_pypdf, report, typed_values
from tests.unit.test_pdf_writer import _report


def _briefed():
    briefings = tuple(ReportBriefing(f"briefing-{n}", f"Briefing {n}", "Partnership",
                                     (f"Point {n}: what the review found about drift. " * 6,))
                      for n in range(1, 6))
    return replace(report(2), briefings=briefings,
                   session_notes=(("Session notes", "Caseload and referrals."), ("Wellbeing", "")))


def _signed_off():
    return replace(_report(1), supervisee_agreed_on=date(2026, 12, 2),
                   supervisor_agreed_on=date(2026, 12, 1), signed_by_name="Łukasz Żółw",
                   signed_by_role="Team manager (interim)")


def _render(rep, **kwargs) -> tuple[SessionPackRenderer, bytes]:
    renderer = SessionPackRenderer(rep, **{"journal_id": JOURNAL_ID, **kwargs})
    out = io.BytesIO()
    renderer.render(out)
    return renderer, out.getvalue()


@pytest.mark.parametrize("make", [lambda: report(3), lambda: report(0), _briefed, _signed_off],
                         ids=["three", "none", "briefings-and-notes", "signed-off"])
def test_the_record_as_written_equals_the_file_read_back(make):
    rep = make()
    renderer, data = _render(rep)
    written = written_contents(renderer._written, renderer.anchor_pages)
    assert written is not None  # taken from what was written, not read back
    assert written == pack_contents(data, renderer.anchor_pages)
    assert renderer.describe_output(data) == written
    assert list(written.fingerprints) == page_fingerprints(data)
    # and the supervisor filling the pack in and saving it leaves every fingerprint as recorded
    assert page_fingerprints(fill_with_pypdf(data, typed_values(rep))) == list(written.fingerprints)


def test_an_identity_it_cannot_vouch_for_is_read_back_from_the_file():
    renderer, data = _render(report(1), journal_id="journal (ł)")
    assert written_contents(renderer._written, renderer.anchor_pages) is None
    record = renderer.describe_output(data)
    assert record == pack_contents(data, renderer.anchor_pages)
    assert record.journal_id == "journal (ł)"


def _canvas_with_forms(**kwargs) -> tuple[Canvas, io.BytesIO]:
    """Pages drawing forms: one form twice, one form drawing another, one page drawing none."""
    out = io.BytesIO()
    canvas = Canvas(out, **kwargs)
    canvas.beginForm("inner")
    canvas.drawString(0, 0, "inner   text")
    canvas.endForm()
    canvas.beginForm("outer")
    canvas.rect(0, 0, 20, 20)
    canvas.doForm("inner")
    canvas.endForm()
    canvas.doForm("outer")
    canvas.doForm("inner")
    canvas.drawString(100, 700, "Page one   text")
    canvas.showPage()
    canvas.drawString(100, 700, "Page two")
    canvas.showPage()
    canvas.doForm("inner")
    canvas.save()
    return canvas, out


def test_fingerprints_of_forms_drawn_within_forms_match_the_reader():
    canvas, out = _canvas_with_forms()
    written = written_fingerprints(canvas._doc)
    assert written is not None and len(set(written)) == 3
    assert written == page_fingerprints(out.getvalue())


def test_pages_it_cannot_vouch_for_leave_it_to_the_reader():
    canvas, _ = _canvas_with_forms(pageCompression=0)
    assert written_fingerprints(canvas._doc) is None
    canvas = Canvas(io.BytesIO())
    pixels = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(pixels, format="PNG")
    canvas.drawImage(ImageReader(pixels), 10, 10, 20, 20)
    canvas.save()
    assert written_fingerprints(canvas._doc) is None


def test_whitespace_folds_as_the_regular_expression_always_did():
    """Fingerprints recorded by earlier versions (which folded with the regular expression) still
    match: every byte value, ASCII whitespace or not, folds the same either way."""
    rule = re.compile(rb"\s+")
    alphabet = bytes(range(256))
    chance = random.Random(7)
    samples = [b"", b" ", b" \t\r\n\x0b\x0c ", alphabet, b"  BT\n/F1 9 Tf\x1c\x85\xa0(a  b) Tj\r\nET  "]
    samples += [bytes(chance.choice(b" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\x00ab") for _ in range(40))
                for _ in range(500)]
    for sample in samples:
        assert _folded([sample]) == rule.sub(b" ", sample).strip(), sample
    assert _folded([b"a ", b" b", b"c"]) == b"a b c"
