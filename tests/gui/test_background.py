"""The one helper for slow work: results and errors come back on the UI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from reflect.ui.common.background import run_in_background

pytestmark = pytest.mark.gui


def test_result_arrives_on_the_ui_thread(qtbot):
    """The work runs on another thread; on_success runs on the UI thread with the result."""
    ui_thread = QThread.currentThread()
    seen = {}

    def work():
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(value):
        seen["value"] = value
        seen["on_ui_thread"] = QThread.currentThread() is ui_thread

    handle = run_in_background(work, done, lambda exc: None)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen == {"worker": True, "value": 42, "on_ui_thread": True}


def test_error_and_progress_and_cancel(qtbot):
    """Errors reach on_failure; progress is reported; cancel() makes progress() return False."""
    errors, progress = [], []
    handle = run_in_background(lambda: 1 / 0, lambda v: None, errors.append)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)

    gate = threading.Event()
    results = []

    def slow(report):
        for i in range(100):
            if not report(i, 100):
                return "cancelled"
            gate.wait(0.01)
        return "finished"

    handle = run_in_background(slow, results.append, errors.append,
                               on_progress=lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: len(progress) >= 3, timeout=5000)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert results == ["cancelled"] and progress[0] == (0, 100)
