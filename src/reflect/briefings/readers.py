"""Opening a briefing file of any supported kind and handing its text to the parser.

People import whatever the partnership emailed them, often renamed or saved oddly, so the format is
taken from the file's content where it can be (a PDF or Word file says what it is in its first
bytes), and from its name only otherwise. Every way a file can fail ends in a
`BriefingFormatError` that says what is wrong with *this* file, in words a practitioner can act on.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from reflect.briefings.docx_files import docx_text
from reflect.briefings.limits import MAX_BYTES
from reflect.briefings.parser import parse_text
from reflect.briefings.pdf_files import pdf_text
from reflect.briefings.text_files import decode_text
from reflect.domain.briefing import Briefing
from reflect.domain.display_name import display_name
from reflect.domain.errors import BriefingFormatError

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text"})
SUPPORTED_SUFFIXES = frozenset({*TEXT_SUFFIXES, ".docx", ".pdf"})
SUPPORTED_KINDS = "Markdown (.md), text (.txt), Word (.docx) or PDF (.pdf)"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc, .xls, .msg
_RTF = b"{\\rtf"
_KNOWN_OTHER = {
    ".doc": "an older Word .doc file",
    ".rtf": "a Rich Text (.rtf) file",
    ".odt": "an OpenDocument (.odt) file",
    ".pages": "an Apple Pages file",
    ".xlsx": "a spreadsheet",
    ".xls": "a spreadsheet",
    ".pptx": "a PowerPoint file",
    ".ppt": "a PowerPoint file",
    ".png": "a picture",
    ".jpg": "a picture",
    ".jpeg": "a picture",
    ".gif": "a picture",
    ".msg": "an Outlook email",
    ".eml": "an email",
    ".zip": "a zip archive",
    ".html": "a web page",
    ".htm": "a web page",
}


def read_briefing_file(path: str | os.PathLike[str]) -> Briefing:
    """Read and parse a briefing file (.md, .markdown, .txt, .docx or .pdf)."""
    path = Path(path)
    name = display_name(path.name)  # as shown in messages: a name may hold a newline or escape
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise BriefingFormatError(f"'{name}' is a folder, not a briefing file.")
        _check_size(size, name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise BriefingFormatError(
            f"The file '{name}' could not be found. It may have been moved, renamed or deleted."
        ) from None
    except PermissionError:
        raise BriefingFormatError(
            f"Reflect is not allowed to open '{name}'. Check the file is not open elsewhere or "
            "restricted, or copy it to your Documents folder and try again."
        ) from None
    except OSError as exc:
        raise BriefingFormatError(
            f"The file '{name}' could not be read ({exc.strerror or 'unreadable'})."
        ) from None
    return read_briefing_bytes(data, name)


def read_briefing_bytes(data: bytes, name: str) -> Briefing:
    """Parse a briefing from a file's bytes; `name` (the file name) gives its kind and is used in
    messages."""
    name = display_name(name)
    _check_size(len(data), name)
    if not data.strip():
        raise BriefingFormatError(f"The file '{name}' is empty: there is no briefing in it.")
    return parse_text(briefing_text(data, name), source_name=name)


def briefing_text(data: bytes, name: str) -> str:
    """The text of a briefing file, chosen by its content first and its name second."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF" in data[:1024]):
        return pdf_text(data, name)
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return docx_text(data, name)
        raise _unsupported(name, _KNOWN_OTHER.get(suffix, "a zip archive or other packaged file"))
    if suffix == ".pdf":
        raise BriefingFormatError(
            f"'{name}' is named as a PDF but is not one: it may be damaged or only partly "
            "downloaded. Download or save it again."
        )
    if suffix == ".docx":
        return docx_text(data, name)  # not a zip: docx_text explains
    if data.startswith(_OLE2):
        raise _unsupported(name, "an older Word .doc file (or another Office file)")
    if data.startswith(_RTF):
        raise _unsupported(name, "a Rich Text (.rtf) file")
    if suffix in _KNOWN_OTHER:
        raise _unsupported(name, _KNOWN_OTHER[suffix])
    # .md, .txt and files with other or no extensions: accept them if they are really text
    return decode_text(data, name)


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise BriefingFormatError(
            f"'{name}' is too large to be a 7-minute briefing ({size / (1024 * 1024):.1f} MB; "
            f"Reflect reads briefings up to {MAX_BYTES // (1024 * 1024)} MB). Check it is the "
            "right file."
        )
    if size == 0:
        raise BriefingFormatError(f"The file '{name}' is empty: there is no briefing in it.")


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _unsupported(name: str, what: str) -> BriefingFormatError:
    return BriefingFormatError(
        f"'{name}' is {what}, which Reflect cannot read. Save the briefing as {SUPPORTED_KINDS} "
        "and import that file, or copy its text and paste it in."
    )


def load_readers() -> None:
    """Import python-docx and pypdf now, on the calling (UI) thread. Files are read on a worker,
    and the Word and PDF readers import these on first use: two threads importing at once can see
    each other's half-initialised modules (see services.opening.OpeningJournal)."""
    import codecs

    import docx
    import docx.table
    import docx.text.paragraph  # noqa: F401

    codecs.lookup("cp437")  # zipfile's codec for the names inside a .docx
    load_pypdf()


def load_pypdf() -> None:
    """pypdf and what it imports only when it first decodes a stream or a string (the test
    tests/unit/test_worker_imports.py lists anything new)."""
    import codecs

    import pypdf
    import pypdf._codecs._codecs
    import pypdf.filters  # noqa: F401

    for name in ("utf-16-be", "utf-16-le", "charmap", "latin-1", "cp1252"):
        codecs.lookup(name)
