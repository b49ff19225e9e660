"""Settings: your name and role on exports, the anonymisation watch list, locking, backups, spelling.

The watch list is journal data (it lists the very names that must not appear) and is saved in
the encrypted journal, never in the settings file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.wording import noun
from reflect.services.storage_check import storage_warning
from reflect.settings import Settings
from reflect.ui.common.about_you import AboutYou, AboutYouFields
from reflect.ui.common.dialogs import ok_cancel_buttons, run_modal
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.common.widgets import named, spoken, wrapped_label


@dataclass(frozen=True)
class SettingsChoice:
    settings: Settings
    watch_terms: tuple[str, ...]


def _check(text: str, checked: bool) -> QCheckBox:
    """A check box named by all the words it shows."""
    box = QCheckBox(text)
    box.setChecked(checked)
    box.setAccessibleName(spoken(text))
    return box


class ChooseFolder:
    @classmethod
    def ask(cls, parent: QWidget | None, start: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(parent, "Folder for backups", start)
        return Path(chosen) if chosen else None


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, watch_terms: list[str], parent: QWidget | None = None,
                 default_backup_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings — Reflect")
        self.original = settings
        fit_to_screen(self, 620, 480)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Settings sections")
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._you_tab(settings), "&You")
        self.tabs.addTab(self._privacy_tab(settings, watch_terms), "&Privacy")
        self.tabs.addTab(self._locking_tab(settings), "Loc&king")
        self.tabs.addTab(self._backups_tab(settings, default_backup_dir), "&Backups")
        self.tabs.addTab(self._writing_tab(settings), "&Writing")
        buttons, _save = ok_cancel_buttons(self, ok_name="Save settings",
                                           ok=QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)

    def _you_tab(self, settings: Settings) -> QWidget:
        you = QWidget()
        you_layout = QVBoxLayout(you)
        self.about_you = AboutYouFields(AboutYou(settings.practitioner_name, settings.practitioner_role))
        self.name, self.role = self.about_you.name, self.about_you.role
        you_layout.addWidget(self.about_you)
        you_layout.addStretch(1)
        return you

    def _privacy_tab(self, settings: Settings, watch_terms: list[str]) -> QWidget:
        privacy = QWidget()
        privacy_layout = QVBoxLayout(privacy)
        privacy_layout.addWidget(wrapped_label(
            "Names, places and phrases that must never appear in an export — for example "
            "the names of children, families, colleagues, schools or streets you work with. "
            "One per line. Reflect checks for them before every export. This list is kept "
            "in your encrypted journal."))
        self.watch = QPlainTextEdit("\n".join(watch_terms))
        self.watch.setAccessibleName("Watch list, one name or phrase per line")
        self.watch.setTabChangesFocus(True)
        privacy_layout.addWidget(self.watch, 1)
        self.reminder = _check("Show the &reminder about anonymising above each reflection",
                               settings.show_anonymise_reminder)
        privacy_layout.addWidget(self.reminder)
        return privacy

    def _locking_tab(self, settings: Settings) -> QWidget:
        security = QWidget()
        security_form = QFormLayout(security)
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText("Never")
        self.idle.setValue(settings.idle_lock_minutes)
        self.idle.setAccessibleName("Lock after this many minutes without use")
        security_form.addRow("&Lock after:", self.idle)
        self.idle_warning = wrapped_label("", "Note about locking")
        security_form.addRow("", self.idle_warning)
        self.minimise = _check("Lock when the window is &minimised", settings.lock_on_minimise)
        security_form.addRow("", self.minimise)
        self.idle.valueChanged.connect(self._idle_changed)
        self._idle_changed(self.idle.value())
        return security

    def _backups_tab(self, settings: Settings, default_backup_dir: Path | None) -> QWidget:
        backup = QWidget()
        backup_layout = QVBoxLayout(backup)
        backup_layout.addWidget(wrapped_label(
            "Encrypted backups are taken when you unlock (if anything changed), before "
            "updates, restores and passphrase changes. By default they sit beside your "
            "journal; you can keep them in another folder, such as a drive IT backs up."))
        row = QHBoxLayout()
        self.backup_dir = QLineEdit(settings.backup_dir)
        self.backup_dir.setPlaceholderText(str(default_backup_dir) if default_backup_dir else
                                           "Beside the journal (the default)")
        self.backup_dir.setAccessibleName("Backup folder")
        self.choose_dir = named(QPushButton("C&hoose…"), "Choose the backup folder")
        row.addWidget(self.backup_dir, 1)
        row.addWidget(self.choose_dir)
        backup_layout.addLayout(row)
        self.backup_warning = wrapped_label("", "Note about the backup folder")
        backup_layout.addWidget(self.backup_warning)
        backup_layout.addStretch(1)
        self.choose_dir.clicked.connect(self._choose_dir)
        self.backup_dir.textChanged.connect(self._dir_changed)
        self._dir_changed(self.backup_dir.text())
        return backup

    def _writing_tab(self, settings: Settings) -> QWidget:
        writing = QWidget()
        writing_layout = QVBoxLayout(writing)
        self.spelling = _check("Check &spelling as I type (UK English)", settings.spelling)
        writing_layout.addWidget(self.spelling)
        self.oxford = _check("Also accept Oxford spellings ending in -i&ze (organize, realize)",
                             settings.oxford_spelling)
        self.oxford.setToolTip("GOV.UK style and most councils write -ise (organise, realise), so "
                               "-ize is marked unless you choose this.")
        writing_layout.addWidget(self.oxford)
        self.spelling.toggled.connect(self.oxford.setEnabled)
        self.oxford.setEnabled(settings.spelling)
        writing_layout.addStretch(1)
        return writing

    def _idle_changed(self, minutes: int) -> None:
        self.idle.setSuffix(" " + noun(minutes, "minute"))
        self.idle_warning.setText(
            "Reflect will never lock by itself. Anyone at this computer while you are away could read "
            "your journal: lock it with Ctrl+L whenever you leave the desk." if minutes == 0 else "")

    def _dir_changed(self, text: str) -> None:
        warning = storage_warning(Path(text)) if text.strip() else None
        self.backup_warning.setText(warning or "")

    def _choose_dir(self) -> None:
        chosen = ChooseFolder.ask(self, self.backup_dir.text())
        if chosen is not None:
            self.backup_dir.setText(str(chosen))

    def value(self) -> SettingsChoice:
        terms = tuple(dict.fromkeys(
            " ".join(line.split()) for line in self.watch.toPlainText().splitlines() if line.strip()))
        about = self.about_you.value()
        settings = replace(self.original, practitioner_name=about.name, practitioner_role=about.role,
                           show_anonymise_reminder=self.reminder.isChecked(),
                           spelling=self.spelling.isChecked(), oxford_spelling=self.oxford.isChecked(),
                           idle_lock_minutes=self.idle.value(),
                           lock_on_minimise=self.minimise.isChecked(),
                           backup_dir=self.backup_dir.text().strip())
        return SettingsChoice(settings, terms)

    @classmethod
    def ask(cls, settings: Settings, watch_terms: list[str], parent: QWidget | None = None,
            default_backup_dir: Path | None = None) -> SettingsChoice | None:
        dialog = cls(settings, watch_terms, parent, default_backup_dir)
        return run_modal(dialog, dialog.value, forget=(dialog.watch,))
