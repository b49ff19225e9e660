"""A ring around the control that has the keyboard focus, whatever it is and whatever the style.

Styles mark focus in their own ways, and several barely do: Fusion's flat buttons, default
buttons, tables without a current row and scroll areas show no change at all, and its one-pixel
frame on fields changes by far less than 3:1. So every focused control also gets this ring: a
band 2 logical pixels wide (WCAG 2.2's 2 CSS pixels) just outside the control, carried over the
control's own one-pixel frame, in `focus_colour` of its palette, which stands out at least 3:1
from the window, fields and buttons in the light, dark and high-contrast themes alike.

The ring is a widget of its own laid over the focused control's window rather than part of any
style, so it works with Fusion, the Windows styles and style sheets. It lets the mouse through
(`WA_TransparentForMouseEvents`), paints only the band (a mask), follows the control when it or
anything around it moves (a scroll area scrolling, a field growing) and, where a scroll area's
viewport or the window's edge leaves no room outside the control, is drawn inside its edge.
A container that puts a control against its own frame should leave `ROOM` around it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QMenuBar, QSplitter, QWidget

from reflect.ui.common.colours import focus_colour

WIDTH = 2
ROOM = WIDTH + 1  # the margin a container leaves around a control for its ring to show whole
def wants_ring(widget: QWidget | None) -> bool:
    """Controls in windows: not menus (they highlight their item) nor popups' lists."""
    if widget is None or widget.isWindow() or isinstance(widget, (QMenu, QMenuBar)):
        return False
    kind = widget.window().windowType()
    return kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


def _host(widget: QWidget) -> QWidget:
    """Where the ring goes: the widget's window, or the pane of a window that is a splitter (a
    splitter makes every child a pane)."""
    below = widget
    while not below.isWindow() and not below.parentWidget().isWindow():
        below = below.parentWidget()
    window = widget.window()
    return below if isinstance(window, QSplitter) and below is not window else window


def _clip(widget: QWidget, host: QWidget) -> QRect:
    """What of `host` can show `widget`: the viewports of the scroll areas it is in, the host."""
    clip = host.rect()
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not host:
        if isinstance(ancestor.parentWidget(), QAbstractScrollArea):
            clip &= QRect(ancestor.mapTo(host, QPoint(0, 0)), ancestor.size())
        ancestor = ancestor.parentWidget()
    return clip


class FocusRing(QWidget):
    """The ring itself. It keeps no reference to the control (which may be gone by the time it
    paints), only the colour and the place it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.colour = QColor()

    def place(self, target: QWidget | None) -> None:
        """Lay the ring around `target` (None: nowhere), within the scroll areas or window that
        show it."""
        if not wants_ring(target) or not target.isVisible():
            self.hide()
            return
        host = _host(target)
        if self.parentWidget() is not host:
            self.setParent(host)
        body = QRect(target.mapTo(host, QPoint(0, 0)), target.size())
        outer = body.adjusted(-WIDTH, -WIDTH, WIDTH, WIDTH) & _clip(target, host)
        band = WIDTH + 1
        if outer.width() <= 2 * band or outer.height() <= 2 * band:
            self.hide()  # scrolled out of sight
            return
        self.colour = focus_colour(target.palette())
        self.setGeometry(outer)
        ring = QRect(0, 0, outer.width(), outer.height())
        self.setMask(QRegion(ring).subtracted(QRegion(ring.adjusted(band, band, -band, -band))))
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()
