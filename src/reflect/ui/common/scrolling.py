"""A dialog's content that scrolls when the screen is too small to show it whole.

A plain QScrollArea asks for at most about 24 lines, so a dialog built round one would open
cramped on a big screen too. This one asks for the whole of its content (at the width it is
given) and needs only a few lines: the dialog opens showing everything where the screen allows,
and on a 1366×768 laptop at 150% the same content scrolls instead of running off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

LINES_AT_LEAST = 6  # the height it may shrink to, in lines of text


class FittingScrollArea(QScrollArea):
    def __init__(self, content: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(name)
        # Not a Tab stop of its own: it scrolls to the focused control instead.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _scroll_bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

    def sizeHint(self) -> QSize:
        content = self.widget()
        hint = content.sizeHint()
        width = max(hint.width(), self.viewport().width())
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        frame = 2 * self.frameWidth()
        return QSize(hint.width() + frame, max(height, hint.height()) + frame)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the content allows (it never scrolls sideways), a few lines tall."""
        content = self.widget().minimumSizeHint()
        lines = LINES_AT_LEAST * self.fontMetrics().lineSpacing()
        return QSize(content.width() + self._scroll_bar() + 2 * self.frameWidth(),
                     min(content.height(), lines))
