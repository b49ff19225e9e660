"""The text layer of a PDF briefing, page by page, through pypdf.

Most briefings are published as PDFs. Their text comes out hard-wrapped, with page numbers and
footers between pages; the parser repairs that. This module only has to get the text out and say
plainly why it cannot: a password, a damaged file, or a scanned image with no text in it at all.
"""

from __future__ import annotations

import io
import logging
from contextlib import nullcontext

from reflect.briefings.limits import MAX_BYTES, MAX_UNPACKED_BYTES, too_large
from reflect.domain.errors import BriefingFormatError

#: a dense page of text draws a few thousand things; this many is filler built to take memory
MAX_PAGE_OPERATIONS = 250_000
#: pages are separated by a form feed so the parser knows where page footers may be
PAGE_BREAK = "\f"


def pdf_text(data: bytes, name: str) -> str:
    """All pages' text, separated by form feeds. Raises `BriefingFormatError` with the reason."""
    import pypdf.errors
    from pypdf import PdfReader  # imported here: loading pypdf is only worth it for a PDF

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about the file, not us
    limit_reached = getattr(pypdf.errors, "LimitReachedError", ())  # pypdf 5 and later
    try:
        with _stream_limits():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not _unlock(reader):
                raise BriefingFormatError(
                    f"'{name}' is protected with a password, so Reflect cannot read it. Open it in "
                    "a PDF reader, copy the text and paste it into Reflect instead."
                )
            pages = _page_texts(reader, name)
    except BriefingFormatError:
        raise
    except limit_reached:  # pypdf refused to unpack a stream past the limits set below
        raise too_large(name) from None
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


def _page_texts(reader, name: str) -> list[str]:
    """Each page's text, stopping as soon as the whole is more than any briefing could hold."""
    pages = []
    total = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        total += len(text)
        if total > MAX_BYTES:
            raise too_large(name)
        pages.append(text)
    return pages


def _stream_limits():
    """pypdf's own caps on how far one stream may unpack, lowered to a briefing's limit while this
    file is read (pypdf 7 takes them as a configuration; earlier versions keep their defaults)."""
    import pypdf

    apply_configuration = getattr(pypdf, "apply_configuration", None)
    if apply_configuration is None:
        return nullcontext()
    current = pypdf.get_configuration()
    caps = {
        key: MAX_UNPACKED_BYTES
        for key in (
            "maximum_declared_stream_length", "array_based_stream_maximum_output_length",
            "lzw_maximum_output_length", "run_length_maximum_output_length",
            "zlib_maximum_output_length", "brotli_maximum_output_length",
            "stream_decoding_work_maximum_length",
        )
        if hasattr(current, key)
    }
    if hasattr(current, "stream_parsing_work_maximum_count"):
        caps["stream_parsing_work_maximum_count"] = MAX_PAGE_OPERATIONS
    return apply_configuration(**caps)


def _unlock(reader) -> bool:
    """Open a PDF that is encrypted only against editing (an empty user password)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. an encryption method pypdf cannot handle
        return False
