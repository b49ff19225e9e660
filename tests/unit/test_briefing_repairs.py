"""The small rules behind the parser: character repairs, hyphenation, headings, titles, links."""

from __future__ import annotations

import pytest

from reflect.briefings import parse_text
from reflect.briefings.headings import LineContext, classify_heading, detect_heading
from reflect.briefings.normalise import (
    build_vocabulary,
    join_lines,
    normalise_characters,
    remove_page_furniture,
)
from reflect.briefings.references import references_in, web_url
from reflect.briefings.title import split_briefing_title
from reflect.domain.briefing import Reference, SectionKind

K = SectionKind
QUESTIONS = "\n\nWhat can we consider?\n\n- How will you use this?\n"


# characters and lines ---------------------------------------------------------------------------


def test_characters_repaired_quotes_kept():
    """Non-breaking spaces, soft hyphens, ligatures and CRLF are repaired; smart quotes stay."""
    text = "Child\u00a0R\u2019s \ufb01le was \u201cclosed\u201d;\r\nre\u00adferral \ufb02agged\r\n"
    assert normalise_characters(text) == (
        "Child R\u2019s file was \u201cclosed\u201d;\nreferral flagged\n"
    )


def test_del_bullet_from_pdf_becomes_a_bullet():
    """A DEL character starting a line (a PDF bullet glyph) is read as a bullet."""
    assert normalise_characters(" \x7f Ask the family") == " \u2022 Ask the family"


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("good safe-", "guarding practice", "good safeguarding practice"),
        ("no multi-", "agency meeting", "no multi-agency meeting"),
        ("should be co-", "ordinated", "should be co-ordinated"),
        ("his self-", "neglect", "his self-neglect"),
        ("a non-", "UK address", "a non-UK address"),
        ("the profes-", "sionals involved", "the professionals involved"),
        ("face-to-", "face visits", "face-to-face visits"),
        ("early inter-", "vention", "early intervention"),
        ("a re-", "ferral", "a referral"),
        ("without under-", "standing", "without understanding"),
        ("risk -", "and more", "risk - and more"),
        ("wrapped", "line", "wrapped line"),
    ],
)
def test_hyphenation_at_line_end(left, right, joined):
    """Line-end hyphens are removed from split words but kept after compound prefixes."""
    assert join_lines(left, right) == joined


def test_hyphenation_follows_the_briefing_own_spelling():
    """A word the briefing writes hyphenated elsewhere keeps its hyphen, and vice versa."""
    text = (
        "child-centred practice; a safeguarding lead; we evaluate; to re-\nevaluate; a re-\nferral"
    )
    vocabulary = build_vocabulary(text)
    assert join_lines("be child-", "centred", vocabulary) == "be child-centred"
    assert join_lines("good safe-", "guarding", vocabulary) == "good safeguarding"
    assert join_lines("to re-", "evaluate", vocabulary) == "to re-evaluate"
    assert join_lines("a re-", "ferral", vocabulary) == "a referral"
    assert join_lines("to re-", "evaluate") == "to reevaluate"  # no evidence: "re" is ambiguous


def test_page_numbers_and_repeated_footers_removed():
    """Page-number lines go; a footer repeated between pages goes; a repeated question stays."""
    lines = [
        "Title line",
        "Body one",
        "Northshire SAB | June 2024",
        "Page 1 of 2",
        "Body two?",
        "Body two?",
        "Northshire SAB | June 2024",
        "2",
    ]
    kept, removed = remove_page_furniture(lines)
    assert kept == ["Title line", "Body one", "Body two?", "Body two?"]
    assert removed == ["Northshire SAB | June 2024"]


def test_repeated_lines_kept_without_signs_of_pages():
    """Two identical lines in ordinary text are not treated as page footers."""
    lines = ["Title", "Same line here", "Other", "Same line here"]
    assert remove_page_furniture(lines) == (lines, [])


# headings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Background", K.BACKGROUND),
        ("The case", K.BACKGROUND),
        ("Case summary", K.BACKGROUND),
        ("Summary of the case", K.BACKGROUND),
        ("Context", K.BACKGROUND),
        ("What happened?", K.BACKGROUND),
        ("What was the learning?", K.LEARNING),
        ("Key findings", K.LEARNING),
        ("Learning points", K.LEARNING),
        ("What did we learn?", K.LEARNING),
        ("KEY LEARNING", K.LEARNING),
        ("Findings:", K.LEARNING),
        ("Lessons learned", K.LEARNING),
        ("Learning", K.LEARNING),
        ("Why is this important to Wigan?", K.WHY),
        ("Why is this important?", K.WHY),
        ("Why it matters", K.WHY),
        ("Why does it matter?", K.WHY),
        ("Why is this relevant?", K.WHY),
        ("What can we consider?", K.CONSIDER),
        ("Questions for reflection", K.CONSIDER),
        ("Reflective questions", K.CONSIDER),
        ("Questions to consider", K.CONSIDER),
        ("Things to consider", K.CONSIDER),
        ("What should we consider?", K.CONSIDER),
        ("Reflection", K.CONSIDER),
        ("Questions for practitioners", K.CONSIDER),
        ("What can you do?", K.CONSIDER),
        ("Want to learn more?", K.LEARN_MORE),
        ("Further information", K.LEARN_MORE),
        ("Want to know more?", K.LEARN_MORE),
        ("Further reading", K.LEARN_MORE),
        ("Resources", K.LEARN_MORE),
        ("Useful links", K.LEARN_MORE),
        ("More information", K.LEARN_MORE),
        ("References", K.LEARN_MORE),
        ("Find out more", K.LEARN_MORE),
        ("Our response", None),
        ("Why is it important to record missed appointments when families move?", None),
    ],
)
def test_heading_classification(heading, kind):
    """Each usual wording maps to its part, ignoring case and punctuation; others map to None."""
    assert classify_heading(heading) is kind


@pytest.mark.parametrize(
    ("line", "context", "expected"),
    [
        ("What was the Learning?", LineContext(), ("What was the Learning?", K.LEARNING)),
        ("## Our response", LineContext(), ("Our response", None)),
        ("3. Why it matters", LineContext(), ("Why it matters", K.WHY)),
        ("1) Background", LineContext(), ("Background", K.BACKGROUND)),
        ("Section 4 \u2013 Our response", LineContext(), ("Our response", None)),
        ("**Practice tip**", LineContext(next_text="Text."), ("Practice tip", None)),
        (
            "LOCAL PROCEDURES",
            LineContext(prev_blank=False, next_blank=False),
            ("LOCAL PROCEDURES", None),
        ),
        (
            "Our response",
            LineContext(next_text="The partnership has agreed."),
            ("Our response", None),
        ),
    ],
)
def test_heading_lines_recognised(line, context, expected):
    """Known phrases, Markdown, numbers, "Section N", bold, caps and lone short lines: headings."""
    heading = detect_heading(line, context)
    assert heading is not None
    assert (heading.text, heading.kind) == expected


@pytest.mark.parametrize(
    ("line", "context"),
    [
        ("- What can we consider?", LineContext()),
        ("- How do you find out who lives in the household?", LineContext()),
        ("How do you find out who lives in the household?", LineContext(next_text="Next?")),
        ("2) What can you do?", LineContext(prev_text="1) Who else cares for the child?")),
        ("Adult C said he did not want help.", LineContext()),
        ("Our response", LineContext(prev_blank=False, next_text="Text.")),
        ("Our response", LineContext(next_text="the partnership has agreed")),
        ("Our response", LineContext(section_empty=True, next_text="Text.")),
        ("NSPCC Learning", LineContext(current_kind=K.LEARN_MORE, next_text="Other title")),
        ("The partnership has already:", LineContext(next_text="- updated the guidance")),
        (
            "Why is this important to you when a family moves to a new area?",
            LineContext(current_kind=K.CONSIDER, next_text="Text."),
        ),
    ],
)
def test_lines_that_are_not_headings(line, context):
    """List items, questions, sentences, continuations and reference titles are not headings."""
    assert detect_heading(line, context) is None


# titles -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "partnership", "subject"),
    [
        (
            "Wigan Safeguarding Children's Partnership 7 Minute Briefing \u2013 Child R",
            "Wigan Safeguarding Children's Partnership",
            "Child R",
        ),
        ("7 Minute Briefing: Neglect", "", "Neglect"),
        ("Seven-Minute Briefing on Neglect", "", "Neglect"),
        ("Lowfield SCP \u2013 7-minute briefing (7MB) \u2013 Family Q", "Lowfield SCP", "Family Q"),
        ("Child T \u2013 7 Minute Briefing", "", "Child T"),
        ("Learning from Child T", "", ""),
    ],
)
def test_title_forms(title, partnership, subject):
    """Partnership is the text before "7 Minute Briefing", subject the text after its dash."""
    assert split_briefing_title(title) == (partnership, subject)


def test_missing_partnership_and_subject_are_warned_not_guessed():
    """A title without a partnership or subject leaves them empty and says so."""
    briefing = parse_text("Learning from a local review" + QUESTIONS)
    assert (briefing.partnership, briefing.subject) == ("", "")
    assert "No partnership name was found." in briefing.warnings
    assert any(w.startswith("No subject was found") for w in briefing.warnings)


def test_partnership_named_below_the_title():
    """A partnership line after the title is used when the title does not name one."""
    briefing = parse_text(
        "7 Minute Briefing: Neglect\nHillcrest Safeguarding Adults Board" + QUESTIONS
    )
    assert briefing.title == "7 Minute Briefing: Neglect"
    assert briefing.partnership == "Hillcrest Safeguarding Adults Board"
    assert briefing.subject == "Neglect"


def test_text_starting_with_a_heading_has_no_title():
    """When the first line is a section heading, the title is empty and a warning says so."""
    briefing = parse_text("Background\n\nSome background text here." + QUESTIONS)
    assert briefing.title == ""
    assert briefing.sections[0].kind is K.BACKGROUND
    assert any(w.startswith("No title was found") for w in briefing.warnings)


# references -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Procedures: [Safer Sleep](#)", [Reference("Procedures: Safer Sleep")]),
        ("[Safer Sleep]()", [Reference("Safer Sleep")]),
        ("[Leaflet](mailto:team@example.org)", [Reference("Leaflet")]),
        ("[Policy](file:///C:/policy.docx)", [Reference("Policy")]),
        ("[Guide](https://example.org/a_(b))", [Reference("Guide", "https://example.org/a_(b)")]),
        (
            "[One](https://one.example.org) and [Two](#)",
            [Reference("One", "https://one.example.org"), Reference("Two")],
        ),
        (
            "https://www.example.org/guide.",
            [Reference("https://www.example.org/guide", "https://www.example.org/guide")],
        ),
        (
            "Guidance is available at <https://example.org/g>",
            [Reference("Guidance", "https://example.org/g")],
        ),
        ("NSPCC (www.nspcc.org.uk)", [Reference("NSPCC", "https://www.nspcc.org.uk")]),
        ("Working Together 2023", [Reference("Working Together 2023")]),
        ("The following may help:", []),
    ],
)
def test_reference_lines(line, expected):
    """Links keep their label; only http(s) and www. addresses become URLs."""
    assert references_in(line) == expected


@pytest.mark.parametrize(
    ("target", "url"),
    [
        ("https://example.org", "https://example.org"),
        ("HTTP://example.org/x", "HTTP://example.org/x"),
        ("www.example.org", "https://www.example.org"),
        ("#", None),
        ("", None),
        ("javascript:alert(1)", None),
        ("https://", None),
        ("https://intranet/page", None),
    ],
)
def test_web_url(target, url):
    """Only real web addresses are URLs."""
    assert web_url(target) == url


# structure fallbacks ----------------------------------------------------------------------------


def test_questions_written_as_prose():
    """A questions section without a list gives its sentences ending in "?", with a warning."""
    briefing = parse_text(
        "7 Minute Briefing: Neglect\n\nQuestions for reflection\n\n"
        "Think about your team. How do you record concerns? Who do you tell?\n"
    )
    assert briefing.questions == ("How do you record concerns?", "Who do you tell?")
    assert any("has no list" in w for w in briefing.warnings)


def test_questions_found_outside_a_questions_section():
    """Without a questions heading, a list of questions elsewhere is used, with a warning."""
    briefing = parse_text(
        "7 Minute Briefing: Neglect\n\nOur response\n\nWe ask you:\n\n"
        "- How do you record concerns?\n- Who do you tell?\n"
    )
    assert briefing.questions == ("How do you record concerns?", "Who do you tell?")
    assert any("No section of reflection questions" in w for w in briefing.warnings)


def test_learning_written_as_prose():
    """A learning section without a list gives its sentences as learning points, with a warning."""
    briefing = parse_text(
        "7 Minute Briefing: Neglect\n\nKey findings\n\n"
        "Plans closed too early. Records did not follow the family." + QUESTIONS
    )
    assert briefing.learning == ("Plans closed too early.", "Records did not follow the family.")
    assert any("has no list" in w for w in briefing.warnings)


def test_untitled_intro_becomes_background():
    """Prose before the first heading, in a briefing with no background section, is the
    background."""
    briefing = parse_text(
        "7 Minute Briefing: Neglect\n\nFamily Q were known to services for many years, and the "
        "children were subject to child protection plans twice before the review began." + QUESTIONS
    )
    assert [(s.kind, s.heading) for s in briefing.sections] == [
        (K.BACKGROUND, ""),
        (K.CONSIDER, "What can we consider?"),
    ]


def test_inline_heading_with_body():
    """ "Background: text" on one line is a heading followed by its first paragraph."""
    briefing = parse_text(
        "7 Minute Briefing: Neglect\n\nBackground: Family Q moved twice." + QUESTIONS
    )
    assert briefing.sections[0].heading == "Background"
    assert briefing.sections[0].text == "Family Q moved twice."


def test_stray_bullet_on_its_own_line():
    """A bullet alone on a line starts the item on the next line."""
    briefing = parse_text(
        "7 Minute Briefing: Neglect\n\nWhat can we consider?\n\n\u2022\n\nWho do you tell?\n"
    )
    assert briefing.questions == ("Who do you tell?",)


def test_numbered_markdown_heading_loses_its_number():
    """ "## 1. Background" is a background heading with the words "Background"."""
    briefing = parse_text("7 Minute Briefing: Neglect\n\n## 1. Background\n\nText." + QUESTIONS)
    assert (briefing.sections[0].kind, briefing.sections[0].heading) == (K.BACKGROUND, "Background")


def test_subject_printed_under_the_briefing_title():
    """A short line directly under "7 Minute Briefing" is the subject."""
    briefing = parse_text("7 Minute Briefing\nNeglect" + QUESTIONS)
    assert (briefing.title, briefing.subject) == ("7 Minute Briefing", "Neglect")
    assert [s.kind for s in briefing.sections] == [K.CONSIDER]


def test_caps_question_among_questions_is_not_a_heading():
    """An ALL CAPS question in a questions section stays a question."""
    briefing = parse_text(
        "7 Minute Briefing: Neglect\n\nREFLECTIVE QUESTIONS\n"
        "WHO DO YOU TELL?\nWHAT DO YOU RECORD?\n"
    )
    assert briefing.questions == ("WHO DO YOU TELL?", "WHAT DO YOU RECORD?")
