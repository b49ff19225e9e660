"""Anonymisation hints while writing: a typed name is underlined, explained, and replaced in one click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from reflect.ui.reflect_page.history_dialog import HistoryDialog
from reflect.ui.spelling.highlighter import identifier_format
from tests.gui.reflect_page_helpers import open_window, stage_edit

pytestmark = pytest.mark.gui

DASH = QTextCharFormat.UnderlineStyle.DashUnderline


def hint_ranges(edit):
    """(block number, start, length) of every identifier underline in the editor."""
    out = []
    block = edit.document().firstBlock()
    while block.isValid():
        out += [(block.blockNumber(), r.start, r.length) for r in block.layout().formats()
                if r.format.underlineStyle() == DASH]
        block = block.next()
    return out


def type_text(qtbot, edit, text):
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, text)


def new_reflection(qtbot, window):
    page = window.reflect_page
    qtbot.keyClick(page.briefing_page.picker, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    key = next(iter(page.editor.stages))
    return page, key, stage_edit(window, key)


def test_a_typed_name_is_underlined_once_the_hints_have_run(qtbot, journal):
    """Typing "Tom said" gets a dashed amber underline under Tom, not under ordinary words."""
    window = open_window(qtbot, journal)
    _page, _key, edit = new_reflection(qtbot, window)
    support = window.spelling._supports[-1]
    type_text(qtbot, edit, "On the visit Tom said his mum was asleep upstairs.")
    qtbot.waitUntil(lambda: bool(hint_ranges(edit)), timeout=10_000)
    start = edit.toPlainText().index("Tom")
    assert hint_ranges(edit) == [(0, start, 3)]
    assert [f.kind for f in support.hints.findings] == ["name"]
    colour = identifier_format().underlineColor()
    block = edit.document().firstBlock()
    assert any(r.format.underlineColor() == colour for r in block.layout().formats())


def test_the_hint_menu_replaces_the_name_saves_it_and_cleans_history(qtbot, journal):
    """The menu offers the initial; choosing it puts "T" in the text, saves it, and no earlier
    version of the reflection still holds "Tom" (History says details were removed)."""
    window = open_window(qtbot, journal)
    page, key, edit = new_reflection(qtbot, window)
    type_text(qtbot, edit, "Tom said he was hungry.")
    qtbot.waitUntil(lambda: bool(hint_ranges(edit)), timeout=10_000)
    page.editor.flush()
    entry_id = page.editor.entry.id
    journal.revisions.snapshot(entry_id, "closed")  # an earlier version with the name in it
    support = window.spelling._supports[-1]
    edit.setTextCursor(QTextCursor(edit.document()))  # the caret on "Tom"; the Menu key's menu
    menu = support.build_menu()
    replace = next(a for a in menu.actions() if a.objectName() == "hint-replace")
    assert replace.text() == "&Replace with “T”"
    replace.trigger()
    assert edit.toPlainText() == "T said he was hungry."
    qtbot.waitUntil(lambda: journal.entries.get_entry(entry_id).answer(key) == "T said he was hungry.")
    versions = journal.revisions.list(entry_id)
    assert versions and all("Tom" not in text for v in versions for _, text in v.answers)
    assert all(v.note.startswith("details removed") for v in versions)
    assert journal.search.search("Tom") == []
    assert "earlier version" in window.statusBar().currentMessage()
    dialog = HistoryDialog(journal.revisions.list(entry_id))
    qtbot.addWidget(dialog)
    assert "details removed" in dialog.list.item(0).text()


def test_not_identifying_stops_the_hint_and_is_remembered(qtbot, journal):
    """"Not identifying" remembers the pair, as the export review does, and the underline goes."""
    window = open_window(qtbot, journal)
    _page, _key, edit = new_reflection(qtbot, window)
    type_text(qtbot, edit, "I spoke to Mrs Jones about the plan.")
    qtbot.waitUntil(lambda: bool(hint_ranges(edit)), timeout=10_000)
    support = window.spelling._supports[-1]
    cursor = QTextCursor(edit.document())
    cursor.setPosition(edit.toPlainText().index("Jones"))
    edit.setTextCursor(cursor)
    menu = support.build_menu()
    next(a for a in menu.actions() if a.objectName() == "hint-accept").trigger()
    assert ("title_name", "Mrs Jones") in journal.privacy.accepted()
    qtbot.waitUntil(lambda: not hint_ranges(edit), timeout=10_000)


def test_the_hints_and_the_export_review_agree(qtbot, journal):
    """What the hints underline in a reflection is what the export check finds in it."""
    from reflect.services import exporting as svc

    window = open_window(qtbot, journal)
    page, key, edit = new_reflection(qtbot, window)
    text = ("Kayla (7) told me that her brother Dev had been at St Mary's Primary until March. "
            "The strategy meeting on 14 March 2024 agreed a plan with CAMHS.")
    type_text(qtbot, edit, text)
    qtbot.waitUntil(lambda: len(hint_ranges(edit)) >= 3, timeout=10_000)
    page.editor.flush()
    support = window.spelling._supports[-1]
    hinted = [(f.kind, f.text) for f in support.hints.findings]
    fields = [f for f in svc.entry_fields(journal, page.editor.entry.id) if f.stage == key]
    from reflect.domain.anonymisation import check_fields

    reviewed = [(f.kind, f.text) for f in check_fields(
        fields, watch_terms=journal.privacy.watch_terms(), accepted=journal.privacy.accepted(),
        not_names=svc.hint_not_names(journal, ""))]
    assert hinted == reviewed
    assert ("age", "(7)") in hinted or any(kind == "age" for kind, _ in hinted)


def test_no_hint_pass_runs_once_the_journal_is_closed(qtbot, journal, caplog):
    """A pause after the journal closed (a window being replaced) skips the hints quietly."""
    window = open_window(qtbot, journal)
    _page, _key, edit = new_reflection(qtbot, window)
    support = window.spelling._supports[-1]
    type_text(qtbot, edit, "Tom said")
    window.retire()
    support.hints.check_now()
    journal.close()
    window._retired = False  # as if the window had not been told: the provider itself fails
    support.hints.check_now()
    assert "identifier hints skipped: ProgrammingError" in caplog.text
