"""The font readers use for what a supervisor types into the pack: DejaVu Sans, embedded.

reportlab's form fields accept only the standard 14 fonts (Helvetica and friends), which are
never embedded, and the documents promise that every font in them is the embedded DejaVu. So the
form's default font is made here instead: a simple TrueType font built from the bundled DejaVu Sans
with the 8-bit WinAnsi encoding readers use to draw typed text (an embedded subset of about 220
glyphs, some 40 KB). Text beyond WinAnsi (Łódź, Greek) is drawn by readers with a fallback font of
their own, as they do for any form.

`install(canvas)` swaps reportlab's `AcroForm` for one whose `makeFont` returns this font; the
fields' /DA and the form's /DR then name it. A field's value when the pack is written (a
pre-filled sign-off) is drawn with it too; a value with a character beyond WinAnsi also asks
readers to draw the fields again themselves (`/NeedAppearances`), with a font that has it.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfbase.ttfonts import makeToUnicodeCMap

from reflect.export import fonts

RESOURCE_NAME = "DjVu"  # the font's name in the form's resources and the fields' /DA
BASE_FONT = "RFLFRM+DejaVuSans"  # a subset's name: six capitals, "+", the font's name
FLAG_SYMBOLIC = 4  # codes map straight to glyphs through the (1, 0) cmap reportlab writes


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
    font_file.content = face.makeSubset(subset)
    font_file.dictionary["Length1"] = len(font_file.content)
    if doc.compression:
        font_file.filters = [pdfdoc.PDFZCompress]
    descriptor = pdfdoc.PDFDictionary({
        "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
        "Descent": face.descent, "Flags": FLAG_SYMBOLIC, "FontBBox": pdfdoc.PDFArray(face.bbox),
        "FontName": pdfdoc.PDFName(BASE_FONT), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
        "FontFile2": doc.Reference(font_file), "MissingWidth": face.defaultWidth,
    })
    to_unicode = pdfdoc.PDFStream()
    to_unicode.content = makeToUnicodeCMap(BASE_FONT, subset)
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
