"""The fillable pack in other readers' engines: PDFium (Chrome, Edge) draws every filled value."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reflect.export import form_fields as ff
from tests.unit.reply_pack_helpers import fill_with_pypdf, render, report, typed_values

pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 is a test extra (scripts/test installs it)")

SCALE = 2  # pixels per point


def _widgets(data: bytes) -> dict[str, tuple[int, tuple[float, float, float, float]]]:
    """Field name -> (page index, rectangle in points)."""
    out = {}
    for index, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        for ref in page.get("/Annots", ()):
            widget = ref.get_object()
            out[str(widget["/T"])] = (index, tuple(float(v) for v in widget["/Rect"]))
    return out


def _renders(data: bytes) -> list:
    """Each page as a greyscale image, forms drawn, as PDFium shows it."""
    document = pdfium.PdfDocument(data)
    document.init_forms()
    try:
        return [document[i].render(scale=SCALE, may_draw_forms=True, grayscale=True).to_pil()
                for i in range(len(document))]
    finally:
        document.close()


def _ink(image, rect: tuple[float, float, float, float], height: float) -> int:
    """Dark pixels inside `rect` (PDF points, origin bottom left), borders excluded."""
    x0, y0, x1, y1 = rect
    box = (int(x0 * SCALE) + 3, int((height - y1) * SCALE) + 3,
           int(x1 * SCALE) - 3, int((height - y0) * SCALE) - 3)
    return sum(image.crop(box).histogram()[:100])


def test_pdfium_draws_every_filled_value():
    """Each field, empty in the pack, shows ink in its rectangle once filled (the checkbox its tick)."""
    rep = report(entries=2)
    empty = render(rep)
    filled = fill_with_pypdf(empty, typed_values(rep))
    widgets = _widgets(empty)
    assert set(widgets) == set(typed_values(rep)) | {ff.SIGNOFF}
    height = float(PdfReader(io.BytesIO(empty)).pages[0].mediabox.height)
    before, after = _renders(empty), _renders(filled)
    blank = [name for name, (page, rect) in widgets.items() if _ink(after[page], rect, height) <= 20]
    assert blank == []
    stray = [name for name, (page, rect) in widgets.items() if _ink(before[page], rect, height) > 0]
    assert stray == []
