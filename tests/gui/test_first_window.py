"""The first window: passphrase on first run and unlock, then the Child R briefing, readable."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from reflect.domain.errors import WrongPassphrase
from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.settings import Settings
from reflect.ui.briefings.briefing_reader import ConfirmOpenLink
from reflect.ui.briefings.briefing_view import QuestionCard
from reflect.ui.shell.main_window import REFLECT, MainWindow
from reflect.ui.unlock import unlock_flow as app
from reflect.ui.unlock.passphrase_dialog import PassphraseDialog
from tests.conftest import REPO

pytestmark = pytest.mark.gui
PASS = "a long enough passphrase"


def test_first_run_dialog_insists_on_a_long_matching_passphrase(qtbot):
    """The first-run dialog warns it cannot be recovered, rejects short or mismatched input."""
    dialog = PassphraseDialog(first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "cannot be opened by anyone" in texts and "on this computer" in texts
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)

    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and "10 characters" in dialog.problem.text()
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.passphrase.setText(PASS)
    dialog.confirm.setText(PASS + "x")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.problem.text()

    dialog.confirm.setText(PASS)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == PASS


def test_unlock_asks_again_after_a_wrong_passphrase(tmp_path, monkeypatch, qapp):
    """A wrong passphrase re-opens the dialog with a plain message; the right one opens the journal."""
    paths = AppPaths(tmp_path / "j")
    open_journal(paths, PASS, create=True).close()
    answers = iter(["not my passphrase", PASS])
    errors = []

    def fake_ask(**kwargs):
        errors.append(kwargs["error"])
        return next(answers)

    monkeypatch.setattr(PassphraseDialog, "ask", fake_ask)
    journal = app.unlock(paths, Settings(), None)
    try:
        assert errors[0] == "" and errors[1] == WrongPassphrase().message
        assert journal.entries.count_entries() == 0
    finally:
        journal.close()


def test_quitting_the_dialog_exits_cleanly(tmp_path, monkeypatch, qapp):
    """Choosing Quit at the first-run dialog creates no journal and exits with 0."""
    monkeypatch.setattr(PassphraseDialog, "ask", lambda **kwargs: None)
    paths = AppPaths(tmp_path / "j")
    assert app.unlock(paths, Settings(), None) == 0
    assert not paths.journal_file.exists()


@pytest.fixture
def window(qtbot, journal):
    from tests.gui.reflect_page_helpers import open_window

    return open_window(qtbot, journal)


def test_window_opens_on_child_r(window):
    """The main window shows the Child R briefing: sections in order, 7 questions to reflect on."""
    assert window.reflect_page.briefing_page.picker.currentText() == "Child R"
    reader = window.reflect_page.briefing_page.reader
    labels = [label.text() for label in reader.widget().findChildren(QLabel)]
    order = [labels.index(h) for h in ("Background", "What was the Learning?",
                                       "Why is this important to Wigan?", "What can we consider?",
                                       "Want to learn more?")]
    assert order == sorted(order)
    cards = reader.widget().findChildren(QuestionCard)
    assert len(cards) == 7
    assert cards[0].count_label.text() == "No reflections yet"
    buttons = [b.accessibleName() for b in reader.widget().findChildren(QPushButton)
               if b.text() == "Reflect on this"]
    assert buttons == [f"Reflect on this: question {n}" for n in range(1, 8)]


def test_placeholder_references_are_not_links(window):
    """Child R's eight '#' references are shown as plain references, none as a clickable link."""
    labels = window.reflect_page.briefing_page.reader.widget().findChildren(QLabel)
    references = [label for label in labels if label.text().endswith("(no link given)")]
    assert len(references) == 8
    assert not any("<a " in label.text() for label in labels)


def test_real_link_opens_only_after_confirmation(qtbot, journal, monkeypatch):
    """A real URL goes to the system browser only when the user confirms."""
    from PySide6.QtGui import QDesktopServices

    from reflect.briefings import parse_text

    briefing_id = journal.briefings.add(parse_text(
        "Test Partnership 7 Minute Briefing – Neglect\n\nBackground\n\nText.\n\n"
        "Questions for reflection\n\n- What would you do?\n\nFurther information\n\n"
        "- [Guidance](https://example.org/guidance)\n"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    settings = Settings(last_briefing_id=briefing_id)
    win = MainWindow(journal, settings, lambda: None)
    qtbot.addWidget(win)
    win.show_page(REFLECT)
    assert win.reflect_page.reader.current_id == briefing_id

    monkeypatch.setattr(ConfirmOpenLink, "ask", classmethod(lambda cls, url, parent=None: False))
    win.reflect_page.briefing_page.reader.link_activated.emit("https://example.org/guidance")
    assert opened == []
    monkeypatch.setattr(ConfirmOpenLink, "ask", classmethod(lambda cls, url, parent=None: True))
    win.reflect_page.briefing_page.reader.link_activated.emit("https://example.org/guidance")
    assert opened == ["https://example.org/guidance"]
    win.reflect_page.briefing_page.reader.link_activated.emit("javascript:alert(1)")
    assert opened == ["https://example.org/guidance"]


def test_app_starts_and_paints_in_a_fresh_process(tmp_path, passphrase_file):
    """`python -m reflect` creates the journal and paints its first window (as scripts/run does),
    and reports when that frame was painted on the clock the benchmark reads (bench/painted.py)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "reflect", "--data-dir", str(tmp_path / "j"),
         "--passphrase-file", str(passphrase_file), "--exit-after-first-paint"],
        capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL,
    )
    ended = time.monotonic()
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "j" / "journal.db").exists()
    assert not (tmp_path / "j" / "journal.db.lock").exists()
    painted = [float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("painted ")]
    assert len(painted) == 1 and started < painted[0] < ended


def test_the_app_icon_has_a_drawn_image_for_every_size(qtbot):
    """Window icon: each size from its own PNG (crisp when small); the Windows .ico has them all."""
    from PIL import Image
    from PySide6.QtCore import QSize

    from reflect.ui.shell.app_icon import ICON_DIR, SIZES, app_icon

    icon = app_icon()
    assert set(icon.availableSizes()) >= {QSize(s, s) for s in SIZES}
    for size in SIZES:
        image = icon.pixmap(QSize(size, size)).toImage()
        assert image.width() == size and image.pixelColor(size // 2, size // 5).alpha() == 255
    assert len(list(ICON_DIR.glob("reflect-*.png"))) == len(SIZES)
    with Image.open(REPO / "packaging" / "windows" / "reflect.ico") as ico:
        assert ico.info["sizes"] >= {(s, s) for s in SIZES}
