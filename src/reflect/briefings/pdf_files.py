"""The text layer of a PDF briefing, page by page, through pypdf.

Most briefings are published as PDFs. Their text comes out hard-wrapped, with page numbers and
footers between pages; the parser repairs that. This module only has to get the text out and say
plainly why it cannot: a password, a damaged file, or a scanned image with no text in it at all.
"""

from __future__ import annotations

import io
import logging

from reflect.domain.errors import BriefingFormatError

#: pages are separated by a form feed so the parser knows where page footers may be
PAGE_BREAK = "\f"


def pdf_text(data: bytes, name: str) -> str:
    """All pages' text, separated by form feeds. Raises `BriefingFormatError` with the reason."""
    from pypdf import PdfReader  # imported here: loading pypdf is only worth it for a PDF

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about the file, not us
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _unlock(reader):
            raise BriefingFormatError(
                f"'{name}' is protected with a password, so Reflect cannot read it. Open it in a "
                "PDF reader, copy the text and paste it into Reflect instead."
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except BriefingFormatError:
        raise
    except Exception:  # pypdf raises many kinds of error for damaged files; all mean the same here
        raise BriefingFormatError(
            f"'{name}' could not be opened as a PDF: it may be damaged or not really a PDF."
        ) from None
    if not any(page.strip() for page in pages):
        raise BriefingFormatError(
            f"Reflect cannot read '{name}': this PDF has no text in it \u2014 it may be a scanned "
            "image of the briefing. Ask the partnership for a Word or text version, or type or "
            "paste the text in."
        )
    return PAGE_BREAK.join(pages)


def _unlock(reader) -> bool:
    """Open a PDF that is encrypted only against editing (an empty user password)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. an encryption method pypdf cannot handle
        return False
