"""The bundled Child R briefing parses exactly, and the bundled library is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflect.briefings import (
    BUNDLED_DIR,
    bundled_briefing_paths,
    load_bundled,
    parse_text,
    read_briefing_file,
)
from reflect.domain.briefing import Reference, SectionKind
from tests.unit.briefing_fixtures import SEED, outline, section

K = SectionKind


@pytest.fixture(scope="module")
def child_r():
    return read_briefing_file(SEED)


def test_seed_title_partnership_subject(child_r):
    """The title line gives the title, the partnership (before "7 Minute Briefing") and subject."""
    assert (
        child_r.title
        == "Wigan Safeguarding Children's Partnership 7 Minute Briefing \u2013 Child R"
    )
    assert child_r.partnership == "Wigan Safeguarding Children's Partnership"
    assert child_r.subject == "Child R"


def test_seed_sections_in_order(child_r):
    """The five sections come out in the briefing's order with their headings as written."""
    assert outline(child_r) == [
        (K.BACKGROUND, "Background"),
        (K.LEARNING, "What was the Learning?"),
        (K.WHY, "Why is this important to Wigan?"),
        (K.CONSIDER, "What can we consider?"),
        (K.LEARN_MORE, "Want to learn more?"),
    ]


def test_seed_learning_points(child_r):
    """All ten learning points are found, in order, with their text intact."""
    assert len(child_r.learning) == 10
    assert child_r.learning[0].startswith("Where parents both have an active role")
    assert child_r.learning[-1].endswith("if they feel that a risk is not being addressed.")


def test_seed_questions(child_r):
    """The seven questions are found; curly quotes and two-question items are kept as written."""
    assert len(child_r.questions) == 7
    assert child_r.questions[0] == (
        "What action is taken by your service where \u201csignificant\u201d appointments are "
        "missed?"
    )
    assert child_r.questions[-1] == (
        "Do you understand your role in the CIN process? "
        "Can you undertake any training to enhance your knowledge?"
    )


def test_seed_references_are_placeholders(child_r):
    """The eight `#` links become references with their label kept and no URL."""
    assert len(child_r.links) == 8
    assert all(ref.url is None for ref in child_r.links)
    assert child_r.links[0] == Reference(
        "Greater Manchester Procedures: Children of alcohol and substance misusing parents and "
        "carers"
    )
    assert child_r.links[-1] == Reference(
        "Information on: Learning from Serious Case Reviews - Hidden Men"
    )


def test_seed_why_paragraph_broken_by_blank_line_is_rejoined(child_r):
    """ "...interventions right" / blank line / "the first time." is one paragraph again."""
    why = section(child_r, K.WHY)
    assert len(why.paragraphs) == 1
    assert "interventions right the first time." in why.paragraphs[0]
    assert why.text == why.paragraphs[0]


def test_seed_background_has_two_paragraphs(child_r):
    """Background keeps its two paragraphs, separated by a blank line in `text`."""
    background = section(child_r, K.BACKGROUND)
    assert len(background.paragraphs) == 2
    assert background.text == "\n\n".join(background.paragraphs)
    assert background.items == ()


def test_seed_list_text_format(child_r):
    """A list section's text has one "- item" line per item."""
    learning = section(child_r, K.LEARNING)
    assert learning.text.splitlines() == [f"- {item}" for item in child_r.learning]


def test_seed_has_no_warnings(child_r):
    """Everything in the seed is recognised, so there is nothing to warn about."""
    assert child_r.warnings == ()


def test_seed_json_shape(child_r):
    """`to_json_dict` lists sections by kind and links with null URLs."""
    data = child_r.to_json_dict()
    assert [s["kind"] for s in data["sections"]] == [
        "background",
        "learning",
        "why",
        "consider",
        "learn_more",
    ]
    assert data["links"][1] == {"title": "Greater Manchester Procedures: Safer Sleep", "url": None}


def test_seed_parse_text_matches_file(child_r):
    """Pasting the seed's text gives the same briefing as reading the file."""
    assert parse_text(SEED.read_text(encoding="utf-8")) == child_r


def test_bundled_dir_holds_the_seed():
    """BUNDLED_DIR is the package's resources/briefings folder and lists the seed."""
    paths = bundled_briefing_paths()
    assert [p.name for p in paths] == ["child-r-7-minute-briefing.txt"]
    assert all(isinstance(p, Path) and p.is_file() for p in paths)
    assert (BUNDLED_DIR / "child-r-7-minute-briefing.txt").is_file()


def test_load_bundled_keys_by_stem(child_r):
    """load_bundled returns (file stem, briefing) pairs; the seed is among them."""
    loaded = dict(load_bundled())
    assert loaded["child-r-7-minute-briefing"] == child_r


def test_library_suffixes_match_the_readers():
    """The bundled-library listing knows the same file types as the readers."""
    from reflect.briefings import library, readers

    assert library.SUFFIXES == readers.SUPPORTED_SUFFIXES
