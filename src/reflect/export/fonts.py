"""The bundled DejaVu Sans family, registered with reportlab once per process.

A PDF that names a standard font (Helvetica and friends) relies on the reader's substitute, which
has no glyphs for "Łódź", "Iași", "Şanlıurfa", Greek or Cyrillic; so every piece of text, the page
furniture included, uses these embedded TrueType fonts. They are found through `reflect.domain.resources`
(a checkout, a wheel or a frozen app) and never fetched: the app is offline.
"""

from __future__ import annotations

import io
import threading

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from reflect.domain.resources import resource_dir

FONT_DIR = resource_dir("fonts")

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY = REGULAR
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_coverage: frozenset[int] | None = None


def register_fonts() -> None:
    """Register the four faces and their family (so <b> and <i> find them). Safe to call often,
    from any thread."""
    global _coverage
    if _coverage is not None:
        return
    with _lock:
        if _coverage is not None:
            return
        # Every subset reportlab writes then maps its unused codes to nothing rather than to U+0000
        # (a process-wide change; only the exporter uses reportlab).
        ttfonts.makeToUnicodeCMap = to_unicode_cmap
        registered = set(pdfmetrics.getRegisteredFontNames())
        fonts = {}
        for name, filename in FILES.items():
            if name in registered:
                fonts[name] = pdfmetrics.getFont(name)
                continue
            data = (FONT_DIR / filename).read_bytes()
            fonts[name] = TTFont(name, io.BytesIO(data))
            pdfmetrics.registerFont(fonts[name])
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD_ITALIC)
        # reportlab writes a broken ToUnicode entry for characters beyond U+FFFF (odd-length hex),
        # so text extraction would lose them: treat them as missing.
        _coverage = frozenset(c for c in fonts[REGULAR].face.charToGlyph if c <= 0xFFFF)


def to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """The ToUnicode CMap of a font subset (`subset[code]` is the code's character), as reportlab
    writes it but without the codes that stand for no character (code 0, the missing glyph, and
    codes never used), which reportlab maps to U+0000: a NUL to a reader, and a PDF/UA failure.
    Entries come in blocks of at most 100, as the PDF specification asks."""
    pairs = [f"<{code:02X}> <{char:04X}>" for code, char in enumerate(subset) if char not in _NOT_TEXT]
    blocks = []
    for start in range(0, len(pairs), 100):
        chunk = pairs[start:start + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({font_name})", f"/Ordering ({font_name})", "/Supplement 0", ">> def",
        f"/CMapName /{font_name} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", *blocks, "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end"])


_NOT_TEXT = frozenset({0x0000, 0xFEFF, 0xFFFE})


def coverage() -> frozenset[int]:
    """Code points the regular face can draw (and reportlab can map back to text)."""
    register_fonts()
    assert _coverage is not None
    return _coverage
