"""A row of two groups that folds, the second under the first, when the row is too narrow.

A reflection's footer (word count, save status, sessions; then its buttons) fits one line in a
wide window; in the 400-odd pixels a 150% laptop screen leaves beside the briefing it would
squeeze every label to a word per line. Folding keeps each group readable at any width.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget


class FoldingRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QHBoxLayout()
        self.second = QHBoxLayout()
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addLayout(self.first, 1)
        self.box.addLayout(self.second)

    def folded(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fold_to(event.size().width())

    def _fold_to(self, width: int) -> None:
        needed = self.first.sizeHint().width() + self.box.spacing() + self.second.sizeHint().width()
        direction = (QBoxLayout.Direction.TopToBottom if width < needed
                     else QBoxLayout.Direction.LeftToRight)
        if direction != self.box.direction():
            self.box.setDirection(direction)
            self.box.setStretch(0, 1 if direction == QBoxLayout.Direction.LeftToRight else 0)
