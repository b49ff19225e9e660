"""Backups: see the encrypted backups, take one now, or restore one.

Restoring replaces the journal, so it is confirmed first and the present state is backed up
before anything is replaced (the store does that); the window is rebuilt afterwards. The list
shows at once; what each backup holds is checked on a worker (a year of backups of a large journal
takes seconds), and only a backup found whole can be restored. Back up now also runs on a worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.backups import BackupContents
from reflect.domain.errors import ReflectError
from reflect.domain.session_rules import format_when
from reflect.services.backups import list_backups
from reflect.services.storage_check import storage_warning
from reflect.store import Journal
from reflect.ui.common.background import BackgroundTask, run_in_background
from reflect.ui.common.dialogs import close_buttons, confirm, run_modal
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.common.widgets import (
    fill_row,
    fit_columns,
    named,
    packed,
    plain_label,
    record_table,
    wrapped_label,
)

CHECKING = "checking…"

REASONS = {
    "on-unlock": "When you unlocked",
    "manual": "You asked for it",
    "before-upgrade": "Before an update",
    "before-restore": "Before a restore",
    "before-passphrase-change": "Before a passphrase change",
    "before-import": "Before an import",
}


class ConfirmRestore:
    @classmethod
    def ask(cls, when: str, parent: QWidget | None = None) -> bool:
        return confirm(
            parent, "Restore this backup?",
            f"Your journal will be replaced by the backup from {when}. Anything written since then "
            "will be in a new backup of your journal as it is now, so nothing is lost.\n\nRestore?")


class BackupsDialog(QDialog):
    """Lists backups; `chosen` is the backup to restore when the dialog is accepted."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.chosen: Path | None = None
        self.setWindowTitle("Backups — Reflect")
        fit_to_screen(self, 760, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(
            f"Encrypted backups are kept in {journal.backup_dir} — the newest ten, and one "
            "a month for a year. They open only with your passphrase."))
        self.warning = wrapped_label(storage_warning(journal.backup_dir) or "")
        self.warning.setVisible(bool(self.warning.text()))
        layout.addWidget(self.warning)
        self.table = record_table(["Taken", "Why", "Size", "Reflections", "Sessions"], "Backups")
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status = plain_label("", "Backup status")
        layout.addWidget(self.status)
        self.backup_now = named(QPushButton("&Back up now"), "Back up now")
        self.restore = named(QPushButton("&Restore this backup…"), "Restore this backup")
        layout.addLayout(packed(QHBoxLayout(), self.backup_now, None, self.restore))
        layout.addWidget(close_buttons(self))
        self.backup_now.clicked.connect(self._backup_now)
        self.restore.clicked.connect(self._restore)
        self.table.itemSelectionChanged.connect(self._update)
        self.check: BackgroundTask | None = None
        self.backing_up: BackgroundTask | None = None
        self.reload()

    def reload(self, note: str = "") -> None:
        """List the backups at once (from their names); check what each holds in the background.
        `note` leads the status line until the check is done ("Backed up.")."""
        self._cancel_check()
        self._note = note
        self.rows = list_backups(self.journal)
        self.contents: list[BackupContents] = []
        self.table.setRowCount(len(self.rows))
        for row, backup in enumerate(self.rows):
            when = backup.taken_at.astimezone()
            cells = [
                format_when(when),
                REASONS.get(backup.reason, backup.reason.replace("-", " ").capitalize()),
                f"{backup.size / 1_000_000:.1f} MB", CHECKING, CHECKING,
            ]
            fill_row(self.table, row, cells, right=(2, 3, 4))
        fit_columns(self.table, 0)
        if self.rows:
            self.table.selectRow(0)
            self.status.setText(f"{note}{len(self.rows)} backups. Checking each one…")
            found = self.contents  # this check's results; a reload starts a new list

            def current() -> bool:
                return found is self.contents

            self.check = run_in_background(
                self, self.journal.inspect_backups_in_background([b.path for b in self.rows], found),
                lambda _found: current() and self._checked(),
                lambda exc: current() and self._check_failed(),
                on_progress=lambda done, total: current() and self._show_checked(done, total))
        else:
            self.status.setText("No backups yet.")
        self._update()

    def _show_checked(self, done: int, _total: int) -> None:
        for row in range(min(done, len(self.contents), len(self.rows))):
            contents = self.contents[row]
            cells = {3: "—" if contents.entries is None else f"{contents.entries:,}",
                     4: "—" if contents.sessions is None else f"{contents.sessions:,}"}
            if not contents.healthy:
                cells[1] = (REASONS.get(self.rows[row].reason, self.rows[row].reason)
                            + (" (needs the previous passphrase)" if contents.other_key
                               else " (damaged, or another passphrase)"))
            for column, text in cells.items():
                self.table.item(row, column).setText(text)
        self._update()

    def _checked(self) -> None:
        self._show_checked(len(self.contents), len(self.rows))
        self.status.setText(f"{self._note}{len(self.rows)} backups.")

    def _check_failed(self) -> None:
        self.status.setText("Reflect could not check the backups just now. Close this and try again.")

    def _cancel_check(self) -> None:
        if self.check is not None and not self.check.done:
            self.check.cancel()

    def healthy(self, row: int) -> bool:
        """Whether the backup in `row` has been checked and is whole (only then can it be restored)."""
        return 0 <= row < min(len(self.rows), len(self.contents)) and self.contents[row].healthy

    def _update(self) -> None:
        busy = self.backing_up is not None and not self.backing_up.done
        self.restore.setEnabled(not busy and self.healthy(self.table.currentRow()))
        self.backup_now.setEnabled(not busy)

    def _backup_now(self) -> None:
        self._cancel_check()
        self.status.setText("Backing up…")
        self.backing_up = run_in_background(self, self.journal.backup_in_background("manual"),
                                            lambda _path: self.reload(note="Backed up. "),
                                            self._backup_failed)
        self._update()

    def _backup_failed(self, exc: BaseException) -> None:
        self._update()
        self.status.setText(exc.message if isinstance(exc, ReflectError) else
                            "The backup could not be taken because of a problem in Reflect.")

    def done(self, result: int) -> None:
        self._cancel_check()
        super().done(result)

    def _restore(self) -> None:
        row = self.table.currentRow()
        if not self.healthy(row):
            return
        if ConfirmRestore.ask(self.table.item(row, 0).text(), self):
            self.chosen = self.rows[row].path
            self.accept()

    @classmethod
    def ask(cls, journal: Journal, parent: QWidget | None = None) -> Path | None:
        """The backup the user chose to restore, or None."""
        dialog = cls(journal, parent)
        return run_modal(dialog, lambda: dialog.chosen)
