"""The app's collector waits for the first paint, so no collection of start-up's objects can land
before the first frame on a slow start."""

from __future__ import annotations

import gc

import pytest

from reflect.ui.shell import gc_guard
from reflect.ui.shell.gc_guard import MainThreadGarbageCollector

pytestmark = pytest.mark.gui


@pytest.fixture
def waiting(qapp, monkeypatch):
    collector = MainThreadGarbageCollector(qapp, start_after_ms=60_000)
    monkeypatch.setattr(gc_guard, "_installed", collector)
    yield collector
    gc_guard.thaw()
    collector.stop()
    collector.setParent(None)


def test_the_apps_collector_starts_at_the_first_paint(qtbot, waiting):
    garbage = [[] for _ in range(5000)]  # more than a young generation's worth
    del garbage
    qtbot.wait(50)
    assert not waiting.timer.isActive() and not gc.isenabled()
    gc_guard.freeze_survivors()  # what the window's first paint calls
    assert waiting.timer.isActive() and gc.get_freeze_count() > 0


def test_the_apps_collector_starts_by_itself_if_nothing_paints(qtbot, qapp):
    collector = MainThreadGarbageCollector(qapp, start_after_ms=50)
    try:
        assert not collector.timer.isActive()
        qtbot.waitUntil(collector.timer.isActive, timeout=2000)
    finally:
        collector.stop()
        collector.setParent(None)
