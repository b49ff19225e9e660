"""The one helper for slow work: results and errors come back on the UI thread."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reflect.domain.errors import JournalUnavailable
from reflect.ui.common import crash_report
from reflect.ui.common.background import delete_when_done, run_in_background

pytestmark = pytest.mark.gui
SECRET = "Child X lives at 4 Mill Lane"  # stands in for journal text an exception message may quote


@pytest.fixture
def owner(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def answer_message_boxes(seen: list[tuple[str, str]]) -> QTimer:
    """Close each message box as it appears, noting its title and text (a real box, not a mock)."""
    def close_it() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text()))
            box.done(QMessageBox.StandardButton.Ok)

    timer = QTimer()
    timer.timeout.connect(close_it)
    timer.start(10)
    return timer


def test_result_arrives_on_the_ui_thread(qtbot, owner):
    """The work runs on another thread; on_success runs on the UI thread with the result."""
    ui_thread = QThread.currentThread()
    seen = {}

    def work():
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(value):
        seen["value"] = value
        seen["on_ui_thread"] = QThread.currentThread() is ui_thread

    handle = run_in_background(owner, work, done, lambda exc: None)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen == {"worker": True, "value": 42, "on_ui_thread": True}


def test_error_and_progress_and_cancel(qtbot, owner):
    """Errors reach on_failure; progress is reported; cancel() makes progress() return False."""
    errors, progress = [], []
    handle = run_in_background(owner, lambda: 1 / 0, lambda v: None, errors.append)
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

    handle = run_in_background(owner, slow, results.append, errors.append,
                               on_progress=lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: len(progress) >= 3, timeout=5000)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert results == ["cancelled"] and progress[0] == (0, 100)


def test_a_destroyed_owner_hears_nothing(qtbot):
    """Result, progress and error for an owner destroyed while the work ran are dropped;
    on_dropped gets the outcome instead."""
    release = threading.Event()
    heard, dropped = [], []
    owners = [QObject(), QObject()]

    def work(report):
        release.wait(5)
        report(1, 1)
        return "result"

    handles = [
        run_in_background(owners[0], work, heard.append, heard.append,
                          on_progress=lambda d, t: heard.append((d, t)), on_dropped=dropped.append),
        run_in_background(owners[1], lambda: [release.wait(5), 1 / 0], heard.append, heard.append,
                          on_dropped=dropped.append),
    ]
    with qtbot.waitSignals([owner.destroyed for owner in owners], timeout=5000):
        for owner in owners:
            owner.deleteLater()
    release.set()
    qtbot.waitUntil(lambda: all(handle.done for handle in handles), timeout=5000)
    assert heard == [] and len(dropped) == 2
    assert {type(outcome) for outcome in dropped} == {str, ZeroDivisionError}


def test_a_closed_dialog_is_deleted_once_its_work_has_reported(qtbot):
    """delete_when_done keeps a closed dialog until its work reports, drops the result, then deletes it."""
    release = threading.Event()
    heard, destroyed = [], []
    busy, idle = QWidget(), QWidget()
    busy.destroyed.connect(lambda: destroyed.append(True))
    handle = run_in_background(busy, lambda: release.wait(5), heard.append)
    with qtbot.waitSignal(idle.destroyed, timeout=5000):  # one with no work goes at once
        delete_when_done(busy)
        delete_when_done(idle)
    assert not destroyed and not handle.done
    release.set()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5000)
    assert handle.done and heard == []


def test_a_known_error_shows_its_message(qtbot, owner, caplog):
    """By default an error the user can act on is shown as its message over the owner and logged
    by its class."""
    seen: list[tuple[str, str]] = []
    timer = answer_message_boxes(seen)
    handle = run_in_background(owner, _raise(JournalUnavailable()), lambda v: None)
    qtbot.waitUntil(lambda: handle.done and bool(seen), timeout=5000)
    timer.stop()
    assert seen == [("Reflect", JournalUnavailable.default_message())]
    assert any("JournalUnavailable" in r.getMessage() and r.levelno == logging.WARNING
               for r in caplog.records)


def test_an_unknown_error_goes_to_the_crash_report_and_is_logged_without_its_message(qtbot, owner,
                                                                                      caplog):
    """By default a bug shows the crash report; the log names the work and the exception's class
    and where it was raised, never its message."""
    seen: list[tuple[str, str]] = []
    timer = answer_message_boxes(seen)
    with caplog.at_level(logging.INFO):
        handle = run_in_background(owner, _raise(RuntimeError(SECRET)), lambda v: None)
        qtbot.waitUntil(lambda: handle.done and bool(seen), timeout=5000)
    timer.stop()
    assert seen == [("Reflect", crash_report.MESSAGE)]
    (record,) = [r for r in caplog.records if "RuntimeError" in r.getMessage()]
    assert record.levelno == logging.ERROR and "_raise.<locals>.work" in record.getMessage()
    assert "test_background.py" in record.getMessage()  # where it was raised
    assert all("Mill Lane" not in r.getMessage() for r in caplog.records)


def test_a_callers_failure_handler_runs_after_the_failure_is_logged(qtbot, owner, caplog):
    """on_failed replaces the default dialog; the failure is still logged, without its message."""
    handled = []

    def on_failed(exc):
        handled.append((type(exc), [r.getMessage() for r in caplog.records]))

    handle = run_in_background(owner, _raise(ValueError(SECRET)), lambda v: None, on_failed)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    ((kind, logged_before),) = handled
    assert kind is ValueError and any("ValueError" in line for line in logged_before)
    assert all("Mill Lane" not in r.getMessage() for r in caplog.records)


def test_work_stopped_by_a_cancel_shows_nothing(qtbot, owner):
    """An error raised because the user cancelled is not shown by the default handler."""
    started, go_on = threading.Event(), threading.Event()

    def work(report):
        started.set()
        go_on.wait(5)
        if not report(1, 2):
            raise JournalUnavailable()
        return "finished"

    results, seen = [], []
    timer = answer_message_boxes(seen)  # would close (and note) a box shown while delivering
    handle = run_in_background(owner, work, results.append, on_progress=lambda d, t: None)
    assert started.wait(5)
    handle.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    timer.stop()
    assert results == [] and seen == []


def test_the_owner_must_be_a_qobject(qtbot):
    """Background work without an owner to report to is refused at once."""
    with pytest.raises(TypeError):
        run_in_background(object(), lambda: None, lambda v: None)


def _raise(exc: BaseException):
    def work():
        raise exc
    return work
