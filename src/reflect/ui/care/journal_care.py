"""The main window's journal-care commands: settings, backups and restore, passphrase, taking the
journal away, importing briefings, spelling on or off, About.

A mixin of `MainWindow`; each dialog module is imported when first used, so start-up never pays
for it.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from reflect import APP_NAME, __version__
from reflect.domain.errors import ReflectError
from reflect.ui.common.background import run_in_background
from reflect.ui.shell.window_menus import REFLECT


class JournalCare:
    def open_settings(self) -> None:
        self.flush()
        from reflect.ui.shell.settings_dialog import SettingsDialog

        choice = SettingsDialog.ask(self.settings, self.journal.privacy.watch_terms(), self,
                                    self.journal.path.parent / "backups")
        if choice is None:
            return
        for field in fields(choice.settings):
            setattr(self.settings, field.name, getattr(choice.settings, field.name))
        self.journal.privacy.set_watch_terms(choice.watch_terms)
        if self._spelling is not None:
            self._spelling.set_enabled(self.settings.spelling)
        self.spelling_action.setChecked(self.settings.spelling)
        self.idle_lock.set_minutes(self.settings.idle_lock_minutes)
        self.journal.backup_dir = (Path(self.settings.backup_dir) if self.settings.backup_dir
                                   else self.journal.path.parent / "backups")
        if self._reflect_page is not None:
            self._reflect_page.editor.view.reminder.setVisible(self.settings.show_anonymise_reminder)
        self._save_settings()
        self.statusBar().showMessage("Settings saved.", 4000)

    def open_backups(self) -> None:
        self.flush()
        from reflect.ui.care.backups_dialog import BackupsDialog

        chosen = BackupsDialog.ask(self.journal, self)
        if chosen is not None:
            self.restore_requested.emit(chosen)

    def open_journal_copy(self) -> None:
        """Replace this journal with a copy from "Take my journal with me" (after a backup)."""
        from reflect.ui.unlock.passphrase_dialog import ChooseJournalCopy

        self.flush()
        path = ChooseJournalCopy.ask(self)
        if path is None:
            return
        answer = QMessageBox.question(
            self, "Open this copy?",
            f"Your journal here will be replaced by the copy “{path.name}”. Your journal as it is "
            "now is backed up first (File → Backups… brings it back). The copy must have the same "
            "passphrase as this journal.",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Open:
            self.restore_requested.emit(path)

    def change_passphrase(self) -> None:
        """Back up (on a worker), re-key the journal (here: 0.4 s at 10,000 reflections), then
        re-key its backups on a worker with progress in the status bar (0.6 s each)."""
        self.flush()
        if self.passphrase_change is not None and not self.passphrase_change.done:
            self.statusBar().showMessage("The passphrase is still being changed.", 5000)
            return
        from reflect.ui.care.change_passphrase_dialog import ChangePassphraseDialog

        answer = ChangePassphraseDialog.ask(self)
        if answer is None:
            return
        old, new = answer
        try:
            self.journal.check_current_passphrase(old)
        except ReflectError as exc:
            QMessageBox.warning(self, APP_NAME, exc.message)
            return
        self.statusBar().showMessage("Backing up before the passphrase changes…")
        self.passphrase_change = run_in_background(
            self, self.journal.backup_in_background("before-passphrase-change"),
            lambda _path: self._rekey(old, new), self._passphrase_not_changed)

    def _rekey(self, old: str, new: str) -> None:
        try:
            self.journal.rekey(old, new)
        except ReflectError as exc:
            self._passphrase_not_changed(exc)
            return
        self.statusBar().showMessage("Passphrase changed. Changing the backups too…")
        self.passphrase_change = run_in_background(
            self, self.journal.rekey_backups_in_background(old, new), self._backups_rekeyed,
            self._backups_not_rekeyed,
            on_progress=lambda done, total: self.statusBar().showMessage(
                f"Passphrase changed. Changing the backups too… {done} of {total}"))

    def _passphrase_not_changed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        message = exc.message if isinstance(exc, ReflectError) else (
            "The passphrase could not be changed because of a problem in Reflect. It is unchanged.")
        QMessageBox.warning(self, APP_NAME, message)

    def _backups_rekeyed(self, left: list[Path]) -> None:
        self.statusBar().showMessage("Passphrase changed.", 5000)
        message = "Passphrase changed. Your journal and its backups now open only with the new one."
        if left:
            message += (f"\n\n{len(left)} older backup(s) could not be changed and still open with "
                        "the old passphrase.")
        QMessageBox.information(self, APP_NAME, message)

    def _backups_not_rekeyed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, APP_NAME, "Passphrase changed: your journal opens only with the new "
                            "one. Some backups may still open only with the old passphrase.")

    def take_journal_away(self) -> None:
        self.flush()
        from reflect.ui.care.take_away_dialog import TakeAwayDialog

        TakeAwayDialog.ask(self.journal, self.settings.practitioner_name, self)

    def _toggle_spelling(self, enabled: bool) -> None:
        self.settings.spelling = enabled
        if self._spelling is not None:
            self._spelling.set_enabled(enabled)
        self._save_settings()

    def import_briefing(self) -> None:
        self.flush()
        from reflect.ui.briefings.import_briefing_dialog import ImportBriefingDialog

        briefing_id = ImportBriefingDialog.ask(
            self.journal.briefings, self, before_save=lambda: self.journal.backup_if_changed("before-import"))
        if briefing_id is not None:
            self.show_page(REFLECT)
            self.reflect_page.briefing_imported(briefing_id)
            self.statusBar().showMessage("Briefing imported.", 5000)

    def _about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<p><b>{APP_NAME} {__version__}</b></p>"
            "<p>A private, offline reflective journal for safeguarding practitioners.</p>"
            "<p>Your journal is encrypted and stays on this computer. Reflections are a personal "
            "record: anonymise them, and keep case facts and decisions on the case recording "
            "system.</p>"
            "<p>The UK English spelling list is built from SCOWL (Spell Checker Oriented Word "
            "Lists) by Kevin Atkinson and contributors.</p>",
        )
