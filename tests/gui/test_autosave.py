"""The shared autosave: saves after a pause, at least every second while typing, retries a failure."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from reflect.ui.common.autosave import MAX_UNSAVED_MS, RETRY_DELAY_MS, SAVE_DELAY_MS, Autosave

pytestmark = pytest.mark.gui


class Form(QWidget):
    """Two text fields and a status label, written to a dict standing in for the journal."""

    def __init__(self) -> None:
        super().__init__()
        self.name, self.notes, self.status = QLineEdit(), QLineEdit(), QLabel()
        layout = QVBoxLayout(self)
        for widget in (self.name, self.notes, self.status):
            layout.addWidget(widget)
        self.stored: dict[str, str] = {}
        self.writes: list[frozenset[str]] = []
        self.written_at: list[float] = []
        self.refuse: set[str] = set()  # fields whose write raises, as a full disk would
        self.autosave = Autosave(self._write, self._written, self.status, parent=self)
        self.name.textEdited.connect(lambda _text: self.autosave.edited("name"))
        self.notes.textEdited.connect(lambda _text: self.autosave.edited("notes"))

    def _write(self, pending: frozenset[str]) -> datetime:
        self.writes.append(pending)
        self.written_at.append(time.monotonic())
        for key in sorted(pending):
            if key in self.refuse:
                raise OSError("No space left on device")
            self.stored[key] = getattr(self, key).text()
            self.autosave.done(key)
        return datetime.now(timezone.utc)

    def _written(self, saved_at: datetime) -> None:
        self.autosave.show_saved(saved_at)


@pytest.fixture
def form(qtbot):
    widget = Form()
    qtbot.addWidget(widget)
    return widget


def test_a_pause_in_typing_saves_everything_typed_in_one_write(qtbot, form):
    """Nothing is written mid-word; after a pause one write stores both fields and says 'Saved'."""
    qtbot.keyClicks(form.name, "Ana")
    qtbot.keyClicks(form.notes, "Home visit")
    assert form.writes == [] and form.autosave.pending == {"name", "notes"}
    qtbot.waitUntil(lambda: bool(form.writes), timeout=SAVE_DELAY_MS * 3)
    assert form.writes == [frozenset({"name", "notes"})]
    assert form.stored == {"name": "Ana", "notes": "Home visit"}
    assert form.status.text().startswith("Saved ") and form.autosave.pending == frozenset()


def test_continuous_typing_still_saves_at_least_every_second(qtbot, form):
    """Typing that never pauses for the save delay is still written, within about a second."""
    started = time.monotonic()
    while not form.writes and time.monotonic() - started < 3:
        qtbot.keyClicks(form.name, "a")
        last_key = time.monotonic()
        qtbot.wait(SAVE_DELAY_MS // 5)  # always shorter than the pause that would save
    assert form.writes, "nothing was saved while typing"
    # The write came while keys were still arriving, so the maximum wait made it, not a pause.
    assert form.written_at[0] - last_key < SAVE_DELAY_MS / 1000
    assert form.written_at[0] - started < (MAX_UNSAVED_MS + SAVE_DELAY_MS) / 1000
    assert form.stored["name"].startswith("a")


def test_a_failed_write_keeps_the_text_says_why_and_retries(qtbot, form, caplog):
    """A full disk: flush() is False, the label says so, the log names only the error class."""
    form.refuse.add("notes")
    qtbot.keyClicks(form.notes, "Mother said the boiler is broken")
    with caplog.at_level(logging.WARNING):
        assert form.autosave.flush() is False
    assert form.status.text().startswith("Not saved yet: the disk is full.")
    assert form.autosave.pending == {"notes"}
    assert [r.getMessage() for r in caplog.records] == ["autosave failed (OSError); will retry"]
    form.refuse.clear()
    qtbot.waitUntil(lambda: form.stored.get("notes") == "Mother said the boiler is broken",
                    timeout=RETRY_DELAY_MS * 2)
    assert form.status.text().startswith("Saved ")


def test_a_retry_writes_only_what_did_not_reach_the_disk(qtbot, form):
    """Fields marked done before the failure are not written again on the retry."""
    form.refuse.add("notes")
    qtbot.keyClicks(form.name, "Ana")
    qtbot.keyClicks(form.notes, "Visit")
    assert form.autosave.flush() is False
    assert form.stored == {"name": "Ana"} and form.autosave.pending == {"notes"}
    form.refuse.clear()
    assert form.autosave.flush() is True
    assert form.writes[-1] == frozenset({"notes"})


def test_save_now_writes_at_once_and_flush_with_nothing_pending_writes_nothing(qtbot, form):
    """A choice is written immediately; flushing again has nothing to write and succeeds."""
    form.name.setText("Chosen")
    assert form.autosave.save_now("name") is True
    assert form.stored == {"name": "Chosen"} and len(form.writes) == 1
    assert form.autosave.flush() is True and len(form.writes) == 1


def test_clear_forgets_pending_edits_and_stops_the_timers(qtbot, form):
    """After clear() (another record shown) the edits typed before are never written."""
    qtbot.keyClicks(form.name, "Not this one")
    form.autosave.clear()
    qtbot.wait(MAX_UNSAVED_MS + SAVE_DELAY_MS)
    assert form.writes == [] and form.autosave.pending == frozenset()


def test_saved_label_gives_the_time_today_and_the_date_otherwise(form):
    """'Saved 14:05' for today; 'Saved 3 Mar 2025, 14:05' for another day (local time)."""
    now = datetime.now().astimezone()
    form.autosave.show_saved(now)
    assert form.status.text() == f"Saved {now.strftime('%H:%M')}"
    earlier = now - timedelta(days=40)
    form.autosave.show_saved(earlier)
    assert form.status.text() == f"Saved {earlier.day} {earlier.strftime('%b %Y, %H:%M')}"
