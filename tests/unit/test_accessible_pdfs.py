"""Accessible PDFs (issue 18): every document Reflect writes is tagged and passes PDF/UA-1.

Checked with an offline checker (page-validation, profile ua1) on every kind of document, with
hostile and long content, empty and filled forms, plain and AES-256; and the structure tree is read
back to see that it says what the page shows: headings that match the outline, table header
cells, form fields, lists, links, and the page furniture kept out of it as artifacts.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pikepdf
import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from reflect.domain.report import (
    EntryReport,
    PortfolioReport,
    ReportAction,
    ReportBriefing,
    ReportEntry,
)
from reflect.export import PortfolioRenderer, SessionPackRenderer, SingleEntryRenderer, write_pdf
from reflect.export import form_fields as ff
from reflect.export.renderer import FOOTER_TEXT
from tests.unit.pdf_helpers import norm, outline
from tests.unit.pdf_ua import structure, ua1_failures
from tests.unit.reply_pack_helpers import fill_with_pypdf, report, typed_values
from tests.unit.test_reply_pack_readers import fill_with_pdfjs, pdfjs_dir  # noqa: F401 (a fixture)

PASSWORD = "correct horse battery staple"
LONG_ANSWER = " ".join(f"Sentence {n} about practice and what the family said next." for n in range(400))
HOSTILE_STAGES = (
    ("Markup", "<script>&</script> and <b>not bold</b> and &amp; and &#65; " * 20),
    ("Languages", "Łódź Kraków Iași Şanlıurfa Αθήνα Москва — ș ț ı İ"),
    ("Odd characters", "before 😀👍🏽 after, zero\u200bwidth\ufeff, tab\there, \x07bell"),
    ("A long word", "https://example.org/" + "b" * 3000),
    ("A long answer", LONG_ANSWER),
    ("Not answered", ""),
)
BRIEFINGS = (ReportBriefing(key="briefing-1", title="Safe sleep <briefing>", partnership="Partnership & co",
                            learning=("Ask where the baby sleeps " * 12, "Point two", "Point <three>")),)


def _entry(number: int) -> ReportEntry:
    return ReportEntry(key=f"entry-{number}", title=f"Hostile & <odd> title {number} " + "long " * 30,
                       model_name="Free reflection", status_label="Draft", created_on=date(2026, 1, number),
                       updated_on=date(2026, 1, number + 1), briefing_title="Safe sleep <briefing>",
                       briefing_key="briefing-1", question="Question & 'quotes'? " * 10,
                       stages=HOSTILE_STAGES, tags=("<tag>", "a&b"))


def _pack_report(**changes):
    actions = tuple(ReportAction(f"Action <{n}> " + "to do " * 8, "Sam", date(2026, 12, n % 28 + 1),
                                 "Open — overdue" if n % 3 else "Open", bool(n % 3), f"Session {n}")
                    for n in range(1, 40))
    return replace(report(), entries=(_entry(1), _entry(2)), briefings=BRIEFINGS, carried_forward=actions,
                   **changes)


def render(kind: str) -> bytes:
    """A document of `kind` with hostile and long content."""
    if kind == "pack":
        renderer = SessionPackRenderer(_pack_report())
    elif kind == "print-only pack":
        renderer = SessionPackRenderer(_pack_report(), fields=False)
    elif kind == "portfolio":
        renderer = PortfolioRenderer(PortfolioReport(
            title="Appraisal <2026>", practitioner="Pat <Practitioner>", prepared_on=date(2026, 2, 1),
            entries=tuple(_entry(n) for n in range(1, 4)), briefings=BRIEFINGS,
            filter_description=("Tag: <x>",)))
    else:
        renderer = SingleEntryRenderer(EntryReport(practitioner="Pat <Practitioner>",
                                                   prepared_on=date(2026, 2, 1), entry=_entry(1),
                                                   briefings=BRIEFINGS))
    out = io.BytesIO()
    renderer.render(out)
    return out.getvalue()


KINDS = ("pack", "print-only pack", "portfolio", "single reflection")


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return {kind: render(kind) for kind in KINDS}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_document_passes_pdf_ua1(documents, kind):
    """Hostile markup, other scripts, emoji, a 3,000-character word and a 400-sentence answer:
    every document still passes every PDF/UA-1 rule."""
    assert ua1_failures(documents[kind]) == []


def test_an_untagged_pdf_fails_the_checker():
    """A plain reportlab page (what every export was before) fails, so the check can fail."""
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, "A reflection about practice.")
    canvas.save()
    failures = "\n".join(ua1_failures(out.getvalue()))
    assert "STRUCT-TREE-ROOT" in failures and "CONTENT-TAGGING" in failures


def test_filled_packs_pass(documents, tmp_path):
    """Filled by pypdf (the reply tests' reader) with long, multi-line values and the sign-off
    ticked, the pack still passes: the fields' font is embedded and readable."""
    rep = _pack_report()
    filled = fill_with_pypdf(documents["pack"], typed_values(rep))
    assert ua1_failures(filled) == []


def test_pack_filled_in_pdfjs_passes(pdfjs_dir, tmp_path):  # noqa: F811 (the imported fixture)
    """Filled and saved by pdf.js (Firefox), Łódź and emoji included, the pack still passes."""
    rep = report(entries=1)
    data = _render_pack(rep)
    values = typed_values(rep) | {ff.OVERALL: "Łódź – naïve “quotes” ✓ 😀\nA second line.",
                                  ff.SIGNOFF: True}
    assert ua1_failures(fill_with_pdfjs(pdfjs_dir, data, values, tmp_path)) == []


def _render_pack(rep) -> bytes:
    out = io.BytesIO()
    SessionPackRenderer(rep).render(out)
    return out.getvalue()


def test_aes256_keeps_the_structure_and_the_accessibility_permission(tmp_path):
    """With a password the file keeps its structure tree and lets assistive technology extract
    the text; decrypted, it passes; so does one filled and encrypted again."""
    result = write_pdf(SessionPackRenderer(_pack_report()), tmp_path / "locked.pdf", password=PASSWORD)
    data = result.path.read_bytes()
    assert PdfReader(io.BytesIO(data)).is_encrypted
    with pikepdf.open(io.BytesIO(data), password=PASSWORD) as pdf:
        assert pdf.encryption.R == 6 and pdf.encryption.bits == 256
        assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
        assert pdf.allow.accessibility and pdf.allow.extract
    assert ua1_failures(data, PASSWORD) == []
    refilled = fill_with_pypdf(data, typed_values(_pack_report()), password=PASSWORD)
    assert ua1_failures(refilled, PASSWORD) == []
    assert structure(refilled, PASSWORD).root.all("Form")


def test_headings_match_the_outline(documents):
    """Each bookmark has its heading, H1 for a section and H2 for a reflection or a briefing,
    in the same order; a stage's label is a heading one level below its reflection's."""
    for kind in KINDS:
        data = documents[kind]
        headings = [(int(e.role[1]), norm(e.text)) for e in structure(data).root.walk()
                    if re.fullmatch(r"H[1-6]", e.role)]
        place = 0
        for level, title in outline(PdfReader(io.BytesIO(data))):
            if title in ("Cover", "Title page"):
                continue
            found = [i for i, (h_level, text) in enumerate(headings[place:], start=place)
                     if h_level == level + 1 and text.startswith(norm(title).rstrip("…"))]
            assert found, (kind, level, title)
            place = found[0] + 1
    pack = [(e.role, norm(e.text)) for e in structure(documents["pack"]).root.walk() if e.role[0] == "H"]
    assert ("H3", "A long answer") in pack
    single = [(e.role, norm(e.text)) for e in structure(documents["single reflection"]).root.walk()]
    assert single.index(("H1", norm(_entry(1).display_title))) < single.index(("H2", "A long answer"))


def test_tables_have_header_cells_and_no_repeated_rows(documents):
    """Every table's first row is TH cells scoped to their columns, the sign-off's first column
    TH scoped to rows; the 39 actions carried forward fill more than one page, but the header row
    repeated there is an artifact, not a second header."""
    tree = structure(documents["pack"])
    tables = tree.root.all("Table")
    carried = next(t for t in tables if "Agreed in" in t.all_text)
    heads = [(norm(c.all_text), c.attributes) for c in carried.kids[0].kids]
    assert [h for h, _ in heads] == ["Action", "Who", "Due", "Status", "Agreed in"]
    assert all(a == {"O": "Table", "Scope": "Column"} for _, a in heads)
    assert len(carried.kids) == 40 and all(len(row.kids) == 5 for row in carried.kids)
    assert [c.role for row in carried.kids[1:] for c in row.kids] == ["TD"] * 39 * 5
    assert sum("Agreed in" in text for text in tree.artifacts) >= 1  # the repeat, as an artifact
    print_only = structure(documents["print-only pack"]).root.all("Table")
    sign_off = next(t for t in print_only if "Signature" in t.all_text)
    rows = [(norm(row.kids[0].all_text), row.kids[0].role, row.kids[0].attributes.get("Scope"))
            for row in sign_off.kids[1:]]
    assert rows == [("Supervisee", "TH", "Row"), ("Supervisor", "TH", "Row"), ("Next session", "TH", "Row")]


def test_form_fields_are_form_elements_with_tooltips(documents):
    """Every widget is a Form element's (OBJR) with a tooltip naming it; pages tab in structure
    order; the print-only pack has no Form elements."""
    forms = structure(documents["pack"]).root.all("Form")
    names = [name for form in forms for name in form.annotations]
    rep = _pack_report()
    assert sorted(names) == sorted(set(typed_values(rep)) | {ff.SIGNOFF})
    with pikepdf.open(io.BytesIO(documents["pack"])) as pdf:
        for pg in pdf.pages:
            assert pg.Tabs == "/S"
            for annotation in pg.get("/Annots", []):
                if annotation.Subtype == "/Widget":
                    assert str(annotation.TU).strip() and "/StructParent" in annotation
    assert structure(documents["print-only pack"]).root.all("Form") == []


def test_page_furniture_is_only_in_artifacts(documents):
    """The footer, "Page X of Y" and the running head are artifacts on every page, never in the
    structure; no text is shown outside either."""
    for kind in KINDS:
        tree = structure(documents[kind])
        assert tree.untagged == []
        pages = len(PdfReader(io.BytesIO(documents[kind])).pages)
        furniture = [norm(t) for t in tree.artifacts]
        assert furniture.count(norm(FOOTER_TEXT)) == pages
        assert f"Page {pages} of {pages}" in furniture
        text = tree.root.all_text
        assert FOOTER_TEXT not in text and not re.search(r"Page \d+ of \d+", text)


def test_a_paragraph_across_pages_is_one_element(documents):
    """The 400-sentence answer runs over pages and reportlab cuts it into blocks, but it is one
    paragraph, whose text is the whole answer with its spaces."""
    paragraphs = [e for e in structure(documents["single reflection"]).root.all("P")
                  if "Sentence 0 about" in e.text]
    assert len(paragraphs) == 1
    assert norm(paragraphs[0].text) == LONG_ANSWER


def test_lists_and_links(documents):
    """A briefing's learning points are a list (Lbl "•", LBody the point); the portfolio's
    contents lines are TOC entries, each a Link with its link annotation."""
    items = structure(documents["pack"]).root.all("LI")
    assert len(items) == 3
    assert [(k.role, norm(k.all_text)) for k in items[2].kids] == [("Lbl", "•"), ("LBody", "Point <three>")]
    toc = structure(documents["portfolio"]).root.all("TOC")[0]
    links = [entry.kids[0] for entry in toc.kids]
    assert [link.role for link in links] == ["Link"] * 4
    assert all(link.annotations == ["/Link"] for link in links)
    assert norm(_entry(1).display_title) in norm(links[0].text)


def test_text_keeps_its_spaces_where_lines_break(documents):
    """Text extracted with the line breaks removed still reads word by word."""
    pages = PdfReader(io.BytesIO(documents["single reflection"])).pages
    text = "".join(page.extract_text() for page in pages)
    assert " ".join(LONG_ANSWER.split()[:60]) in " ".join(text.replace("\n", "").split())


def test_metadata_language_and_title(documents):
    """XMP has the PDF/UA identifier and the title; the language is en-GB; readers show the title."""
    for kind in KINDS:
        with pikepdf.open(io.BytesIO(documents[kind])) as pdf:
            meta = pdf.open_metadata()
            assert meta["pdfuaid:part"] == "1"
            assert meta["dc:title"] == str(pdf.docinfo.Title)
            assert pdf.Root.Lang == "en-GB" and pdf.Root.ViewerPreferences.DisplayDocTitle


def test_no_glyph_maps_to_nul(documents):
    """No font's ToUnicode CMap maps a code to U+0000 (or a byte-order mark)."""
    with pikepdf.open(io.BytesIO(documents["pack"])) as pdf:
        fonts = [f for pg in pdf.pages for f in pg.Resources.Font.values()]
        fonts += list(pdf.Root.AcroForm.DR.Font.values())
        for font in fonts:
            cmap = font.ToUnicode.read_bytes().decode("latin-1")
            assert not re.search(r"<[0-9A-F]+> <(0000|FEFF|FFFE)>", cmap), font.BaseFont


def test_a_table_row_across_pages_is_one_row():
    """An action described in 400 sentences splits inside its row, over pages: still one row, its
    cell's text the whole description, the header row once; and the pack passes."""
    rep = _pack_report()
    big = ReportAction(LONG_ANSWER, "Sam", date(2026, 12, 1), "Open", False, "Session 9")
    rep = replace(rep, carried_forward=(*rep.carried_forward[:3], big, *rep.carried_forward[3:6]))
    data = _render_pack(rep)
    assert len(PdfReader(io.BytesIO(data)).pages) > 8
    assert ua1_failures(data) == []
    table = next(t for t in structure(data).root.all("Table") if "Agreed in" in t.all_text)
    assert [norm(row.kids[0].all_text)[:10] for row in table.kids] == \
        ["Action", *(["Action <1>", "Action <2>", "Action <3>", "Sentence 0", "Action <4>", "Action <5>",
                      "Action <6>"])]
    assert norm(table.kids[4].kids[0].all_text) == LONG_ANSWER


def test_a_link_in_paragraph_text_is_a_described_link():
    """A link reportlab draws inside a paragraph (none of the documents has one yet) becomes a Link
    element with a description, instead of failing the export or the check."""

    class WithLinks(SingleEntryRenderer):
        def _story(self):
            return [*super()._story(), Paragraph('See <a href="https://example.org/">the policy</a> and '
                                                 '<a href="#entry-1">the reflection</a>.', self.styles.body)]

    out = io.BytesIO()
    WithLinks(EntryReport(practitioner="Pat", prepared_on=date(2026, 2, 1), entry=_entry(1))).render(out)
    assert ua1_failures(out.getvalue()) == []
    paragraph = next(e for e in structure(out.getvalue()).root.all("P") if "the policy" in e.text)
    assert [(k.role, k.annotations) for k in paragraph.kids] == [("Link", ["/Link"])] * 2
    with pikepdf.open(io.BytesIO(out.getvalue())) as pdf:
        contents = sorted(str(a.Contents) for a in pdf.pages[-1].Annots)
    assert contents == ["Link to another part of this document", "Link to https://example.org/"]
