"""Backups: see the encrypted backups, take one now, or restore one.

Restoring replaces the journal, so it is confirmed first and the present state is backed up
before anything is replaced (the store does that); the window is rebuilt afterwards.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.storage_check import storage_warning
from reflect.store.journal import Journal

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
        answer = QMessageBox.question(
            parent, "Restore this backup?",
            f"Your journal will be replaced by the backup from {when}. Anything written since then "
            "will be in a new backup of your journal as it is now, so nothing is lost.\n\nRestore?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes


class BackupsDialog(QDialog):
    """Lists backups; `chosen` is the backup to restore when the dialog is accepted."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.chosen: Path | None = None
        self.setWindowTitle("Backups — Reflect")
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        where = QLabel(f"Encrypted backups are kept in {journal.backup_dir} — the newest ten, and one "
                       "a month for a year. They open only with your passphrase.")
        where.setWordWrap(True)
        layout.addWidget(where)
        self.warning = QLabel(storage_warning(journal.backup_dir) or "")
        self.warning.setWordWrap(True)
        self.warning.setVisible(bool(self.warning.text()))
        layout.addWidget(self.warning)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Taken", "Why", "Size", "Reflections", "Sessions"])
        self.table.setAccessibleName("Backups")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status = QLabel("")
        self.status.setAccessibleName("Backup status")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.backup_now = QPushButton("&Back up now")
        self.backup_now.setAccessibleName("Back up now")
        self.restore = QPushButton("&Restore this backup…")
        self.restore.setAccessibleName("Restore this backup")
        row.addWidget(self.backup_now)
        row.addStretch(1)
        row.addWidget(self.restore)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backup_now.clicked.connect(self._backup_now)
        self.restore.clicked.connect(self._restore)
        self.table.itemSelectionChanged.connect(self._update)
        self.reload()

    def reload(self) -> None:
        self.rows = self.journal.list_backups()
        self.table.setRowCount(len(self.rows))
        for row, (backup, contents) in enumerate(self.rows):
            when = backup.taken_at.astimezone()
            cells = [
                f"{when.strftime('%a')} {when.day} {when.strftime('%b %Y, %H:%M')}",
                REASONS.get(backup.reason, backup.reason.replace("-", " ").capitalize()),
                f"{backup.size / 1_000_000:.1f} MB",
                "—" if contents.entries is None else f"{contents.entries:,}",
                "—" if contents.sessions is None else f"{contents.sessions:,}",
            ]
            if not contents.healthy:
                cells[1] += " (damaged, or another passphrase)"
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self.rows:
            self.table.selectRow(0)
        self.status.setText("No backups yet." if not self.rows else f"{len(self.rows)} backups.")
        self._update()

    def _update(self) -> None:
        row = self.table.currentRow()
        self.restore.setEnabled(0 <= row < len(self.rows) and self.rows[row][1].healthy)

    def _backup_now(self) -> None:
        try:
            self.journal.backup("manual")
        except ReflectError as exc:
            self.status.setText(exc.message)
            return
        self.reload()
        self.status.setText("Backed up.")

    def _restore(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        if ConfirmRestore.ask(self.table.item(row, 0).text(), self):
            self.chosen = self.rows[row][0].path
            self.accept()

    @classmethod
    def ask(cls, journal: Journal, parent: QWidget | None = None) -> Path | None:
        """The backup the user chose to restore, or None."""
        dialog = cls(journal, parent)
        try:
            return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
