"""Every page and main dialog, shown with data in it (no tests here).

Checks that must hold for the whole app (accessible names, contrast) walk these screens; a
screen added to the app belongs here so those checks cover it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import partial

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reflect.domain.entry_filter import EntryFilter
from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.domain.supervision import NewSession
from reflect.services import exporting as svc
from reflect.services.demo import build_demo
from reflect.ui.shell.main_window import ACTIONS, DASHBOARD, REFLECT, SESSIONS
from reflect.ui.shell.window_menus import PAGE_NAMES
from tests.gui.reflect_page_helpers import open_window

Screen = tuple[str, QWidget]


def settle(qtbot) -> None:
    """Let layouts, lazy loading and debounced work finish."""
    qtbot.wait(50)
    QApplication.processEvents()


def window_screens(qtbot, journal) -> Iterator[Screen]:
    """The main window on each page (the Reflect page on each of its tabs), then locked."""
    build_demo(journal, 40)
    window = open_window(qtbot, journal)
    window.show_page(DASHBOARD)
    settle(qtbot)
    yield PAGE_NAMES[DASHBOARD], window

    window.show_page(REFLECT)
    page = window.reflect_page
    entry = next(e for e in journal.entries.list_entries() if e.model == "gibbs")
    page.open_entry(entry.id)
    page.show_tab(0)
    settle(qtbot)
    yield "Reflect, briefing and a Gibbs reflection", window

    page.show_tab(1)
    settle(qtbot)
    entries = page.entry_list.view.list
    entries.setCurrentIndex(entries.model().index(0, 0))
    yield "Reflect, the list of reflections", window

    page.show_tab(2)
    page.search.view.query.setText("family")
    page.search.run()
    settle(qtbot)
    assert page.search.model.rowCount() > 1
    yield "Reflect, search results", window

    window.show_page(SESSIONS)
    window.sessions_page.show_session(journal.sessions.list_sessions()[0].id)
    settle(qtbot)
    yield PAGE_NAMES[SESSIONS], window

    window.show_page(ACTIONS)
    settle(qtbot)
    yield PAGE_NAMES[ACTIONS], window

    window.lock()
    settle(qtbot)
    yield "Lock screen", window


def _findings_review(journal):
    from reflect.domain.anonymisation import CheckedField, check_fields
    from reflect.ui.export.findings_dialog import ExportReview
    from tests.gui.test_export_helpers import plant

    ids = plant(journal)
    request = svc.ExportRequest("session", session_id=ids["session"])
    report = svc.load_report(journal, request)

    def check(finding, text):
        return check_fields([CheckedField(finding.entry_id, finding.stage, finding.field, text)],
                            accepted=journal.privacy.accepted())

    return ExportReview(svc.find_problems(journal, request, report), partial(svc.field_text, journal),
                        partial(svc.save_field_text, journal), journal.privacy.accept, check,
                        {svc.entry_id_of(e): e.display_title for e in report.entries})


def _history(journal):
    from reflect.ui.reflect_page.history_dialog import HistoryDialog

    entry = journal.entries.create_entry(NewEntry(model="free", title="A visit that went well"))
    journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "First thoughts about the visit."))
    journal.revisions.snapshot(entry.id, "closed")
    journal.entries.save_answer(AnswerDraft(entry.id, "reflection", "Second thoughts, after supervision."))
    journal.revisions.snapshot(entry.id, "closed")
    return HistoryDialog(journal.revisions.list(entry.id))


SETTINGS_TABS = ("You", "Privacy", "Locking", "Backups", "Writing")


def _settings(tab: int):
    """The settings dialog open on its `tab`th tab (the others' widgets are hidden)."""
    from reflect.settings import Settings
    from reflect.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), ["Oak Street"])
    assert dialog.tabs.count() == len(SETTINGS_TABS)
    dialog.tabs.setCurrentIndex(tab)
    return dialog


def _export(journal, **message: str):
    """The export dialog; `message` as the dialog's `show_message` takes it (status, error, done)."""
    from reflect.settings import Settings
    from reflect.ui.export.export_flow import ExportFlow

    flow = ExportFlow(journal, Settings(practitioner_name="Sam Practitioner"), lambda: True,
                      lambda: None, lambda: None, EntryFilter)
    dialog = flow.export("portfolio")
    dialog.hide()
    if message:
        dialog.view.show_message(**message)
    return dialog


def dialog_factories(journal) -> list[tuple[str, Callable[[], QWidget]]]:
    """How to build each main dialog, by name (built on demand: some add data to the journal)."""
    from reflect.store.entry_query import EntryQuery
    from reflect.ui.briefings.import_briefing_dialog import ImportBriefingDialog
    from reflect.ui.care.backups_dialog import BackupsDialog
    from reflect.ui.care.change_passphrase_dialog import ChangePassphraseDialog
    from reflect.ui.care.finish_rekeying_dialog import FinishRekeying
    from reflect.ui.care.take_away_dialog import TakeAwayDialog
    from reflect.ui.export.export_history_dialog import ExportHistoryDialog
    from reflect.ui.export.findings_dialog import FindingsDialog
    from reflect.ui.export.print_warning_dialog import RightToLeftWarning
    from reflect.ui.reflect_page.take_to_supervision_dialog import TakeToSupervisionDialog
    from reflect.ui.replies.reply_import_dialog import ReplyImportDialog
    from reflect.ui.sessions.action_dialog import ActionDialog
    from reflect.ui.sessions.entry_picker_dialog import EntryPickerDialog
    from reflect.ui.shell.help_dialog import HelpDialog
    from reflect.ui.unlock.passphrase_dialog import PassphraseDialog

    def session():
        return journal.sessions.create_session(NewSession(datetime.now() + timedelta(days=3),
                                                          supervisor_name="Dr Patel"))

    return [
        ("First run", lambda: PassphraseDialog(first_run=True, folder="/home/sam/Reflect")),
        ("Unlock, after a wrong passphrase",
         lambda: PassphraseDialog(first_run=False, folder="/home/sam/Reflect",
                                  error="That passphrase did not open the journal.")),
        ("Help", HelpDialog),
        ("History", lambda: _history(journal)),
        ("Import a briefing", lambda: ImportBriefingDialog(journal.briefings)),
        ("Take to supervision", lambda: TakeToSupervisionDialog([session()], set())),
        ("New action", lambda: ActionDialog("Ring the school", [session()])),
        ("Choose reflections", lambda: EntryPickerDialog(EntryQuery(journal.db), journal.briefings)),
        *((f"Settings, {SETTINGS_TABS[tab]}", partial(_settings, tab)) for tab in range(len(SETTINGS_TABS))),
        ("Export", lambda: _export(journal)),
        ("Export, after a problem",
         lambda: _export(journal, error="The PDF could not be written: the folder is read-only.")),
        ("Export, done",
         lambda: _export(journal, done="Exported “Portfolio.pdf”. It was checked after writing.")),
        ("Check before exporting", lambda: FindingsDialog(_findings_review(journal))),
        ("Export history", lambda: ExportHistoryDialog(journal.exports.all())),
        ("Import a reply", lambda: ReplyImportDialog(journal, "Sam Practitioner")),
        ("Take my journal with me", lambda: TakeAwayDialog(journal)),
        ("Backups", lambda: BackupsDialog(journal)),
        ("Change passphrase", ChangePassphraseDialog),
        ("Backups on the previous passphrase", lambda: FinishRekeying(2, "Tue 1 Dec 2026, 10:00")),
        ("Right-to-left warning", lambda: RightToLeftWarning.box(None, ["Reflection “Visit”, Feelings"])),
    ]


def dialog_screens(qtbot, journal) -> Iterator[Screen]:
    """Each main dialog, shown (and closed again after the caller has looked at it)."""
    for name, build in dialog_factories(journal):
        dialog = build()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        settle(qtbot)
        yield name, dialog
        if isinstance(dialog, QMessageBox):
            dialog.done(0)
        else:
            dialog.close()
