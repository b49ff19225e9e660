"""Property tests: any text gives a briefing or a BriefingFormatError, and questions survive."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.briefings import parse_text
from reflect.domain.briefing import Briefing
from reflect.domain.errors import BriefingFormatError

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ALPHANUMERIC = string.ascii_letters + string.digits
WORDS = st.text(
    alphabet=ALPHANUMERIC + " ,.'-:?/\u2019\u201c\u201d",
    max_size=60,
)
HEADINGS = st.sampled_from(
    [
        "Background",
        "What was the Learning?",
        "KEY FINDINGS",
        "## Why it matters",
        "3. Why it matters",
        "What can we consider?",
        "Questions for reflection",
        "Want to learn more?",
        "Further information",
        "Our response",
        "# Title",
        "Section 4 \u2013 Our response",
        "**Practice tip**",
    ]
)
#: pieces of briefing-like text, including the damaged forms the parser repairs
LINES = st.one_of(
    WORDS,
    HEADINGS,
    WORDS.map(lambda w: f"- {w}"),
    WORDS.map(lambda w: f"\u2022 {w}"),
    WORDS.map(lambda w: f"\uf0b7{w}"),
    WORDS.map(lambda w: f"1) {w}"),
    WORDS.map(lambda w: f"{w}-"),
    WORDS.map(lambda w: f"[{w}](https://example.org/{len(w)})"),
    WORDS.map(lambda w: f"{w} \u2013 www.example.org"),
    st.sampled_from(["", "", "\u2022", "---", "===", "Page 2 of 3", "7", "\f", "   "]),
    st.text(max_size=20),
)
BRIEFING_LIKE = st.lists(LINES, max_size=40).map("\n".join)

QUESTION = (
    st.text(
        alphabet=ALPHANUMERIC + " ,'-/\u2019\u201c\u201d",
        min_size=1,
        max_size=80,
    )
    .filter(lambda text: any(ch.isalpha() for ch in text))
    .map(lambda text: " ".join(text.split()) + "?")
)
CONSIDER_HEADINGS = st.sampled_from(
    [
        "What can we consider?",
        "## Questions for reflection",
        "REFLECTIVE QUESTIONS",
        "4. Questions for practitioners",
        "Things to consider:",
        "Questions to consider",
    ]
)
MARKERS = st.sampled_from(["- ", "* ", "\u2022 ", "\uf0b7 ", "\u2013 "])
AFTER = st.sampled_from(
    [
        "",
        "Want to learn more?\n\n- NSPCC Learning",
        "## Further reading\n\nOne leaflet.",
        "Our response\n\nText.",
    ]
)


def _parse_or_format_error(text: str) -> Briefing | None:
    try:
        return parse_text(text)
    except BriefingFormatError as exc:
        assert exc.message.strip()
        return None


@SETTINGS
@given(st.text(max_size=3000))
def test_any_text_parses_or_raises_format_error(text):
    """Arbitrary Unicode text gives a Briefing or a BriefingFormatError, never another error."""
    _parse_or_format_error(text)


@SETTINGS
@given(BRIEFING_LIKE)
def test_briefing_like_text_parses_or_raises_format_error(text):
    """Mixtures of headings, bullets, links and PDF debris never raise anything unexpected, and a
    parsed briefing always has questions."""
    briefing = _parse_or_format_error(text)
    if briefing is not None:
        assert briefing.questions
        assert all(section.text is not None for section in briefing.sections)


@SETTINGS
@given(
    preamble=BRIEFING_LIKE,
    heading=CONSIDER_HEADINGS,
    marker=MARKERS,
    questions=st.lists(QUESTION, min_size=1, max_size=8),
    after=AFTER,
)
def test_questions_in_a_consider_list_are_never_lost(preamble, heading, marker, questions, after):
    """Every "?" line in a list under a questions heading comes out as (part of) a question."""
    listed = "\n".join(f"{marker}{q}" for q in questions)
    text = (
        f"{preamble}\n\nThat is the end of the introduction.\n\n{heading}\n\n{listed}\n\n{after}\n"
    )
    briefing = parse_text(text)
    for question in questions:
        assert any(question in found for found in briefing.questions), (
            question,
            briefing.questions,
        )
