"""What an imported reply changes in the app: the supervisee's one-click agreement, both sign-offs in a
later pack, and "replied" / "signed off" in the session list."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from reflect.domain.dashboard import long_day
from reflect.domain.session_rules import format_day
from reflect.domain.supervision import NewSession
from reflect.settings import Settings
from reflect.store import DashboardQueries
from reflect.store.rows import moment_to_text
from reflect.ui.dashboard.charts import ItemButton
from reflect.ui.dashboard.dashboard_page import DashboardPage
from reflect.ui.shell.main_window import SESSIONS
from tests.gui.reflect_page_helpers import open_window
from tests.unit.pdf_helpers import norm, page_texts
from tests.unit.reply_pack_helpers import fill_with_pypdf
from tests.unit.test_reply_import import _export, _import, _session, _values

pytestmark = pytest.mark.gui


def _replied(journal, tmp_path, *, sign: bool = True) -> int:
    """A session whose pack came back filled (signed off by Jo Supervisor on 1 Dec 2026), imported."""
    session_id, entry_ids = _session(journal)
    _export(journal, session_id, tmp_path / "pack.pdf")
    path = tmp_path / "reply.pdf"
    path.write_bytes(fill_with_pypdf((tmp_path / "pack.pdf").read_bytes(), _values(entry_ids),
                                     sign=sign))
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
    """After agreeing, a print-only pack's sign-off has both dates and the supervisor's name and role."""
    session_id = _replied(journal, tmp_path)
    window = _sessions_window(qtbot, journal, session_id)
    window.sessions_page.form.view.agree_button.click()
    _export(journal, session_id, tmp_path / "later.pdf", fields=False)
    sign_off = norm(page_texts(tmp_path / "later.pdf")[-1])
    assert "Sign-off" in sign_off
    assert f"Supervisee Sam Practitioner {format_day(date.today())}" in sign_off
    assert f"Supervisor Jo Supervisor Team manager {format_day(date(2026, 12, 1))}" in sign_off


def _details(window, session_id) -> str:
    model = window.sessions_page.list_model
    return model.data(model.index(model.row_of(session_id), 0), model.DetailsRole)


@pytest.mark.parametrize(("sign", "word"), [(True, "signed off"), (False, "replied")])
def test_the_session_list_says_replied_or_signed_off(qtbot, journal, tmp_path, sign, word):
    """A session with a reply imported ends its details line with "replied" or "signed off"."""
    session_id = _replied(journal, tmp_path, sign=sign)
    other = journal.sessions.create_session(NewSession(datetime(2026, 11, 3, 10, 0))).id
    window = _sessions_window(qtbot, journal, session_id)
    status = "Held" if sign else "Planned"  # signed off: the session took place
    assert _details(window, session_id) == f"{status} · 2 reflections · 3 actions · {word}"
    assert _details(window, other) == "Planned · 0 reflections · 0 actions"
    model = window.sessions_page.list_model
    spoken = model.data(model.index(model.row_of(session_id), 0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith(f"· {word}.")


def test_the_dashboard_lists_packs_awaiting_a_reply(qtbot, journal, tmp_path):
    """A pack sent 9 days ago shows under "Awaiting the supervisor's reply" and opens its session."""
    waiting, _ = _session(journal)
    _export(journal, waiting, tmp_path / "pack.pdf")
    journal.db.execute("UPDATE export_log SET exported_at = ?",
                       [moment_to_text(datetime.now() - timedelta(days=9))])
    page = DashboardPage(DashboardQueries(journal.db))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    labels = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    assert "Awaiting the supervisor's reply" in labels
    button = page.view.items[f"dashboard-awaiting-{waiting}"]
    assert isinstance(button, ItemButton) and button.isVisibleTo(page)
    exported = date.today() - timedelta(days=9)
    assert button.detail == f"Pack exported {long_day(exported, weekday=True)} (9 days ago)"
    with qtbot.waitSignal(page.open_session) as opened:
        button.click()
    assert opened.args == [waiting]


def test_the_dashboard_says_nothing_of_replies_when_none_are_awaited(qtbot, journal, tmp_path):
    """A pack sent today is not yet awaited: no heading, no item."""
    session_id, _ = _session(journal)
    _export(journal, session_id, tmp_path / "pack.pdf")
    page = DashboardPage(DashboardQueries(journal.db))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    labels = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    assert "Awaiting the supervisor's reply" not in labels
    assert not [name for name in page.view.items if name.startswith("dashboard-awaiting-")]
