"""Run Python's garbage collector on the UI thread only.

Found by the import dialog's tests (a segfault about one run in ten, caught in gdb): when the
collector happened to run on a worker thread (see `background.py`) while the UI thread was
destroying a widget, it walked half-destroyed Qt wrappers. Anki hit the same problem and solved it
this way: switch off automatic collection and collect from a timer on the UI thread, with the
same generation thresholds Python would have used.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000
#: the app's collector starts at the window's first paint, or after this long if nothing paints
LATEST_START_MS = 10_000


class MainThreadGarbageCollector(QObject):
    """Collects on a timer; with `start_after_ms`, the timer waits for `start()` or that long.

    The app's waits for the first paint (`freeze_survivors`): the first collection after start-up
    walks every object made since (about 37,000, 10-18 ms), and on a busy laptop whose start takes
    over a second it would otherwise land before the first frame. After `gc.freeze()` there is
    next to nothing to walk."""

    def __init__(self, parent: QObject, *, start_after_ms: int | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        if start_after_ms is None:
            self.timer.start()
        else:
            QTimer.singleShot(start_after_ms, self, self.start)

    def start(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        """Give collection back to Python (used between GUI tests)."""
        self.timer.stop()
        gc.enable()

    def check(self) -> None:
        gen0, gen1, gen2 = gc.get_count()
        if gen0 > self.threshold[0]:
            gc.collect(0)
            if gen1 > self.threshold[1]:
                gc.collect(1)
                if gen2 > self.threshold[2]:
                    gc.collect(2)


_installed: MainThreadGarbageCollector | None = None


def freeze_survivors() -> None:
    """Take everything alive now out of the collector's sight (`gc.freeze`).

    Called once the main window has painted. What exists then (modules, classes, the window)
    lives for the whole session, and each full collection on the UI thread would otherwise walk
    all of it again: about 37,000 objects, 10-18 ms a time, a hitch a typist can feel. Python's own
    collection at exit skips it too. Measured at first paint on a 10,000-entry journal: 48
    unreachable objects, so nothing worth collecting first. The app's collector starts here.
    """
    gc.freeze()
    if _installed is not None:
        _installed.start()


def thaw() -> None:
    """Hand frozen objects back to the collector (before the window is replaced)."""
    gc.unfreeze()


def install(app: QObject) -> MainThreadGarbageCollector:
    """Idempotently install the collector on the application object; it starts collecting at the
    first paint (`freeze_survivors`), or after `LATEST_START_MS` if no window paints by then."""
    global _installed
    if _installed is None:
        _installed = MainThreadGarbageCollector(app, start_after_ms=LATEST_START_MS)
    return _installed
