"""Files and text that are not readable briefings fail with a message naming the problem."""

from __future__ import annotations

import io
import zipfile

import pytest

from reflect.briefings import MAX_BYTES, parse_text, read_briefing_bytes, read_briefing_file
from reflect.domain.errors import BriefingFormatError
from tests.unit.briefing_fixtures import FIXTURES, builders

HEADINGS_NO_QUESTIONS = """Northbridge Safeguarding Children Partnership 7 Minute Briefing – Child T

Background

Child T was seen at the GP surgery twice with bruising.

Key learning

- Bruising in a non-mobile baby should always lead to a referral.

Further reading

- Local bruising protocol
"""


def _message(excinfo) -> str:
    return excinfo.value.message


def test_empty_file(tmp_path):
    """A zero-byte file is reported as empty."""
    path = tmp_path / "briefing.txt"
    path.write_bytes(b"")
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    assert "'briefing.txt' is empty" in _message(excinfo)


def test_whitespace_only_file(tmp_path):
    """A file of spaces and blank lines is reported as empty."""
    path = tmp_path / "blank.md"
    path.write_text("  \n\n\t \r\n", encoding="utf-8")
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    assert "is empty" in _message(excinfo)


@pytest.mark.parametrize("text", ["", "   ", "\n\n \t\n"])
def test_whitespace_only_text(text):
    """Pasting nothing, or only spaces, says there is no text."""
    with pytest.raises(BriefingFormatError) as excinfo:
        parse_text(text)
    assert "There is no text in this briefing" in _message(excinfo)


def test_text_with_only_page_numbers():
    """Text made only of page numbers has no briefing in it."""
    with pytest.raises(BriefingFormatError) as excinfo:
        parse_text("1\n\nPage 2 of 3\n\n- 3 -\n")
    assert "only page numbers" in _message(excinfo)


def test_binary_file_named_txt(tmp_path):
    """A picture renamed .txt is refused as not readable text."""
    path = tmp_path / "briefing.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    assert "does not contain readable text" in _message(excinfo)


def test_control_characters_are_binary():
    """Bytes full of control characters but no NULs are still refused as binary."""
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 65, 66]) * 200
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_bytes(data, "notes.md")
    assert "does not contain readable text" in _message(excinfo)


def test_file_over_five_megabytes(tmp_path):
    """A file over 5 MB is refused before it is read, with its size in the message."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    message = _message(excinfo)
    assert "too large" in message and "5 MB" in message


def test_pdf_without_text_layer(tmp_path):
    """A PDF holding only a drawing (like a scan) says it has no text and may be a scan."""
    path = tmp_path / "scanned.pdf"
    path.write_bytes(builders.build_scanned_pdf())
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    message = _message(excinfo)
    assert "this PDF has no text in it \u2014 it may be a scanned image" in message


def test_encrypted_pdf(tmp_path):
    """A password-protected PDF is refused with a message about the password."""
    path = tmp_path / "protected.pdf"
    path.write_bytes(builders.build_encrypted_pdf())
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    assert "protected with a password" in _message(excinfo)


def test_damaged_pdf(tmp_path):
    """A file that starts like a PDF but is cut short cannot be opened as a PDF."""
    path = tmp_path / "cut.pdf"
    path.write_bytes(builders.build_pdf()[:300])
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    assert "could not be opened as a PDF" in _message(excinfo)


def test_pdf_name_without_pdf_content(tmp_path):
    """A .pdf file that is not a PDF says so."""
    path = tmp_path / "briefing.pdf"
    path.write_text("Background\n\nJust some text.", encoding="utf-8")
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    assert "is named as a PDF but is not one" in _message(excinfo)


def test_docx_that_is_not_a_zip(tmp_path):
    """A .docx that is not a zip archive is reported as not a Word document."""
    path = tmp_path / "briefing.docx"
    path.write_text("This is not really a Word document.", encoding="utf-8")
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    assert "could not be opened as a Word document" in _message(excinfo)


def test_zip_that_is_not_a_word_document(tmp_path):
    """A zip archive without Word content, named .docx, is refused as not a Word document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    path = tmp_path / "briefing.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    assert "cannot read" in _message(excinfo)


def test_old_word_doc(tmp_path):
    """An old binary .doc file is named as such, with how to convert it."""
    path = tmp_path / "briefing.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    message = _message(excinfo)
    assert "older Word .doc file" in message and ".docx" in message


def test_unsupported_extension(tmp_path):
    """A file type Reflect cannot read is named, with the kinds it can read."""
    path = tmp_path / "briefing.pptx"
    path.write_bytes(b"something")
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(path)
    message = _message(excinfo)
    assert "PowerPoint" in message and "Word (.docx)" in message


def test_text_with_unknown_extension_is_read(tmp_path):
    """Text saved with an unusual extension is still read as text (the content decides)."""
    path = tmp_path / "child-t.briefing"
    path.write_bytes((FIXTURES / "markdown-child-t.md").read_bytes())
    assert len(read_briefing_file(path).questions) == 4


def test_headings_but_no_questions():
    """A briefing with headings but no questions says no reflection questions could be found."""
    with pytest.raises(BriefingFormatError) as excinfo:
        parse_text(HEADINGS_NO_QUESTIONS, source_name="child-t.md")
    message = _message(excinfo)
    assert "No reflection questions could be found in 'child-t.md'" in message
    assert "What can we consider?" in message


def test_missing_file(tmp_path):
    """A file that does not exist is reported as not found, by name."""
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(tmp_path / "gone.md")
    assert "'gone.md' could not be found" in _message(excinfo)


def test_folder_instead_of_file(tmp_path):
    """Choosing a folder says it is a folder."""
    folder = tmp_path / "briefings.md"
    folder.mkdir()
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_file(folder)
    assert "is a folder" in _message(excinfo)
