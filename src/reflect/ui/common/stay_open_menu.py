"""A menu of checkable actions that stays open while the user ticks several.

A plain QMenu closes on every click, so tagging a reflection with three learning points took
three trips to the menu. Here a click or Space on a checkable action toggles it and leaves the
menu open; Return or Enter toggles it and closes the menu; Escape or a click outside closes it
as usual. Other actions behave as in any menu.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu


class StayOpenMenu(QMenu):
    def _checkable_under_cursor(self) -> QAction | None:
        action = self.activeAction()
        if action is not None and action.isEnabled() and action.isCheckable():
            return action
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self._checkable_under_cursor()
        if action is not None and self.actionAt(event.position().toPoint()) is action:
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._checkable_under_cursor()
        if action is not None and event.key() == Qt.Key.Key_Space:
            action.trigger()
            return
        super().keyPressEvent(event)
