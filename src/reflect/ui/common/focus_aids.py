"""What every focus change does, app-wide: show a ring around the focused control and bring it
into view.

A control that takes the focus inside a scroll area (a writing box below the fold, a question's
button far down the briefing) is scrolled into view however the focus got there: Tab from
another pane, a mnemonic, a button that puts the cursor somewhere. Qt does this only for Tab
pressed inside the same scroll area. A text field is scrolled to its cursor rather than to its
top (`QScrollArea.ensureWidgetVisible` uses the cursor's rectangle). A click never scrolls: what
was clicked is on screen.

The ring follows the focused control when it or anything around it moves or resizes (a scroll
area scrolling, a field growing): this object watches the control and its ancestors, and lays the
ring once the events of the moment are done. Nothing here holds on to a control between events
(windows and their controls come and go, a rebuilt writing box is deleted): the control is asked
of the application each time, and a filter left on a control no longer focused removes itself.

`install` once, on the application (the main window and the start of the app both call it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from shiboken6 import isValid

from reflect.ui.common.focus_ring import FocusRing

MARGIN = 24  # logical pixels of context shown around a control scrolled into view
_FOLLOWED = {QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide,
             QEvent.Type.ParentChange, QEvent.Type.ZOrderChange, QEvent.Type.PaletteChange,
             QEvent.Type.StyleChange}


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area holding `widget` so that it (or its text cursor) shows."""
    ancestor = widget.parentWidget()
    while ancestor is not None and not ancestor.isWindow():
        if isinstance(ancestor, QScrollArea) and ancestor.widget() is not None \
                and ancestor.widget().isAncestorOf(widget):
            ancestor.ensureWidgetVisible(widget, MARGIN, MARGIN)
        ancestor = ancestor.parentWidget()


def _line(widget: QWidget | None) -> list[QWidget]:
    """`widget` and its ancestors up to its window."""
    line = []
    while widget is not None:
        line.append(widget)
        widget = None if widget.isWindow() else widget.parentWidget()
    return line


class FocusAids(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("reflectFocusAids")
        self._ring = FocusRing()
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self.place_ring)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is not None and QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            scroll_into_view(now)
        self._later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _FOLLOWED:
            focused = QApplication.focusWidget()
            if focused is not None and (watched is focused or watched.isAncestorOf(focused)):
                self._later.start()
            else:
                watched.removeEventFilter(self)  # it was around an earlier focus
        return False

    def place_ring(self) -> None:
        """Lay the ring around the focused control now (done after each change by itself)."""
        focused = QApplication.focusWidget()
        for widget in _line(focused):
            widget.installEventFilter(self)  # once: installing again only moves it first
        if not isValid(self._ring):  # its window was closed and took it along
            self._ring = FocusRing()
        self._ring.place(focused)


def install(app: QApplication | None = None) -> FocusAids:
    """The application's `FocusAids`, made on the first call."""
    app = app or QApplication.instance()
    existing = app.findChild(FocusAids, "reflectFocusAids")
    return existing if existing is not None else FocusAids(app)
