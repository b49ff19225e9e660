"""The export dialog's warning before printing right-to-left text, which the PDF would print wrongly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reflect.domain.journal import NewEntry
from reflect.services.print_warnings import RIGHT_TO_LEFT
from reflect.ui.export.print_warning_dialog import GO_BACK, RightToLeftWarning
from tests.gui.test_export_helpers import LEFT, answer_file, make_flow, open_dialog, wait_done

pytestmark = pytest.mark.gui


def _arabic_entry(journal) -> int:
    return journal.entries.create_entry(NewEntry(
        title="A greeting at the door", model="gibbs",
        answers=(("description", "The family said مرحبا بكم and smiled."),))).id


def _warning_answers(monkeypatch, answer: bool) -> list[list[str]]:
    asked: list[list[str]] = []

    def ask(cls, parent, places):
        asked.append(places)
        return answer
    monkeypatch.setattr(RightToLeftWarning, "ask", classmethod(ask))
    return asked


def test_go_back_at_the_right_to_left_warning_writes_nothing(qtbot, journal, tmp_path, monkeypatch):
    """Arabic text: the dialog asks (naming where it is); "Go back" means no Save-as, no file, no log."""
    entry_id = _arabic_entry(journal)
    asked = _warning_answers(monkeypatch, False)
    chosen = []
    monkeypatch.setattr("reflect.ui.export.export_dialog.ChooseExportFile.ask",
                        classmethod(lambda cls, parent, suggested: chosen.append(suggested)))
    dialog = open_dialog(qtbot, make_flow(qtbot, journal, entry_id=entry_id), "entry")
    qtbot.mouseClick(dialog.view.export_button, LEFT)
    wait_done(qtbot, dialog)
    assert asked == [["A greeting at the door: Description"]]
    assert chosen == [] and "Nothing was written" in dialog.view.status.text()
    assert journal.exports.all() == [] and not list(tmp_path.glob("*.pdf"))


def test_export_anyway_writes_the_pdf(qtbot, journal, tmp_path, monkeypatch):
    """"Export anyway" goes on to the file as before."""
    entry_id = _arabic_entry(journal)
    asked = _warning_answers(monkeypatch, True)
    target = tmp_path / "Reflection.pdf"
    answer_file(monkeypatch, target)
    dialog = open_dialog(qtbot, make_flow(qtbot, journal, entry_id=entry_id), "entry")
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.view.export_button, LEFT)
    assert len(asked) == 1 and target.exists() and len(journal.exports.all()) == 1


def test_the_warning_says_why_and_go_back_is_the_safe_default(qtbot):
    """The real box: the plain warning, where the text is, two named buttons; Go back is the default."""
    box = RightToLeftWarning.box(None, ["A greeting at the door: Description"])
    qtbot.addWidget(box)
    assert box.text() == RIGHT_TO_LEFT and "reversed" in box.text()
    assert "A greeting at the door: Description" in box.informativeText()
    assert sorted(b.text() for b in box.buttons()) == ["Export anyway", "Go back"]
    assert box.defaultButton().text() == GO_BACK and box.escapeButton().text() == GO_BACK

    def click_go_back():
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, QMessageBox)
        next(b for b in shown.buttons() if b.text() == GO_BACK).click()
    QTimer.singleShot(0, click_go_back)
    assert RightToLeftWarning.ask(None, ["A greeting at the door: Description"]) is False
