"""The briefing page: a picker of the journal's briefings above the reader."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reflect.ui.briefings.briefing_view import BriefingView


class BriefingPageView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(12, 8, 12, 0)
        label = QLabel("Sho&w briefing:")
        self.picker = QComboBox()
        self.picker.setAccessibleName("Show briefing")
        self.picker.setAccessibleDescription("Choose the briefing to read beside your reflection")
        self.picker.setMinimumContentsLength(30)
        label.setBuddy(self.picker)
        row.addWidget(label)
        row.addWidget(self.picker, 1)
        layout.addLayout(row)
        self.reader = BriefingView()
        layout.addWidget(self.reader, 1)
