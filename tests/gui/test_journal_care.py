"""Backups, restore, passphrase change, recovery from damage and Take my journal with me, through the GUI."""

from __future__ import annotations

import gc
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.settings import Settings
from reflect.store import backups
from reflect.ui.care.backups_dialog import BackupsDialog, ConfirmRestore
from reflect.ui.care.change_passphrase_dialog import ChangePassphraseDialog
from reflect.ui.care.take_away_dialog import ChooseTargetFile, ConfirmReadable, TakeAwayDialog
from reflect.ui.shell.window_session import WindowSession
from reflect.ui.unlock import unlock_flow
from tests.gui.test_about_you import answer_about_you
from tests.gui.test_accessibility import unnamed_focusable

pytestmark = pytest.mark.gui
PASS = "a long enough passphrase"


def _entry(journal, text):
    entry = journal.entries.create_entry(NewEntry(model="free", title=text))
    journal.entries.save_answer(AnswerDraft(entry.id, "reflection", text))
    return entry.id


def test_what_lives_at_first_paint_is_frozen_and_thawed_before_a_restore(qtbot, tmp_path):
    """The window session takes start-up's objects out of the collector's walk at first paint
    (gc.freeze), and hands them back before it replaces the window."""
    paths = AppPaths(tmp_path / "j")
    journal = open_journal(paths, PASS, create=True)
    journal.backup("manual")
    session = WindowSession(QApplication.instance(), paths, Settings(), journal, lambda: None)
    assert gc.get_freeze_count() == 0
    window = session.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)
    session.restore(backups.list_backups(journal.backup_dir)[0].path)
    qtbot.addWidget(session.window)
    assert gc.get_freeze_count() == 0
    session.window.close()
    journal.close()


def test_the_backups_dialog_lists_at_once_and_checks_and_backs_up_in_the_background(qtbot, tmp_path):
    """The list shows straight away with each backup's contents still being checked; a damaged
    backup is marked and cannot be restored; Back up now runs on a worker and adds a row."""
    paths = AppPaths(tmp_path / "j")
    journal = open_journal(paths, PASS, create=True)
    for n in range(3):
        _entry(journal, f"reflection {n}")
        journal.backup("manual")
    damaged = backups.list_backups(journal.backup_dir)[1].path  # the middle one
    damaged.write_bytes(damaged.read_bytes()[:4096] + b"\0" * 8192)
    dialog = BackupsDialog(journal)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert [dialog.table.item(r, 3).text() for r in range(3)] == ["checking…"] * 3
    assert not dialog.restore.isEnabled()
    dialog.show()
    qtbot.waitUntil(lambda: dialog.status.text() == "3 backups.", timeout=30000)
    assert [dialog.table.item(r, 3).text() for r in range(3)] == ["3", "—", "1"]
    assert "damaged" in dialog.table.item(1, 1).text()
    assert dialog.restore.isEnabled()  # the newest is selected and whole
    dialog.table.selectRow(1)
    assert not dialog.restore.isEnabled()
    qtbot.mouseClick(dialog.backup_now, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Backing up…" and not dialog.backup_now.isEnabled()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4 and dialog.backup_now.isEnabled(),
                    timeout=30000)
    assert dialog.status.text().startswith("Backed up.")
    qtbot.waitUntil(lambda: dialog.status.text() == "Backed up. 4 backups.", timeout=30000)
    dialog.close()
    journal.close()


def test_restore_from_the_backups_dialog_rebuilds_the_window(qtbot, tmp_path, monkeypatch):
    """Choosing a backup in the dialog replaces the journal and a fresh window shows its contents."""
    paths = AppPaths(tmp_path / "j")
    journal = open_journal(paths, PASS, create=True)
    kept = _entry(journal, "before the backup")
    journal.backup("manual")
    _entry(journal, "after the backup")
    session = WindowSession(QApplication.instance(), paths, Settings(), journal, lambda: None)
    window = session.start()
    qtbot.addWidget(window)

    def drive(cls, journal, parent=None):
        dialog = BackupsDialog(journal, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_focusable(dialog) == []
        assert dialog.table.rowCount() == 1 and not dialog.restore.isEnabled()  # not checked yet
        qtbot.waitUntil(lambda: dialog.restore.isEnabled(), timeout=30000)
        assert dialog.table.item(0, 3).text() == "1"
        monkeypatch.setattr(ConfirmRestore, "ask", classmethod(lambda c, when, parent=None: True))
        qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
        return dialog.chosen

    monkeypatch.setattr(BackupsDialog, "ask", classmethod(drive))
    window.care.open_backups()
    new_window = session.window
    qtbot.addWidget(new_window)
    assert new_window is not window
    assert [e.id for e in journal.entries.list_entries()] == [kept]
    assert new_window.reflect_page.entry_list.model.entry_ids() == [kept]
    reasons = [b.reason for b in backups.list_backups(journal.backup_dir)]
    assert "before-restore" in reasons
    new_window.close()
    journal.close()


def test_change_passphrase_dialog_validates_and_rekeys(qtbot, journal, monkeypatch):
    """The dialog refuses a short or mismatched new passphrase; a good one re-keys the journal."""
    dialog = ChangePassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_focusable(dialog) == []
    dialog.current.setText("correct horse battery staple")
    dialog.new.setText("short")
    dialog.again.setText("short")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "10 characters" in dialog.problem.text()

    from tests.gui.reflect_page_helpers import open_window

    window = open_window(qtbot, journal)
    monkeypatch.setattr(ChangePassphraseDialog, "ask",
                        classmethod(lambda cls, parent=None: ("correct horse battery staple",
                                                              "a new and longer passphrase")))
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    journal.backup("manual")
    window.care.change_passphrase()
    assert not told and "Backing up" in window.statusBar().currentMessage()  # on a worker
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert told[0].startswith("Passphrase changed.") and "could not" not in told[0]
    assert journal.check_passphrase("a new and longer passphrase")
    assert not journal.check_passphrase("correct horse battery staple")
    from reflect.store import backups as store_backups
    from reflect.store.connection import passphrase_opens

    found = store_backups.list_backups(journal.backup_dir)
    assert {b.reason for b in found} == {"manual", "before-passphrase-change"}
    assert all(passphrase_opens(b.path, "a new and longer passphrase") for b in found)


def test_a_journal_failing_its_check_once_open_offers_the_newest_backup(qtbot, tmp_path, monkeypatch):
    """When the open journal fails its quick check after the first paint, the window session offers
    the newest backup that opens with the journal's passphrase."""
    paths = AppPaths(tmp_path / "j")
    journal = open_journal(paths, PASS, create=True)
    journal.backup("manual")
    newest = backups.list_backups(journal.backup_dir)[0]
    monkeypatch.setattr(journal, "quick_check_in_background", lambda: (lambda: False))
    offered = []
    monkeypatch.setattr(unlock_flow.OfferRecovery, "ask",
                        classmethod(lambda cls, when, parent=None: offered.append(when) and False))
    session = WindowSession(QApplication.instance(), paths, Settings(), journal, lambda: None)
    window = session.start()  # the first paint starts the check
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(offered), timeout=30000)
    assert offered == [unlock_flow.describe(newest)]
    window.close()
    journal.close()


def test_damaged_journal_offers_the_newest_backup_at_unlock(qtbot, tmp_path, monkeypatch):
    """When the right passphrase opens the backup but not the damaged journal, Reflect offers it."""
    paths = AppPaths(tmp_path / "j")
    with open_journal(paths, PASS, create=True) as journal:
        kept = _entry(journal, "kept")
        journal.backup("manual")
    data = bytearray(paths.journal_file.read_bytes())
    data[0:4096] = b"\x01" * 4096
    paths.journal_file.write_bytes(bytes(data))
    offered = []
    from reflect.ui.unlock.passphrase_dialog import PassphraseDialog

    monkeypatch.setattr(PassphraseDialog, "ask", lambda **kwargs: PASS)
    monkeypatch.setattr(unlock_flow.OfferRecovery, "ask",
                        classmethod(lambda cls, when, parent=None: offered.append(when) or True))
    journal = unlock_flow.unlock(paths, Settings(), None)
    try:
        assert offered and [e.id for e in journal.entries.list_entries()] == [kept]
        assert list(paths.data_dir.glob("journal.db.damaged-*"))
    finally:
        journal.close()


def test_take_my_journal_with_me_both_ways(qtbot, journal, tmp_path, monkeypatch):
    """An encrypted copy opens with the same passphrase; the readable zip (after a warning) has files."""
    _entry(journal, "portable thoughts")
    dialog = TakeAwayDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_focusable(dialog) == []
    targets = iter([tmp_path / "copy.reflect", tmp_path / "journal.zip"])
    monkeypatch.setattr(ChooseTargetFile, "ask", classmethod(lambda cls, p, s, f: next(targets)))
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Saving an encrypted copy…" and not dialog.save.isEnabled()
    qtbot.waitUntil(lambda: dialog.written == tmp_path / "copy.reflect", timeout=30000)
    assert dialog.save.isEnabled() and dialog.status.text().startswith("Saved an encrypted copy")
    from reflect.store.journal import Journal

    with Journal.open(tmp_path / "copy.reflect", "correct horse battery staple") as copy:
        assert [e.title for e in copy.entries.list_entries()] == ["portable thoughts"]

    warned = []
    monkeypatch.setattr(ConfirmReadable, "ask",
                        classmethod(lambda cls, parent=None: warned.append(1) or True))
    dialog.readable.setChecked(True)
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written == tmp_path / "journal.zip", timeout=10000)
    assert warned
    with zipfile.ZipFile(tmp_path / "journal.zip") as zf:
        names = zf.namelist()
        reflection = next(n for n in names if n.startswith("reflections/"))
        assert "portable thoughts" in zf.read(reflection).decode("utf-8")
        assert "README.txt" in names and "actions.md" in names
        assert any(n.startswith("briefings/") for n in names)


def test_import_takes_a_backup_first(qtbot, journal, monkeypatch):
    """Importing a briefing through the window backs the journal up before it changes."""
    from reflect.ui.briefings.import_briefing_dialog import ImportBriefingDialog
    from tests.gui.reflect_page_helpers import open_window

    def drive(cls, briefings, parent=None, before_save=None):
        dialog = ImportBriefingDialog(briefings, parent, before_save)
        qtbot.addWidget(dialog)
        dialog.view.paste.setPlainText("Test Partnership 7 Minute Briefing – Neglect\n\nBackground\n\n"
                                       "Text.\n\nQuestions for reflection\n\n- What would you do?\n")
        with qtbot.waitSignal(dialog.reading_finished, timeout=10000):
            dialog.read_pasted_text()
        qtbot.mouseClick(dialog.view.import_button, Qt.MouseButton.LeftButton)
        return dialog.imported_id

    monkeypatch.setattr(ImportBriefingDialog, "ask", classmethod(drive))
    window = open_window(qtbot, journal)
    window.import_briefing()
    assert [b.subject for b in journal.briefings.list()] == ["Child R", "Neglect"]
    assert "before-import" in [b.reason for b in backups.list_backups(journal.backup_dir)]


def test_first_run_on_a_new_computer_opens_a_copy(qtbot, tmp_path, monkeypatch):
    """On first run, 'I have a copy of my journal' takes an encrypted copy and opens it with its
    passphrase; a wrong passphrase is refused with a plain message and nothing is created."""
    from reflect.ui.unlock.passphrase_dialog import ChooseJournalCopy, PassphraseDialog

    with open_journal(AppPaths(tmp_path / "old"), PASS, create=True) as old:
        kept = _entry(old, "from the old laptop")
        old.export_encrypted_copy(tmp_path / "copy.reflect")
    copy = tmp_path / "copy.reflect"
    monkeypatch.setattr(ChooseJournalCopy, "ask", classmethod(lambda cls, parent=None: copy))
    answers = iter(["not the right one", PASS])
    errors = []

    def drive(cls, *, first_run, folder="", error="", parent=None):
        errors.append(error)
        dialog = PassphraseDialog(first_run=first_run, folder=folder, error=error)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.open_copy, Qt.MouseButton.LeftButton)
        assert not dialog.confirm.isVisible()
        qtbot.keyClicks(dialog.passphrase, next(answers))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.value()

    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(drive))
    about_you = answer_about_you(monkeypatch, qtbot, None)  # a new computer has no name yet: skipped
    paths = AppPaths(tmp_path / "new")
    journal = unlock_flow.unlock(paths, Settings(), None)
    try:
        assert "did not open" in errors[1]
        assert [e.id for e in journal.entries.list_entries()] == [kept]
        assert len(about_you) == 1 and not paths.settings_file.exists()
    finally:
        journal.close()


def test_journal_on_a_network_folder_is_warned_about(qtbot, tmp_path, monkeypatch):
    """A journal folder on a network file system gets a plain warning once the window is up."""
    from reflect.ui.shell import window_session

    paths = AppPaths(tmp_path / "j")
    journal = open_journal(paths, PASS, create=True)
    monkeypatch.setattr(window_session, "storage_warning",
                        lambda folder: f"{folder} is on a network file system (nfs4).")
    shown = []
    monkeypatch.setattr(window_session.StorageWarning, "show",
                        classmethod(lambda cls, text, parent=None: shown.append(text)))
    session = WindowSession(QApplication.instance(), paths, Settings(), journal, lambda: None)
    window = session.start()
    qtbot.addWidget(window)
    session.after_first_paint()
    assert shown and "network" in shown[0]
    qtbot.waitUntil(lambda: session.backing_up.done, timeout=30000)
    window.close()
    journal.close()


def test_the_unlock_backup_is_taken_in_the_background(qtbot, tmp_path, monkeypatch):
    """After the first paint the journal is backed up if it changed, off the UI thread: the call
    returns at once, the backup appears, the status bar says so, and an unchanged journal is not
    backed up again."""
    import threading

    paths = AppPaths(tmp_path / "j")
    journal = open_journal(paths, PASS, create=True)
    _entry(journal, "written since the last backup")
    threads = []
    real = backups.take_backup_of_file

    def take(*args):
        threads.append(threading.get_ident())
        return real(*args)

    monkeypatch.setattr(backups, "take_backup_of_file", take)
    session = WindowSession(QApplication.instance(), paths, Settings(), journal, lambda: None)
    window = session.start()  # the first paint starts it
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: session.backing_up is not None and session.backing_up.done, timeout=30000)
    assert threads and threads[0] != threading.get_ident()
    assert [b.reason for b in backups.list_backups(journal.backup_dir)] == ["on-unlock"]
    assert window.statusBar().currentMessage() == "Backed up."
    session.backing_up = None
    session.after_first_paint()
    assert session.backing_up is None  # nothing changed since
    window.close()
    journal.close()


def test_journal_from_a_newer_version_is_explained_at_unlock(qtbot, tmp_path, monkeypatch):
    """Unlocking a journal a newer Reflect has migrated shows the plain message and exits 5, untouched."""
    from PySide6.QtWidgets import QMessageBox

    from reflect.ui.unlock.passphrase_dialog import PassphraseDialog

    paths = AppPaths(tmp_path / "j")
    with open_journal(paths, PASS, create=True) as journal:
        journal.db["_sqlite_migrations"].insert(
            {"migration_set": "reflect", "name": "m999_future", "applied_at": "2031"})
    before = paths.journal_file.read_bytes()
    messages = []
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, **kwargs: PASS))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    assert unlock_flow.unlock(paths, Settings(), None) == 5
    assert "newer version" in messages[0]
    assert paths.journal_file.read_bytes() == before
