"""Settings: how your name appears on exports, your anonymisation watch list, spelling.

The watch list is journal data (it lists the very names that must not appear) and is saved in
the encrypted journal, never in the settings file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.settings import Settings


@dataclass(frozen=True)
class SettingsChoice:
    settings: Settings
    watch_terms: tuple[str, ...]


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, watch_terms: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings — Reflect")
        self.original = settings
        self.resize(620, 480)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Settings sections")
        layout.addWidget(self.tabs)

        you = QWidget()
        you_form = QFormLayout(you)
        self.name = QLineEdit(settings.practitioner_name)
        self.name.setPlaceholderText("e.g. your name, or “Social worker, Children’s Services”")
        self.name.setAccessibleName("Your name or role on exports")
        you_form.addRow("Your &name or role:", self.name)
        note = QLabel("Shown as the author on PDFs you export for supervision.")
        note.setWordWrap(True)
        you_form.addRow("", note)
        self.tabs.addTab(you, "&You")

        privacy = QWidget()
        privacy_layout = QVBoxLayout(privacy)
        intro = QLabel("Names, places and phrases that must never appear in an export — for example "
                       "the names of children, families, colleagues, schools or streets you work with. "
                       "One per line. Reflect checks for them before every export. This list is kept "
                       "in your encrypted journal.")
        intro.setWordWrap(True)
        privacy_layout.addWidget(intro)
        self.watch = QPlainTextEdit("\n".join(watch_terms))
        self.watch.setAccessibleName("Watch list, one name or phrase per line")
        self.watch.setTabChangesFocus(True)
        privacy_layout.addWidget(self.watch, 1)
        self.reminder = QCheckBox("Show the &reminder about anonymising above each reflection")
        self.reminder.setChecked(settings.show_anonymise_reminder)
        self.reminder.setAccessibleName("Show the reminder about anonymising")
        privacy_layout.addWidget(self.reminder)
        self.tabs.addTab(privacy, "&Privacy")

        writing = QWidget()
        writing_layout = QVBoxLayout(writing)
        self.spelling = QCheckBox("Check &spelling as I type (UK English)")
        self.spelling.setChecked(settings.spelling)
        self.spelling.setAccessibleName("Check spelling as I type")
        writing_layout.addWidget(self.spelling)
        writing_layout.addStretch(1)
        self.tabs.addTab(writing, "&Writing")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName("Save settings")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> SettingsChoice:
        terms = tuple(dict.fromkeys(
            " ".join(line.split()) for line in self.watch.toPlainText().splitlines() if line.strip()))
        settings = replace(self.original, practitioner_name=self.name.text().strip(),
                           show_anonymise_reminder=self.reminder.isChecked(),
                           spelling=self.spelling.isChecked())
        return SettingsChoice(settings, terms)

    @classmethod
    def ask(cls, settings: Settings, watch_terms: list[str],
            parent: QWidget | None = None) -> SettingsChoice | None:
        dialog = cls(settings, watch_terms, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.watch.clear()
            dialog.deleteLater()
