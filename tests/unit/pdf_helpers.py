"""Reading produced PDFs back for the export tests: text without page furniture, fonts, outline, qpdf."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from reflect.export.renderer import FOOTER_TEXT

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}


def norm(text: str) -> str:
    """Whitespace collapsed to single spaces (line wrapping and no-break spaces don't count)."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """All whitespace removed: for text where wrapping may split a word."""
    return "".join(text.split())


def page_texts(path: Path | bytes, password: str | None = None) -> list[str]:
    """Each page's text, from a file or from the PDF's bytes."""
    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    if password is not None:
        reader.decrypt(password)
    return [page.extract_text() or "" for page in reader.pages]


def body_text(path: Path | bytes, header: str | None = None, password: str | None = None) -> str:
    """The text of every page without the running head, the footer and "Page X of Y"."""
    pages = page_texts(path, password)
    total = len(pages)
    out = []
    for number, text in enumerate(pages, start=1):
        lines = text.split("\n")
        furniture = {FOOTER_TEXT, f"Page {number} of {total}"}
        if header is not None:
            furniture.add(header)
        out.append("\n".join(line for line in lines if line.strip() not in furniture))
    return "\n".join(out)


def outline(reader: PdfReader) -> list[tuple[int, str]]:
    """(level, title) of every outline entry, depth first."""
    out: list[tuple[int, str]] = []

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title))
    walk(reader.outline, 0)
    return out


def fonts_in(reader: PdfReader) -> list[DictionaryObject]:
    """Every font dictionary reachable from the pages' resources, forms' resources included."""
    found: dict[int, DictionaryObject] = {}

    def resolve(obj):
        return obj.get_object() if isinstance(obj, IndirectObject) else obj

    def visit(resources, seen: set[int]) -> None:
        resources = resolve(resources)
        if not resources:
            return
        for font in resolve(resources.get("/Font", {})).values():
            font_dict = resolve(font)
            found[id(font_dict)] = font_dict
        for xobject in resolve(resources.get("/XObject", {})).values():
            xobject = resolve(xobject)
            if id(xobject) in seen:
                continue
            seen.add(id(xobject))
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                visit(xobject["/Resources"], seen)

    for page in reader.pages:
        visit(page.get("/Resources"), set())
    return list(found.values())


def check_fonts_embedded(path: Path, password: str | None = None) -> list[str]:
    """Assert every font is an embedded DejaVu subset; returns their BaseFont names."""
    reader = PdfReader(str(path))
    if password is not None:
        reader.decrypt(password)
    names = []
    for font in fonts_in(reader):
        base = str(font["/BaseFont"]).lstrip("/")
        names.append(base)
        assert base.split("+")[-1] not in STANDARD_14, base
        assert "+" in base and base.split("+")[1].startswith("DejaVuSans"), base
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, base
    assert names, "no fonts found"
    return names


def qpdf_check(path: Path, password: str | None = None) -> None:
    """`qpdf --check` passes (skipped, with the reason, where qpdf is not installed)."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed (scripts/test installs it)")
    command = [qpdf, "--check"] + ([f"--password={password}"] if password else []) + [str(path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
