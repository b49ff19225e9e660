"""A page's fingerprint: the one rule, fed either from a parsed file or from the pages as written.

The rule (`page_digest`): SHA-256 over the page's decoded content with whitespace runs folded,
then, by name in sorted order, each XObject the page's resources name: the name, and (the first
time an object is met) a Form's folded content and its own XObjects, or an image's data.
`reply_reader.page_fingerprints` feeds it from a file parsed with pypdf (a returned reply, or
anything else); `written_fingerprints` feeds it from reportlab's own page objects just after it
wrote them, which spares re-parsing the pack the journal has just made. Both only supply decoded
bytes and names: what is hashed, and how, is decided here alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Protocol

#: XObject names that a PDF file spells exactly as reportlab holds them (no #xx escapes)
_PLAIN_NAME = re.compile(r"[A-Za-z0-9._-]+")


class Drawing(Protocol):
    """An XObject a page can draw, as one source or the other sees it."""

    def identity(self) -> object: ...  # the same for every name that refers to one object

    def is_form(self) -> bool: ...

    def content(self) -> list[bytes]: ...  # a Form's decoded content (parts), or an image's data

    def xobjects(self) -> Mapping[str, Drawing]: ...  # by name, slash included (a Form's own)


def page_digest(content: list[bytes] | None, xobjects: Mapping[str, Drawing]) -> str:
    """The fingerprint (hex) of a page: `content` its decoded content stream(s) (None when it
    has none), `xobjects` what its resources name."""
    digest = hashlib.sha256()
    if content is not None:
        digest.update(_folded(content))
    _hash_xobjects(xobjects, digest, set())
    return digest.hexdigest()


def _folded(parts: list[bytes]) -> bytes:
    """The content (of one stream, or several joined), whitespace runs folded: a reader that
    re-compresses or splits the page's streams on saving leaves it the same. Decoding is all the
    check needs; parsing every operator was twice the cost of drawing the pack.

    Runs of ASCII whitespace (what ``re.sub(rb"\\s+", b" ", ...).strip()`` folds, and what bytes'
    own `split` splits on) become one space, none at either end; `split` does it four times faster
    than the regular expression, with the same result (tests/unit/test_pack_record.py)."""
    return b" ".join(b" ".join(parts).split())


def _hash_xobjects(xobjects: Mapping[str, Drawing], digest, seen: set) -> None:
    """The Form XObjects (recursively) and images a content stream can draw, by name."""
    for name in sorted(xobjects):
        xobject = xobjects[name]
        digest.update(b"\n/" + name.encode("latin-1", "replace") + b"\n")
        if xobject.identity() in seen:
            continue
        seen.add(xobject.identity())
        if xobject.is_form():
            digest.update(_folded(xobject.content()))
            _hash_xobjects(xobject.xobjects(), digest, seen)
        else:
            digest.update(b"".join(xobject.content()))


# -- from the pages reportlab has just written ----------------------------------------------------
class _WrittenForm:
    def __init__(self, form, doc) -> None:
        self.form, self.doc = form, doc

    def identity(self) -> object:
        return id(self.form)

    def is_form(self) -> bool:
        return True

    def content(self) -> list[bytes]:
        return [self.form.stream]

    def xobjects(self) -> Mapping[str, Drawing]:
        return _written_xobjects(self.form.XObjects, self.doc)


class _Unvouched(Exception):
    """Something on a page this reading of reportlab's objects cannot vouch for."""


def _written_xobjects(xobjects, doc) -> dict[str, Drawing]:
    from reportlab.pdfbase.pdfdoc import PDFFormXObject

    out: dict[str, Drawing] = {}
    for name, ref in (xobjects.dict.items() if xobjects is not None else ()):
        form = doc.idToObject.get(getattr(ref, "name", None))
        if (not _PLAIN_NAME.fullmatch(name) or type(form) is not PDFFormXObject
                or not isinstance(form.stream, bytes)):
            raise _Unvouched
        out["/" + name] = _WrittenForm(form, doc)
    return out


def written_fingerprints(doc) -> list[str] | None:
    """Each page's fingerprint from reportlab's document `doc` once it is saved: the content it
    compressed (a page's text as UTF-8, a form's bytes, which is what a reader decodes) and the
    forms the page draws. None if any page holds what this cannot vouch for (an uncompressed page,
    an image, a name a file would escape): then the caller reads the file instead."""
    from reportlab.pdfbase.pdfdoc import PDFPage

    out = []
    try:
        for page in doc.Pages.pages:
            if (type(page) is not PDFPage or not page.compression or page.Override_default_compilation
                    or not isinstance(page.stream, str)):
                raise _Unvouched
            out.append(page_digest([page.stream.encode("utf-8")], _written_xobjects(page.XObjects, doc)))
    except _Unvouched:
        return None
    return out
