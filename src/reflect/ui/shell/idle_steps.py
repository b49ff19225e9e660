"""Work the window does while nobody is waiting for it: one short step per turn of the event loop.

Start-up builds only the dashboard, so the first paint waits for nothing else. Building a page on
its first visit made that visit take 120-300 ms (importing its code, making its widgets, reading
its data, laying it out). The main window hands the same work to `IdleSteps` once it is painted:
each step is short (one import, one page, one layout), and between steps the event loop handles
whatever the user did, so a click waits for one step at most, not for all of them.

A step that fails is logged (its type only) and skipped: the page is then built on first use as
before, where its error surfaces as it always did.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from reflect.domain.diagnostics import describe

log = logging.getLogger(__name__)

START_AFTER_MS = 300  # after the first paint: the on-unlock backup and checks start first
PAUSED_RETRY_MS = 1000


class IdleSteps(QObject):
    def __init__(self, steps: list[Callable[[], object]], *, paused: Callable[[], bool] = lambda: False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self._paused = paused
        self._timer = QTimer(self)  # a child: it stops when the window goes
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)
        self._started = False

    @property
    def done(self) -> bool:
        return not self._steps

    def start(self, delay_ms: int = START_AFTER_MS) -> None:
        if not self._started and self._steps:
            self._started = True
            self._timer.start(delay_ms)

    def stop(self) -> None:
        self._steps.clear()
        self._timer.stop()

    def run_all(self) -> None:
        """Every step left, now (tests and benchmarks that do not wait for idle time)."""
        while self._steps:
            self._run(self._steps.pop(0))

    def _next(self) -> None:
        if not self._steps:
            return
        if self._paused():  # e.g. locked: nothing of the journal is read until it is unlocked
            self._timer.start(PAUSED_RETRY_MS)
            return
        self._run(self._steps.pop(0))
        if self._steps:
            self._timer.start(0)

    @staticmethod
    def _run(step: Callable[[], object]) -> None:
        try:
            step()
        except Exception as exc:  # the page will be built when it is visited, and fail there
            log.warning("preparing a page while idle failed: %s", describe(exc))
