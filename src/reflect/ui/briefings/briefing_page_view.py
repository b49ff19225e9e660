"""The briefing page: a picker of the journal's briefings above the reader."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reflect.ui.briefings.briefing_view import BriefingView
from reflect.ui.common.narrow_combo import narrow_combo


class BriefingPageView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(12, 8, 12, 0)
        label = QLabel("Sho&w briefing:")
        self.picker = narrow_combo("Show briefing", 14)  # the list shows whole titles
        self.picker.setAccessibleDescription("Choose the briefing to read beside your reflection")
        label.setBuddy(self.picker)
        row.addWidget(label)
        row.addWidget(self.picker, 1)
        layout.addLayout(row)
        self.reader = BriefingView()
        layout.addWidget(self.reader, 1)
