"""GUI tests collect garbage on the UI thread, as the app does (see reflect.ui.gc_guard)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _main_thread_gc(qapp):
    from reflect.ui.gc_guard import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector(qapp)
    yield
    collector.stop()
    collector.setParent(None)
