"""The fillable session pack: its fields, its identity, filling it (pypdf) and reading it back."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText, Rectangle, Text

from reflect.export import form_fields as ff
from reflect.export.identity import INFO_EXPORT_ID, INFO_JOURNAL_ID
from reflect.export.reply_reader import (
    MAX_CHARS,
    ReplyReadError,
    WrongPassword,
    form_values,
    page_fingerprints,
    read_reply,
)
from reflect.export.writer import encrypt_pdf
from tests.unit.pdf_helpers import STANDARD_14, qpdf_check
from tests.unit.reply_pack_helpers import (
    JOURNAL_ID,
    draw_over_page,
    fill_with_pypdf,
    render,
    report,
    typed_values,
    without_page,
)

MULTILINE = 1 << 12
DO_NOT_SCROLL = 1 << 23
PASSWORD = "s3cret pass"


@pytest.fixture(scope="module")
def rep():
    return report()


@pytest.fixture(scope="module")
def empty(rep) -> bytes:
    return render(rep)


@pytest.fixture(scope="module")
def filled(rep, empty) -> bytes:
    return fill_with_pypdf(empty, typed_values(rep))


def _fields(data: bytes, password: str | None = None) -> dict:
    reader = PdfReader(io.BytesIO(data))
    if password:
        reader.decrypt(password)
    return reader.get_fields()


def _expected_names(rep) -> set[str]:
    names = {ff.comment_field(e.key) for e in rep.entries}
    names |= {ff.action_field(row, part) for row in range(1, 6) for part in ff.ACTION_PARTS}
    return names | {ff.OVERALL, ff.NEXT_SESSION, ff.SUPERVISOR_NAME, ff.SUPERVISOR_ROLE,
                    ff.SUPERVISOR_DATE, ff.SIGNOFF}


def test_pack_has_every_field_by_name_and_type(rep, empty):
    """Comments per reflection, overall, 5 action rows, dates and names are text; the sign-off a checkbox."""
    fields = _fields(empty)
    assert set(fields) == _expected_names(rep)
    assert fields[ff.SIGNOFF]["/FT"] == "/Btn"
    assert all(f["/FT"] == "/Tx" for name, f in fields.items() if name != ff.SIGNOFF)
    assert ff.comment_field("entry-2") == "reflect_comment_entry-2"


def test_text_fields_are_unlimited_scrolling_and_named_in_plain_words(empty):
    """No /MaxLen, scrolling allowed, comments multi-line, and every field has a tooltip."""
    reader = PdfReader(io.BytesIO(empty))
    widgets = [a.get_object() for page in reader.pages for a in page.get("/Annots", ())]
    assert widgets and all(w["/Subtype"] == "/Widget" for w in widgets)
    for widget in widgets:
        assert str(widget["/TU"]).strip(), widget["/T"]
        assert "/MaxLen" not in widget
        flags = int(widget.get("/Ff", 0))
        assert not flags & DO_NOT_SCROLL
        if str(widget["/T"]).startswith((ff.COMMENT_PREFIX, ff.OVERALL)):
            assert flags & MULTILINE
        assert int(widget["/F"]) & 4, "printable"
    assert not any(str(w["/T"]) == ff.SIGNOFF and "/Opt" in w for w in widgets)


def test_form_font_is_embedded_dejavu(empty):
    """The form's default font is an embedded DejaVu Sans; no standard-14 font is named anywhere."""
    reader = PdfReader(io.BytesIO(empty))
    form = reader.trailer["/Root"]["/AcroForm"]
    fonts = form["/DR"]["/Font"]
    assert list(fonts) == ["/DjVu"]
    font = fonts["/DjVu"].get_object()
    assert str(font["/BaseFont"]).endswith("+DejaVuSans")
    assert "/FontFile2" in font["/FontDescriptor"].get_object()
    for standard in STANDARD_14:
        assert standard.encode() not in empty


def test_pypdf_fill_reads_back_every_value(rep, filled):
    """Every value typed with pypdf comes back from form_values, the ticked checkbox as True."""
    values = form_values(filled)
    expected = typed_values(rep)
    assert {k: v for k, v in values.items() if k != ff.SIGNOFF} == expected
    assert values[ff.SIGNOFF] is True


def test_empty_pack_reads_as_empty(rep, empty):
    """An unfilled pack gives every field, all empty, and the checkbox False."""
    values = form_values(empty)
    assert set(values) == _expected_names(rep)
    assert values[ff.SIGNOFF] is False
    assert all(v == "" for k, v in values.items() if k != ff.SIGNOFF)


def test_fingerprints_survive_filling_and_notes(empty, filled):
    """Filling the fields, or adding notes and shapes, leaves every page's fingerprint as it was."""
    before = page_fingerprints(empty)
    assert len(before) == len(PdfReader(io.BytesIO(empty)).pages)
    assert len(set(before)) == len(before)
    assert page_fingerprints(filled) == before
    assert page_fingerprints(_annotated(filled)) == before


def test_overlay_changes_only_that_page(empty):
    """Drawing into one page's content changes that page's fingerprint and no other."""
    before = page_fingerprints(empty)
    after = page_fingerprints(draw_over_page(empty, 2))
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [2]


def test_edited_text_operator_changes_the_fingerprint(empty):
    """Changing a word in a page's own text (same length, re-encoded stream) is seen."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(empty)))
    page = writer.pages[0]
    contents = page.get_contents()
    data = contents.get_data()
    edited = re.sub(rb"\) Tj", b"x) Tj", data, count=1)
    assert edited != data
    contents.set_data(edited)
    page.replace_contents(contents)
    out = io.BytesIO()
    writer.write(out)
    assert page_fingerprints(out.getvalue())[0] != page_fingerprints(empty)[0]


def test_removed_page_changes_the_list(empty):
    """Removing a page shortens the list and shifts the pages after it."""
    before = page_fingerprints(empty)
    after = page_fingerprints(without_page(empty, 1))
    assert after == before[:1] + before[2:]


def test_notes_and_marks_are_read_with_their_pages(filled):
    """A sticky note and a typed text box come back with page and text; a shape is only counted."""
    reply = read_reply(_annotated(filled))
    assert [(n.page, n.kind, n.text) for n in reply.notes] == [
        (2, "Text", "Please say more about this."), (3, "FreeText", "Good point\nwell made")]
    assert reply.other_marks == {3: 1}


def test_text_is_capped_and_control_characters_removed(rep, empty):
    """A value over 20,000 characters is cut and flagged; control characters go, line breaks stay."""
    values = typed_values(rep)
    values[ff.OVERALL] = "x" * (MAX_CHARS + 500)
    values[ff.SUPERVISOR_NAME] = "Jo\x00 Sup\x07ervisor"
    values[ff.NEXT_SESSION] = "15\r\nJan"
    reply = read_reply(fill_with_pypdf(empty, values, sign=False))
    assert reply.fields[ff.OVERALL] == "x" * MAX_CHARS
    assert reply.cut == {ff.OVERALL}
    assert reply.fields[ff.SUPERVISOR_NAME] == "Jo Supervisor"
    assert reply.fields[ff.NEXT_SESSION] == "15\nJan"
    assert reply.fields[ff.SIGNOFF] is False


def test_identity_in_document_information_and_xmp(empty):
    """The journal id and a UUID export id are in the info dictionary and the XMP, and nothing else."""
    reader = PdfReader(io.BytesIO(empty))
    info = reader.metadata
    export_id = str(info[INFO_EXPORT_ID])
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", export_id)
    assert info[INFO_JOURNAL_ID] == JOURNAL_ID
    assert sorted(k for k in info if k.startswith("/Reflect")) == [INFO_EXPORT_ID, INFO_JOURNAL_ID]
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert f"<reflect:ExportId>{export_id}</reflect:ExportId>" in xmp
    assert f"<reflect:JournalId>{JOURNAL_ID}</reflect:JournalId>" in xmp
    assert f"uuid:{export_id}" in xmp
    assert read_reply(empty).export_id == export_id
    assert read_reply(empty).journal_id == JOURNAL_ID


def test_each_export_has_its_own_id(rep, empty):
    """Two renders of the same session carry different export ids."""
    assert read_reply(render(rep)).export_id != read_reply(empty).export_id


def test_identity_survives_filling(empty, filled):
    """Filling and saving keeps the identity."""
    assert (read_reply(filled).journal_id, read_reply(filled).export_id) == \
        (read_reply(empty).journal_id, read_reply(empty).export_id)


def test_print_only_pack_has_no_fields(rep):
    """fields=False is today's pack: no form, no widgets, ruled lines; the identity is still there."""
    data = render(rep, fields=False)
    reader = PdfReader(io.BytesIO(data))
    assert "/AcroForm" not in reader.trailer["/Root"]
    assert not any("/Annots" in page for page in reader.pages)
    assert read_reply(data).fields == {}
    assert read_reply(data).journal_id == JOURNAL_ID


def test_aes256_pack_stays_fillable(rep, empty):
    """An AES-256 pack filled and saved encrypted reads back with the password; fingerprints unchanged."""
    locked = encrypt_pdf(empty, PASSWORD)
    filled = fill_with_pypdf(locked, typed_values(rep), password=PASSWORD)
    assert PdfReader(io.BytesIO(filled)).is_encrypted
    values = form_values(filled, PASSWORD)
    assert values[ff.OVERALL] == typed_values(rep)[ff.OVERALL] and values[ff.SIGNOFF] is True
    assert page_fingerprints(filled, PASSWORD) == page_fingerprints(locked, PASSWORD) \
        == page_fingerprints(empty)
    with pytest.raises(WrongPassword):
        form_values(filled, "not it")


def test_not_a_pdf_is_refused():
    """Bytes that are not a PDF raise ReplyReadError."""
    with pytest.raises(ReplyReadError):
        page_fingerprints(b"hello, not a pdf")


def test_qpdf_passes_on_empty_and_filled_packs(tmp_path, empty, filled):
    """qpdf --check finds no error in the pack, empty or filled (and encrypted)."""
    for name, data in (("empty", empty), ("filled", filled)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        qpdf_check(path)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypt_pdf(filled, PASSWORD))
    qpdf_check(locked, PASSWORD)


def _annotated(data: bytes) -> bytes:
    """`data` with a sticky note on page 2, a text box and a rectangle on page 3."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    note = Text(rect=(50, 550, 70, 570), text="Please say more about this.")
    box = FreeText(text="Good point\r\nwell made", rect=(50, 500, 250, 540))
    shape = Rectangle(rect=(50, 300, 150, 350))
    writer.add_annotation(2, note)
    writer.add_annotation(3, box)
    writer.add_annotation(3, shape)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
