"""Windows sized from the screen they open on, and kept inside its free area.

A council laptop at 1366×768 with Windows scaling at 150% gives Qt 911×512 logical pixels, less
the taskbar, so no size can be fixed: a window asks for the size it would like and gets at most a
share of the screen's *available* geometry (the part the taskbar leaves). `clamped` is the one
rule that puts a rectangle, with its window frame, back inside that area; `WindowPlaces` uses it
for remembered places and when a screen shrinks or goes.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

SHARE = 0.9  # a window new to a screen takes at most this share of its free area
LARGEST_WINDOW = QSize(1600, 1000)  # beyond this the main window's lines get too long to read
SMALL_SCREEN = QSize(1100, 640)  # below this (e.g. 1366×768 at 125% or more) the window starts maximised


def screen_of(widget: QWidget | None) -> QScreen:
    """The screen `widget` is on (its parent's before it is shown), else the primary screen."""
    screen = widget.screen() if widget is not None else None
    return screen or QGuiApplication.primaryScreen()


def free_area(widget: QWidget | None) -> QRect:
    """The available geometry of `widget`'s screen, in logical pixels."""
    return screen_of(widget).availableGeometry()


def frame_margins(widget: QWidget) -> QMargins:
    """The window frame around `widget` (title bar and borders), once it has a native window."""
    handle = widget.windowHandle()
    return handle.frameMargins() if handle is not None else QMargins()


#: what is told of each of Reflect's windows as it is sized (a `WindowPlaces`: its `watch(window)`)
_watcher: QObject | None = None


def set_watcher(watcher: QObject | None) -> None:
    global _watcher
    _watcher = watcher


def watch(widget: QWidget) -> None:
    """Tell the watcher of windows (if any) about `widget`, one of Reflect's windows. Windows are
    told as they are sized rather than seen by an application-wide event filter, which would call
    Python for every event of every control (70 ms of start-up, and some of every keystroke)."""
    if _watcher is not None and isValid(_watcher):  # a test's application may have gone
        _watcher.watch(widget)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize a window to `width`×`height`, or less: at most SHARE of its screen's free area."""
    watch(widget)
    area = free_area(widget)
    widget.resize(min(width, int(area.width() * SHARE)), min(height, int(area.height() * SHARE)))


def grow_to_fit(widget: QWidget) -> None:
    """Grow a window to show all it holds now, but no taller than its screen's free area (and
    back inside it): what does not fit then scrolls, in a `FittingScrollArea`."""
    layout = widget.layout()
    layout.activate()
    needed = layout.totalHeightForWidth(widget.width()) if layout.hasHeightForWidth() else -1
    needed = max(needed, widget.sizeHint().height())
    margins = frame_margins(widget)
    room = free_area(widget).height() - margins.top() - margins.bottom()
    height = max(widget.minimumHeight(), min(needed, room))
    if height > widget.height():
        widget.resize(widget.width(), height)
        if widget.isVisible():
            keep_on_screen(widget)


def default_window_rect(area: QRect) -> QRect:
    """Where the main window opens on a screen it has never been on: most of it, centred."""
    size = QSize(min(int(area.width() * SHARE), LARGEST_WINDOW.width()),
                 min(int(area.height() * SHARE), LARGEST_WINDOW.height()))
    rect = QRect(area.topLeft(), size)
    rect.moveCenter(area.center())
    return rect


def size_new_window(widget: QWidget) -> None:
    """The main window on a screen it has never been on: most of it, centred; all of a small one."""
    watch(widget)
    area = free_area(widget)
    widget.setGeometry(default_window_rect(area))
    if area.width() < SMALL_SCREEN.width() or area.height() < SMALL_SCREEN.height():
        widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)


def clamped(geometry: QRect, margins: QMargins, area: QRect) -> QRect:
    """`geometry` (a window's inside) moved, and shrunk if need be, so its frame lies in `area`."""
    inner = area.marginsRemoved(margins)
    width = max(1, min(geometry.width(), inner.width()))
    height = max(1, min(geometry.height(), inner.height()))
    x = max(inner.left(), min(geometry.x(), inner.left() + inner.width() - width))
    y = max(inner.top(), min(geometry.y(), inner.top() + inner.height() - height))
    return QRect(x, y, width, height)


def keep_on_screen(widget: QWidget) -> None:
    """Move (and shrink) a shown window back inside its screen's free area, if it is not."""
    if widget.isMaximized() or widget.isFullScreen():
        return  # the window system keeps these on their screen
    inside = clamped(widget.geometry(), frame_margins(widget), free_area(widget))
    if inside != widget.geometry():
        widget.setGeometry(inside)
