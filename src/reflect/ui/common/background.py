"""Run slow work off the UI thread and hand the result back on it.

The one helper for everything slow (parsing a large PDF, rendering an export). The work function
must not touch widgets or the journal's database connection (SQLite handles do not cross threads):
give it plain data, take plain data back. Results and errors arrive on the UI thread through
queued signals. A running task is kept alive until it reports, so callers need not hold it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
_running: set[_Task] = set()


class _Relay(QObject):
    """Lives on the UI thread; its slots run there because the signals cross threads (queued)."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, on_success, on_failure, on_progress) -> None:
        super().__init__()
        self._callbacks = (on_success, on_failure, on_progress)
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)
        self.progressed.connect(self._progressed)

    @Slot(object)
    def _succeeded(self, result) -> None:
        self._callbacks[0](result)

    @Slot(object)
    def _failed(self, exc) -> None:
        self._callbacks[1](exc)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self._callbacks[2] is not None:
            self._callbacks[2](done, total)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.with_progress = with_progress
        self.relay = relay
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(self._progress)
            else:
                result = self.fn()
        except BaseException as exc:  # delivered to on_failure on the UI thread
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)

    def _progress(self, done: int, total: int) -> bool:
        """Report progress; returns False once the user has cancelled."""
        self.relay.progressed.emit(done, total)
        return not self.cancelled


class BackgroundTask:
    """Handle on a running task: cancel it (cooperatively) and see whether it is done."""

    def __init__(self, task: _Task) -> None:
        self._task = task
        self.done = False

    def cancel(self) -> None:
        self._task.cancelled = True


def run_in_background(
    fn: Callable[..., Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Run `fn()` (or `fn(progress)` when `on_progress` is given) on a worker thread.

    `progress(done, total)` returns False after `cancel()`; the work should then stop.
    """
    handle: BackgroundTask

    def finish(callback, value) -> None:
        handle.done = True
        _running.discard(task)
        callback(value)

    relay = _Relay(lambda result: finish(on_success, result),
                   lambda exc: finish(on_failure, exc), on_progress)
    task = _Task(fn, relay, with_progress=on_progress is not None)
    handle = BackgroundTask(task)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(task)
    return handle


def wait_for_background_work(timeout_ms: int = 60_000) -> bool:
    """Let running tasks finish before the app closes the journal and Python shuts down (a backup
    or a re-key half done when the interpreter goes away is not worth the risk). Waits with the
    interpreter lock released; False if something was still running after `timeout_ms`."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
