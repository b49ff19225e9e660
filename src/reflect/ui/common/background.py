"""Run slow work off the UI thread and hand the result back on it.

The one helper for everything slow (parsing a large PDF, rendering an export, a backup). The work
function must not touch widgets or the journal's database connection (SQLite handles do not cross
threads): give it plain data, take plain data back. Results and errors arrive on the UI thread
through queued signals. A running task, and the owner and callbacks it reports to, are kept alive
until it reports, so callers need not hold it; then it lets go of them on the UI thread.

Each task has an owner, the QObject that wants its outcome (a dialog, a window, a controller).
When the owner has been destroyed, or closed for good with `delete_when_done`, its results,
progress and errors are dropped here, so no caller checks whether it is still there. Every failure
is logged with the work's name and the exception's type (and, for a bug, where it happened), never
its message: messages can quote journal text. Unless the caller handles failures itself, an error
the user can act on (`ReflectError`) is shown as its message and anything else as the crash report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from reflect import APP_NAME
from reflect.domain.diagnostics import describe
from reflect.domain.errors import ReflectError
from reflect.ui.common import crash_report

log = logging.getLogger(__name__)
_running: set[_Task] = set()
#: owners closed for good, deleted once the last of their tasks has reported (see delete_when_done)
_closing: set[QObject] = set()


class _Relay(QObject):
    """Lives on the UI thread; its slots run there because the signals cross threads (queued)."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, owner: QObject, on_done, on_failed, on_progress, on_dropped) -> None:
        super().__init__()
        self.owner: QObject | None = owner
        self.callbacks = (on_done, on_failed, on_progress, on_dropped)
        self.handle: BackgroundTask | None = None
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)
        self.progressed.connect(self._progressed)

    def wanted(self) -> bool:
        """Whether the owner is still there to hear of the work (not destroyed, not closing)."""
        owner = self.owner
        return owner is not None and shiboken6.isValid(owner) and owner not in _closing

    @Slot(object)
    def _succeeded(self, result) -> None:
        self._deliver(self.callbacks[0], result)

    @Slot(object)
    def _failed(self, exc) -> None:
        task = self.handle._task
        _log_failure(task.name, exc, task.cancelled)
        on_failed = self.callbacks[1]
        if on_failed is None:  # the default; nothing to show after a cancel (the user asked)
            on_failed = (lambda _exc: None) if task.cancelled else partial(_show_failure, self.owner)
        self._deliver(on_failed, exc)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.callbacks[2] is not None and self.wanted():
            self.callbacks[2](done, total)

    def _deliver(self, callback, value) -> None:
        """Hand the outcome to the owner (or to on_dropped), having first let go of the owner, the
        callbacks and the work here, on the UI thread: what the finished task keeps (and the
        caller's handle keeps the task) then holds no widget."""
        owner, wanted, on_dropped = self.owner, self.wanted(), self.callbacks[3]
        self.owner, self.callbacks = None, (None, None, None, None)
        self.handle.done = True
        _running.discard(self.handle._task)
        self.handle._task.work = None
        try:
            if wanted:
                callback(value)
            elif on_dropped is not None:
                on_dropped(value)
        finally:
            _delete_if_done(owner)


class _Task(QRunnable):
    def __init__(self, work: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work: Callable[..., Any] | None = work
        self.name = _name_of(work)
        self.with_progress = with_progress
        self.relay = relay
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.work(self._progress)
            else:
                result = self.work()
        except BaseException as exc:  # delivered to the failure handler on the UI thread
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
    owner: QObject,
    work: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None] | None = None,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    on_dropped: Callable[[Any], None] | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Run `work()` (or `work(progress)` when `on_progress` is given) on a worker thread.

    `on_done(result)`, `on_failed(exc)` and `on_progress(done, total)` run on the UI thread while
    `owner` is alive; `progress(done, total)` returns False after `cancel()` and the work should
    then stop. A failure is logged first; without `on_failed` it is shown (see the module's
    docstring). `on_dropped(result or exc)` runs instead when the owner has gone, for an outcome
    that holds something to let go of (a half-written file).
    """
    if not isinstance(owner, QObject):
        raise TypeError(f"the owner of background work is a QObject, not {type(owner).__name__}")
    relay = _Relay(owner, on_done, on_failed, on_progress, on_dropped)
    task = _Task(work, relay, with_progress=on_progress is not None)
    relay.handle = BackgroundTask(task)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(task)
    return relay.handle


def delete_when_done(owner: QObject) -> None:
    """Delete `owner` now, or once the background work it owns has reported; from now on it hears
    of none of it. (PySide releases the interpreter lock part-way through destroying widgets, and
    a worker running Python then could walk a half-destroyed widget and crash.)"""
    _closing.add(owner)
    _delete_if_done(owner)


def _delete_if_done(owner: QObject | None) -> None:
    if owner not in _closing or any(task.relay.owner is owner for task in _running):
        return
    _closing.discard(owner)
    if shiboken6.isValid(owner):
        owner.deleteLater()


def _log_failure(name: str, exc: BaseException, cancelled: bool) -> None:
    """One line per failure: the work and the exception's type, never its message."""
    if cancelled:
        log.info("%s stopped after a cancel (%s)", name, type(exc).__name__)
    elif isinstance(exc, ReflectError):
        log.warning("%s failed: %s", name, type(exc).__name__)
    else:  # a bug: where it happened too
        log.error("%s failed unexpectedly: %s", name, describe(exc))


def _show_failure(owner: QObject, exc: BaseException) -> None:
    """The default failure handler: a known error's message over the owner (or the nearest widget
    above it), anything else the crash report."""
    parent = owner
    while parent is not None and not isinstance(parent, QWidget):
        parent = parent.parent()
    if isinstance(exc, ReflectError):
        from PySide6.QtWidgets import QMessageBox  # here: PySide builds its class on first import

        QMessageBox.warning(parent, APP_NAME, exc.message)
    else:
        crash_report.show(parent)


def _name_of(work: Callable[..., Any]) -> str:
    """The work's qualified name for the log (e.g. `Journal.backup_in_background.<locals>.run`)."""
    func = getattr(work, "func", work)  # functools.partial
    return getattr(func, "__qualname__", type(func).__name__)


def wait_for_background_work(timeout_ms: int = 60_000) -> bool:
    """Let running tasks finish before the app closes the journal and Python shuts down (a backup
    or a re-key half done when the interpreter goes away is not worth the risk). Waits with the
    interpreter lock released; False if something was still running after `timeout_ms`."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
