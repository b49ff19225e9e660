"""The Sessions page's parts: its models, the keyboard, accessible names and fitting a laptop screen."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reflect.domain.supervision import NewAction, NewSession, SupervisionFunction
from reflect.store.entry_query import EntryQuery
from reflect.ui.sessions.agenda_editor import AgendaModel
from reflect.ui.sessions.entry_picker_dialog import EntryPickerDialog
from reflect.ui.sessions.linked_entries import LinkedEntriesModel
from reflect.ui.sessions.session_list_model import HEADER, SessionListModel
from tests.gui.focus_helpers import focus_target
from tests.gui.test_sessions_page_helpers import (
    NOW,
    focused,
    make_entries,
    open_page,
    type_when,
    unnamed_focusable,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def sessions(journal):
    """Two past sessions, two upcoming ones and an undated one, with reflections and actions."""
    ids = make_entries(journal, "First", "Second", "Third")
    made = {}
    for key, when in (("old", "2026-09-01T10:00"), ("recent", "2026-11-02T14:00"),
                      ("soon", "2026-12-01T10:00"), ("later", "2027-01-05T10:00"), ("undated", None)):
        made[key] = journal.sessions.create_session(
            NewSession(starts_at=datetime.fromisoformat(when) if when else None)).id
    for entry_id in ids:
        journal.sessions.link_entry(made["soon"], entry_id)
    journal.sessions.add_agenda_item(made["soon"], "Caseload", SupervisionFunction.MANAGEMENT)
    journal.sessions.add_agenda_item(made["soon"], "Wellbeing", SupervisionFunction.SUPPORT)
    journal.actions.add(NewAction("Read the strategy", session_id=made["recent"]))
    return made


def test_session_list_model(qtmodeltester, journal, sessions):
    """The session list passes Qt's model tester and lists upcoming (undated last), then past."""
    model = SessionListModel(journal.sessions, now=lambda: NOW)
    model.refresh()
    qtmodeltester.check(model)
    kinds = [model.index(r, 0).data(SessionListModel.KindRole) for r in range(model.rowCount())]
    assert kinds[0] == HEADER and kinds[4] == HEADER
    assert [model.index(r, 0).data() for r in (0, 4)] == ["Upcoming", "Past"]
    assert model.session_ids() == [sessions[k] for k in ("soon", "later", "undated", "recent", "old")]
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags
    soon = model.index(model.row_of(sessions["soon"]), 0)
    assert soon.data(SessionListModel.DetailsRole) == "Planned · 3 reflections · 0 actions"
    assert soon.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Tue 1 Dec 2026, 10:00 — Regular 1:1. Planned · 3 reflections · 0 actions.")
    recent = model.index(model.row_of(sessions["recent"]), 0)
    assert recent.data(SessionListModel.DetailsRole).endswith("0 reflections · 1 action")


def test_empty_list_says_nothing_is_planned(qtmodeltester, journal):
    """With no sessions the list has its caption and a line saying none are planned."""
    model = SessionListModel(journal.sessions, now=lambda: NOW)
    model.refresh()
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Upcoming", "None planned yet"]


def test_agenda_and_linked_models(qtmodeltester, journal, sessions):
    """The agenda and linked-reflection models pass Qt's model tester."""
    agenda = AgendaModel(journal.sessions)
    agenda.load(sessions["soon"])
    qtmodeltester.check(agenda)
    assert agenda.index(0, AgendaModel.FUNCTION).data() == "Management"
    assert agenda.setData(agenda.index(0, AgendaModel.FUNCTION), "development")
    assert journal.sessions.agenda(sessions["soon"])[0].function is SupervisionFunction.DEVELOPMENT
    linked = LinkedEntriesModel(journal.sessions, EntryQuery(journal.db))
    linked.load(sessions["soon"])
    qtmodeltester.check(linked)
    assert linked.rowCount() == 3


def test_list_keyboard_skips_captions(qtbot, journal, sessions):
    """Arrow keys, Home and End move between sessions and never land on a caption."""
    page = open_page(qtbot, journal)
    page.list.setFocus()
    model = page.list_model
    qtbot.keyClick(page.list, Qt.Key.Key_End)
    assert page.session_id == sessions["old"]
    qtbot.keyClick(page.list, Qt.Key.Key_Up)
    assert page.session_id == sessions["recent"]
    qtbot.keyClick(page.list, Qt.Key.Key_Up)  # over the "Past" caption
    assert page.session_id == sessions["undated"]
    qtbot.keyClick(page.list, Qt.Key.Key_Home)
    assert page.session_id == sessions["soon"]
    assert page.list.currentIndex().row() == model.row_of(sessions["soon"]) == 1


def test_refresh_keeps_the_session_and_the_list_follows_edits(qtbot, journal, sessions):
    """Editing the date moves the session in the list and keeps it selected; refresh keeps it."""
    page = open_page(qtbot, journal)
    page.show_session(sessions["soon"])
    type_when(qtbot, page.form.view.when.edit, datetime(2026, 10, 1, 9, 0))
    assert page.list_model.session_ids()[-2:] == [sessions["soon"], sessions["old"]]
    assert page.list.currentIndex().row() == page.list_model.row_of(sessions["soon"])
    journal.sessions.update_session(sessions["soon"], supervisor_role="Practice educator")
    page.refresh()
    assert page.session_id == sessions["soon"]
    assert page.form.view.supervisor_role.text() == "Practice educator"


def test_every_control_has_an_accessible_name(qtbot, journal, sessions):
    """Every focusable control of the page and of the picker dialog has a name."""
    page = open_page(qtbot, journal)
    page.show_session(sessions["soon"])
    page.message.show_message("Session deleted.")
    assert unnamed_focusable(page) == []
    page.form.view.when.none.setChecked(True)
    assert unnamed_focusable(page) == []
    page.form.load(None)
    assert unnamed_focusable(page) == []
    dialog = EntryPickerDialog(EntryQuery(journal.db), journal.briefings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(journal.sessions.linked_entry_ids(sessions["soon"]))
    assert unnamed_focusable(dialog) == []


def test_tab_reaches_every_control_in_order(qtbot, journal, sessions):
    """Tab from the list visits the buttons and then every field of the form in reading order."""
    page = open_page(qtbot, journal)
    page.show_session(sessions["soon"])
    page.form.agenda.table.setCurrentIndex(page.form.agenda.model.index(0, 0))
    page.form.linked.table.setCurrentIndex(page.form.linked.model.index(0, 0))
    page.list.setFocus()
    visited = []
    for _ in range(80):
        visited.append(focused())
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is page.list:
            break
    expected = [page.list, page.new_button, page.delete_button,  # a date field's line edit takes its focus
                *[focus_target(w) for w in page.form.view.focus_chain if w.isEnabled()]]
    assert visited == expected


def test_mnemonics_move_to_their_fields(qtbot, journal, sessions):
    """Alt with a label's underlined letter puts the cursor in its field."""
    page = open_page(qtbot, journal)
    page.show_session(sessions["soon"])
    view = page.form.view
    for key, widget in ((Qt.Key.Key_M, view.supervisor_name), (Qt.Key.Key_K, view.workload),
                        (Qt.Key.Key_G, page.form.agenda.new_text), (Qt.Key.Key_U, page.form.linked.table),
                        (Qt.Key.Key_I, page.form.agreed.description),
                        (Qt.Key.Key_T, focus_target(view.when.focus_order()[0]))):
        qtbot.keyClick(QApplication.focusWidget() or page, key, Qt.KeyboardModifier.AltModifier)
        assert focused() is widget, key


def test_fits_a_laptop_screen(qtbot, journal, sessions):
    """At 1366×768, below a menu and toolbar, nothing is squeezed below its minimum size."""
    page = open_page(qtbot, journal, size=(1366, 640))
    page.show_session(sessions["soon"])
    hint = page.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 640
    assert page.form.view.scroll.horizontalScrollBar().maximum() == 0


def test_picker_enter_chooses_and_never_closes(qtbot, journal, sessions):
    """In the picker, Enter in the filter box filters, Enter in the list chooses; neither closes it."""
    first, second, third = journal.sessions.linked_entry_ids(sessions["soon"])
    dialog = EntryPickerDialog(EntryQuery(journal.db), journal.briefings, already=[third])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box, entries = dialog.entries.view.text, dialog.entries.view.list
    box.setFocus()
    qtbot.keyClicks(box, "Second")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.entries.model.rowCount() == 1
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(entries, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.chosen_ids() == [second]
    dialog.entries.clear_filters()
    entries.setFocus()
    entries.selectAll()
    qtbot.keyClick(entries, Qt.Key.Key_Enter)
    assert dialog.isVisible() and sorted(dialog.chosen_ids()) == sorted([first, second])
    assert "Already in this session: “Third”." == dialog.note.text()
    dialog.chosen.setFocus()
    dialog.chosen.setCurrentRow(0)
    qtbot.keyClick(dialog.chosen, Qt.Key.Key_Delete)
    assert len(dialog.chosen_ids()) == 1
