"""What a screen reader hears: the whole briefing, every label's own words, and names that start
with the words on screen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from reflect.briefings.library import bundled_briefing_paths
from tests.gui.accessibility_checks import names_without_their_label, tree_text
from tests.gui.gallery import dialog_screens, window_screens
from tests.gui.reflect_page_helpers import open_window

pytestmark = pytest.mark.gui


def briefing_sentences(text: str) -> list[str]:
    """Every sentence of a bundled briefing, as a reader sees it: Markdown links as their words,
    no list bullets, whitespace folded. Split by block first, so a heading is never run into the
    sentence after it."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    sentences = []
    for block in re.split(r"\n\s*\n", text):
        block = " ".join(re.sub(r"^\s*[-*•]\s+", "", line) for line in block.splitlines())
        block = " ".join(block.split())
        sentences += [s for s in re.split(r"(?<=[.?!])\s+", block) if s]
    return sentences


@pytest.mark.parametrize("path", bundled_briefing_paths(), ids=lambda p: p.stem)
def test_the_briefing_is_read_in_full(qtbot, journal, path):
    """Every sentence of the bundled briefing is in the Reflect page's accessibility tree: titles,
    paragraphs, learning points, all seven questions and the references, none cut short or
    replaced by a caption such as "Question 1"."""
    window = open_window(qtbot, journal)
    page = window.reflect_page
    page.show_tab(0)
    qtbot.wait(50)
    heard = tree_text(page.view)
    sentences = briefing_sentences(path.read_text(encoding="utf-8"))
    assert len(sentences) > 40
    missing = [s for s in sentences if s not in heard]
    assert missing == []


def test_a_status_label_is_read_as_what_it_says(qtbot, journal):
    """The save status is announced as "Saved …" with "Save status" as its description, not as
    the caption alone."""
    window = open_window(qtbot, journal)
    window.reflect_page.new_reflection()
    saved = window.reflect_page.editor_view.saved
    qtbot.keyClicks(window.reflect_page.editor_view.title, "A first reflection")
    qtbot.waitUntil(lambda: saved.text().startswith("Saved"), timeout=5000)
    interface = QAccessible.queryAccessibleInterface(saved)
    assert interface.text(QAccessible.Text.Name) == saved.text()
    assert interface.text(QAccessible.Text.Description) == "Save status"


def _screens(qtbot, journal):
    yield from window_screens(qtbot, journal)
    yield from dialog_screens(qtbot, journal)


def test_every_name_starts_with_the_words_on_screen(qtbot, journal):
    """On every page and main dialog, each button, check box, radio button and labelled field is
    named first by the words it shows ("Reflect on this: question 3"), and no label has a name in
    place of its text."""
    wrong, checked = [], 0
    for name, top in _screens(qtbot, journal):
        wrong += [f"{name}: {w}" for w in names_without_their_label(top)]
        wrong += [f"{name}: QLabel {label.text()!r} named {label.accessibleName()!r}"
                  for label in top.findChildren(QLabel) if label.accessibleName()]
        checked += 1
    assert checked >= 25
    assert wrong == []
