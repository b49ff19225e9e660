"""Briefings written in different ways as Markdown or text files parse into the same shape."""

from __future__ import annotations

import pytest

from reflect.briefings import read_briefing_file
from reflect.domain.briefing import Reference, SectionKind
from tests.unit.briefing_fixtures import FIXTURES, outline, parse_fixture, section

K = SectionKind


# (1) Markdown: ## headings, * bullets, real links, a # link, a javascript: link ------------------


@pytest.fixture(scope="module")
def child_t():
    return parse_fixture("markdown-child-t.md")


def test_markdown_title_block(child_t):
    """The `#` heading is the title; partnership and subject are read from it."""
    assert child_t.title == (
        "Northbridge Safeguarding Children Partnership 7 Minute Briefing \u2013 Child T"
    )
    assert child_t.partnership == "Northbridge Safeguarding Children Partnership"
    assert child_t.subject == "Child T"


def test_markdown_sections(child_t):
    """`##` headings become the five sections, classified from their own wording."""
    assert outline(child_t) == [
        (K.BACKGROUND, "Background"),
        (K.LEARNING, "Key learning"),
        (K.WHY, "Why does it matter?"),
        (K.CONSIDER, "Questions for practitioners"),
        (K.LEARN_MORE, "Further reading"),
    ]
    assert child_t.warnings == ()


def test_markdown_star_bullets_and_indented_continuation(child_t):
    """`*` items are list items; an indented second line joins its item."""
    assert len(child_t.learning) == 4
    assert child_t.learning[1] == (
        "Professionals should find out who lives in the household and who cares for the baby, "
        "including new partners and visitors."
    )


def test_markdown_link_inside_learning_point_reads_as_text(child_t):
    """A learning point shows a link's text; the section text keeps the link itself."""
    assert child_t.learning[0].endswith("following the Northbridge bruising protocol.")
    learning = section(child_t, K.LEARNING)
    assert "(https://www.northbridgescp.org.uk/procedures/bruising-protocol)" in learning.text


def test_markdown_questions(child_t):
    """The four `*` questions are found in order."""
    assert len(child_t.questions) == 4
    assert child_t.questions[2] == (
        "What would help you to challenge a colleague's explanation of an injury?"
    )


def test_markdown_references(child_t):
    """Real https links keep their URL; `#`, javascript: and plain lines have none."""
    assert child_t.links == (
        Reference(
            "NSPCC Learning: Bruising in non-mobile babies",
            "https://learning.nspcc.org.uk/research-resources/briefings/bruising-non-mobile-babies",
        ),
        Reference("Local guidance on working with new partners", None),
        Reference(
            "Northbridge multi-agency threshold document",
            "https://www.northbridgescp.org.uk/thresholds",
        ),
        Reference("Report a concern", None),
        Reference("Safer sleep and injury prevention leaflet (ask your team manager)", None),
    )


# (2) plain text with numbered sections and 1) items ---------------------------------------------


@pytest.fixture(scope="module")
def family_q():
    return parse_fixture("numbered-family-q.txt")


def test_numbered_two_line_title(family_q):
    """A partnership line followed by "Seven Minute Briefing: Family Q" makes one title."""
    assert family_q.title == (
        "Lowfield Safeguarding Children Partnership Seven Minute Briefing: Family Q"
    )
    assert family_q.partnership == "Lowfield Safeguarding Children Partnership"
    assert family_q.subject == "Family Q"


def test_numbered_sections_lose_their_numbers(family_q):
    """ "1. Background" ... "5. Further information" are headings without their numbers; "6." in
    sequence with an unknown name is kept as an `other` section."""
    assert outline(family_q) == [
        (K.BACKGROUND, "Background"),
        (K.LEARNING, "Key findings"),
        (K.WHY, "Why it matters"),
        (K.CONSIDER, "Questions for reflection"),
        (K.LEARN_MORE, "Further information"),
        (K.OTHER, "Local contacts"),
    ]
    assert section(family_q, K.OTHER).text.startswith("The Lowfield Neglect Champions network")


def test_numbered_items_are_list_items(family_q):
    """`1)` items are list items (not headings), and a wrapped item is one item."""
    assert len(family_q.learning) == 4
    assert family_q.learning[1] == (
        "Improvements were measured by what parents said they would do rather than by the "
        "children's lived experience."
    )
    assert family_q.questions == (
        "How do you use the Graded Care Profile 2 in your work with families?",
        "How do you know that changes for a child have been sustained?",
        "Who else cares for the children you work with, and have you spoken to them?",
    )


def test_numbered_references_dash_and_www_forms(family_q):
    """ "Title – https://..." and "Title – www..." give titled links; a plain line has no URL."""
    assert family_q.links == (
        Reference("Graded Care Profile 2", "https://www.nspcc.org.uk/gcp2"),
        Reference("Lowfield neglect strategy", "https://www.lowfieldscp.org.uk/neglect-strategy"),
        Reference("Working Together to Safeguard Children 2023", None),
    )


def test_numbered_warns_about_unknown_section(family_q):
    """The unrecognised "Local contacts" heading is named in a warning."""
    assert family_q.warnings == (
        "A section headed 'Local contacts' was kept as it is: it did not look like any of the "
        "usual briefing parts.",
    )


# (3) text copied out of a PDF -------------------------------------------------------------------


@pytest.fixture(scope="module")
def adult_c():
    return parse_fixture("pdf-copy-adult-c.txt")


def test_pdf_copy_caps_headings(adult_c):
    """ALL CAPS headings without blank lines around them are found and classified."""
    assert outline(adult_c) == [
        (K.BACKGROUND, "BACKGROUND"),
        (K.LEARNING, "KEY FINDINGS"),
        (K.WHY, "WHY IS THIS IMPORTANT?"),
        (K.CONSIDER, "WHAT CAN YOU DO?"),
        (K.LEARN_MORE, "FURTHER INFORMATION"),
    ]
    assert adult_c.partnership == "Eastmoor Safeguarding Adults Board"
    assert adult_c.subject == "Adult C: Self-neglect and Hoarding"


def test_pdf_copy_hard_wrapped_paragraphs(adult_c):
    """Hard-wrapped lines rejoin into two paragraphs; a hyphenated word, a ligature and a
    non-breaking space are repaired."""
    background = section(adult_c, K.BACKGROUND)
    assert len(background.paragraphs) == 2
    first = background.paragraphs[0]
    assert "rubbish building up on the balcony. Several agencies" in first
    assert "privately rented flat. He had diabetes" in first
    assert first.endswith("closed their involvement when Adult C said he did not want help.")
    assert background.paragraphs[1].startswith("Adult C was found collapsed at home")
    why = section(adult_c, K.WHY)
    assert "Good safeguarding practice means staying curious" in why.text


def test_pdf_copy_bullets_and_wrapped_items(adult_c):
    """Bullets alone on a line, "•" and U+F0B7 bullets start items; wrapped lines join them."""
    assert adult_c.learning == (
        "Mental capacity was assumed. Practitioners did not assess whether Adult C could "
        "understand the risks of refusing care, or whether his executive functioning was impaired.",
        "Information was held by separate agencies and no multi-agency meeting was called, so "
        "nobody saw the whole picture.",
        "The self-neglect procedure was not used, and no lead agency was identified to "
        "co-ordinate the response.",
        "Professionals relied on Adult C\u2019s own account and did not explore the reasons "
        "behind his refusal of support, including his grief.",
    )


def test_pdf_copy_questions_with_soft_hyphen(adult_c):
    """Four questions, one after a stray bullet; the soft hyphen in "manage-ment" is gone."""
    assert len(adult_c.questions) == 4
    assert adult_c.questions[0].endswith("call a multi-agency risk management meeting?")
    assert adult_c.questions[3] == (
        "What support is available to you when working with someone who repeatedly declines help?"
    )


def test_pdf_copy_page_furniture_removed(adult_c):
    """Page numbers and the repeated footer are left out of the text, with a warning."""
    texts = "\n".join(s.text for s in adult_c.sections)
    assert "Eastmoor SAB \u2013 7 Minute Briefing" not in texts
    assert "\n3\n" not in texts and not texts.endswith("4")
    assert any(
        "Eastmoor SAB \u2013 7 Minute Briefing \u2013 Adult C" in w for w in adult_c.warnings
    )


def test_pdf_copy_wrapped_url_rejoined(adult_c):
    """A web address broken after "self-" keeps its hyphen and its title."""
    assert adult_c.links == (
        Reference(
            "Eastmoor self-neglect and hoarding procedure",
            "https://www.eastmoorsab.org.uk/self-neglect",
        ),
        Reference("Research in Practice: Working with people who self-neglect (2020)", None),
    )


# (6) cp1252, UTF-8 with BOM, UTF-16 -------------------------------------------------------------


def test_cp1252_file_with_smart_quotes():
    """A Windows-1252 file decodes, keeps its smart quotes and uses other heading wordings."""
    child_b = parse_fixture("cp1252-child-b.txt")
    assert outline(child_b) == [
        (K.BACKGROUND, "Background"),
        (K.LEARNING, "What did we learn?"),
        (K.WHY, "Why is this important?"),
        (K.CONSIDER, "Reflective questions"),
        (K.LEARN_MORE, "Want to know more?"),
    ]
    assert child_b.partnership == "Southdale Safeguarding Partnership"
    assert child_b.subject == "Child B"
    assert child_b.questions[1] == (
        "What does \u201cexploitation\u201d look like in your service\u2019s area?"
    )
    assert child_b.links[1] == Reference(
        "The Children\u2019s Society: \u201cLook Closer\u201d campaign",
        "https://www.childrenssociety.org.uk/look-closer",
    )
    assert len(child_b.learning) == 3


def test_utf8_bom_with_setext_headings():
    """A UTF-8 file with a byte order mark parses; setext (underlined) headings are found."""
    adult_p = parse_fixture("bom-utf8-adult-p.md")
    assert adult_p.title.startswith("Riverside Safeguarding Adults Board 7-Minute Briefing")
    assert adult_p.partnership == "Riverside Safeguarding Adults Board"
    assert adult_p.subject == "Adult P"
    assert outline(adult_p) == [
        (K.BACKGROUND, "Case summary"),
        (K.LEARNING, "Lessons learned"),
        (K.WHY, "So what?"),
        (K.CONSIDER, "Things to consider"),
        (K.LEARN_MORE, "More information"),
    ]
    assert len(adult_p.questions) == 2
    assert adult_p.links == (Reference("Riverside SAB financial abuse leaflet", None),)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_text_file(tmp_path, encoding):
    """Text saved as UTF-16 (with or without a byte order mark) reads like the UTF-8 original."""
    source = FIXTURES / "markdown-child-t.md"
    target = tmp_path / "child-t.md"
    target.write_bytes(source.read_text(encoding="utf-8").encode(encoding))
    assert read_briefing_file(target) == read_briefing_file(source)


# (7) an unrecognised heading --------------------------------------------------------------------


@pytest.fixture(scope="module")
def family_k():
    return parse_fixture("other-heading-family-k.md")


def test_unknown_heading_kept_as_other(family_k):
    """ "Our response" becomes an `other` section with its lead-in, list and closing line intact."""
    assert outline(family_k) == [
        (K.OTHER, ""),
        (K.BACKGROUND, "The case"),
        (K.LEARNING, "Learning points"),
        (K.OTHER, "Our response"),
        (K.CONSIDER, "What should we consider?"),
        (K.LEARN_MORE, "Resources"),
    ]
    response = family_k.sections[3]
    assert response.text == (
        "The partnership has already:\n\n"
        "- updated the pre-birth assessment guidance;\n"
        "- added a prompt about previous proceedings to the midwifery booking form;\n"
        "- agreed a transfer-in checklist with neighbouring partnerships.\n\n"
        "We will audit the use of the checklist in six months."
    )
    assert response.paragraphs == (
        "The partnership has already:",
        "We will audit the use of the checklist in six months.",
    )
    assert len(response.items) == 3


def test_unknown_heading_warning_and_intro(family_k):
    """The warnings name "Our response"; the untitled intro is kept without a heading."""
    assert (
        "A section headed 'Our response' was kept as it is: it did not look like any of the "
        "usual briefing parts."
    ) in family_k.warnings
    assert family_k.sections[0].text.startswith("This briefing shares the learning")
    assert family_k.partnership == "Hillcrest Safeguarding Children Partnership"
    assert family_k.subject == "Family K"


def test_numbered_questions_in_markdown(family_k):
    """ "1." numbered questions under a Markdown heading are list items, not headings."""
    assert family_k.questions == (
        "How do you find out about a family's history when they move into the area?",
        "When would you start a pre-birth assessment?",
    )
