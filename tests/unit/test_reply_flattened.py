"""A reply whose reader flattened the form (Print to PDF, macOS Preview's Export as PDF): refused
with exit 7 as a changed pack, saying why and what to do instead; nothing recorded."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from reflect.export.reply_reader import ReplyReadError, read_reply
from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.services.replies import ReplyChanged, ReplyFlattened, read_and_verify
from tests.conftest import PASSPHRASE
from tests.unit.reply_pack_helpers import fill_with_pypdf, flattened
from tests.unit.test_reply_import import _counts, _export, _refused, _session, _values, _write

ADVICE = "save it with File → Save in Adobe Acrobat Reader, Microsoft Edge, Google Chrome or Firefox"


def _flattened_reply(journal, tmp_path) -> bytes:
    """A pack of `journal`, filled, then flattened: fields gone, the typed text drawn in the pages."""
    session_id, entry_ids = _session(journal)
    _export(journal, session_id, tmp_path / "pack.pdf")
    flat = flattened(fill_with_pypdf((tmp_path / "pack.pdf").read_bytes(), _values(entry_ids)), tmp_path)
    reader = PdfReader(io.BytesIO(flat))
    assert "/AcroForm" not in reader.trailer["/Root"] and read_reply(flat).fields == {}
    assert "Well reasoned; say more" in " ".join(page.extract_text() for page in reader.pages)
    return flat


def test_a_flattened_reply_is_refused_saying_the_form_was_flattened(journal, tmp_path):
    """Exit 7 (a ReplyChanged), the message names flattening, Print to PDF and Preview and says
    how to save instead; nothing is recorded."""
    path = _write(tmp_path, _flattened_reply(journal, tmp_path))
    _refused(journal, path, ReplyFlattened, 7, "“flattened” the form")
    _refused(journal, path, ReplyChanged, 7, ADVICE)
    message = ReplyFlattened().message
    assert "Print" in message and "macOS Preview" in message and "can no longer be read" in message


def test_a_reply_printed_to_pdf_without_the_packs_identity_says_so(journal, tmp_path):
    """Printed to PDF by a reader that also drops the document information and XMP (as Microsoft
    Print to PDF does), the pack cannot be recognised: exit 2, and the message says printing to
    PDF may be why and how to save instead."""
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_flattened_reply(journal, tmp_path))).pages:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    assert read_reply(out.getvalue()).export_id == ""
    before = _counts(journal)
    with pytest.raises(ReplyReadError) as refused:
        read_and_verify(journal, _write(tmp_path, out.getvalue(), "printed.pdf"))
    assert refused.value.exit_code == 2 and "printing it to PDF" in refused.value.message
    assert "File → Save" in refused.value.message
    assert _counts(journal) == before


def test_cli_refuses_a_flattened_reply_with_exit_7(tmp_path, run_cli):
    """`reflect reply import` of a flattened reply: exit 7, the explanation on stderr, nothing recorded."""
    data_dir = tmp_path / "cli"
    journal = open_journal(AppPaths(data_dir), PASSPHRASE, create=True)
    try:
        path = _write(tmp_path, _flattened_reply(journal, tmp_path))
        before = _counts(journal)
    finally:
        journal.close()
    done = run_cli("reply", "import", str(path), data_dir=data_dir)
    assert done.returncode == 7 and done.stdout == ""
    assert "flattened" in done.stderr and ADVICE in " ".join(done.stderr.split())
    journal = open_journal(AppPaths(data_dir), PASSPHRASE)
    try:
        assert _counts(journal) == before
    finally:
        journal.close()
