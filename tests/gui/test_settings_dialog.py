"""Settings: name and role on exports, watch list kept in the journal (not the INI), spelling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reflect.settings import Settings
from reflect.ui.shell.settings_dialog import SettingsDialog
from tests.gui.reflect_page_helpers import open_window
from tests.gui.test_accessibility import unnamed_focusable

pytestmark = pytest.mark.gui


def test_settings_round_trip_through_the_window(qtbot, journal, monkeypatch, tmp_path):
    """Edited settings reach the window and the journal; the watch list never reaches the INI."""
    saved = []
    settings = Settings()

    def drive(cls, current, terms, parent=None, default_backup_dir=None):
        dialog = SettingsDialog(current, terms, parent, default_backup_dir)
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_focusable(dialog) == []
        dialog.name.setText("Sam Taylor")
        dialog.role.setText("Social worker, Children's Services")
        dialog.watch.setPlainText("Oak Street\n  Family   Q \n\noak street")
        dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
        dialog.spelling.setFocus()
        qtbot.keyClick(dialog.spelling, Qt.Key.Key_Space)
        dialog.idle.setValue(0)
        assert "never lock" in dialog.idle_warning.text()
        dialog.idle.setValue(15)
        dialog.backup_dir.setText(str(tmp_path / "moved-backups"))
        return dialog.value()

    monkeypatch.setattr(SettingsDialog, "ask", classmethod(drive))
    window = open_window(qtbot, journal, settings,
                         save_settings=lambda: (saved.append(True), settings.save(tmp_path / "s.ini")))
    window.care.open_settings()
    assert settings.practitioner_name == "Sam Taylor"
    assert settings.practitioner_role == "Social worker, Children's Services"
    assert settings.spelling is False and not window.spelling_action.isChecked()
    assert journal.privacy.watch_terms() == ["Family Q", "Oak Street"]
    assert window.idle_lock.minutes == 15
    assert journal.backup().parent == tmp_path / "moved-backups"  # backups follow the setting
    ini = (tmp_path / "s.ini").read_text(encoding="utf-8")
    assert "Oak Street" not in ini and "Children's Services" in ini


def test_turning_the_reminder_off_in_settings_hides_it_on_the_reflect_page(qtbot, journal, monkeypatch):
    """File → Settings… with the anonymising reminder turned off hides it on the Reflect page at once."""
    def drive(cls, current, terms, parent=None, default_backup_dir=None):
        dialog = SettingsDialog(current, terms, parent, default_backup_dir)
        qtbot.addWidget(dialog)
        dialog.reminder.setChecked(False)
        return dialog.value()

    monkeypatch.setattr(SettingsDialog, "ask", classmethod(drive))
    settings = Settings()
    window = open_window(qtbot, journal, settings)
    reminder = window.reflect_page.editor.view.reminder
    assert not reminder.isHidden()
    window.settings_action.trigger()
    assert reminder.isHidden() and settings.show_anonymise_reminder is False
    assert window.statusBar().currentMessage() == "Settings saved."


def test_name_and_role_round_trip_through_the_settings_file(qtbot, tmp_path):
    """Name and role typed on the You tab (each caption's mnemonic going to its field) are saved,
    shown again when Settings reopens, and an emptied role leaves the file."""
    ini = tmp_path / "settings.ini"
    dialog = SettingsDialog(Settings(), [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed_focusable(dialog) == []
    form = dialog.about_you.layout()
    fields = [dialog.name, dialog.role]
    assert [form.labelForField(edit).buddy() for edit in fields] == fields
    assert "cover of the supervision packs" in dialog.about_you.why.text()
    qtbot.keyClicks(dialog.name, "Sam Taylor")
    qtbot.keyClicks(dialog.role, "  Senior   practitioner ")
    dialog.value().settings.save(ini)
    assert "practitioner_role = Senior practitioner" in ini.read_text(encoding="utf-8")

    again = SettingsDialog(Settings.load(ini), [])
    qtbot.addWidget(again)
    assert (again.name.text(), again.role.text()) == ("Sam Taylor", "Senior practitioner")
    again.role.clear()
    again.value().settings.save(ini)
    assert "practitioner_role" not in ini.read_text(encoding="utf-8")
    assert Settings.load(ini).practitioner_name == "Sam Taylor"


def test_lock_after_one_minute_reads_singular(qtbot):
    """"Lock after" says "1 minute", not "1 minutes", and "5 minutes" again when changed."""
    dialog = SettingsDialog(Settings(idle_lock_minutes=1), [])
    qtbot.addWidget(dialog)
    assert dialog.idle.text() == "1 minute"
    dialog.idle.setFocus()
    qtbot.keyClick(dialog.idle, Qt.Key.Key_Up)
    assert dialog.idle.text() == "2 minutes"
    qtbot.keyClick(dialog.idle, Qt.Key.Key_Down)
    assert dialog.idle.text() == "1 minute"


def test_oxford_spelling_is_a_setting_off_by_default(qtbot):
    """The Writing tab offers Oxford -ize spelling, off by default and only with spelling on."""
    dialog = SettingsDialog(Settings(), [])
    qtbot.addWidget(dialog)
    assert not dialog.oxford.isChecked() and dialog.oxford.isEnabled()
    dialog.oxford.setChecked(True)
    assert dialog.value().settings.oxford_spelling
    dialog.spelling.setChecked(False)
    assert not dialog.oxford.isEnabled()
