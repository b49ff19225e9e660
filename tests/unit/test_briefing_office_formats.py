"""Word (.docx) and PDF briefings, built from the text specs beside the other fixtures."""

from __future__ import annotations

import io

import pytest

from reflect.briefings import read_briefing_file
from reflect.domain.briefing import Reference, SectionKind
from tests.unit.briefing_fixtures import builders, outline, section

K = SectionKind


@pytest.fixture(scope="module")
def docx_briefing(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "child-m.docx"
    path.write_bytes(builders.build_docx())
    return read_briefing_file(path)


@pytest.fixture(scope="module")
def pdf_briefing(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "adult-d.pdf"
    path.write_bytes(builders.build_pdf())
    return read_briefing_file(path)


def test_docx_title_style_and_headings(docx_briefing):
    """The Title style gives the title; Heading 1 paragraphs and a bold line give the sections."""
    assert docx_briefing.title == (
        "Westbrook Safeguarding Children Partnership 7 Minute Briefing \u2013 Child M"
    )
    assert docx_briefing.partnership == "Westbrook Safeguarding Children Partnership"
    assert docx_briefing.subject == "Child M"
    assert outline(docx_briefing) == [
        (K.BACKGROUND, "Summary of the case"),
        (K.LEARNING, "Learning points"),
        (K.WHY, "Why is this relevant?"),
        (K.OTHER, "Practice tip"),
        (K.CONSIDER, "Reflective questions"),
        (K.LEARN_MORE, "Useful links"),
    ]


def test_docx_paragraphs_and_lists(docx_briefing):
    """Body paragraphs stay separate; List Bullet and List Number paragraphs are list items."""
    assert len(section(docx_briefing, K.BACKGROUND).paragraphs) == 2
    assert docx_briefing.learning[1] == (
        "Operation Encompass notifications must reach a named person in school before the start "
        "of the next school day."
    )
    assert len(docx_briefing.learning) == 3
    assert docx_briefing.questions == (
        "How do you make sure that children are seen and heard when you respond to domestic abuse?",
        "Who receives Operation Encompass notifications in your setting, and who covers their "
        "absence?",
        "When would repeat call-outs trigger a strategy discussion in your service?",
    )


def test_docx_hyperlink_and_table_references(docx_briefing):
    """A Word hyperlink keeps its address and label; table rows of title and address are links."""
    assert docx_briefing.links == (
        Reference(
            "NSPCC Learning: Domestic abuse",
            "https://learning.nspcc.org.uk/child-abuse-and-neglect/domestic-abuse",
        ),
        Reference(
            "Westbrook domestic abuse referral pathway",
            "https://www.westbrookscp.org.uk/da-pathway",
        ),
        Reference("Operation Encompass", "https://www.operationencompass.org"),
    )


def test_docx_bold_line_section_warned(docx_briefing):
    """The bold "Practice tip" line is kept as an `other` section, with a warning naming it."""
    tip = section(docx_briefing, K.OTHER)
    assert (
        tip.text == "Ask to see the child's bedroom as well as speaking to the child on their own."
    )
    assert docx_briefing.warnings == (
        "A section headed 'Practice tip' was kept as it is: it did not look like any of the usual "
        "briefing parts.",
    )


def test_pdf_sections_from_text_layer(pdf_briefing):
    """The PDF's text layer gives the title (wrapped over two lines) and the five sections."""
    assert pdf_briefing.title == (
        "Eastvale Safeguarding Adults Board 7 Minute Briefing \u2013 Adult D"
    )
    assert pdf_briefing.partnership == "Eastvale Safeguarding Adults Board"
    assert pdf_briefing.subject == "Adult D"
    assert outline(pdf_briefing) == [
        (K.BACKGROUND, "Background"),
        (K.LEARNING, "What was the learning?"),
        (K.WHY, "Why it matters"),
        (K.CONSIDER, "Questions to consider"),
        (K.LEARN_MORE, "Find out more"),
    ]


def test_pdf_wrapped_paragraph_and_items_rejoined(pdf_briefing):
    """Lines wrapped by the PDF layout join into one paragraph and one item per bullet."""
    background = section(pdf_briefing, K.BACKGROUND)
    assert len(background.paragraphs) == 1
    assert "who was her main carer. District nurses" in background.paragraphs[0]
    assert "and no safeguarding concern was raised" in background.paragraphs[0]
    assert pdf_briefing.learning[1] == (
        "Cancelled visits are a warning sign and should be followed up rather than simply "
        "rebooked for another week."
    )
    assert len(pdf_briefing.learning) == 3
    assert len(pdf_briefing.questions) == 3


def test_pdf_footer_and_page_numbers_removed(pdf_briefing):
    """The footer and page number printed on both pages are not part of any section."""
    texts = "\n".join(s.text for s in pdf_briefing.sections)
    assert "Eastvale SAB | 7 Minute Briefing" not in texts
    assert not any(line.strip().isdigit() for line in texts.splitlines())
    assert pdf_briefing.warnings == (
        "Lines repeated on every page (page headers or footers) were left out: "
        "'Eastvale SAB | 7 Minute Briefing | Adult D'.",
    )


def test_pdf_references(pdf_briefing):
    """A "Title: https://..." line keeps its URL; a line without an address has none."""
    assert pdf_briefing.links == (
        Reference(
            "Eastvale SAB guidance on neglect by carers", "https://www.eastvalesab.org.uk/carers"
        ),
        Reference("Carers UK \u2013 Looking after someone", None),
    )


def test_pdf_named_txt_is_read_as_pdf(tmp_path, pdf_briefing):
    """A PDF saved with the wrong extension is recognised by its content."""
    path = tmp_path / "adult-d.txt"
    path.write_bytes(builders.build_pdf())
    assert read_briefing_file(path) == pdf_briefing


def test_docx_layout_table_cells_read_in_order(tmp_path):
    """Sections laid out in table cells (headings, lists, a merged cell) are read cell by cell."""
    from docx import Document

    document = Document()
    document.add_paragraph("7 Minute Briefing: Neglect", style="Title")
    table = document.add_table(rows=2, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("Background").bold = True
    left.add_paragraph("Family Q were known to services for many years before the review.")
    right.paragraphs[0].text = "What can we consider?"
    right.paragraphs[0].style = document.styles["Heading 2"]
    right.add_paragraph("Who else cares for the children?", style="List Bullet")
    right.add_paragraph("How do you know change is sustained?", style="List Bullet")
    merged = table.rows[1].cells[0].merge(table.rows[1].cells[1])
    merged.text = "Further information"
    merged.add_paragraph("Lowfield neglect strategy")
    path = tmp_path / "layout.docx"
    document.save(path)

    briefing = read_briefing_file(path)
    assert outline(briefing) == [
        (K.BACKGROUND, "Background"),
        (K.CONSIDER, "What can we consider?"),
        (K.LEARN_MORE, "Further information"),
    ]
    assert briefing.questions == (
        "Who else cares for the children?",
        "How do you know change is sustained?",
    )
    assert briefing.links == (Reference("Lowfield neglect strategy"),)


def test_docx_text_box_read_once():
    """Text in a Word text box is read, and its compatibility copy is not read a second time."""
    from docx import Document
    from docx.oxml import parse_xml

    from reflect.briefings.docx_files import docx_text

    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>What can we consider?</w:t></w:r></w:p></w:txbxContent>"
    document = Document()
    document.add_paragraph("7 Minute Briefing: Neglect", style="Title")
    document.add_paragraph().add_run()._r.addnext(
        parse_xml(
            f'<w:r {namespaces}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}'
            f"</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_text(buffer.getvalue(), "box.docx") == (
        "# 7 Minute Briefing: Neglect\n\nWhat can we consider?"
    )
