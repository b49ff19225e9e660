"""Journal care: settings, backups and restore, opening a journal copy, changing the passphrase
and taking the journal away — the commands that look after the journal as a whole.

A controller with narrow collaborators, not a part of the main window: the journal, the settings
and how to save them, how to save pending edits on the pages (`flush`), how to say something in
the status bar (`show_status(message, ms=0)`; an empty message clears it) and the widget its
dialogs belong to. What the rest of the window must do afterwards leaves as a signal: a backup or
copy to restore (the window session rebuilds the window), settings to apply to the pages. Each
dialog module is imported when first used, so start-up never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from reflect import APP_NAME
from reflect.domain.display_name import display_name
from reflect.domain.errors import ReflectError
from reflect.domain.session_rules import format_when
from reflect.domain.wording import noun, plural
from reflect.services.passphrase import require_new_passphrase
from reflect.settings import Settings
from reflect.store import Journal
from reflect.ui.common.background import run_in_background


class JournalCare(QObject):
    restore_requested = Signal(object)  # a backup's Path: the window session rebuilds the window
    settings_changed = Signal()  # the settings were edited: apply them to spelling, idle lock, pages

    def __init__(self, journal: Journal, settings: Settings, save_settings: Callable[[], None], *,
                 flush: Callable[[], object], show_status: Callable[..., None],
                 parent: QWidget) -> None:
        super().__init__(parent)  # its dialogs belong to `parent` too
        self.journal, self.settings = journal, settings
        self._save_settings, self._flush, self._show_status = save_settings, flush, show_status
        self.passphrase_change = None  # a passphrase change's running step (its background task)

    def open_settings(self) -> None:
        self._flush()
        from reflect.ui.shell.settings_dialog import SettingsDialog

        choice = SettingsDialog.ask(self.settings, self.journal.privacy.watch_terms(),
                                    self.parent(), self.journal.path.parent / "backups")
        if choice is None:
            return
        for field in fields(choice.settings):
            setattr(self.settings, field.name, getattr(choice.settings, field.name))
        self.journal.privacy.set_watch_terms(choice.watch_terms)
        self.journal.backup_dir = (Path(self.settings.backup_dir) if self.settings.backup_dir
                                   else self.journal.path.parent / "backups")
        self.settings_changed.emit()
        self._save_settings()
        self._show_status("Settings saved.", 4000)

    def open_backups(self) -> None:
        self._flush()
        from reflect.ui.care.backups_dialog import BackupsDialog

        chosen = BackupsDialog.ask(self.journal, self.parent())
        if chosen is not None:
            self.restore_requested.emit(chosen)

    def open_journal_copy(self) -> None:
        """Replace this journal with a copy from "Take my journal with me" (after a backup)."""
        from reflect.ui.unlock.passphrase_dialog import ChooseJournalCopy

        self._flush()
        path = ChooseJournalCopy.ask(self.parent())
        if path is None:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.parent(), "Open this copy?",
            f"Your journal here will be replaced by the copy “{display_name(path.name)}”. Your "
            "journal as it is now is backed up first (File → Backups… brings it back). The copy "
            "must have the same passphrase as this journal.",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Open:
            self.restore_requested.emit(path)

    def change_passphrase(self) -> None:
        """Back up (on a worker), re-key the journal (here: 0.4 s at 10,000 reflections), then
        re-key its backups on a worker with progress in the status bar (0.6 s each)."""
        self._flush()
        if self.passphrase_change is not None and not self.passphrase_change.done:
            self._show_status("The passphrase is still being changed.", 5000)
            return
        from reflect.ui.care.change_passphrase_dialog import ChangePassphraseDialog

        answer = ChangePassphraseDialog.ask(self.parent())
        if answer is None:
            return
        old, new = answer
        try:
            require_new_passphrase(new)
            self.journal.check_current_passphrase(old)
        except ReflectError as exc:
            self._warn(exc.message)
            return
        self._show_status("Backing up before the passphrase changes…")
        self.passphrase_change = run_in_background(
            self, self.journal.backup_in_background("before-passphrase-change"),
            lambda _path: self._rekey(old, new), self._passphrase_not_changed)

    def _rekey(self, old: str, new: str) -> None:
        try:
            self.journal.rekey(old, new)
        except ReflectError as exc:
            self._passphrase_not_changed(exc)
            return
        self._show_status("Passphrase changed. Changing the backups too…")
        self.passphrase_change = run_in_background(
            self, self.journal.rekey_backups_in_background(old, new), self._backups_rekeyed,
            self._backups_not_rekeyed,
            on_progress=self._backups_progress)

    def _backups_progress(self, done: int, total: int) -> None:
        self.journal.rekeying.progress(done, total)  # what a kill now would leave undone
        self._show_status(f"Passphrase changed. Changing the backups too… {done} of {total}")

    def _passphrase_not_changed(self, exc: BaseException) -> None:
        self._show_status("")
        message = exc.message if isinstance(exc, ReflectError) else (
            "The passphrase could not be changed because of a problem in Reflect. It is unchanged.")
        self._warn(message)

    def _backups_rekeyed(self, left: list[Path]) -> None:
        self.journal.rekeying.finish()
        self._show_status("Passphrase changed.", 5000)
        message = "Passphrase changed. Your journal and its backups now open only with the new one."
        if left:
            message += (f"\n\n{plural(len(left), 'older backup')} could not be changed and still "
                        f"{noun(len(left), 'opens', 'open')} with the old passphrase.")
        self._inform(message)

    def _backups_not_rekeyed(self, exc: BaseException) -> None:
        self._show_status("")
        self._warn("Passphrase changed: your journal opens only with the new one. Some "
                   "backups may still open only with the old passphrase.")

    def check_unfinished_rekeying(self) -> None:
        """After a passphrase change that was killed before its backups were all re-keyed: find
        (on a worker) the backups still on the previous passphrase and offer to finish the job."""
        unfinished = self.journal.rekeying.unfinished()
        if unfinished is not None:
            run_in_background(self, self.journal.backups_on_another_key_in_background(),
                              lambda left: self._offer_rekeying(left, unfinished.started_at),
                              lambda exc: None)

    def _offer_rekeying(self, left: list[Path], started_at: str) -> None:
        from reflect.ui.care.finish_rekeying_dialog import FinishRekeying

        if not left:
            self.journal.rekeying.finish()
            return
        when = format_when(datetime.fromisoformat(started_at).astimezone())
        previous = FinishRekeying.ask(len(left), when, self.parent())
        if previous is None:  # kept as they are: the Backups window shows which key each needs
            self.journal.rekeying.finish()
            return
        self._show_status("Changing the backups to the current passphrase…")
        self.passphrase_change = run_in_background(
            self, self.journal.rekey_backups_from_in_background(previous), self._backups_finished,
            self._backups_not_rekeyed, on_progress=lambda done, total: self._show_status(
                f"Changing the backups to the current passphrase… {done} of {total}"))

    def _backups_finished(self, left: list[Path]) -> None:
        self._show_status("")
        if not left:
            self.journal.rekeying.finish()
            self._inform("Your backups now open with the current passphrase.")
            return
        self._warn(f"{plural(len(left), 'backup')} did not open with that passphrase and "
                   f"{noun(len(left), 'is', 'are')} as before. Reflect asks again when it is "
                   "next unlocked.")

    # Message boxes import QMessageBox when shown: PySide builds a Qt class's Python type (and
    # its enums) on the first import of its name, and the window is built without one.
    def _warn(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent(), APP_NAME, message)

    def _inform(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.parent(), APP_NAME, message)

    def take_journal_away(self) -> None:
        self._flush()
        from reflect.ui.care.take_away_dialog import TakeAwayDialog

        TakeAwayDialog.ask(self.journal, self.settings.practitioner_name, self.parent())
