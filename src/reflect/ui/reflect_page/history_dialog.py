"""History: the earlier versions of one reflection, and restoring one of them.

Restoring never loses anything: the store first keeps the current text as a revision.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.journal import Revision
from reflect.domain.templates import MODELS, model_by_key
from reflect.ui.common.dialogs import close_buttons, run_modal
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.common.widgets import wrapped_label

REASONS = {
    "while writing": "while writing",
    "closed": "when you left it",
    "before restore": "before a restore",
    "before removing a stage": "before removing a stage",
}


def _stage_label(key: str) -> str:
    for model in MODELS:
        stage = model.stage(key)
        if stage is not None:
            return stage.label
    return key


def revision_text(revision: Revision) -> str:
    parts = [revision.title or "Untitled reflection", f"Model: {model_by_key(revision.model).name}", ""]
    for stage, text in revision.answers:
        parts += [_stage_label(stage), text, ""]
    return "\n".join(parts).rstrip()


class HistoryDialog(QDialog):
    def __init__(self, revisions: list[Revision], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("History — Reflect")
        fit_to_screen(self, 820, 540)
        self.revisions = revisions
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(
            "Earlier versions of this reflection. Restoring one keeps what you have now "
            "as a version too, so nothing is lost." if revisions else
            "There are no earlier versions yet. Versions are kept as you write, "
            "every few minutes, and when you leave a reflection."))
        row = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName("Versions")
        for revision in revisions:
            words = sum(len(text.split()) for _, text in revision.answers)
            when = revision.created_at.astimezone().strftime("%a %d %b %Y, %H:%M")
            note = f" · {revision.note}" if revision.note else ""
            item = QListWidgetItem(f"{when}\n{REASONS.get(revision.reason, revision.reason)} · "
                                   f"{words:,} words{note}")
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.list.addItem(item)
        row.addWidget(self.list, 1)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Text of the chosen version")
        row.addWidget(self.preview, 2)
        layout.addLayout(row, 1)
        self.buttons = close_buttons(self)
        self.restore_button = self.buttons.addButton("&Restore this version",
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setAccessibleName("Restore this version")
        self.restore_button.setEnabled(False)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show)
        if revisions:
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def _show(self, row: int) -> None:
        valid = 0 <= row < len(self.revisions)
        self.preview.setPlainText(revision_text(self.revisions[row]) if valid else "")
        self.restore_button.setEnabled(valid)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    @classmethod
    def ask(cls, revisions: list[Revision], parent: QWidget | None = None) -> int | None:
        """The id of the version to restore, or None."""
        dialog = cls(revisions, parent)
        return run_modal(dialog, dialog.chosen_id)
