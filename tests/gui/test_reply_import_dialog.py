"""File → Import supervisor's reply…: a pack exported and filled with pypdf, through the real dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reflect.settings import Settings
from reflect.ui.replies import reply_import_dialog
from reflect.ui.replies.reply_import_dialog import ChooseReplyFile, ReplyImportDialog
from reflect.ui.shell.main_window import REFLECT, SESSIONS
from tests.gui.reflect_page_helpers import open_window
from tests.gui.test_accessibility import unnamed_focusable
from tests.unit.reply_pack_helpers import draw_over_page, fill_with_pypdf
from tests.unit.test_reply_import import _counts, _export, _session, _values

pytestmark = pytest.mark.gui
COMMENT = "Well reasoned; say more about the escalation."


@pytest.fixture
def filled(journal, tmp_path):
    """(session id, entry ids, the exported pack's bytes filled in as a supervisor would)."""
    session_id, entry_ids = _session(journal)
    _export(journal, session_id, tmp_path / "pack.pdf")
    data = fill_with_pypdf((tmp_path / "pack.pdf").read_bytes(), _values(entry_ids))
    return session_id, entry_ids, data


def _in_dialog(qtbot, act) -> dict:
    """Run `act(dialog)` once the modal reply dialog has read its file; what it saw."""
    seen: dict = {}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReplyImportDialog) or dialog.task is None or not dialog.task.done:
            QTimer.singleShot(50, poll)
            return
        seen.update(comments=dialog.view.comments.toPlainText(), problem=dialog.view.problem.text(),
                    sign_off=dialog.view.sign_off.text(), actions=dialog.view.action_rows(),
                    saving=dialog.view.save_button.isEnabled())
        act(dialog)

    QTimer.singleShot(0, poll)
    return seen


def _window(qtbot, journal, monkeypatch, path):
    monkeypatch.setattr(ChooseReplyFile, "ask", classmethod(lambda cls, parent=None: path))
    return open_window(qtbot, journal, Settings(practitioner_name="Sam Practitioner"))


def test_import_previews_saves_and_shows_the_comment_and_sign_off(qtbot, journal, filled, tmp_path,
                                                                  monkeypatch):
    """The preview shows the comment and actions; saved, the reflection and session show the reply."""
    session_id, entry_ids, data = filled
    path = tmp_path / "reply.pdf"
    path.write_bytes(data)
    window = _window(qtbot, journal, monkeypatch, path)
    seen = _in_dialog(qtbot, lambda dialog: dialog.view.save_button.click())
    window.import_reply_action.trigger()
    assert COMMENT in seen["comments"] and "Thinking about threshold decisions 1" in seen["comments"]
    assert ("Read the escalation policy", "Sam", "15/01/2027") in seen["actions"]
    assert seen["sign_off"] == "Signed off by Jo Supervisor (Team manager) on Tue 1 Dec 2026."
    assert seen["saving"] and not seen["problem"]
    assert window.sessions_page.session_id == session_id
    reply = window.sessions_page.form.view.reply
    assert reply.isVisibleTo(window) and "Signed off by Jo Supervisor" in reply.text()
    assert COMMENT in reply.text()
    assert len(journal.actions.agreed_in(session_id)) == 3
    window.show_page(REFLECT)
    window.reflect_page.open_entry(entry_ids[0])
    comments = window.reflect_page.editor.view.supervisor_comments
    assert comments.isVisibleTo(window) and COMMENT in comments.text()


def test_an_edited_action_is_saved_as_edited(qtbot, journal, filled, tmp_path, monkeypatch):
    """Changing an action's text and who in the preview records the action as changed."""
    session_id, _, data = filled
    path = tmp_path / "reply.pdf"
    path.write_bytes(data)
    window = _window(qtbot, journal, monkeypatch, path)

    def edit_and_save(dialog) -> None:
        dialog.view.actions.item(0, 0).setText("Read the whole escalation policy")
        dialog.view.actions.item(1, 0).setText("")  # a row emptied is not created
        dialog.view.save_button.click()

    _in_dialog(qtbot, edit_and_save)
    window.import_reply_action.trigger()
    assert [a.description for a in journal.actions.agreed_in(session_id)] == [
        "Read the whole escalation policy", "Ask the health visitor for the plan (due: whenever)"]


def test_a_tampered_pack_is_refused_and_nothing_recorded(qtbot, journal, filled, tmp_path, monkeypatch):
    """A pack with a page drawn on shows the refusal naming the page; Save stays off; nothing recorded."""
    _, _, data = filled
    path = tmp_path / "tampered.pdf"
    path.write_bytes(draw_over_page(data, 2))
    window = _window(qtbot, journal, monkeypatch, path)
    before = _counts(journal)
    seen = _in_dialog(qtbot, lambda dialog: dialog.reject())
    window.import_reply_action.trigger()
    assert "Page 3 has changed since the pack was exported" in seen["problem"]
    assert "Nothing has been recorded." in seen["problem"]
    assert not seen["saving"] and not seen["comments"]
    assert _counts(journal) == before


def test_an_unlogged_pack_imports_only_when_ticked(qtbot, journal, filled, tmp_path):
    """An unlogged pack says so (every control named); ticking "Import anyway" saves it unchecked."""
    session_id, _, data = filled
    journal.db.execute("DELETE FROM export_log")
    path = tmp_path / "reply.pdf"
    path.write_bytes(data)
    dialog = ReplyImportDialog(journal, "Sam Practitioner")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.reading_finished, timeout=10000):
        dialog.read_file(path)
    assert "backup older than the export" in dialog.view.problem.text()
    assert "tick the box below" in dialog.view.problem.text()
    assert unnamed_focusable(dialog) == []
    assert not dialog.view.save_button.isEnabled()
    dialog.view.unverified.click()
    assert dialog.view.unverified.isChecked(), dialog.view.problem.text()
    dialog.view.save_button.click()
    assert dialog.imported is not None, dialog.view.problem.text()
    assert not journal.replies.for_session(session_id).latest.verified


def test_a_protected_pack_asks_for_its_password(qtbot, journal, tmp_path, monkeypatch):
    """An encrypted pack asks for the password, again after a wrong one, then reads."""
    session_id, entry_ids = _session(journal)
    _export(journal, session_id, tmp_path / "pack.pdf", password="pack password 1")
    path = tmp_path / "reply.pdf"
    path.write_bytes(fill_with_pypdf((tmp_path / "pack.pdf").read_bytes(), _values(entry_ids),
                                     password="pack password 1"))
    answers = iter(["wrong", "pack password 1"])
    asked = []
    monkeypatch.setattr(reply_import_dialog.AskPackPassword, "ask", classmethod(
        lambda cls, message, parent=None: (asked.append(message), next(answers))[1]))
    dialog = ReplyImportDialog(journal, "Sam Practitioner")
    qtbot.addWidget(dialog)
    dialog.read_file(path)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=15000)
    assert len(asked) == 2 and "does not open" in asked[1]
    assert COMMENT in dialog.view.comments.toPlainText()


def test_dropping_the_pdf_on_the_sessions_page_imports_it(qtbot, journal, filled, tmp_path, monkeypatch):
    """A reply PDF dropped on the Sessions page opens the same preview, and saving records it."""
    session_id, _, data = filled
    path = tmp_path / "reply.pdf"
    path.write_bytes(data)
    window = _window(qtbot, journal, monkeypatch, None)
    window.show_page(SESSIONS)
    page = window.sessions_page
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    seen = _in_dialog(qtbot, lambda dialog: dialog.view.save_button.click())
    for kind in (QEvent.Type.DragEnter, QEvent.Type.Drop):
        event = (QDragEnterEvent if kind == QEvent.Type.DragEnter else QDropEvent)(
            QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(page, event)
        assert event.isAccepted()
    qtbot.waitUntil(lambda: journal.replies.for_session(session_id) is not None, timeout=15000)
    assert COMMENT in seen["comments"]
