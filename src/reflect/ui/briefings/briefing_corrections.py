"""The fields under the import preview where what Reflect read can be put right before saving.

A briefing copied from a PDF can come out with its title split, its partnership missing, or a
question broken over two lines; the practitioner sees it in the preview and corrects it here:
the title, partnership and subject, and the questions and learning points, one a line. Layout
and reading the fields only; the dialog turns them into a `Briefing` (`Briefing.corrected`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from reflect.domain.briefing import Briefing, BriefingCorrections


def _lines_edit(name: str, rows: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setAccessibleDescription("One a line")
    edit.setTabChangesFocus(True)
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * rows + 12)
    return edit


class BriefingCorrectionsView(QGroupBox):
    """Title, partnership, subject, questions and learning points of the briefing to import."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Correct it before importing", parent)
        self.setAccessibleName("Correct it before importing")
        form = QFormLayout(self)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.partnership = QLineEdit()
        self.partnership.setAccessibleName("Partnership")
        self.subject = QLineEdit()
        self.subject.setAccessibleName("Subject")
        self.questions = _lines_edit("Questions (one a line)", 4)
        self.learning = _lines_edit("Learning points (one a line)", 3)
        form.addRow("&Title:", self.title_edit)
        form.addRow("Part&nership:", self.partnership)
        form.addRow("S&ubject:", self.subject)
        form.addRow("&Questions (one a line):", self.questions)
        form.addRow("&Learning points (one a line):", self.learning)
        for edit in (self.title_edit, self.partnership, self.subject):
            edit.textEdited.connect(lambda _text: self.changed.emit())
        for edit in (self.questions, self.learning):
            edit.textChanged.connect(self.changed)
        self.hide()

    def fill(self, briefing: Briefing) -> None:
        """Show what was read (without emitting `changed`)."""
        for edit in (self.questions, self.learning):
            edit.blockSignals(True)
        self.title_edit.setText(briefing.title)
        self.partnership.setText(briefing.partnership)
        self.subject.setText(briefing.subject)
        self.questions.setPlainText("\n".join(briefing.questions))
        self.learning.setPlainText("\n".join(briefing.learning))
        for edit in (self.questions, self.learning):
            edit.blockSignals(False)
        self.show()

    def corrections(self) -> BriefingCorrections:
        return BriefingCorrections(
            title=self.title_edit.text(), partnership=self.partnership.text(), subject=self.subject.text(),
            questions=tuple(self.questions.toPlainText().splitlines()),
            learning=tuple(self.learning.toPlainText().splitlines()))

    def focus_order(self) -> list[QWidget]:
        return [self.title_edit, self.partnership, self.subject, self.questions, self.learning]
