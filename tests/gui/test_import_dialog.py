"""File → Import briefing…: every fixture briefing through the real dialog into a real journal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from reflect.briefings import parse_text, read_briefing_file
from reflect.ui.briefings import import_briefing_dialog as import_dialog
from reflect.ui.briefings.import_briefing_dialog import (
    PASTED,
    UNEXPECTED,
    ChooseBriefingFile,
    ImportBriefingDialog,
)
from reflect.ui.briefings.import_briefing_view import COULD_NOT_RECOGNISE, KIND_WORDS, counts_sentence
from reflect.ui.common import background
from tests.unit.briefing_fixtures import FIXTURES, SEED, builders

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton
TEXT_FIXTURES = sorted(
    p.name for p in FIXTURES.iterdir()
    if p.suffix in (".md", ".txt") and not p.name.endswith(".spec.txt")
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The Word, PDF and scanned-PDF fixtures, built once into a folder."""
    folder = tmp_path_factory.mktemp("built-briefings")
    (folder / "child-m.docx").write_bytes(builders.build_docx())
    (folder / "adult-d.pdf").write_bytes(builders.build_pdf())
    (folder / "scanned.pdf").write_bytes(builders.build_scanned_pdf())
    return folder


def settle() -> None:
    """Destroy widgets earlier tests left for deletion now, while no worker thread runs Python.

    (PySide can crash if a worker's garbage collection meets a widget being destroyed.)
    """
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def dialog(qtbot, journal):
    settle()
    shown = ImportBriefingDialog(journal.briefings)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    if shown.task is not None:  # no read outlives its test
        qtbot.waitUntil(lambda: shown.task.done, timeout=10000)


def choose(qtbot, monkeypatch, dialog, path: Path) -> None:
    """Click "Choose a file…" with the file dialog answering `path`, and wait for the read."""
    monkeypatch.setattr(ChooseBriefingFile, "ask", classmethod(lambda cls, parent=None: path))
    qtbot.mouseClick(dialog.view.choose_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10000)


def preview(dialog) -> str:
    return dialog.view.preview.toPlainText()


def briefing_count(journal) -> int:
    return len(journal.briefings.list())


def import_and_check(qtbot, dialog, journal, expected, source_name: str, source_text: str = ""):
    """Click Import; the dialog closes with the new id and the journal holds the briefing."""
    before = briefing_count(journal)
    assert dialog.view.import_button.isEnabled()
    qtbot.mouseClick(dialog.view.import_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert briefing_count(journal) == before + 1
    stored = journal.briefings.get(dialog.imported_id)
    assert stored.title == expected.title
    assert len(stored.question_items) == len(expected.questions)
    assert [i.text for i in stored.question_items] == list(expected.questions)
    row = journal.db.execute("SELECT source_name, source_text FROM briefings WHERE id = ?",
                             [dialog.imported_id]).fetchone()
    assert tuple(row) == (source_name, source_text)


def assert_preview_matches(dialog, expected) -> None:
    shown = preview(dialog)
    assert expected.title in shown
    count_words = counts_sentence(expected)
    assert count_words[0].upper() + count_words[1:] in shown
    for section in expected.sections:
        if section.heading:
            assert f"“{section.heading}” — read as {KIND_WORDS[section.kind]}" in shown
    for question in expected.questions:
        assert question in shown
    assert COULD_NOT_RECOGNISE in shown
    for warning in expected.warnings:
        assert warning in shown


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_text_fixture_imports(qtbot, monkeypatch, dialog, journal, name):
    """Each .md/.txt fixture shows its headings, counts, questions and warnings, then imports."""
    path = FIXTURES / name
    expected = read_briefing_file(path)
    choose(qtbot, monkeypatch, dialog, path)
    assert_preview_matches(dialog, expected)
    assert name in dialog.view.status.text()
    import_and_check(qtbot, dialog, journal, expected, name)


@pytest.mark.parametrize("name, counts, headings", [
    ("child-m.docx", "3 learning points, 3 questions, 3 references (all with a web address)",
     ["“Summary of the case” — read as Background", "“Practice tip” — read as Kept as it is",
      "“Reflective questions” — read as Questions for reflection"]),
    ("adult-d.pdf", "3 learning points, 3 questions, 2 references (1 with a web address)",
     ["“What was the learning?” — read as Learning points", "“Find out more” — read as Further"]),
])
def test_word_and_pdf_import(qtbot, monkeypatch, dialog, journal, built, name, counts, headings):
    """A Word and a PDF briefing are read in the background, previewed and imported."""
    path = built / name
    expected = read_briefing_file(path)
    choose(qtbot, monkeypatch, dialog, path)
    shown = preview(dialog)
    assert counts in shown
    assert all(heading in shown for heading in headings)
    assert_preview_matches(dialog, expected)
    import_and_check(qtbot, dialog, journal, expected, name)


def test_child_r_counts(qtbot, monkeypatch, dialog):
    """The Child R seed reads as 10 learning points, 7 questions and 8 references without links."""
    choose(qtbot, monkeypatch, dialog, SEED)
    shown = preview(dialog)
    assert "10 learning points, 7 questions, 8 references (none with a web address)." in shown
    assert "Nothing: Reflect recognised every part of this briefing." in shown


def test_pasted_text_imports(qtbot, dialog, journal):
    """Text pasted with Ctrl+V is read, previewed and stored with its text as "Pasted text"."""
    copied = (FIXTURES / "pdf-copy-adult-c.txt").read_text(encoding="utf-8")
    assert not dialog.view.read_paste_button.isEnabled()
    QGuiApplication.clipboard().setText(copied)
    dialog.view.paste.setFocus()
    qtbot.keyClick(dialog.view.paste, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    text = dialog.view.paste.toPlainText()  # as Qt holds it: no-break spaces become spaces
    assert text == copied.replace("\u00a0", " ")
    expected = parse_text(text)
    assert len(expected.questions) == 4
    qtbot.mouseClick(dialog.view.read_paste_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10000)
    assert_preview_matches(dialog, expected)
    assert "the pasted text" in dialog.view.status.text()
    import_and_check(qtbot, dialog, journal, expected, PASTED, text)


def test_editing_pasted_text_asks_for_a_fresh_read(qtbot, dialog, journal):
    """Changing the pasted text after it was read disables Import until it is read again."""
    dialog.view.paste.setPlainText((FIXTURES / "markdown-child-t.md").read_text(encoding="utf-8"))
    qtbot.mouseClick(dialog.view.read_paste_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10000)
    assert dialog.view.import_button.isEnabled()
    qtbot.keyClicks(dialog.view.paste, "x")
    assert not dialog.view.import_button.isEnabled()
    assert "changed" in dialog.view.status.text()
    qtbot.mouseClick(dialog.view.import_button, LEFT)
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_unrecognised_heading_is_explained(qtbot, monkeypatch, dialog):
    """A heading Reflect does not know is shown as kept as it is, with the warning in plain words."""
    choose(qtbot, monkeypatch, dialog, FIXTURES / "other-heading-family-k.md")
    shown = preview(dialog)
    assert "“Our response” — read as Kept as it is (not recognised)" in shown
    assert "Text before the first heading — read as Kept as it is (not recognised)" in shown
    assert "2 things Reflect could not recognise (listed below)" in shown
    after = shown.split(COULD_NOT_RECOGNISE, 1)[1]
    assert ("A section headed 'Our response' was kept as it is: it did not look like any of the "
            "usual briefing parts.") in after


def test_bad_files_show_a_plain_error_and_save_nothing(qtbot, monkeypatch, dialog, journal, built,
                                                       tmp_path):
    """An empty file and a PDF with no text are explained; Import stays off; another file works."""
    before = briefing_count(journal)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path, words in [(empty, "The file 'empty.txt' is empty: there is no briefing in it."),
                        (built / "scanned.pdf", "this PDF has no text in it")]:
        choose(qtbot, monkeypatch, dialog, path)
        assert words in preview(dialog)
        assert "Nothing has been saved" in preview(dialog)
        assert "could not import" in dialog.view.status.text()
        assert not dialog.view.import_button.isEnabled()
        qtbot.mouseClick(dialog.view.import_button, LEFT)
        assert dialog.isVisible() and briefing_count(journal) == before
    choose(qtbot, monkeypatch, dialog, FIXTURES / "numbered-family-q.txt")
    assert dialog.view.import_button.isEnabled() and dialog.view.choose_button.isEnabled()


def test_unexpected_failure_is_logged_and_explained(qtbot, monkeypatch, dialog, caplog):
    """A bug while reading shows a plain message (not the exception) and is logged."""
    def broken(path):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(import_dialog, "read_briefing_file", broken)
    choose(qtbot, monkeypatch, dialog, SEED)
    assert UNEXPECTED in preview(dialog) and "parser bug" not in preview(dialog)
    assert not dialog.view.import_button.isEnabled()
    assert any("RuntimeError" in record.getMessage() for record in caplog.records)


def test_cancel_while_reading_saves_nothing(qtbot, monkeypatch, dialog, journal, built):
    """Cancel works while a file is being read; the late result is ignored and nothing is saved."""
    before = briefing_count(journal)
    monkeypatch.setattr(ChooseBriefingFile, "ask",
                        classmethod(lambda cls, parent=None: built / "adult-d.pdf"))
    qtbot.mouseClick(dialog.view.choose_button, LEFT)
    assert dialog.reading and not dialog.view.choose_button.isEnabled()
    assert dialog.view.progress.isVisible() and dialog.view.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.view.cancel_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Rejected
    qtbot.waitUntil(lambda: dialog.task.done, timeout=10000)
    assert dialog.briefing is None and briefing_count(journal) == before


def test_escape_cancels(qtbot, dialog, journal):
    """Escape, even from the paste box, closes the dialog without saving."""
    before = briefing_count(journal)
    dialog.view.paste.setPlainText("some text")
    qtbot.keyClick(dialog.view.paste, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert briefing_count(journal) == before


def test_ask_returns_the_new_id_or_none(qtbot, journal):
    """ask() returns the imported briefing's id, or None when cancelled."""
    settle()
    text = (FIXTURES / "bom-utf8-adult-p.md").read_text(encoding="utf-8-sig")

    def import_pasted():
        shown = QApplication.activeModalWidget()
        shown.reading_finished.connect(shown.view.import_button.click)
        shown.view.paste.setPlainText(text)
        shown.view.read_paste_button.click()

    QTimer.singleShot(0, import_pasted)
    new_id = ImportBriefingDialog.ask(journal.briefings)
    assert journal.briefings.get(new_id).briefing.subject == "Adult P"

    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert ImportBriefingDialog.ask(journal.briefings) is None


def test_keyboard_order_and_accessible_names(qtbot, dialog):
    """Tab visits every control in order, and every focusable widget has an accessible name."""
    dialog.view.paste.setPlainText((FIXTURES / "markdown-child-t.md").read_text(encoding="utf-8"))
    qtbot.mouseClick(dialog.view.read_paste_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10000)
    v = dialog.view
    expected = [v.choose_button, v.paste, v.read_paste_button, v.preview,
                *v.corrections.focus_order(), v.import_button, v.cancel_button]
    dialog.activateWindow()
    v.choose_button.setFocus()
    visited = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected

    focusable = [w for w in dialog.findChildren(QWidget)
                 if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(dialog)]
    assert set(expected) <= set(focusable)
    assert all(w.accessibleName().strip() for w in focusable), [
        type(w).__name__ for w in focusable if not w.accessibleName().strip()]
    mnemonics = [v.choose_button.text(), v.read_paste_button.text(), v.import_button.text(),
                 v.cancel_button.text()]
    assert all("&" in text for text in mnemonics)


def test_dialog_closed_mid_read_is_deleted_after_the_read(qtbot, monkeypatch, journal, built):
    """ask() cancelled while reading returns None; the dialog is deleted only once the read ends."""
    settle()
    monkeypatch.setattr(ChooseBriefingFile, "ask",
                        classmethod(lambda cls, parent=None: built / "adult-d.pdf"))
    destroyed = []

    def choose_then_cancel():
        shown = QApplication.activeModalWidget()
        shown.destroyed.connect(lambda: destroyed.append(True))
        shown.view.choose_button.click()
        assert shown.reading
        shown.reject()

    QTimer.singleShot(0, choose_then_cancel)
    assert ImportBriefingDialog.ask(journal.briefings) is None
    (waiting,) = [owner for owner in background._closing if isinstance(owner, ImportBriefingDialog)]
    task = waiting.task
    assert not destroyed and not task.done
    qtbot.waitUntil(lambda: task.done and waiting not in background._closing, timeout=10000)
    qtbot.waitUntil(lambda: bool(destroyed), timeout=2000)


def test_what_was_read_can_be_corrected_before_importing(qtbot, dialog, journal):
    """The title and a question are corrected under the preview; the preview and the journal
    get the corrected briefing; with every question removed Import is refused until one is back."""
    dialog.view.paste.setPlainText((FIXTURES / "markdown-child-t.md").read_text(encoding="utf-8"))
    qtbot.mouseClick(dialog.view.read_paste_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10000)
    fix = dialog.view.corrections
    assert fix.isVisible() and fix.title_edit.text() == dialog.read_briefing.title
    fix.title_edit.selectAll()
    qtbot.keyClicks(fix.title_edit, "Child T: a corrected title")
    read = list(dialog.read_briefing.questions)
    fix.questions.setPlainText("\n".join(["What would you ask  the family first?", "", *read[1:]]))
    assert "Child T: a corrected title" in preview(dialog)
    assert "What would you ask the family first?" in preview(dialog)
    fix.questions.clear()
    assert not dialog.view.import_button.isEnabled()
    assert "at least one question" in dialog.view.status.text()
    fix.questions.setPlainText("\n".join(["What would you ask the family first?", *read[1:]]))
    assert dialog.view.import_button.isEnabled()
    qtbot.mouseClick(dialog.view.import_button, LEFT)
    stored = journal.briefings.get(dialog.imported_id)
    assert stored.title == "Child T: a corrected title"
    assert [q.text for q in stored.question_items] == ["What would you ask the family first?", *read[1:]]
