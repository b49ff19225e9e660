"""A combo box that can be narrow: it shows what fits, ending a long choice with "…", and opens
a list wide enough to read every choice whole (up to the screen's width).

A long choice (a briefing's title, a question, "Team briefing discussion (7MB action plan)")
must not set the width of a pane: on a 1366×768 laptop at 150% the whole window has 911 pixels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from reflect.ui.common.screen_fit import free_area


class ElidingComboBox(QComboBox):
    """A combo box that ends a long choice with "…" rather than cutting it off mid-letter."""

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(0, field.width() - 4))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:
        view = self.view()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        needed = view.sizeHintForColumn(0) + scroll_bar + 2 * view.frameWidth() + 8
        view.setMinimumWidth(max(view.minimumWidth(), min(needed, free_area(self).width())))
        super().showPopup()


def narrow_combo(name: str, characters: int, parent: QWidget | None = None) -> ElidingComboBox:
    """An eliding combo box named `name` for screen readers, at least `characters` wide."""
    combo = ElidingComboBox(parent)
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo
