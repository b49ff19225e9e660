"""Faults while writing: a full disk or read-only journal keeps the text on screen, says why, retries."""

from __future__ import annotations

import os
import stat

import pytest

from reflect.domain.errors import JournalUnavailable
from reflect.store.lockfile import JournalLock
from tests.gui.reflect_page_helpers import open_window

pytestmark = pytest.mark.gui


def _fill_the_disk(journal) -> None:
    """SQLite's own 'disk is full' path: the file may not grow past the pages it has."""
    pages = journal.db.execute("PRAGMA page_count").fetchone()[0]
    journal.db.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_keeps_text_and_retries(qtbot, journal):
    """With the disk full the editor keeps the text and says so; when space returns it saves."""
    window = open_window(qtbot, journal)
    window.new_reflection()
    editor = window.reflect_page.editor
    _fill_the_disk(journal)
    edit = next(iter(editor.stages.values())).edit
    qtbot.keyClicks(edit, "word " * 3000)
    assert editor.flush() is False
    assert "disk is full" in editor.view.saved.text()
    assert edit.toPlainText().startswith("word word")
    journal.db.execute("PRAGMA max_page_count = 1073741823")
    qtbot.waitUntil(lambda: editor.view.saved.text().startswith("Saved"), timeout=10000)
    stored = journal.entries.get_entry(editor.entry_id)
    assert stored.answer(next(iter(editor.stages))).startswith("word word")


def test_read_only_journal_keeps_text_and_retries(qtbot, journal):
    """When the journal cannot be written the editor says so, keeps the text, and saves once it can."""
    window = open_window(qtbot, journal)
    window.new_reflection()
    editor = window.reflect_page.editor
    journal.db.execute("PRAGMA query_only = 1")
    qtbot.keyClicks(editor.view.title, "Typed while read-only")
    assert editor.flush() is False
    assert "cannot be written" in editor.view.saved.text()
    journal.db.execute("PRAGMA query_only = 0")
    qtbot.waitUntil(lambda: editor.view.saved.text().startswith("Saved"), timeout=10000)
    assert journal.entries.get_entry(editor.entry.id).title == "Typed while read-only"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_cannot_take_the_lock(tmp_path):
    """A folder that cannot be written gives a plain JournalUnavailable, not a crash."""
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(JournalUnavailable):
            JournalLock(tmp_path / "journal.db.lock").acquire()
    finally:
        tmp_path.chmod(stat.S_IRWXU)


def test_lock_file_that_cannot_be_created_is_explained(tmp_path, monkeypatch):
    """When the OS refuses the lock file (read-only share), the error says what to check."""
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(JournalUnavailable) as caught:
        JournalLock(tmp_path / "journal.db.lock").acquire()
    assert "can be written" in caught.value.message
