"""The Sessions page end to end: plan a session, bring reflections, agree and review actions."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox

from reflect.domain.supervision import (
    ActionStatus,
    NewAction,
    NewSession,
    SessionType,
    SupervisionFunction,
)
from reflect.ui.actions.actions_table_model import STATUS
from reflect.ui.common.autosave import SAVE_DELAY_MS
from reflect.ui.sessions.entry_picker_dialog import EntryPickerDialog
from reflect.ui.sessions.sessions_page import ConfirmDeleteSession
from tests.gui.reflect_page_helpers import choose
from tests.gui.test_sessions_page_helpers import day, make_entries, open_page, type_date, type_when

pytestmark = pytest.mark.gui


def set_when(page, qtbot, when: datetime) -> None:
    type_when(qtbot, page.form.view.when.edit, when)


def pick_by_filter(qtbot, dialog: EntryPickerDialog, words: str) -> None:
    """Type in the dialog's filter box, arrow down into the list and press Enter to choose."""
    box = dialog.entries.view.text
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, words)
    qtbot.waitUntil(lambda: dialog.entries.model.rowCount() == 1, timeout=3000)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.entries.view.list, Qt.Key.Key_Return)


def test_plan_a_session_through_the_form(qtbot, journal):
    """New session, date and time, supervisor and type are saved and shown in the list."""
    page = open_page(qtbot, journal)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    session_id = page.session_id
    assert session_id is not None and page.form.view.when.edit.hasFocus()
    set_when(page, qtbot, datetime(2026, 12, 1, 14, 30))
    qtbot.keyClicks(page.form.view.supervisor_name, "Sam")
    qtbot.keyClicks(page.form.view.supervisor_role, "Team manager")
    choose(qtbot, page.form.view.type, "Peer")
    page.flush()
    stored = journal.sessions.get_session(session_id)
    assert (stored.starts_at, stored.supervisor_name, stored.supervisor_role, stored.type) == (
        datetime(2026, 12, 1, 14, 30), "Sam", "Team manager", SessionType.PEER)
    row = page.list_model.row_of(session_id)
    assert page.list_model.index(row, 0).data() == "Tue 1 Dec 2026, 14:30 — Peer with Team manager"
    assert page.form.view.title.text() == "Tue 1 Dec 2026, 14:30 — Peer with Team manager"


def test_agenda_items_with_functions_by_keyboard(qtbot, journal):
    """Agenda items are added with Enter, tagged with a function and reordered with Alt+Up."""
    page = open_page(qtbot, journal)
    session_id = page.new_session()
    agenda = page.form.agenda
    for text, function in (("Caseload and allocation", "Management"), ("How I am coping", "Support"),
                           ("Training on neglect", "Development")):
        choose(qtbot, agenda.new_function, function)
        agenda.new_text.setFocus()
        qtbot.keyClicks(agenda.new_text, text)
        qtbot.keyClick(agenda.new_text, Qt.Key.Key_Return)
    assert agenda.new_text.text() == ""
    agenda.table.setFocus()
    assert agenda.table.currentIndex().row() == 2
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    stored = [(i.text, i.function) for i in journal.sessions.agenda(session_id)]
    assert stored == [("Caseload and allocation", SupervisionFunction.MANAGEMENT),
                      ("Training on neglect", SupervisionFunction.DEVELOPMENT),
                      ("How I am coping", SupervisionFunction.SUPPORT)]
    assert agenda.table.currentIndex().row() == 1
    qtbot.keyClick(agenda.table, Qt.Key.Key_Delete)
    assert [i.text for i in journal.sessions.agenda(session_id)] == [
        "Caseload and allocation", "How I am coping"]


def test_link_three_reflections_and_reorder_them(qtbot, journal, monkeypatch):
    """Three reflections picked in the dialog are linked in order, then reordered by keys and drag."""
    alpha, beta, gamma = make_entries(journal, "Alpha visit", "Beta meeting", "Gamma referral")
    page = open_page(qtbot, journal)
    session_id = page.new_session()
    seen = {}

    def drive(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        pick_by_filter(qtbot, dialog, "Gamma")
        pick_by_filter(qtbot, dialog, "Alpha")
        dialog.entries.clear_filters()
        qtbot.waitUntil(lambda: dialog.entries.model.rowCount() == 3, timeout=3000)
        dialog.entries.select_entry(beta)
        qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
        seen["chosen"] = dialog.chosen.count()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(EntryPickerDialog, "exec", drive)
    qtbot.mouseClick(page.form.linked.add, Qt.MouseButton.LeftButton)
    assert seen["chosen"] == 3
    assert journal.sessions.linked_entry_ids(session_id) == [gamma, alpha, beta]
    linked = page.form.linked
    assert [linked.model.index(r, 0).data() for r in range(3)] == [
        "Gamma referral", "Alpha visit", "Beta meeting"]
    assert linked.model.index(0, 2).data() == "Draft" and linked.model.index(0, 1).data() == "Gibbs"

    # keyboard: the last row (Beta) moves to the top
    linked.table.setFocus()
    assert linked.table.currentIndex().row() == 2
    qtbot.keyClick(linked.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(linked.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert journal.sessions.linked_entry_ids(session_id) == [beta, gamma, alpha]
    qtbot.keyClick(linked.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert journal.sessions.linked_entry_ids(session_id) == [gamma, beta, alpha]

    # drag: the first row is dropped below the last one
    data = linked.model.mimeData([linked.model.index(0, 0)])
    assert linked.model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert journal.sessions.linked_entry_ids(session_id) == [beta, alpha, gamma]
    # and dropped onto a row: it takes that row's place
    data = linked.model.mimeData([linked.model.index(2, 0)])
    assert linked.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, linked.model.index(0, 0))
    assert journal.sessions.linked_entry_ids(session_id) == [gamma, beta, alpha]

    # the buttons, and removing (the reflection stays in the journal)
    linked.table.setCurrentIndex(linked.model.index(0, 0))
    qtbot.mouseClick(linked.down, Qt.MouseButton.LeftButton)
    assert journal.sessions.linked_entry_ids(session_id) == [beta, gamma, alpha]
    qtbot.mouseClick(linked.remove, Qt.MouseButton.LeftButton)
    assert journal.sessions.linked_entry_ids(session_id) == [beta, alpha]
    assert journal.entries.count_entries() == 3
    row = page.list_model.row_of(session_id)
    assert "2 reflections · 0 actions" in page.list_model.index(row, 0).data(
        page.list_model.DetailsRole)


def test_enter_on_a_linked_reflection_opens_it(qtbot, journal):
    """Enter (or a double-click) on a linked reflection asks the Reflect page to open it."""
    (entry_id,) = make_entries(journal, "Open me")
    page = open_page(qtbot, journal)
    session_id = page.new_session()
    journal.sessions.link_entry(session_id, entry_id)
    page.refresh()
    table = page.form.linked.table
    table.setFocus()
    table.setCurrentIndex(page.form.linked.model.index(0, 0))
    with qtbot.waitSignal(page.open_entry) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [entry_id]


def test_actions_agreed_then_reviewed_in_the_next_session(qtbot, journal):
    """Two actions agreed (a past due date gets a note and is saved); one ticked done next time."""
    page = open_page(qtbot, journal)
    first = page.new_session()
    set_when(page, qtbot, datetime(2026, 12, 3, 10, 0))
    agreed = page.form.agreed
    agreed.description.setFocus()
    qtbot.keyClicks(agreed.description, "Read the neglect strategy")
    qtbot.keyClick(agreed.due.none, Qt.Key.Key_Space)  # a due date after all
    type_date(qtbot, agreed.due.edit, "1/11/2026")
    qtbot.mouseClick(agreed.add, Qt.MouseButton.LeftButton)
    assert agreed.note.isVisible() and "has already passed" in agreed.note.text()
    qtbot.keyClicks(agreed.description, "Book a joint visit")
    choose(qtbot, agreed.owner, "Supervisor")
    agreed.description.setFocus()
    qtbot.keyClick(agreed.description, Qt.Key.Key_Return)
    assert not agreed.note.isVisible()
    actions = journal.actions.agreed_in(first)
    assert [(a.description, a.due_on) for a in actions] == [
        ("Read the neglect strategy", day("2026-11-01")), ("Book a joint visit", None)]
    assert agreed.model.index(0, STATUS).data() == "Open — overdue"

    second = page.new_session()
    set_when(page, qtbot, datetime(2026, 12, 17, 10, 0))
    carried = page.form.carried
    assert [carried.model.action_at(r).description for r in range(carried.model.rowCount())] == [
        "Read the neglect strategy", "Book a joint visit"]
    carried.table.setFocus()
    carried.table.setCurrentIndex(carried.model.index(0, STATUS))
    qtbot.keyClick(carried.table, Qt.Key.Key_F2)
    editor = carried.table.viewport().findChild(QComboBox)
    assert editor is not None and editor.accessibleName() == "Status"
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: journal.actions.get(actions[0].id).status is ActionStatus.DONE)
    done = journal.actions.get(actions[0].id)
    assert (done.status, done.status_changed_on) == (ActionStatus.DONE, day("2026-11-26"))
    assert carried.model.index(0, STATUS).data() == "Done Thu 26 Nov 2026"

    page.show_session(first)
    page.show_session(second)
    assert [a.id for a in carried.model.rows] == [actions[1].id]  # closed before this session
    assert journal.actions.get(actions[1].id).status is ActionStatus.OPEN


def test_delete_a_session_keeps_its_reflections(qtbot, journal, monkeypatch):
    """Deleting asks first, keeps the linked reflections and says so in the page, not a dialog."""
    ids = make_entries(journal, "One", "Two")
    page = open_page(qtbot, journal)
    other = page.new_session()
    doomed = page.new_session()
    for entry_id in ids:
        journal.sessions.link_entry(doomed, entry_id)
    asked = []
    monkeypatch.setattr(ConfirmDeleteSession, "ask",
                        classmethod(lambda cls, *args: asked.append(args[:3]) or False))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked[0][1:] == (2, 0) and page.session_id == doomed  # cancelled: nothing happens
    monkeypatch.setattr(ConfirmDeleteSession, "ask", classmethod(lambda cls, *args: True))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.list_model.row_of(doomed) == -1 and page.session_id == other
    assert journal.entries.count_entries() == 2
    assert page.message.isVisible()
    assert page.message.text.text() == ("Session deleted. The 2 reflections linked to it are kept "
                                        "in your journal.")
    qtbot.mouseClick(page.message.dismiss, Qt.MouseButton.LeftButton)
    assert not page.message.isVisible()


def test_two_sessions_at_the_same_time_get_a_note(qtbot, journal):
    """A second session at the same time is kept, with a note that goes when the time changes."""
    journal.sessions.create_session(NewSession(starts_at=datetime(2026, 12, 8, 10, 0)))
    page = open_page(qtbot, journal)
    session_id = page.new_session()
    notes = page.form.view.notes_box
    set_when(page, qtbot, datetime(2026, 12, 8, 10, 0))
    assert notes.isVisible() and "You already have a session at Tue 8 Dec 2026, 10:00" in notes.text()
    assert journal.sessions.get_session(session_id).starts_at == datetime(2026, 12, 8, 10, 0)
    assert journal.sessions.count_sessions() == 2
    set_when(page, qtbot, datetime(2026, 12, 8, 11, 0))
    assert not notes.isVisible()


def test_a_session_without_a_date_gets_a_note(qtbot, journal):
    """"No date yet" saves at once, shows a note, and lists the session as to be arranged."""
    page = open_page(qtbot, journal)
    session_id = page.new_session()
    view = page.form.view
    view.when.none.setFocus()
    qtbot.keyClick(view.when.none, Qt.Key.Key_Space)
    assert journal.sessions.get_session(session_id).starts_at is None
    assert view.notes_box.isVisible() and "no date yet" in view.notes_box.text()
    assert not view.when.edit.isEnabled()
    assert page.list_model.index(page.list_model.row_of(session_id), 0).data().startswith(
        "Date to be arranged")
    qtbot.keyClick(view.when.none, Qt.Key.Key_Space)
    assert journal.sessions.get_session(session_id).starts_at is not None
    assert not view.notes_box.isVisible() and view.when.edit.hasFocus()


def test_text_saves_after_a_pause_and_on_flush(qtbot, journal):
    """Notes save themselves after the debounce, on flush(), and when switching session."""
    page = open_page(qtbot, journal)
    first = page.new_session()
    view = page.form.view
    view.notes.setFocus()
    qtbot.keyClicks(view.notes, "Talked about the Child R learning.")
    assert journal.sessions.get_session(first).notes == ""  # not yet: typing has just stopped
    qtbot.waitUntil(lambda: journal.sessions.get_session(first).notes
                    == "Talked about the Child R learning.", timeout=SAVE_DELAY_MS * 4)
    qtbot.keyClicks(view.wellbeing, "Tired but supported")
    assert page.flush()
    assert journal.sessions.get_session(first).wellbeing == "Tired but supported"
    qtbot.keyClicks(view.learning_needs, "Neglect toolkit training")
    second = page.new_session()  # switching session saves what was typed
    assert journal.sessions.get_session(first).learning_needs == "Neglect toolkit training"
    assert page.session_id == second and view.learning_needs.toPlainText() == ""


def test_a_failed_save_keeps_the_text_and_the_session(qtbot, journal, monkeypatch):
    """When the disk refuses a write the text stays, the page stays on the session and retries."""
    page = open_page(qtbot, journal)
    other = page.new_session()
    first = page.new_session()
    real_update = journal.sessions.update_session

    def refuse(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(journal.sessions, "update_session", refuse)
    qtbot.keyClicks(page.form.view.workload, "Twenty-two children")
    assert not page.flush()
    assert page.form.view.saved.text().startswith("Not saved yet")
    assert not page.show_session(other)
    assert page.session_id == first and page.message.isVisible()
    assert page.form.view.workload.toPlainText() == "Twenty-two children"
    monkeypatch.setattr(journal.sessions, "update_session", real_update)
    qtbot.waitUntil(lambda: journal.sessions.get_session(first).workload == "Twenty-two children",
                    timeout=5000)


def test_select_action_shows_its_session(qtbot, journal):
    """select_action opens the session an action was agreed in, with the action selected."""
    page = open_page(qtbot, journal)
    first = page.new_session()
    page.new_session()
    action = journal.actions.add(NewAction("Shadow a LADO referral", session_id=first))
    assert page.select_action(action.id)
    assert page.session_id == first
    assert page.form.agreed.table.currentIndex().row() == 0
    assert page.list.currentIndex().row() == page.list_model.row_of(first)
    assert not page.show_session(9999) and page.session_id == first  # e.g. deleted meanwhile
    made_elsewhere = journal.sessions.create_session(NewSession(starts_at=None)).id
    assert page.show_session(made_elsewhere) and page.session_id == made_elsewhere
