"""The anonymisation check on text extracted from a PDF: line breaks, hyphenation, ligatures, odd spaces."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reflect.domain.anonymisation import check_text
from reflect.domain.anonymisation.normalise import normalise

FONTS = Path(__file__).resolve().parents[2] / "resources/fonts"


def found(text: str, **kwargs) -> list[tuple[str, str]]:
    """(kind, text) of every finding."""
    return [(f.kind, f.text) for f in check_text(text, **kwargs)]


@pytest.mark.parametrize("text, expected", [
    ("NHS 943\u00a0476\u00a05919", ("nhs_number", "943\u00a0476\u00a05919")),
    ("NHS 943 476\r\n5919", ("nhs_number", "943 476\r\n5919")),
    ("NHS 943-\n476-5919", ("nhs_number", "943-\n476-5919")),
    ("Phone 07700\u2009900123", ("phone", "07700\u2009900123")),
    ("Phone 01942\u2013123456", ("phone", "01942\u2013123456")),
    ("Phone ０７７００ ９００１２３", ("phone", "０７７００ ９００１２３")),
    ("Postcode WN1\n1AA", ("postcode", "WN1\n1AA")),
    ("Mrs Gri\ufb03ths came", ("title_name", "Mrs Gri\ufb03ths")),
    ("Mrs Smi-\nthson came", ("title_name", "Mrs Smi-\nthson")),
    ("Mrs Smith-\nJones came", ("title_name", "Mrs Smith-\nJones")),
    ("Mrs Smi\u00adth came", ("title_name", "Mrs Smi\u00adth")),
    ("Mrs Sm\u200bith came", ("title_name", "Mrs Sm\u200bith")),
    ("She was a four-\nyear-old then", ("age", "four-\nyear-old")),
    ("DOB 12 March\n2019", ("date_of_birth", "12 March\n2019")),
    ("email jane.smith@wi-\ngan.gov.uk now", ("email", "jane.smith@wi-\ngan.gov.uk")),
    ("email jane.smith@wigan.\ngov.uk now", ("email", "jane.smith@wigan.\ngov.uk")),
    ("email m.kowalska@exa\nmple.com now", ("email", "m.kowalska@exa\nmple.com")),
    ("email jane@x.org\nfor advice", ("email", "jane@x.org")),
    ("email jane@x.org.\nThe next", ("email", "jane@x.org")),
    ("email jane@x for advice", ("email", "jane@x")),
    ("NI AB\u202f12\u202f34\u202f56\u202fC", ("ni_number", "AB\u202f12\u202f34\u202f56\u202fC")),
])
def test_pdf_artefacts(text, expected):
    """Numbers, postcodes, names, ages, dates and emails are found through PDF extraction artefacts."""
    assert found(text) == [expected]


def test_watch_term_with_ligature_and_line_break():
    """The watch term 'Griffiths Close' finds 'Gri\ufb03ths\\nClose'."""
    expected = [("watch_term", "Gri\ufb03ths\nClose")]
    assert found("at Gri\ufb03ths\nClose", watch_terms=["Griffiths Close"]) == expected


def test_watch_term_with_decomposed_accents():
    """A watch term finds a name typed with combining accents."""
    assert found("Jose\u0301 said", watch_terms=["José"]) == [("watch_term", "Jose\u0301")]


def test_normalised_text_and_offsets():
    """The normalised copy collapses spaces, joins hyphenation, expands ligatures and maps spans back."""
    original = "A  \ufb01ne\u00a0day,\n\nMrs Smi-\nth."
    norm = normalise(original)
    assert norm.text == "A fine day, Mrs Smith."
    start = norm.text.index("Smith")
    o_start, o_end = norm.span_in_original(start, start + len("Smith"))
    assert original[o_start:o_end] == "Smi-\nth"
    f_start = norm.text.index("fine")
    assert norm.span_in_original(f_start, f_start + 4) == (3, 6)
    assert norm.span_in_original(f_start, f_start + 1) == (3, 4)


def test_plain_text_is_unchanged_by_normalising():
    """Text with nothing to normalise maps one to one."""
    norm = normalise("Plain text, nothing odd.")
    assert norm.text == "Plain text, nothing odd." and norm.span_in_original(6, 10) == (6, 10)


def _pdf_text(paragraph: str, width: float) -> str:
    """Render `paragraph` into a narrow column with reportlab and read the text back with pypdf."""
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("AnonTestSans", str(FONTS / "DejaVuSans.ttf")))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=72, rightMargin=A4[0] - 72 - width)
    style = ParagraphStyle("body", fontName="AnonTestSans", fontSize=10, leading=12)
    doc.build([Paragraph(paragraph, style)])
    reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
    return "\n\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.mark.parametrize("width", [70, 95, 130])
def test_text_extracted_from_a_real_pdf(width):
    """A paragraph written to a narrow PDF column and extracted again gives the same findings.

    In the narrowest column the renderer splits the email address inside its name; what is found is
    then part of it.
    """
    paragraph = ("Seen with Mrs Kowalska, NHS 943 476 5919, at WN3 5AB. Phone 07700 900461, "
                 "email m.kowalska@example.com, NI JG 10 37 59 A, a 4-year-old, DOB 03/07/2021, "
                 "from Łódź.")
    typed = found(paragraph, watch_terms=["Lodz"])
    text = _pdf_text(paragraph, width)
    assert "\n" in text.strip()  # the narrow column really did break lines
    from_pdf = found(text, watch_terms=["Lodz"])
    assert [kind for kind, _ in from_pdf] == [kind for kind, _ in typed]
    pairs = [("".join(pdf.split()), original.replace(" ", ""))
             for (_, pdf), (_, original) in zip(from_pdf, typed, strict=True)]
    assert all(pdf in original for pdf, original in pairs)
    assert sum(pdf != original for pdf, original in pairs) <= (1 if width < 80 else 0)
