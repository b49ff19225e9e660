"""Export… end to end through the real dialogs: review, write in the background, check, log."""

from __future__ import annotations

import hashlib
import threading
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from reflect.domain.entry_filter import EntryFilter
from reflect.services import exporting as svc
from reflect.services.demo import build_demo
from reflect.ui.export import export_dialog
from tests.gui.test_export_helpers import (
    EDITED_TEXT,
    LEFT,
    answer_file,
    make_flow,
    open_dialog,
    plant,
    review_with,
    select,
    wait_done,
)
from tests.unit.pdf_helpers import norm, page_texts, qpdf_check

pytestmark = pytest.mark.gui


def test_session_pack_with_review(qtbot, journal, tmp_path, monkeypatch):
    """Accept one finding, edit one in place, leave one reflection out: the PDF shows exactly that."""
    build_demo(journal, 40)
    ids = plant(journal)
    target = tmp_path / "Supervision pack.pdf"
    answer_file(monkeypatch, target)

    def steps(dialog):
        assert not dialog.export_button.isEnabled()
        select(dialog, "Dr Patel")
        qtbot.mouseClick(dialog.accept_button, LEFT)
        select(dialog, "WN1 1AA")
        qtbot.mouseClick(dialog.edit_button, LEFT)
        assert dialog.editor.textCursor().selectedText() == "WN1 1AA"
        dialog.editor.setPlainText(EDITED_TEXT)
        qtbot.mouseClick(dialog.save_button, LEFT)
        select(dialog, "943 476 5919")
        qtbot.mouseClick(dialog.leave_button, LEFT)
        assert dialog.review.unresolved == [] and dialog.export_button.isEnabled()
        qtbot.mouseClick(dialog.export_button, LEFT)
        return dialog.result()

    shown = review_with(monkeypatch, steps)
    flow = make_flow(qtbot, journal, session_id=ids["session"])
    dialog = open_dialog(qtbot, flow)
    assert dialog.view.kind() == "session" and dialog.view.session.currentData() == ids["session"]
    changed = []
    dialog.journal_changed.connect(changed.append)
    with qtbot.waitSignal(flow.exported, timeout=60000) as exported:
        qtbot.mouseClick(dialog.view.export_button, LEFT)
    result = exported.args[0]
    assert len(shown) == 1 and changed == [frozenset({ids["visit"]})]
    assert journal.entries.get_entry(ids["visit"]).answer("description") == EDITED_TEXT
    assert ("title_name", "Dr Patel") in journal.privacy.accepted()
    text = norm(" ".join(page_texts(target)))
    assert "a town in the borough" in text and "WN1 1AA" not in text
    assert "Notes from the core group" not in text and "943 476 5919" not in text
    assert "Thinking about the home visit" in text and "A quiet reflection on drift" in text
    assert len(PdfReader(str(target)).pages) == result.pages
    qpdf_check(target)
    assert result.path == target and result.entry_count == 2
    log = journal.exports.all()[0]
    assert (log.entry_count, log.sha256) == (2, hashlib.sha256(target.read_bytes()).hexdigest())
    bar = dialog.view.progress
    assert bar.value() == bar.maximum() > 0
    assert dialog.view.open_pdf.isVisible() and dialog.view.show_folder.isVisible()
    opened = []
    monkeypatch.setattr("reflect.ui.export.export_dialog.QDesktopServices.openUrl", opened.append)
    qtbot.mouseClick(dialog.view.open_pdf, LEFT)
    qtbot.mouseClick(dialog.view.show_folder, LEFT)
    assert [u.toLocalFile() for u in opened] == [str(target), str(tmp_path)]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".reflect-")] == []


def test_cancelling_the_review_writes_nothing(qtbot, journal, tmp_path, monkeypatch):
    """Cancel in the review dialog: no file dialog, no file, and the dialog says so."""
    ids = plant(journal)
    asked = []
    monkeypatch.setattr("reflect.ui.export.export_dialog.ChooseExportFile.ask",
                        classmethod(lambda cls, parent, suggested: asked.append(suggested)))
    review_with(monkeypatch, lambda dialog: QDialog.DialogCode.Rejected)
    dialog = open_dialog(qtbot, make_flow(qtbot, journal, session_id=ids["session"]))
    qtbot.mouseClick(dialog.view.export_button, LEFT)
    wait_done(qtbot, dialog)
    assert asked == [] and "Nothing was written" in dialog.view.status.text()
    assert journal.exports.all() == []


def _accept_everything(journal, request) -> None:
    report = svc.load_report(journal, request)
    for finding in svc.find_problems(journal, request, report):
        journal.privacy.accept(*finding.key)


def _portfolio_dialog(qtbot, journal, monkeypatch, target):
    build_demo(journal, 150)
    everything = EntryFilter(created_from=date(2000, 1, 1), created_to=date.today())
    _accept_everything(journal, svc.ExportRequest("portfolio", entry_filter=everything))
    answer_file(monkeypatch, target)
    dialog = open_dialog(qtbot, make_flow(qtbot, journal), "portfolio")
    dialog.view.date_from.setDate(date(2000, 1, 1))
    assert dialog.view.kind() == "portfolio"
    return dialog


def test_window_stays_responsive_while_a_large_portfolio_renders(qtbot, journal, tmp_path, monkeypatch):
    """A 150-reflection portfolio renders off the UI thread: a 20 ms timer keeps ticking throughout."""
    target = tmp_path / "Portfolio.pdf"
    dialog = _portfolio_dialog(qtbot, journal, monkeypatch, target)
    ticks = {"all": 0, "writing": 0, "checking": 0}
    values = []

    def tick():
        ticks["all"] += 1
        status = dialog.view.status.text()
        if status.startswith("Writing the PDF…"):
            ticks["writing"] += 1
            values.append(dialog.view.progress.value())
        elif status.startswith("Checking"):
            ticks["checking"] += 1

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    try:
        with qtbot.waitSignal(dialog.exported, timeout=120000) as exported:
            qtbot.mouseClick(dialog.view.export_button, LEFT)
    finally:
        timer.stop()
    assert exported.args[0].entry_count == 150
    assert ticks["writing"] >= 10 and ticks["checking"] >= 5, ticks
    assert len(set(values)) >= 3, "the progress bar moved while writing"
    assert dialog.view.progress.value() == dialog.view.progress.maximum()
    assert journal.exports.all()[0].entry_count == 150
    qpdf_check(target)


def test_cancel_mid_export_leaves_no_file(qtbot, journal, tmp_path, monkeypatch):
    """Cancel while the portfolio is being written: no PDF and no temporary file are left."""
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = _portfolio_dialog(qtbot, journal, monkeypatch, folder / "Portfolio.pdf")
    qtbot.mouseClick(dialog.view.export_button, LEFT)
    assert dialog.running and dialog.view.cancel_button.isVisible()
    qtbot.waitUntil(lambda: dialog.view.status.text().startswith("Writing the PDF")
                    and dialog.view.progress.value() >= 5, timeout=30000)
    qtbot.mouseClick(dialog.view.cancel_button, LEFT)
    wait_done(qtbot, dialog)
    assert list(folder.iterdir()) == []
    assert "cancelled" in dialog.view.status.text() and dialog.written is None
    assert journal.exports.all() == [] and dialog.view.export_button.isVisible()


def test_the_check_runs_off_the_ui_thread_and_can_be_cancelled(qtbot, journal, tmp_path, monkeypatch):
    """A long selection is checked on a worker, with its progress shown; Cancel stops it before
    any file is asked for."""
    build_demo(journal, 300)
    asked = []
    monkeypatch.setattr("reflect.ui.export.export_dialog.ChooseExportFile.ask",
                        classmethod(lambda cls, parent, suggested: asked.append(suggested)))
    dialog = open_dialog(qtbot, make_flow(qtbot, journal), "portfolio")
    dialog.view.date_from.setDate(date(2000, 1, 1))
    review_with(monkeypatch, lambda review: QDialog.DialogCode.Rejected)  # never reached
    checked_on, gate = [], threading.Event()
    real = export_dialog.check_fields

    def check_fields(fields, *, progress, **kwargs):
        checked_on.append(threading.get_ident())

        def held(done, total):  # the check waits after its first report until Cancel is clicked
            going_on = progress(done, total)
            gate.wait(10)
            return going_on
        return real(fields, progress=held, **kwargs)

    monkeypatch.setattr(export_dialog, "check_fields", check_fields)
    qtbot.mouseClick(dialog.view.export_button, LEFT)
    assert dialog.running and "Checking the text" in dialog.view.status.text()
    qtbot.waitUntil(lambda: "pieces of text" in dialog.view.status.text(), timeout=30000)
    qtbot.mouseClick(dialog.view.cancel_button, LEFT)
    gate.set()
    wait_done(qtbot, dialog)
    assert checked_on and checked_on[0] != threading.get_ident()
    assert asked == [] and "Export cancelled" in dialog.view.status.text()
    assert dialog.view.export_button.isEnabled()


def test_password_protected_single_reflection(qtbot, journal, tmp_path, monkeypatch):
    """With a password the PDF opens only with it, is AES-256, and the dialog says so."""
    ids = plant(journal)
    target = tmp_path / "Reflection.pdf"
    answer_file(monkeypatch, target)
    dialog = open_dialog(qtbot, make_flow(qtbot, journal, entry_id=ids["quiet"]), "entry")
    v = dialog.view
    v.protect.setChecked(True)
    assert v.password.isEnabled() and v.password_advice.isVisible()
    v.password.setText("river kettle lantern")
    v.confirm.setText("river kettle lantren")
    qtbot.mouseClick(v.export_button, LEFT)
    assert "not the same" in v.error.text() and not dialog.running
    v.confirm.setText("river kettle lantern")
    with qtbot.waitSignal(dialog.exported, timeout=60000) as exported:
        qtbot.mouseClick(v.export_button, LEFT)
    assert exported.args[0].encrypted and "AES-256" in v.done.text()
    reader = PdfReader(str(target))
    assert reader.is_encrypted and not reader.decrypt("wrong password")
    reader = PdfReader(str(target))
    assert reader.decrypt("river kettle lantern")
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"], encrypt["/CF"]["/StdCF"]["/CFM"]) == (5, 6, "/AESV3")
    assert "A quiet reflection on drift" in norm(" ".join(page_texts(target, "river kettle lantern")))
    qpdf_check(target, "river kettle lantern")


def test_closing_the_dialog_cancels_a_running_export(qtbot, journal, tmp_path, monkeypatch):
    """Closing (as locking does) stops the export; nothing is left behind."""
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = _portfolio_dialog(qtbot, journal, monkeypatch, folder / "Portfolio.pdf")
    task_holder = []
    qtbot.mouseClick(dialog.view.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.view.status.text().startswith("Writing the PDF"), timeout=30000)
    task_holder.append(dialog.task)
    dialog.reject()
    qtbot.waitUntil(lambda: task_holder[0].done and not dialog.running, timeout=30000)
    qtbot.wait(50)
    assert list(folder.iterdir()) == [] and journal.exports.all() == []


def test_findings_only_the_pdf_has_can_be_reviewed_and_the_export_repeated(qtbot, journal, tmp_path,
                                                                          monkeypatch):
    """When the second check finds something, nothing is written; accepting it exports again."""
    ids = plant(journal)
    target = tmp_path / "Reflection.pdf"
    answer_file(monkeypatch, target)
    monkeypatch.setattr(svc, "allowances", lambda report, watch_terms=(): set())  # dates now count

    def accept_all(dialog):
        while dialog.review.unresolved:
            qtbot.mouseClick(dialog.accept_button, LEFT)
        assert not dialog.edit_button.isEnabled() and not dialog.leave_button.isVisible()
        qtbot.mouseClick(dialog.export_button, LEFT)
        return dialog.result()

    shown = review_with(monkeypatch, accept_all)
    dialog = open_dialog(qtbot, make_flow(qtbot, journal, entry_id=ids["quiet"]), "entry")
    qtbot.mouseClick(dialog.view.export_button, LEFT)
    wait_done(qtbot, dialog)
    assert "written PDF still has details" in dialog.view.error.text()
    assert not target.exists() and dialog.view.review_button.isVisible()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".reflect-")] == []
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.view.review_button, LEFT)
    assert len(shown) == 1 and shown[0].review.title_of(None) == "The written PDF"
    assert target.exists() and journal.exports.all()[0].entry_count == 1


def test_the_export_button_stays_put(qtbot, journal, monkeypatch):
    """Choosing another document, a password, an export starting (Export becomes Cancel export)
    and ending with a message never moves the Export button or Close."""
    from PySide6.QtCore import QPoint

    ids = plant(journal)
    review_with(monkeypatch, lambda dialog: QDialog.DialogCode.Rejected)
    outer = open_dialog(qtbot, make_flow(qtbot, journal, session_id=ids["session"]))
    v = outer.view

    def place(button):
        return button.mapTo(outer, QPoint(0, 0)), button.size(), v.close_button.mapTo(outer, QPoint(0, 0))

    start = place(v.export_button)
    for click in (v.kind_portfolio, v.use_filters, v.kind_entry, v.kind_session, v.protect, v.protect):
        qtbot.mouseClick(click, LEFT)
        assert place(v.export_button) == start
    qtbot.mouseClick(v.export_button, LEFT)
    assert outer.running and v.cancel_button.isVisible() and not v.export_button.isVisible()
    assert place(v.cancel_button) == start  # Cancel export stands where Export was
    wait_done(qtbot, outer)
    assert "Nothing was written" in v.status.text()
    assert place(v.export_button) == start
