"""Your name and role for the covers of supervision packs: asked on first run, kept in the settings
file, offered again by Export when a pack's cover would name no supervisee."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from reflect.domain.entry_filter import EntryFilter
from reflect.domain.journal import NewEntry
from reflect.domain.supervision import NewSession
from reflect.paths import AppPaths
from reflect.settings import Settings
from reflect.ui.common.about_you import AboutYouDialog
from reflect.ui.export.export_flow import ExportFlow
from reflect.ui.unlock import unlock_flow
from reflect.ui.unlock.passphrase_dialog import PassphraseDialog
from tests.gui.test_accessibility import unnamed_focusable
from tests.gui.test_export_helpers import LEFT, answer_file, open_dialog, settle
from tests.unit.pdf_helpers import norm, page_texts

pytestmark = pytest.mark.gui
PASS = "a long enough passphrase"


def _captions(fields) -> dict[str, object]:
    """Each caption's text -> the field its mnemonic moves to."""
    form = fields.layout()
    assert isinstance(form, QFormLayout)
    labels = [form.labelForField(edit) for edit in (fields.name, fields.role)]
    return {label.text(): label.buddy() for label in labels}


def answer_about_you(monkeypatch, qtbot, name: str | None, role: str = "") -> list[str]:
    """Drive the real About-you dialog when it runs (every control named, each caption's mnemonic
    going to its field, the focus in the name): type `name` and `role` and press Enter, or (name
    None) press Escape to skip. Returns the introductions of the dialogs shown."""
    shown: list[str] = []

    def run(dialog: AboutYouDialog) -> int:
        shown.append(dialog.intro.text())
        dialog.show()
        qtbot.waitExposed(dialog)
        assert unnamed_focusable(dialog) == []
        assert _captions(dialog.fields) == {"Your &name (as your supervisor knows you):": dialog.fields.name,
                                            "Your &role:": dialog.fields.role}
        assert "never go into your reflections" in dialog.fields.why.text()
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.fields.name, timeout=3000)
        if name is None:
            qtbot.keyClick(dialog.fields.name, Qt.Key.Key_Escape)
        else:
            qtbot.keyClicks(dialog.fields.name, name)
            qtbot.keyClick(dialog.fields.name, Qt.Key.Key_Tab)
            assert dialog.focusWidget() is dialog.fields.role
            qtbot.keyClicks(dialog.fields.role, role)
            qtbot.keyClick(dialog.fields.role, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(AboutYouDialog, "exec", run)
    return shown


def test_first_run_asks_name_and_role_and_keeps_them_in_the_settings_file(qtbot, tmp_path, monkeypatch):
    """Creating a journal, then typing a name and a role: both are in the settings file at once,
    tidied to one line, and in the settings the window gets."""
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, **kwargs: PASS))
    shown = answer_about_you(monkeypatch, qtbot, "  Sam   Taylor ", "Social worker")
    paths = AppPaths(tmp_path / "new")
    settings = Settings()
    journal = unlock_flow.unlock(paths, settings, None)
    try:
        assert len(shown) == 1 and "journal is ready" in shown[0]
        saved = Settings.load(paths.settings_file)
        assert (saved.practitioner_name, saved.practitioner_role) == ("Sam Taylor", "Social worker")
        assert (settings.practitioner_name, settings.practitioner_role) == ("Sam Taylor", "Social worker")
    finally:
        journal.close()


def test_unlocking_an_existing_journal_does_not_ask(qtbot, tmp_path, monkeypatch):
    """Only a new journal asks: unlocking the one made on first run goes straight in."""
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, **kwargs: PASS))
    shown = answer_about_you(monkeypatch, qtbot, None)
    paths = AppPaths(tmp_path / "j")
    unlock_flow.unlock(paths, Settings(), None).close()
    unlock_flow.unlock(paths, Settings(), None).close()
    assert len(shown) == 1 and not paths.settings_file.exists()  # skipped: nothing written


def _session(journal) -> int:
    entry = journal.entries.create_entry(NewEntry(
        title="A quiet reflection on drift", model="driscoll",
        answers=(("what", "Plans drift when nobody owns them."),)))
    session = journal.sessions.create_session(NewSession(datetime.now() + timedelta(days=2)))
    journal.sessions.link_entry(session.id, entry.id)
    return session.id


def _flow(journal, settings: Settings, session_id: int, saved: list) -> ExportFlow:
    settle()
    return ExportFlow(journal, settings, lambda: True, lambda: None, lambda: session_id,
                      EntryFilter, save_settings=lambda: saved.append(True))


def _export(qtbot, dialog, flow) -> None:
    with qtbot.waitSignal(flow.exported, timeout=60000):
        qtbot.mouseClick(dialog.view.export_button, LEFT)


def test_export_offers_to_fill_in_a_missing_name_for_the_cover(qtbot, journal, tmp_path, monkeypatch):
    """A supervision pack with no name in the settings: Export asks once; the name given is on the
    cover, kept in the settings (saved) and not asked for again."""
    target = tmp_path / "pack.pdf"
    answer_file(monkeypatch, target)
    shown = answer_about_you(monkeypatch, qtbot, "Sam Taylor", "Senior practitioner")
    settings, saved = Settings(), []
    flow = _flow(journal, settings, _session(journal), saved)
    dialog = open_dialog(qtbot, flow, "session")
    _export(qtbot, dialog, flow)
    assert len(shown) == 1 and "does not know your name" in shown[0]
    assert (settings.practitioner_name, settings.practitioner_role) == ("Sam Taylor", "Senior practitioner")
    assert saved == [True]
    assert "Supervisee Sam Taylor" in norm(page_texts(target)[0])
    dialog.reject()
    _export(qtbot, open_dialog(qtbot, flow, "session"), flow)
    assert len(shown) == 1


def test_export_without_a_name_when_the_offer_is_declined(qtbot, journal, tmp_path, monkeypatch):
    """Escape at the offer exports the pack anyway, keeps nothing, and the same dialog does not ask
    again; a single reflection is never asked about."""
    target = tmp_path / "pack.pdf"
    answer_file(monkeypatch, target)
    shown = answer_about_you(monkeypatch, qtbot, None)
    settings, saved = Settings(), []
    flow = _flow(journal, settings, _session(journal), saved)
    dialog = open_dialog(qtbot, flow, "session")
    _export(qtbot, dialog, flow)
    _export(qtbot, dialog, flow)
    assert len(shown) == 1 and saved == [] and settings.practitioner_name == ""
    assert target.exists()
