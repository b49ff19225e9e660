"""The supervisee's one-click agreement after a reply is imported, and both sign-offs in a later pack."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.domain.session_rules import format_day
from reflect.settings import Settings
from reflect.ui.shell.main_window import SESSIONS
from tests.gui.reflect_page_helpers import open_window
from tests.unit.pdf_helpers import norm, page_texts
from tests.unit.reply_pack_helpers import fill_with_pypdf
from tests.unit.test_reply_import import _export, _import, _session, _values

pytestmark = pytest.mark.gui


def _replied(journal, tmp_path) -> int:
    """A session whose pack came back filled, signed off by Jo Supervisor on 1 Dec 2026, imported."""
    session_id, entry_ids = _session(journal)
    _export(journal, session_id, tmp_path / "pack.pdf")
    path = tmp_path / "reply.pdf"
    path.write_bytes(fill_with_pypdf((tmp_path / "pack.pdf").read_bytes(), _values(entry_ids)))
    _import(journal, path)
    return session_id


def _sessions_window(qtbot, journal, session_id):
    window = open_window(qtbot, journal, Settings(practitioner_name="Sam Practitioner"))
    window.show_page(SESSIONS)
    assert window.sessions_page.show_session(session_id)
    return window


def test_agreeing_after_the_reply_records_today_and_says_so(qtbot, journal, tmp_path):
    """One click on "I agree…" stores today as the supervisee's agreement and shows it instead."""
    session_id = _replied(journal, tmp_path)
    window = _sessions_window(qtbot, journal, session_id)
    view = window.sessions_page.form.view
    assert view.agree_button.isVisibleTo(window) and not view.agreed_note.isVisibleTo(window)
    view.agree_button.click()
    assert journal.sessions.get_session(session_id).supervisee_agreed_on == date.today()
    assert not view.agree_button.isVisibleTo(window)
    assert view.agreed_note.isVisibleTo(window)
    assert view.agreed_note.text() == f"You agreed on {format_day(date.today())}."
    assert view.supervisee_agreed.value() == date.today()
    window.sessions_page.show_session(None)
    window.sessions_page.show_session(session_id)  # shown again: still agreed, no button
    assert not view.agree_button.isVisibleTo(window) and view.agreed_note.isVisibleTo(window)


def test_no_reply_no_agreement_button(qtbot, journal):
    """A session without an imported reply shows neither the button nor the note."""
    session_id, _ = _session(journal)
    window = _sessions_window(qtbot, journal, session_id)
    view = window.sessions_page.form.view
    assert not view.agree_button.isVisibleTo(window) and not view.agreed_note.isVisibleTo(window)


def test_a_later_pack_prints_both_sign_offs(qtbot, journal, tmp_path):
    """After agreeing, a print-only pack's sign-off table has both dates and the supervisor's name."""
    session_id = _replied(journal, tmp_path)
    window = _sessions_window(qtbot, journal, session_id)
    window.sessions_page.form.view.agree_button.click()
    _export(journal, session_id, tmp_path / "later.pdf", fields=False)
    sign_off = norm(page_texts(tmp_path / "later.pdf")[-1])
    assert "Sign-off" in sign_off
    assert f"Supervisee Sam Practitioner {format_day(date.today())}" in sign_off
    assert f"Supervisor Jo Supervisor {format_day(date(2026, 12, 1))}" in sign_off
