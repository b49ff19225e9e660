"""Tab follows the screen: the workspace and the session form in reading order, focus brought into
view, and a briefing's links passed through with Tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from reflect.briefings import parse_text
from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.settings import Settings
from reflect.ui.briefings.briefing_reader import ConfirmOpenLink
from reflect.ui.briefings.briefing_view import QuestionCard
from reflect.ui.common.link_label import LinkLabel
from reflect.ui.shell.main_window import DASHBOARD, REFLECT, SESSIONS
from tests.gui.focus_helpers import describe, focus_target, out_of_order, runs, tab_walk
from tests.gui.reflect_page_helpers import choose, open_window

pytestmark = pytest.mark.gui

BRIEFING = (
    "Test Partnership 7 Minute Briefing – Neglect\n\nBackground\n\n"
    + "".join(f"Visit {n}: the family was seen by many and helped by few.\n\n" for n in range(40)) +
    "Questions for reflection\n\n- What would you do first?\n- Who else should know?\n"
    "- What helps you notice neglect?\n\nFurther information\n\n"
    "- [Neglect guidance](https://example.org/neglect)\n- [Threshold document](https://example.org/thresholds)\n"
)


@pytest.fixture
def workspace(qtbot, journal):
    """The Reflect page on a briefing with questions and links, a Kolb reflection open on its first
    question with text in a stage Kolb does not have (so a "Remove…" button shows)."""
    briefing_id = journal.briefings.add(parse_text(BRIEFING))
    window = open_window(qtbot, journal, Settings(last_briefing_id=briefing_id))
    page = window.reflect_page
    cards = page.briefing_page.reader.widget().findChildren(QuestionCard)
    qtbot.mouseClick(cards[0].button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.editor_view.title, " (visit)")  # a new reflection is kept once written in
    page.editor.flush()
    journal.entries.save_answer(AnswerDraft(page.editor.entry.id, "description", "A home visit."))
    page.editor.reload()
    choose(qtbot, page.editor_view.model, "Kolb")
    assert any(stage.orphan for stage in page.editor.stages.values())
    return window


def test_workspace_tab_order_follows_the_screen(qtbot, workspace):
    """From the tabs, Tab goes down the briefing pane (picker, briefing, each question's buttons,
    the links), then down the reflection (title, question, model, status, the reminder, each
    stage's buttons and box, the tags, supervision, history), and back: rebuilt stages included."""
    page = workspace.reflect_page
    view, editor = page.view, page.editor_view
    walk = tab_walk(qtbot, view.tabs.tabBar())

    def pane(widget):
        return "briefing" if view.tabs.isAncestorOf(widget) else (
            "reflection" if editor.isAncestorOf(widget) else describe(widget))

    assert runs(walk, pane) == ["briefing", "reflection"]
    for name in ("briefing", "reflection"):
        assert out_of_order([w for w in walk if pane(w) == name]) == [], name
    boxes = [stage.edit for stage in page.editor.stages.values()]
    buttons = [card.button for card in page.briefing_page.reader.cards.values()]
    links = page.briefing_page.reader.widget().findChildren(LinkLabel)
    assert len(links) == 2
    assert all(control in walk for control in [*boxes, *buttons, *links])
    assert walk.index(editor.title) + 1 == walk.index(editor.question)
    first_box = walk.index(boxes[0])
    assert first_box - walk.index(editor.model) <= 4, [describe(w) for w in walk]
    assert first_box - walk.index(editor.title) <= 6


def test_the_session_form_tabs_in_reading_order(qtbot, journal):
    """The sessions list and its buttons, then the form from top to bottom, row by row."""
    from reflect.services.demo import build_demo

    build_demo(journal, 30)
    window = open_window(qtbot, journal)
    window.show_page(SESSIONS)
    sessions = window.sessions_page
    sessions.show_session(journal.sessions.list_sessions()[0].id)
    form = sessions.form.view
    walk = tab_walk(qtbot, sessions.list)

    def pane(widget):
        return "form" if form.isAncestorOf(widget) else "list"

    assert runs(walk, pane) == ["list", "form"]
    assert out_of_order([w for w in walk if pane(w) == "form"]) == []
    fields = (form.when.edit, form.type, form.supervisor_role, form.notes, form.workload,
              form.supervisor_agreed.edit)
    assert {focus_target(field) for field in fields} <= set(walk)


def _cursor_shows(edit, scroll) -> bool:
    cursor = edit.cursorRect()
    top = edit.viewport().mapTo(scroll.viewport(), cursor.topLeft())
    bottom = edit.viewport().mapTo(scroll.viewport(), cursor.bottomLeft())
    return scroll.viewport().rect().contains(top) and scroll.viewport().rect().contains(bottom)


def test_focus_coming_into_a_pane_brings_the_control_into_view(qtbot, journal):
    """Shift+Tab from the tags into the last writing box of a long reflection scrolls it into view
    (its cursor shows), as Tab from the title into the first one does."""
    entry = journal.entries.create_entry(NewEntry(title="Long", model="gibbs"))
    for key in ("description", "feelings", "evaluation", "analysis", "conclusion"):
        journal.entries.save_answer(AnswerDraft(entry.id, key, "\n".join(["A line."] * 30)))
    window = open_window(qtbot, journal)
    page = window.reflect_page
    page.open_entry(entry.id)
    editor = page.editor_view
    last = page.editor.stages["action_plan"].edit
    first = page.editor.stages["description"].edit
    qtbot.waitUntil(lambda: editor.scroll.verticalScrollBar().maximum() > 0, timeout=3000)
    assert not _cursor_shows(last, editor.scroll)

    editor.tags.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(editor.tags, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is last
    assert _cursor_shows(last, editor.scroll)

    editor.title.setFocus()
    for _ in range(20):
        if QApplication.focusWidget() is first:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first
    assert _cursor_shows(first, editor.scroll)


def test_a_link_is_one_tab_stop_and_follows_on_enter(qtbot, workspace, monkeypatch):
    """Tab moves into a briefing's link and out to the next; Enter and Space follow it (through
    the same signal as a click, so the app asks before opening it); the page keys scroll the
    briefing instead of vanishing."""
    followed = []
    monkeypatch.setattr(ConfirmOpenLink, "ask",
                        classmethod(lambda cls, url, parent=None: followed.append(url) or False))
    reader = workspace.reflect_page.briefing_page.reader
    first, second = reader.widget().findChildren(LinkLabel)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second
    qtbot.keyClick(second, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert followed == ["https://example.org/neglect"] * 2
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.keyClick(first, Qt.Key.Key_PageUp)
    assert bar.value() < bar.maximum()
    assert QApplication.focusWidget() is first
    qtbot.mouseClick(second, Qt.MouseButton.LeftButton, pos=QPoint(5, second.height() // 2))
    assert followed[-1] == "https://example.org/thresholds"


def test_showing_the_reflect_page_puts_the_focus_on_a_control(qtbot, journal):
    """Switching to the Reflect page focuses its first control (the side pane's tabs; with the
    pane put away, the reflection's first field), never the whole page, which drew the focus ring
    around everything and left Tab to start from nowhere in particular."""
    entry = journal.entries.create_entry(NewEntry(title="A visit", model="gibbs"))
    window = open_window(qtbot, journal)
    page = window.reflect_page
    page.open_entry(entry.id)
    window.show_page(DASHBOARD)
    window.show_page(REFLECT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view.tabs.tabBar(), timeout=2000)
    page.view.show_side_pane(False)
    window.show_page(DASHBOARD)
    window.show_page(REFLECT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.editor_view.title, timeout=2000)
