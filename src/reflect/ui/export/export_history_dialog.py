"""Export history: what left the journal as a PDF, when, where, and how to recognise the file.

The practitioner's own audit trail (a supervisor or a data-protection request may ask what was
shared). The SHA-256 is shown short, with a button to copy it whole, so a file can be matched to
its record (`certutil -hashfile FILE SHA256` on Windows prints the same).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.common.dialogs import close_buttons, run_modal

COLUMNS = ("Exported", "Document", "File", "Reflections", "SHA-256")


def short_hash(sha256: str) -> str:
    return f"{sha256[:12]}…" if len(sha256) > 12 else sha256


class ExportHistoryDialog(QDialog):
    def __init__(self, records, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = list(records)  # newest first (ExportLogStore.all)
        self.setWindowTitle("Export history — Reflect")
        self.resize(860, 420)
        layout = QVBoxLayout(self)
        intro = QLabel("Every PDF Reflect has written, newest first. The SHA-256 fingerprint tells you "
                       "whether a file is exactly the one Reflect wrote.")
        intro.setWordWrap(True)
        intro.setAccessibleName("About the export history")
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.records), len(COLUMNS))
        self.table.setAccessibleName("Exports")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, record in enumerate(self.records):
            when = record.exported_at.astimezone()
            path = Path(record.file_name)
            cells = [f"{when.strftime('%a')} {when.day} {when.strftime('%b %Y, %H:%M')}", record.document,
                     path.name, str(record.entry_count), short_hash(record.sha256)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setToolTip(str(path))
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 4:
                    item.setToolTip(record.sha256)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status = QLabel("No PDFs have been exported yet." if not self.records else
                             f"{len(self.records)} export" + ("s." if len(self.records) != 1 else "."))
        self.status.setAccessibleName("Export history status")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.copy_button = QPushButton("&Copy SHA-256")
        self.copy_button.setAccessibleName("Copy the full SHA-256 of the chosen export")
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout.addLayout(row)
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
