"""Locks the journal after a period with no keyboard or mouse use (default 5 minutes).

An application-wide event filter restarts one timer on real input only (keys, clicks, wheel,
touch, and mouse movement over our windows), so a window merely left open stays locked on time.
The filter is installed by `watch_soon()`, a moment after the window has painted: every event of
the application passes through it (in Python), and before the first paint there is no input to see.
The first events through it cost about 40 ms of one core, once: PySide builds the Python classes
(and their enums) of every Qt type it might have to wrap, to find the type of an object it meets
for the first time (Qt's own window and timer objects). Paid at the first paint, that delayed the
painted dashboard on a laptop with one free core; a moment later it is paid while nobody waits,
and the lock, minutes away, loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

_INPUT = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
}

WATCH_AFTER_MS = 200  # after the first paint; the window's idle-time steps start at 300 ms


class IdleLock(QObject):
    def __init__(self, app: QObject, on_idle: Callable[[], None], minutes: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_idle = on_idle
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._fire)
        self.set_minutes(minutes)
        self._app = app
        self._watching = False
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.watch)

    @property
    def watching(self) -> bool:
        return self._watching

    def watch_soon(self, delay_ms: int = WATCH_AFTER_MS) -> None:
        """Start seeing input after `delay_ms` (unless stopped first)."""
        if not self._watching:
            self._soon.start(delay_ms)

    def watch(self) -> None:
        """Start seeing input (idempotent)."""
        self._soon.stop()
        if not self._watching:
            self._app.installEventFilter(self)
            self._watching = True

    def set_minutes(self, minutes: int) -> None:
        """0 means never."""
        self.minutes = max(0, int(minutes))
        self.timer.stop()
        if self.minutes:
            self.timer.start(self.minutes * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        """For tests: a short idle period."""
        self.minutes = 1
        self.timer.start(ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self.minutes and self.timer.isActive():
            self.timer.start()
        return False

    def _fire(self) -> None:
        self._on_idle()

    def stop(self) -> None:
        self.timer.stop()
        self._soon.stop()
        if self._watching:
            self._app.removeEventFilter(self)
            self._watching = False
