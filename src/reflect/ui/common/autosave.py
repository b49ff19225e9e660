"""Autosave: the one copy of "keystroke to disk" shared by the entry editor and the session form.

Nothing in Reflect has a Save button (ARCHITECTURE.md "Data flow"). Each edit marks a field
pending and restarts a single-shot timer; when typing pauses for SAVE_DELAY_MS the pending fields
are written. Continuous typing never pauses, so a second timer bounds the wait to MAX_UNSAVED_MS
and a crash loses under a second of text. `flush()` writes at once (entry or session switch, lock,
export, close). A failed write (disk full, read-only folder) keeps the text on screen, says why in
the status label and retries after RETRY_DELAY_MS.

The owner says how to write: `write(pending)` stores the pending fields, calling `done(key)` as each
reaches the disk, and returns whatever `on_saved` needs; `on_saved` runs only after a write that
raised nothing, outside the error handling, so its own errors are not mistaken for a full disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from reflect.domain.errors import ReflectError
from reflect.store import DatabaseError, describe_write_error

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 750
# Continuous typing never pauses, so a pure debounce could hold minutes of text in memory; this
# bounds what a crash can lose to under a second.
MAX_UNSAVED_MS = 900
RETRY_DELAY_MS = 3000


class Autosave(QObject):
    """Pending fields, the pause and maximum-wait timers, the retry, and the "Saved …" label."""

    def __init__(self, write: Callable[[frozenset[str]], Any], on_saved: Callable[[Any], None],
                 status: QLabel, *, what: str = "autosave", today: Callable[[], date] = date.today,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._write = write
        self._on_saved = on_saved
        self._status = status
        self._what = what  # names the owner in the log line, which never holds journal text
        self._today = today
        self._pending: set[str] = set()
        self._pause = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._max_wait = QTimer(self, singleShot=True, interval=MAX_UNSAVED_MS)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_DELAY_MS)
        for timer in (self._pause, self._max_wait, self._retry):
            timer.timeout.connect(self.flush)

    @property
    def pending(self) -> frozenset[str]:
        return frozenset(self._pending)

    def edited(self, key: str) -> None:
        """Text changed: save after a pause, and within MAX_UNSAVED_MS of the first unsaved key."""
        self._pending.add(key)
        self._pause.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def save_now(self, key: str) -> bool:
        """A choice changed (a combo box, a date): write it, and anything else pending, at once."""
        self._pending.add(key)
        return self.flush()

    def done(self, *keys: str) -> None:
        """Called by `write` for what reached the disk, so a retry writes only the rest."""
        self._pending.difference_update(keys)

    def clear(self) -> None:
        """Forget pending edits (another entry or session is shown); call `flush()` first."""
        self._stop()
        self._pending.clear()

    def flush(self) -> bool:
        """Write every pending change now. False if something could not be saved (kept, retried)."""
        self._stop()
        if not self._pending:
            return True
        try:
            result = self._write(frozenset(self._pending))
        except (DatabaseError, OSError, ReflectError) as exc:
            log.warning("%s failed (%s); will retry", self._what, type(exc).__name__)
            self._status.setText(describe_write_error(exc))
            self._retry.start()
            return False
        self._on_saved(result)
        return True

    def show_saved(self, saved_at: datetime) -> None:
        """'Saved 14:05' today, 'Saved 3 Mar 2025, 14:05' on another day, in local time."""
        local = saved_at.astimezone()
        when = local.strftime("%H:%M") if local.date() == self._today() else \
            f"{local.day} {local.strftime('%b %Y, %H:%M')}"
        self._status.setText(f"Saved {when}")

    def _stop(self) -> None:
        for timer in (self._pause, self._max_wait, self._retry):
            timer.stop()
