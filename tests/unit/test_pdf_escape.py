"""User text into PDF markup: the one escape function, and hostile content through a whole render."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from reflect.domain.report import EntryReport, ReportEntry
from reflect.export import SingleEntryRenderer, fonts, write_pdf
from reflect.export.escape import BLOCK_CHARS, REPLACEMENT, clean, escape, paragraphs
from tests.unit.pdf_helpers import body_text, check_fonts_embedded, norm, qpdf_check, squash

LANGUAGES = "Łódź Kraków Iași Şanlıurfa İstanbul Αθήνα Москва — ș ț ı İ ş ğ ą ę ó ł ż ź"


@pytest.fixture(scope="module")
def style():
    fonts.register_fonts()
    return ParagraphStyle("t", fontName=fonts.REGULAR, fontSize=10.5, leading=15, splitLongWords=1)


def test_markup_characters_are_entities():
    """&, <, > and quotes become entities, so user text can never become markup."""
    assert escape('<script>&</script> "a" \'b\'') == \
        "&lt;script&gt;&amp;&lt;/script&gt; &quot;a&quot; &#39;b&#39;"


def test_newlines_tabs_and_blank_runs():
    """A newline is a line break, a tab four no-break spaces, any run of blank lines one blank line."""
    assert escape("a\nb") == "a<br/>b"
    assert escape("a\tb") == "a&nbsp;&nbsp;&nbsp;&nbsp;b"
    assert escape("top" + "\n" * 200 + "bottom") == "top<br/><br/>bottom"
    assert escape("a\r\nb\rc") == "a<br/>b<br/>c"


def test_controls_dropped_and_missing_glyphs_replaced():
    """Control characters go; characters the font lacks (emoji, lone surrogates) become U+FFFD."""
    assert clean("a\x00b\x07c\x1b") == "abc"
    assert clean("smile 😀") == f"smile {REPLACEMENT}"
    assert clean("bad \ud800") == f"bad {REPLACEMENT}"
    assert clean(LANGUAGES) == LANGUAGES


def test_paragraphs_split_at_blank_lines_and_cut_long_blocks():
    """Blank lines separate paragraphs; a paragraph over the limit is cut, at a line break if any."""
    assert paragraphs("one\n\n\n\ntwo\nlines") == [("one", True), ("two<br/>lines", True)]
    assert paragraphs("  \n\n ") == []
    long = "\n".join(["word " * 100] * 20)
    blocks = paragraphs(long)
    assert len(blocks) > 1 and blocks[0][1] and not blocks[1][1]
    assert all(len(markup) <= BLOCK_CHARS * 1.2 for markup, _ in blocks)
    assert squash("".join(m.replace("<br/>", "") for m, _ in blocks)) == squash(long)


def test_one_enormous_word_is_cut_and_wraps(style):
    """A 5,000-character URL wraps inside the line width instead of overflowing."""
    url = "https://example.org/" + "a" * 5000
    for markup, _ in paragraphs(url):
        paragraph = Paragraph(markup, style)
        width, height = paragraph.wrap(300, 10_000)
        assert height > 15 * 3
        spare = [line[0] if isinstance(line, tuple) else line.extraSpace for line in paragraph.blPara.lines]
        assert min(spare) >= -0.01  # no line is wider than the column


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=300))
def test_any_text_escapes_to_markup_that_builds(text):
    """For arbitrary text (controls, surrogates, markup) escape never raises, the Paragraph builds
    and wraps, and it reads back as the cleaned text."""
    fonts.register_fonts()
    style = ParagraphStyle("h", fontName=fonts.REGULAR, fontSize=10, leading=12, splitLongWords=1)
    markup = escape(text)
    paragraph = Paragraph(markup, style)
    paragraph.wrap(200, 10_000)
    # soft hyphens are hyphenation hints: reportlab keeps them out of the text
    assert squash(paragraph.getPlainText()).replace("\xad", "") == squash(clean(text)).replace("\xad", "")
    for block, _ in paragraphs(text):
        Paragraph(block, style).wrap(200, 10_000)


def _render(tmp_path, stages, title="Hostile & <odd> title"):
    entry = ReportEntry(key="entry-1", title=title, model_name="Free reflection",
                        status_label="Draft", created_on=date(2026, 1, 2), updated_on=date(2026, 1, 3),
                        briefing_title="Briefing <b>not bold</b>", question="Question & 'quotes'?",
                        stages=tuple(stages), tags=("<tag>", "a&b"))
    report = EntryReport(practitioner="Pat <Practitioner>", prepared_on=date(2026, 1, 4), entry=entry)
    result = write_pdf(SingleEntryRenderer(report), tmp_path / "hostile.pdf")
    header = f"{entry.display_title} · Pat <Practitioner>"
    return result, body_text(result.path, header=header)


def test_hostile_text_renders_and_reads_back_exactly(tmp_path):
    """Markup, entities, tabs, 200 newlines and Polish/Romanian/Turkish/Greek/Cyrillic survive."""
    stages = [
        ("Markup", "<script>&</script> and <b>not bold</b> and &amp; and &#65;"),
        ("Ampersand", "a &b c"),
        ("Tabs", "one\ttwo\t\tthree"),
        ("Newlines", "top" + "\n" * 200 + "bottom"),
        ("Languages", LANGUAGES),
        ("Quotes", "\"double\" 'single' “curly” ‘curly’"),
    ]
    result, text = _render(tmp_path, stages)
    assert result.pages <= 3  # 200 newlines are one blank line, not four pages
    for label, answer in stages:
        assert norm(label) in norm(text)
        assert norm(answer) in norm(text)
    for extra in ("Hostile & <odd> title", "Briefing <b>not bold</b>", "Question & 'quotes'?", "<tag>, a&b"):
        assert extra in norm(text)
    check_fonts_embedded(result.path)
    qpdf_check(result.path)


def test_emoji_arabic_and_long_words_do_not_break_the_pdf(tmp_path):
    """Emoji, Arabic, zero-width characters and a 5,000-character URL render without error."""
    url = "https://example.org/" + "b" * 5000
    stages = [("Emoji", "before 😀👍🏽👩‍👩‍👧 after"), ("Arabic", "قبل مرحبا بالعالم بعد"),
              ("Invisible", "zero\u200bwidth\ufeff text"), ("Link", url)]
    result, text = _render(tmp_path, stages)
    assert "before" in text and "after" in text
    assert squash(url) in squash(text)
    qpdf_check(result.path)


@pytest.mark.slow
def test_a_100000_word_answer_renders_in_full(tmp_path):
    """A 100,000-word answer lays out in reasonable time and every word reads back."""
    words = [f"w{i % 997}x{i}" for i in range(100_000)]
    answer = " ".join(words[:50_000]) + "\n" + " ".join(words[50_000:])
    result, text = _render(tmp_path, [("Enormous", answer)])
    assert result.pages > 100
    assert squash(answer) in squash(text)
    qpdf_check(result.path)


def test_line_breaks_survive_in_text_with_non_latin_letters():
    """A blank line in text with letters beyond Latin-1 stays a line break, not two U+FFFD boxes."""
    from reflect.export.escape import clean, escape

    assert clean("Kraków here.\n\nNext\tpara.") == "Kraków here.\n\nNext\tpara."
    assert "\ufffd" not in escape("Kraków here.\n\nNext para.")
    assert escape("Kraków here.\n\nNext para.") == "Kraków here.<br/><br/>Next para."


def test_zero_width_spaces_are_dropped_consistently():
    """A zero-width space (which reportlab would drop as a word break) leaves clean() too, so the
    text read back from the PDF still equals the cleaned text, even when nothing else is there."""
    fonts.register_fonts()
    style = ParagraphStyle("h", fontName=fonts.REGULAR, fontSize=10, leading=12)
    for text in ("\u200b", "a\u200bb", " \u200b", "\ufeffword"):
        paragraph = Paragraph(escape(text), style)
        paragraph.wrap(200, 1000)
        assert squash(paragraph.getPlainText()) == squash(clean(text)), repr(text)
    assert clean("a\u200bb") == "ab"
