"""Small files that unpack to huge ones (zip and PDF stream bombs) are refused in little memory."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

import reflect
from reflect.briefings import read_briefing_bytes
from reflect.domain.errors import BriefingFormatError

TOO_LARGE = "is too large to be a briefing (limit 10 MB"
_MB = 1024 * 1024
#: the most a refused import may take, all of Python, python-docx and pypdf included
MEMORY_CEILING_MB = 150

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="peak memory is read from Linux's /proc"
)

# The child reads one file as the import does, under a 1 GB address-space cap so that today's
# failure is a MemoryError rather than a swapping machine, and reports its peak memory.
_CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))
from reflect.briefings import load_readers, read_briefing_file
from reflect.domain.errors import BriefingFormatError
load_readers()
try:
    read_briefing_file(sys.argv[1])
    message = None
except BriefingFormatError as exc:
    message = exc.message
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent (pytest) across exec
status = open("/proc/self/status").read().split("VmHWM:")[1].split()
print(json.dumps({"message": message, "peak_mb": int(status[0]) / 1024}))
"""


def _import_in_child(path: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(Path(reflect.__file__).parents[1]))
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True, text=True, timeout=300, env=env, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _docx_with_document(document_xml: bytes) -> bytes:
    """A real Word file (from python-docx) with its document part replaced."""
    from docx import Document

    original = io.BytesIO()
    Document().save(original)
    out = io.BytesIO()
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = document_xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _bomb_document(megabytes: int) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body><w:p><w:r>'
        f"<w:t>{'0' * (megabytes * _MB)}</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def _pdf_with_content(content: bytes) -> bytes:
    """A one-page PDF whose page content is `content`, Flate-compressed."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


@linux_only
def test_docx_bomb_refused_in_little_memory(tmp_path):
    """A 50 KB .docx whose text unpacks to 50 MB is refused as too large, using under 150 MB."""
    path = tmp_path / "briefing.docx"
    path.write_bytes(_docx_with_document(_bomb_document(50)))
    assert path.stat().st_size < 200 * 1024
    result = _import_in_child(path)
    assert result["message"] is not None and TOO_LARGE in result["message"]
    assert result["peak_mb"] < MEMORY_CEILING_MB


@linux_only
def test_pdf_stream_bomb_refused_in_little_memory(tmp_path):
    """A PDF page whose 60 KB stream unpacks to 60 MB of text is refused, using under 150 MB."""
    content = b"BT /F1 12 Tf 72 700 Td (" + b"a" * (60 * _MB) + b") Tj ET"
    path = tmp_path / "briefing.pdf"
    path.write_bytes(_pdf_with_content(content))
    assert path.stat().st_size < 200 * 1024
    result = _import_in_child(path)
    assert result["message"] is not None and TOO_LARGE in result["message"]
    assert result["peak_mb"] < MEMORY_CEILING_MB


def _refusal_of_docx_with(parts: dict[str, bytes]) -> str:
    """The message for an empty Word document with `parts` added (deflated), which must fail."""
    out = io.BytesIO(_docx_with_document(_bomb_document(0)))
    with zipfile.ZipFile(out, "a") as archive:
        for part, data in parts.items():
            archive.writestr(part, data, zipfile.ZIP_DEFLATED)
    assert len(out.getvalue()) < 5 * _MB
    with pytest.raises(BriefingFormatError) as excinfo:
        read_briefing_bytes(out.getvalue(), "briefing.docx")
    return excinfo.value.message


def test_docx_with_too_many_parts_refused():
    """A Word file of thousands of parts is refused as too large, not read part by part."""
    parts = {f"word/media/empty{number}.bin": b"" for number in range(6000)}
    assert TOO_LARGE in _refusal_of_docx_with(parts)


def test_docx_parts_adding_up_past_the_limit_refused():
    """Many parts, each small and ordinary, that together unpack past 10 MB are refused."""
    # random bytes the compressor cannot reach back to keep the ratio near 60 to 1
    parts = {
        f"word/media/part{number}.bin": b"".join(
            os.urandom(16 * 1024) + bytes(_MB - 16 * 1024) for _ in range(3)
        )
        for number in range(10)
    }
    assert TOO_LARGE in _refusal_of_docx_with(parts)


def test_docx_part_compressed_a_thousand_fold_refused():
    """A 2 MB part that compresses a thousand-fold (filler, not writing) is refused as too large."""
    assert TOO_LARGE in _refusal_of_docx_with({"word/media/filler.bin": bytes(2 * _MB)})
