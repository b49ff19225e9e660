"""The briefing page: a picker of the journal's briefings above the reader."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reflect.ui.briefings.briefing_view import BriefingView
from reflect.ui.common.focus_ring import ROOM
from reflect.ui.common.narrow_combo import narrow_combo


class BriefingPageView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        # room for the briefing's focus ring inside the tab page's frame
        layout.setContentsMargins(ROOM, 0, ROOM, ROOM)
        row = QHBoxLayout()
        row.setContentsMargins(12 - ROOM, 8, 12 - ROOM, 0)
        label = QLabel("Sho&w briefing:")
        self.picker = narrow_combo("Show briefing", 14)  # the list shows whole titles
        self.picker.setAccessibleDescription("Choose the briefing to read beside your reflection")
        label.setBuddy(self.picker)
        row.addWidget(label)
        row.addWidget(self.picker, 1)
        layout.addLayout(row)
        self.reader = BriefingView()
        layout.addWidget(self.reader, 1)
