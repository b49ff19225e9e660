"""Reading a supervisor's reply: the pack they filled in, saved and sent back.

Three things come out of the file, and all of it is data, never instructions:

- `page_fingerprints`: a SHA-256 per page of what the page itself draws. Readers rewrite a file's
  objects when they save it (Adobe's full save renumbers and recompresses everything), so raw
  bytes cannot show whether a page was changed; the decoded content can. It is parsed and written
  back in one canonical form (pypdf's), so re-encoding, whitespace or splitting a content stream
  in two changes nothing, and the Form XObjects a page draws (its "Page 3 of 10") are included.
  The rule itself is `fingerprint.page_digest`; this module only feeds it the parsed file.
  Typed values, sticky notes and ink live in annotations, outside the content: filling the pack
  leaves every fingerprint as it was; editing text or drawing into the page does not.
- `read_reply` / `form_values`: our fields' values (`form_fields` names), a checkbox as a bool.
- the annotations the supervisor added: the text-bearing ones (sticky notes, typed text boxes,
  highlights and underlines carrying a note) with their page and text, and a count per page of
  the rest (ink, stamps, shapes), which carry no text to import.

Text is capped at `MAX_CHARS` per value (the cut is flagged) and stripped of control characters.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject

from reflect.domain.errors import ReflectError
from reflect.export import form_fields as ff
from reflect.export.fingerprint import page_digest
from reflect.export.identity import INFO_EXPORT_ID, INFO_JOURNAL_ID

MAX_CHARS = 20_000
TEXT_NOTES = frozenset({"/Text", "/FreeText", "/Highlight", "/Underline", "/Squiggly", "/StrikeOut"})
#: annotations that are not the supervisor's marks: our own fields and links, and the pop-up
#: windows that belong to a note (its text is the note's)
NOT_MARKS = frozenset({"/Widget", "/Link", "/Popup"})
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")

Source = Path | str | bytes


class ReplyReadError(ReflectError):
    """The reply could not be read: not a PDF, damaged, or the password does not open it."""

    exit_code = 2
    default_text = "This file could not be read as a supervision pack."


class WrongPassword(ReplyReadError):
    exit_code = 3
    default_text = "That password does not open this PDF."


@dataclass(frozen=True)
class Note:
    """A text-bearing annotation the supervisor added."""

    page: int  # from 0
    kind: str  # the annotation subtype without its slash: "Text", "FreeText", "Highlight", ...
    text: str
    cut: bool = False


@dataclass(frozen=True)
class Reply:
    fields: dict[str, str | bool]
    cut: frozenset[str] = frozenset()  # names of fields whose value was cut at MAX_CHARS
    notes: tuple[Note, ...] = ()
    other_marks: dict[int, int] = field(default_factory=dict)  # page (from 0) -> count
    journal_id: str = ""
    export_id: str = ""


def plain_text(value: str) -> tuple[str, bool]:
    """`value` with line ends normalised and control characters removed, cut at MAX_CHARS;
    and whether it was cut."""
    text = _CONTROLS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return (text[:MAX_CHARS], True) if len(text) > MAX_CHARS else (text, False)


def open_pdf(source: Source, password: str | None = None) -> PdfReader:
    """A reader for `source` (a path or the file's bytes), decrypted. Raises ReplyReadError."""
    try:
        reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else str(source))
        if reader.is_encrypted and not reader.decrypt(password or ""):
            raise WrongPassword()
        len(reader.pages)  # a damaged page tree fails here rather than later
    except ReplyReadError:
        raise
    except (OSError, PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ReplyReadError() from exc
    return reader


# -- fingerprints ---------------------------------------------------------------------------------
def page_fingerprints(source: Source, password: str | None = None) -> list[str]:
    """SHA-256 (hex) of each page's decoded content, in page order."""
    reader = open_pdf(source, password)
    try:
        return [_page_digest(page, reader) for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ReplyReadError() from exc


def _page_digest(page, reader: PdfReader) -> str:
    """The page's fingerprint (`fingerprint.page_digest`) from the parsed file."""
    contents = page.get("/Contents")
    parts = None
    if contents is not None:
        stream = contents.get_object()
        parts = ([part.get_object().get_data() for part in stream] if isinstance(stream, ArrayObject)
                 else [stream.get_data()])
    return page_digest(parts, _xobjects(page.get("/Resources")))


class _ReadXObject:
    """An XObject of the parsed file, as `fingerprint.page_digest` reads it."""

    def __init__(self, xobject) -> None:
        self.xobject = xobject

    def identity(self) -> object:
        return id(self.xobject)  # pypdf hands out one object per indirect reference

    def is_form(self) -> bool:
        return self.xobject.get("/Subtype") == "/Form"

    def content(self) -> list[bytes]:
        return [self.xobject.get_data()]

    def xobjects(self) -> dict[str, _ReadXObject]:
        return _xobjects(self.xobject.get("/Resources"))


def _xobjects(resources) -> dict[str, _ReadXObject]:
    resources = resources.get_object() if resources is not None else None
    if not resources or "/XObject" not in resources:
        return {}
    xobjects = resources["/XObject"].get_object()
    return {name: _ReadXObject(xobjects[name].get_object()) for name in xobjects}


# -- the supervisor's words -----------------------------------------------------------------------
def form_values(source: Source, password: str | None = None) -> dict[str, str | bool]:
    """Our fields' values: text as text (cleaned, capped), the sign-off checkbox as a bool."""
    return read_reply(source, password).fields


def read_reply(source: Source, password: str | None = None) -> Reply:
    """Everything a reply carries: field values, added notes and marks, and the pack's identity."""
    reader = open_pdf(source, password)
    try:
        fields, cut = _field_values(reader)
        notes, marks = _annotations(reader)
        journal_id, export_id = pack_identity(reader)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ReplyReadError() from exc
    return Reply(fields, frozenset(cut), tuple(notes), marks, journal_id, export_id)


def _field_values(reader: PdfReader) -> tuple[dict[str, str | bool], set[str]]:
    values: dict[str, str | bool] = {}
    cut: set[str] = set()
    for name, found in (reader.get_fields() or {}).items():
        if not name.startswith(ff.FIELD_PREFIX):
            continue
        value = found.get("/V")
        value = value.get_object() if value is not None else None
        if found.get("/FT") == "/Btn":
            values[name] = value is not None and str(value).lstrip("/") not in ("", "Off")
            continue
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        text, was_cut = plain_text(value if isinstance(value, str) else "")
        values[name] = text
        if was_cut:
            cut.add(name)
    return values, cut


def _annotations(reader: PdfReader) -> tuple[list[Note], dict[int, int]]:
    notes: list[Note] = []
    marks: dict[int, int] = {}
    for index, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or ():
            annot = ref.get_object()
            kind = str(annot.get("/Subtype", ""))
            if kind in NOT_MARKS:
                continue
            contents = annot.get("/Contents")
            text, was_cut = plain_text(str(contents.get_object()) if contents is not None else "")
            if kind in TEXT_NOTES and text.strip():
                notes.append(Note(index, kind.lstrip("/"), text, was_cut))
            else:
                marks[index] = marks.get(index, 0) + 1
    return notes, marks


def pack_identity(reader: PdfReader) -> tuple[str, str]:
    """(journal id, export id) from the document information, or else the XMP metadata."""
    info = reader.metadata or {}
    journal_id, export_id = str(info.get(INFO_JOURNAL_ID, "")), str(info.get(INFO_EXPORT_ID, ""))
    if export_id:
        return journal_id, export_id
    xmp = reader.xmp_metadata
    raw = xmp.stream.get_data().decode("utf-8", "replace") if xmp is not None else ""

    def tag(name: str) -> str:
        found = re.search(rf"<reflect:{name}>([^<]*)</reflect:{name}>", raw)
        return found.group(1).strip() if found else ""

    return tag("JournalId"), tag("ExportId")

