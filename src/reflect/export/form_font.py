"""The font readers use for what a supervisor types into the pack: DejaVu Sans, embedded.

reportlab's form fields accept only the standard 14 fonts (Helvetica and friends), which are
never embedded, and the documents promise that every font in them is the embedded DejaVu. So the
form's default font is made here instead: a simple TrueType font built from the bundled DejaVu Sans
with the 8-bit WinAnsi encoding readers use to draw typed text (an embedded subset of about 220
glyphs, some 40 KB). It is a non-symbolic font, as PDF/UA asks of a font with an /Encoding, so its
program carries a Windows Unicode (3, 1) cmap beside reportlab's Macintosh (1, 0) one: a reader
maps a code to its WinAnsi character name, the name to Unicode, and that to the glyph. Text beyond
WinAnsi (Łódź, Greek) is drawn by readers with a fallback font of their own, as they do for any
form.

`install(canvas)` swaps reportlab's `AcroForm` for one whose `makeFont` returns this font; the
fields' /DA and the form's /DR then name it. A field's value when the pack is written (a
pre-filled sign-off) is drawn with it too; a value with a character beyond WinAnsi also asks
readers to draw the fields again themselves (`/NeedAppearances`), with a font that has it.
"""

from __future__ import annotations

import struct

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.acroform import AcroForm

from reflect.export import fonts

RESOURCE_NAME = "DjVu"  # the font's name in the form's resources and the fields' /DA
BASE_FONT = "RFLFRM+DejaVuSans"  # a subset's name: six capitals, "+", the font's name
FLAG_NONSYMBOLIC = 32  # Latin text in a standard encoding (WinAnsi)


def _winansi() -> list[int]:
    """Unicode of each WinAnsi code 0-255 (0 where the code is undefined)."""
    out = []
    for code in range(256):
        try:
            out.append(ord(bytes([code]).decode("cp1252")) if code >= 32 else 0)
        except UnicodeDecodeError:
            out.append(0)
    return out


class DejaVuAcroForm(AcroForm):
    """reportlab's AcroForm with DejaVu Sans (embedded) as every field's font."""

    def makeFont(self, fontName):
        if RESOURCE_NAME not in self.fonts:
            self.fonts[RESOURCE_NAME] = self.getRefStr(_font_object(self.canv._doc))
        return self.fonts[RESOURCE_NAME], RESOURCE_NAME

    def txAP(self, key, value, *args, **kwargs):
        """A text field's appearance: its value in the font's WinAnsi codes (reportlab's own
        escaping takes only Latin-1 and fails on anything else)."""
        codes = value.encode("cp1252", "replace")
        if codes.decode("cp1252", "replace") != value:
            self.extras["NeedAppearances"] = pdfdoc.PDFtrue
        return super().txAP(key, codes.decode("latin-1"), *args, **kwargs)


def install(canv) -> AcroForm:
    """The canvas's form, made a `DejaVuAcroForm` before its first field (idempotent)."""
    form = getattr(canv, "AcroForm", None)
    if isinstance(form, DejaVuAcroForm):
        return form
    if form is not None and form.fields:
        raise RuntimeError("the form font must be installed before the first field")
    form = DejaVuAcroForm(canv)
    canv._doc._catalog.AcroForm = canv.AcroForm = form
    return form


def _font_object(doc) -> pdfdoc.PDFTrueTypeFont:
    fonts.register_fonts()
    face = pdfmetrics.getFont(fonts.REGULAR).face
    subset = _winansi()
    font_file = pdfdoc.PDFStream()
    font_file.content = with_unicode_cmap(face.makeSubset(subset), subset)
    font_file.dictionary["Length1"] = len(font_file.content)
    if doc.compression:
        font_file.filters = [pdfdoc.PDFZCompress]
    descriptor = pdfdoc.PDFDictionary({
        "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
        "Descent": face.descent, "Flags": FLAG_NONSYMBOLIC, "FontBBox": pdfdoc.PDFArray(face.bbox),
        "FontName": pdfdoc.PDFName(BASE_FONT), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
        "FontFile2": doc.Reference(font_file), "MissingWidth": face.defaultWidth,
    })
    to_unicode = pdfdoc.PDFStream()
    to_unicode.content = fonts.to_unicode_cmap(BASE_FONT, subset)
    if doc.compression:
        to_unicode.filters = [pdfdoc.PDFZCompress]
    font = pdfdoc.PDFTrueTypeFont()
    font.Name = RESOURCE_NAME
    font.BaseFont = BASE_FONT
    font.FirstChar, font.LastChar = 0, 255
    font.Widths = pdfdoc.PDFArray([face.getCharWidth(code) if code else face.defaultWidth
                                   for code in subset])
    font.Encoding = pdfdoc.PDFName("WinAnsiEncoding")
    font.FontDescriptor = doc.Reference(descriptor)
    font.ToUnicode = doc.Reference(to_unicode)
    return font


def with_unicode_cmap(program: bytes, subset: list[int]) -> bytes:
    """reportlab's subset TrueType `program` with a (3, 1) cmap added: `subset[code]` is the
    character of `code`, which the program's (1, 0) format 6 cmap maps to a glyph."""
    tables = _tables(program)
    old = tables["cmap"]
    first, count = struct.unpack(">HH", old[18:22])
    glyphs = struct.unpack(f">{count}H", old[22:22 + 2 * count])
    pairs = sorted({char: glyphs[code - first] for code, char in enumerate(subset)
                    if char and first <= code < first + count}.items())
    mac = old[12:]
    windows = _format4(pairs)
    tables["cmap"] = struct.pack(">HHHHLHHL", 0, 2, 1, 0, 20, 3, 1, 20 + len(mac)) + mac + windows
    return _font(tables)


def _format4(pairs: list[tuple[int, int]]) -> bytes:
    """A format 4 cmap subtable with one segment per character (and the closing 0xFFFF one)."""
    segments = [(char, char, (glyph - char) % 0x10000) for char, glyph in pairs] + [(0xFFFF, 0xFFFF, 1)]
    count = len(segments)
    search = 2 ** (count.bit_length() - 1)
    head = struct.pack(">HHHHHHH", 4, 16 + 8 * count, 0, 2 * count, 2 * search,
                       search.bit_length() - 1, 2 * count - 2 * search)
    ends = struct.pack(f">{count}H", *(end for _, end, _ in segments))
    starts = struct.pack(f">{count}H", *(start for start, _, _ in segments))
    deltas = struct.pack(f">{count}H", *(delta for _, _, delta in segments))
    return head + ends + b"\0\0" + starts + deltas + bytes(2 * count)


def _tables(program: bytes) -> dict[str, bytes]:
    (count,) = struct.unpack(">H", program[4:6])
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sLLL", program[12 + 16 * index:28 + 16 * index])
        tables[tag.decode("latin-1")] = program[offset:offset + length]
    return tables


def _checksum(data: bytes) -> int:
    data += bytes(-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}L", data)) & 0xFFFFFFFF


def _font(tables: dict[str, bytes]) -> bytes:
    """A TrueType program of `tables` (sorted, aligned, checksummed, head's adjustment set)."""
    tags = sorted(tables)
    count = len(tags)
    search = 2 ** (count.bit_length() - 1)
    tables = {**tables, "head": tables["head"][:8] + bytes(4) + tables["head"][12:]}  # adjustment 0
    directory = struct.pack(">LHHHH", 0x00010000, count, 16 * search, search.bit_length() - 1,
                            16 * count - 16 * search)
    offset = 12 + 16 * count
    body = bytearray()
    head_at = 0
    for tag in tags:
        data = tables[tag]
        if tag == "head":
            head_at = offset + len(body)
        directory += struct.pack(">4sLLL", tag.encode("latin-1"), _checksum(data), offset + len(body),
                                 len(data))
        body += data + bytes(-len(data) % 4)
    font = bytearray(directory) + body
    struct.pack_into(">L", font, head_at + 8, (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)
