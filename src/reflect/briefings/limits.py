"""How much a briefing file may hold, and the checks that refuse a file before it is unpacked.

A Word file is a zip archive and a PDF is made of compressed streams, so a small file can unpack to
gigabytes (a "zip bomb") and take all the computer's memory while it is read. No real briefing is
anywhere near these limits; a file beyond them is the wrong file or a hostile one, and is refused
with the limit in words before anything is parsed.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from reflect.domain.errors import BriefingFormatError

_MB = 1024 * 1024
#: the largest file read as a briefing; no briefing is anywhere near this
MAX_BYTES = 5 * _MB
#: the most a Word file's parts, or a PDF's text and streams, may unpack to
MAX_UNPACKED_BYTES = 10 * _MB
#: a .docx holds a few dozen parts; thousands means it is not a document
MAX_ARCHIVE_MEMBERS = 5000
#: text compresses about 10 to 1; a large part compressed 100-fold is filler, not writing
MAX_RATIO = 100
_RATIO_FROM = _MB  # small parts (styles, settings) may compress very well and cost nothing
_CHUNK = 64 * 1024


def too_large(name: str) -> BriefingFormatError:
    """The refusal for a file that unpacks to more than a briefing could."""
    return BriefingFormatError(
        f"'{name}' is too large to be a briefing (limit {MAX_UNPACKED_BYTES // _MB} MB once "
        "unpacked): its contents are far larger than the file itself. Check it is the right file."
    )


def check_archive(data: bytes, name: str) -> None:
    """Refuse a zip archive whose parts unpack beyond the limits: the sizes its directory declares
    first, then the bytes each part really unpacks to, read a piece at a time and never all at
    once (a damaged or hostile directory can understate them)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_ARCHIVE_MEMBERS:
                raise too_large(name)
            declared = 0
            for info in members:
                declared += info.file_size
                ratio_too_high = info.file_size > max(_RATIO_FROM, MAX_RATIO * info.compress_size)
                if declared > MAX_UNPACKED_BYTES or ratio_too_high:
                    raise too_large(name)
            unpacked = 0
            for info in members:
                with archive.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED_BYTES:
                            raise too_large(name)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError, ValueError):
        return  # a damaged archive: the reader that opens it next explains what is wrong
