"""Privacy: no journal text outside the encrypted files, and no network use, in the main journeys."""

from __future__ import annotations

import socket
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.settings import Settings
from reflect.ui.shell.main_window import REFLECT, SESSIONS
from reflect.ui.shell.window_session import WindowSession

pytestmark = pytest.mark.gui
PASS = "a long enough passphrase"


def _encodings(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def _files_holding(folders: list[Path], marker: str) -> list[str]:
    needles = _encodings(marker)
    hits = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                if any(needle in data for needle in needles):
                    hits.append(str(path))
    return hits


@pytest.fixture
def isolated_temp(tmp_path, monkeypatch):
    """A private temp folder and Qt cache/config homes, so everything the app writes can be searched."""
    temp = tmp_path / "temp"
    temp.mkdir()
    for name, sub in (("TMPDIR", "temp"), ("TEMP", "temp"), ("TMP", "temp"),
                      ("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config")):
        (tmp_path / sub).mkdir(exist_ok=True)
        monkeypatch.setenv(name, str(tmp_path / sub))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return [temp, tmp_path / "cache", tmp_path / "config"]


def _type(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_canary_text_appears_in_no_file(qtbot, tmp_path, isolated_temp, monkeypatch):
    """Marker text typed into entries, tags, sessions and search, then lock, backup, encrypted copy and
    close: no file in the data, backup or temp folders holds it (UTF-8 or UTF-16)."""
    marker = f"canary{uuid.uuid4().hex[:12]}"
    data_dir, backup_dir = tmp_path / "data", tmp_path / "backups"
    paths = AppPaths(data_dir)
    settings = Settings(backup_dir=str(backup_dir))
    journal = open_journal(paths, PASS, create=True, settings=settings)
    session = WindowSession(QApplication.instance(), paths, settings, journal,
                            lambda: settings.save(paths.settings_file))
    window = session.start()
    qtbot.addWidget(window)
    window.show_page(REFLECT)
    window.new_reflection()
    editor = window.reflect_page.editor
    _type(qtbot, editor.view.title, f"Title {marker}")
    body = next(iter(editor.stages.values())).edit
    _type(qtbot, body, f"Body {marker} ")
    body.insertPlainText("with Łódź and Şanlıurfa")  # QTest types ASCII only
    _type(qtbot, editor.view.tags, f"tag{marker}")
    qtbot.keyClick(editor.view.tags, Qt.Key.Key_Return)
    window.show_page(SESSIONS)
    window.sessions_page.new_session()
    _type(qtbot, window.sessions_page.form.view.notes, f"Notes {marker}")
    window.find()
    _type(qtbot, window.reflect_page.search.view.query, marker)
    window.reflect_page.search.run()
    assert window.reflect_page.search.model.rowCount() >= 1  # the text really is in the journal

    window.lock()
    qtbot.keyClicks(window.lock_screen.passphrase, PASS)
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    assert journal.backup("manual").parent == backup_dir
    journal.export_encrypted_copy(data_dir / "copy.reflect")
    window.close()
    journal.close()

    assert _files_holding([data_dir, backup_dir, *isolated_temp], marker) == []
    assert (data_dir / "settings.ini").exists()


def test_no_network_in_the_main_journeys(qtbot, tmp_path, monkeypatch):
    """With every way of opening a socket made to fail loudly, the main journeys still work."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[:1])
        raise AssertionError("Reflect tried to use the network")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse("socket")

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)

    from reflect.services.demo import build_demo
    from reflect.store.archive_loader import load_archive
    from tests.gui.reflect_page_helpers import open_window

    paths = AppPaths(tmp_path / "j")
    with open_journal(paths, PASS, create=True) as journal:
        build_demo(journal, 30)
        window = open_window(qtbot, journal)
        for page in range(4):
            window.show_page(page)
        window.show_page(REFLECT)
        window.new_reflection()
        qtbot.keyClicks(next(iter(window.reflect_page.editor.stages.values())).edit, "offline words")
        window.find()
        qtbot.keyClicks(window.reflect_page.search.view.query, "offline")
        window.reflect_page.search.run()
        window.lock()
        journal.backup("manual")
        journal.export_encrypted_copy(tmp_path / "copy.reflect")
        load_archive(journal)
        window.close()
    assert attempts == []
    assert "PySide6.QtNetwork" not in sys.modules
