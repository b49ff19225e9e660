"""Decoding a text briefing's bytes, whatever Windows program saved it.

Briefings saved from Notepad or Word as text arrive as UTF-8 (with or without a byte order mark),
UTF-16 ("Unicode" in Notepad) or the Windows code page cp1252 (where smart quotes are single bytes
that are invalid UTF-8). Anything that is really binary - a picture renamed .txt, a damaged file -
must be refused with a clear message rather than shown as rubbish.
"""

from __future__ import annotations

import codecs
import re

from reflect.domain.errors import BriefingFormatError

_UNREADABLE_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
#: more control characters than this share of the text means it is not text
_CONTROL_LIMIT = 0.01


def _binary(name: str) -> BriefingFormatError:
    return BriefingFormatError(
        f"'{name}' does not contain readable text: it looks like a program, picture or other "
        "binary file. Choose the briefing saved as text, Markdown, Word (.docx) or PDF."
    )


def decode_text(data: bytes, name: str) -> str:
    """The text in `data`: UTF-8 (BOM optional), UTF-16 with a BOM, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[len(codecs.BOM_UTF8) :], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", name)
    elif _looks_like_utf16(data):
        text = _decode(data, "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", name)
    elif b"\x00" in data:
        raise _binary(name)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode(data, "cp1252", name)
    if text and len(_UNREADABLE_CONTROL.findall(text)) > _CONTROL_LIMIT * len(text):
        raise _binary(name)
    return text


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 saved without a byte order mark: English text has a zero in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    odd_zeros = sample[1::2].count(0) / (len(sample) // 2)
    even_zeros = sample[0::2].count(0) / (len(sample) // 2)
    return (odd_zeros > 0.9 and even_zeros < 0.05) or (even_zeros > 0.9 and odd_zeros < 0.05)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise _binary(name) from None
    if "\x00" in text:
        raise _binary(name)
    return text
