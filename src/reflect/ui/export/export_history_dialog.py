"""Export history: what left the journal as a PDF, when, where, and how to recognise the file.

The practitioner's own audit trail (a supervisor or a data-protection request may ask what was
shared). The SHA-256 is shown short, with a button to copy it whole, so a file can be matched to
its record (`certutil -hashfile FILE SHA256` on Windows prints the same).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from reflect.domain.session_rules import format_when
from reflect.domain.wording import plural
from reflect.ui.common.dialogs import close_buttons, run_modal
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

COLUMNS = ("Exported", "Document", "File", "Reflections", "SHA-256")


def short_hash(sha256: str) -> str:
    return f"{sha256[:12]}…" if len(sha256) > 12 else sha256


class ExportHistoryDialog(QDialog):
    def __init__(self, records, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = list(records)  # newest first (ExportLogStore.all)
        self.setWindowTitle("Export history — Reflect")
        fit_to_screen(self, 860, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(
            "Every PDF Reflect has written, newest first. The SHA-256 fingerprint tells you "
            "whether a file is exactly the one Reflect wrote.", "About the export history"))
        self.table = record_table(COLUMNS, "Exports", len(self.records))
        for row, record in enumerate(self.records):
            when = record.exported_at.astimezone()
            path = Path(record.file_name)
            cells = [format_when(when), record.document, path.name, str(record.entry_count),
                     short_hash(record.sha256)]
            fill_row(self.table, row, cells, right=(3,), tips={2: str(path), 4: record.sha256})
        fit_columns(self.table, 1)
        layout.addWidget(self.table, 1)
        count = len(self.records)
        self.status = plain_label(f"{plural(count, 'export')}." if count else
                                  "No PDFs have been exported yet.", "Export history status")
        layout.addWidget(self.status)
        self.copy_button = named(QPushButton("&Copy SHA-256"),
                                 "Copy SHA-256: the full fingerprint of the chosen export")
        layout.addLayout(packed(QHBoxLayout(), self.copy_button, None))
        layout.addWidget(close_buttons(self))
        self.copy_button.clicked.connect(self.copy_hash)
        self.table.itemSelectionChanged.connect(self._update)
        if self.records:
            self.table.selectRow(0)
        self._update()

    def _update(self) -> None:
        self.copy_button.setEnabled(0 <= self.table.currentRow() < len(self.records))

    def copy_hash(self) -> str | None:
        """Put the chosen export's full SHA-256 on the clipboard (not journal text)."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.records):
            return None
        digest = self.records[row].sha256
        QGuiApplication.clipboard().setText(digest)
        self.status.setText(f"Copied the SHA-256 of “{Path(self.records[row].file_name).name}”.")
        return digest

    @classmethod
    def ask(cls, records, parent: QWidget | None = None) -> None:
        run_modal(cls(records, parent), lambda: None)
