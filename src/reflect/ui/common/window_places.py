"""Where each window was on each screen, put back when it opens again, always on the screen.

An event filter on each of Reflect's windows (told of it by `screen_fit.watch` as the window is
sized, or as `run_modal` shows it): when the main window or a dialog is shown for the first time
it gets the size and place it last had *on that screen*, or its own default sized from the
screen; when it is hidden its place is remembered. Qt's own dialogs (message boxes, file
choosers) place themselves. When a screen changes size or is unplugged, every open window is
moved back inside the screen it is now on.

Places are kept in the settings file as small JSON: window class name → screen (its name and
size) → x, y (from the screen's free area's corner, so rearranged monitors do not matter),
width, height and whether it was maximised. Nothing of the journal is in it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from reflect.settings import Settings
from reflect.ui.common import screen_fit
from reflect.ui.common.screen_fit import (
    clamped,
    frame_margins,
    keep_on_screen,
    screen_of,
)

log = logging.getLogger(__name__)

SCREENS_KEPT = 4  # per window: the screens it was on most recently
PLACED = "reflectPlaced"  # a dynamic property: this window instance has been placed once


def screen_key(screen: QScreen) -> str:
    size = screen.geometry().size()
    return f"{screen.name()} {size.width()}x{size.height()}"


def window_key(widget: QWidget) -> str | None:
    """Reflect's own windows are remembered by class; Qt's own dialogs are not remembered."""
    cls = type(widget)
    return cls.__name__ if cls.__module__.startswith("reflect.") else None


def _decode(text: str) -> dict[str, dict[str, list[int]]]:
    try:
        places = json.loads(text) if text else {}
    except ValueError:
        places = None
    if not isinstance(places, dict):
        log.warning("window places unreadable; windows open at their default size")
        return {}
    return {key: {screen: place for screen, place in screens.items()
                  if isinstance(place, list) and len(place) == 5 and all(isinstance(n, int) for n in place)}
            for key, screens in places.items() if isinstance(screens, dict)}


class WindowPlaces(QObject):
    def __init__(self, settings: Settings, save_settings: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._save = save_settings
        self.places = _decode(settings.window_places)

    def install(self, app: QApplication) -> None:
        screen_fit.set_watcher(self)
        app.screenAdded.connect(self._watch)
        app.screenRemoved.connect(self.keep_all_on_screen)
        for screen in app.screens():
            self._watch(screen)

    def watch(self, window: QWidget) -> None:
        """Put `window` back where it was when it is first shown, and remember where it was when
        it is hidden (installing again only moves the filter to the front)."""
        window.installEventFilter(self)

    def _watch(self, screen: QScreen) -> None:
        screen.availableGeometryChanged.connect(self.keep_all_on_screen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.Hide) or event.spontaneous():
            return False
        if not isinstance(watched, QWidget) or not watched.isWindow() or not _is_window_type(watched):
            return False
        if kind == QEvent.Type.Show and not watched.property(PLACED):
            watched.setProperty(PLACED, True)
            self.place(watched)
        elif kind == QEvent.Type.Hide and watched.property(PLACED):
            self.remember(watched)
        return False

    # -- putting back ------------------------------------------------------------------------------
    def place(self, widget: QWidget) -> None:
        """Give a window about to be shown its remembered place on its screen, inside the screen.

        A window new to the screen keeps the size it chose from the screen (`screen_fit`), made to
        fit; a dialog is then centred on its parent by Qt, as usual.
        """
        key = window_key(widget)
        screen, place = self._remembered(widget, key) if key else (None, None)
        if place is None:
            area = screen_of(widget).availableGeometry()
            if widget.isMaximized() or widget.isFullScreen():
                return
            inside = clamped(widget.geometry(), frame_margins(widget), area)
            if isinstance(widget, QDialog):
                widget.resize(inside.size())
            else:
                widget.setGeometry(inside)
            return
        area = screen.availableGeometry()
        x, y, width, height, maximised = place
        state = widget.windowState() & ~Qt.WindowState.WindowMaximized
        widget.setWindowState(state)
        widget.setGeometry(clamped(QRect(area.x() + x, area.y() + y, width, height),
                                   frame_margins(widget), area))
        if maximised:
            widget.setWindowState(state | Qt.WindowState.WindowMaximized)

    def _remembered(self, widget: QWidget, key: str) -> tuple[QScreen | None, list[int] | None]:
        """The screen to use and the place on it: a dialog's parent's screen; for a window of its
        own, the screen it was last on if that is still connected."""
        screens = self.places.get(key, {})
        present = {screen_key(screen): screen for screen in QGuiApplication.screens()}
        if widget.parentWidget() is not None:
            screen = screen_of(widget)
            return screen, screens.get(screen_key(screen))
        for name in reversed(list(screens)):
            if name in present:
                return present[name], screens[name]
        return None, None

    def keep_all_on_screen(self, *_changed) -> None:
        """A screen changed size or went: move every window Reflect placed back inside its screen."""
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.property(PLACED):
                keep_on_screen(widget)

    # -- remembering -------------------------------------------------------------------------------
    def remember(self, widget: QWidget) -> None:
        key = window_key(widget)
        if key is None:
            return
        screen = screen_of(widget)
        area = screen.availableGeometry()
        maximised = widget.isMaximized()
        rect = widget.normalGeometry() if maximised else widget.geometry()
        if not rect.isValid():
            return
        screens = self.places.setdefault(key, {})
        name = screen_key(screen)
        screens.pop(name, None)  # most recent last
        screens[name] = [rect.x() - area.x(), rect.y() - area.y(), rect.width(), rect.height(),
                         int(maximised)]
        while len(screens) > SCREENS_KEPT:
            screens.pop(next(iter(screens)))
        self.settings.window_places = json.dumps(self.places, separators=(",", ":"), sort_keys=False)
        self._save()


def _is_window_type(widget: QWidget) -> bool:
    return widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
