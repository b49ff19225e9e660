"""GUI tests collect garbage on the UI thread, as the app does (see reflect.ui.shell.gc_guard)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _main_thread_gc(qapp):
    from reflect.ui.shell import gc_guard
    from reflect.ui.shell.gc_guard import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector(qapp)
    yield
    gc_guard.thaw()  # a window session froze what was alive at its first paint
    collector.stop()
    collector.setParent(None)
