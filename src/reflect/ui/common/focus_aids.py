"""What every focus change does, app-wide: show a ring around the focused control and bring it
into view.

A control that takes the focus inside a scroll area (a writing box below the fold, a question's
button far down the briefing) is scrolled into view however the focus got there: Tab from
another pane, a mnemonic, a button that puts the cursor somewhere. Qt does this only for Tab
pressed inside the same scroll area. A text field is scrolled to its cursor rather than to its
top (`QScrollArea.ensureWidgetVisible` uses the cursor's rectangle). A click never scrolls: what
was clicked is on screen.

`install` once, on the application (the main window and the unlock dialogs both call it).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from shiboken6 import isValid

from reflect.ui.common.focus_ring import FocusRing

MARGIN = 24  # logical pixels of context shown around a control scrolled into view


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area holding `widget` so that it (or its text cursor) shows."""
    ancestor = widget.parentWidget()
    while ancestor is not None and not ancestor.isWindow():
        if isinstance(ancestor, QScrollArea) and ancestor.widget() is not None \
                and ancestor.widget().isAncestorOf(widget):
            ancestor.ensureWidgetVisible(widget, MARGIN, MARGIN)
        ancestor = ancestor.parentWidget()


class FocusAids(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("reflectFocusAids")
        self.ring = FocusRing()
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if not isValid(self.ring):  # its window was closed and took it along
            self.ring = FocusRing()
        if now is not None and QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            scroll_into_view(now)
        self.ring.follow(now)


def install(app: QApplication | None = None) -> FocusAids:
    """The application's `FocusAids`, made on the first call."""
    app = app or QApplication.instance()
    existing = app.findChild(FocusAids, "reflectFocusAids")
    return existing if existing is not None else FocusAids(app)
