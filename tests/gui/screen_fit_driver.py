"""Open the main window and every dialog on the screen Qt was started with, and report where each is.

Run in a child process by tests/gui/test_screen_fit.py, once per QT_SCALE_FACTOR (the factor must be
set before QApplication exists), on the offscreen platform given a 1366×768 screen:

    python -m tests.gui.screen_fit_driver REPORT.json [SCREENSHOT_FOLDER]

The journal is filled so each dialog shows long content (a reply pack read, a briefing previewed,
findings listed, versions kept). The report gives, for every window: its frame, its screen's
available geometry and the controls cut off by the window or by their parent outside scroll areas.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

#: every top-level window the app can show, and the module of its class (the test checks that each
#: QDialog subclass in src/reflect/ui is here)
DIALOGS = {
    "ActionDialog": "reflect.ui.sessions.action_dialog",
    "BackupsDialog": "reflect.ui.care.backups_dialog",
    "AboutYouDialog": "reflect.ui.common.about_you",
    "ChangePassphraseDialog": "reflect.ui.care.change_passphrase_dialog",
    "EntryPickerDialog": "reflect.ui.sessions.entry_picker_dialog",
    "ExportDialog": "reflect.ui.export.export_dialog",
    "ExportHistoryDialog": "reflect.ui.export.export_history_dialog",
    "FindingsDialog": "reflect.ui.export.findings_dialog",
    "FinishRekeying": "reflect.ui.care.finish_rekeying_dialog",
    "HelpDialog": "reflect.ui.shell.help_dialog",
    "HistoryDialog": "reflect.ui.reflect_page.history_dialog",
    "ImportBriefingDialog": "reflect.ui.briefings.import_briefing_dialog",
    "PassphraseDialog": "reflect.ui.unlock.passphrase_dialog",
    "ReplyImportDialog": "reflect.ui.replies.reply_import_dialog",
    "SettingsDialog": "reflect.ui.shell.settings_dialog",
    "TakeAwayDialog": "reflect.ui.care.take_away_dialog",
    "TakeToSupervisionDialog": "reflect.ui.reflect_page.take_to_supervision_dialog",
}
CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractScrollArea, QLabel)
PASSPHRASE = "correct horse battery staple"
SMALLEST = QSize(900, 500)


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def cut_off(window: QWidget) -> list[str]:
    """Visible controls not wholly shown: outside their window, or clipped by a parent that is
    not a scroll area's viewport (whose content scrolls into view), or squeezed to nothing."""
    found = []
    for widget in window.findChildren(QWidget):
        if (not isinstance(widget, CONTROLS) or not widget.isVisibleTo(window)
                or widget.window() is not window or isinstance(widget, QLabel) and not widget.text()):
            continue
        name = f"{type(widget).__name__} {widget.accessibleName()!r}"
        if widget.width() < 4 or widget.height() < 4:
            found.append(f"{name}: squeezed to {widget.width()}×{widget.height()}")
            continue
        shown = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        parent = widget.parentWidget()
        while parent is not None and parent is not window:
            outer = parent.parentWidget()
            if isinstance(outer, QAbstractScrollArea) and parent is outer.viewport():
                break  # inside a scroll area: reachable by scrolling
            shown &= QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
            parent = parent.parentWidget()
        else:
            shown &= window.rect()
        if shown.width() < widget.width() - 1 or shown.height() < widget.height() - 1:
            found.append(f"{name}: {widget.width()}×{widget.height()} "
                         f"shown as {shown.width()}×{shown.height()}")
    return found


def sideways(window: QWidget) -> list[str]:
    """Scrolling pages (not lists or tables) that would have to be scrolled sideways."""
    return [area.accessibleName() or type(area).__name__ for area in window.findChildren(QScrollArea)
            if area.isVisibleTo(window) and area.horizontalScrollBar().isVisible()]


def writing_room(window) -> list[int]:
    """The first writing box of the open reflection: how high it is, and how much of it is seen."""
    from reflect.ui.reflect_page.stage_editor import GrowingTextEdit

    view = window.reflect_page.editor_view
    boxes = [box for box in view.stages_host.findChildren(GrowingTextEdit) if box.isVisibleTo(window)]
    if not boxes:
        return [0, 0]
    viewport = view.scroll.viewport()
    shown = QRect(boxes[0].mapTo(viewport, boxes[0].rect().topLeft()), boxes[0].size()) & viewport.rect()
    return [boxes[0].height(), shown.height() if shown.width() > 0 else 0]


class Report:
    def __init__(self, app: QApplication, shots: Path | None) -> None:
        self.app = app
        self.shots = shots
        self.windows: dict[str, dict] = {}

    def add(self, name: str, window: QWidget) -> None:
        settle(self.app)
        self.windows[name] = {
            "frame": rect(window.frameGeometry()),
            "geometry": rect(window.geometry()),
            "available": rect(window.screen().availableGeometry()),
            "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
            "cut_off": cut_off(window),
            "sideways": sideways(window),
            "maximised": window.isMaximized(),
        }
        if name.startswith("main-") and name.endswith("-reflect"):
            self.windows[name]["writing_room"] = writing_room(window)
        if self.shots is not None:
            window.grab().save(str(self.shots / f"{name}.png"))


def fill(journal) -> dict:
    """Reflections with long answers and versions, sessions, actions, an export, a backup."""
    from reflect.domain.supervision import NewSession
    from tests.gui.test_export_helpers import plant

    ids = plant(journal)
    for n in range(3):
        journal.entries.update_entry(ids["visit"], title=f"Thinking about the home visit, draft {n + 1}")
        journal.revisions.snapshot(ids["visit"], "while writing")
    for n in range(6):
        journal.sessions.create_session(NewSession(
            datetime.now() + timedelta(days=7 * (n + 1)), supervisor_name="Dr Patel",
            supervisor_role="Team manager"))
    journal.exports.record("session", "supervision-pack-with-a-long-file-name.pdf", 3, "ab" * 32)
    journal.backup("manual")
    return ids


def main_window_views(report: Report, journal, settings, ids) -> None:
    from reflect.ui.shell.main_window import ACTIONS, DASHBOARD, REFLECT, SESSIONS, MainWindow

    window = MainWindow(journal, settings, lambda: None)
    window.show()
    settle(report.app)
    report.add("main-dashboard", window)
    window.show_page(REFLECT)
    window.reflect_page.open_entry(ids["visit"])
    report.add("main-reflect", window)
    window.show_page(SESSIONS)
    window.sessions_page.show_session(ids["session"])
    report.add("main-sessions", window)
    window.show_page(ACTIONS)
    report.add("main-actions", window)
    window.lock()
    report.add("main-locked", window)
    window._try_unlock(PASSPHRASE)
    # The smallest window the layout is made for: 900×500, as a window on a 150% laptop screen.
    window.showNormal()
    window.setGeometry(QRect(window.screen().availableGeometry().topLeft() + QPoint(4, 4), SMALLEST))
    for name, page in (("dashboard", DASHBOARD), ("reflect", REFLECT), ("sessions", SESSIONS),
                       ("actions", ACTIONS)):
        window.show_page(page)
        report.add(f"main-900x500-{name}", window)
    window.lock()
    report.add("main-900x500-locked", window)
    window._try_unlock(PASSPHRASE)
    window.show_page(DASHBOARD)
    return window


def dialogs(report: Report, journal, settings, ids, window, tmp: Path) -> None:
    """Each dialog shown over the main window with the content that makes it largest."""
    from reflect.store import EntryQuery
    from reflect.ui.care.backups_dialog import BackupsDialog
    from reflect.ui.care.change_passphrase_dialog import ChangePassphraseDialog
    from reflect.ui.care.finish_rekeying_dialog import FinishRekeying
    from reflect.ui.care.take_away_dialog import TakeAwayDialog
    from reflect.ui.common.about_you import FIRST_RUN, AboutYou, AboutYouDialog
    from reflect.ui.export.export_flow import ExportFlow
    from reflect.ui.export.export_history_dialog import ExportHistoryDialog
    from reflect.ui.export.findings_dialog import FindingsDialog
    from reflect.ui.export.print_warning_dialog import RightToLeftWarning
    from reflect.ui.reflect_page.history_dialog import HistoryDialog
    from reflect.ui.reflect_page.take_to_supervision_dialog import TakeToSupervisionDialog
    from reflect.ui.sessions.action_dialog import ActionDialog
    from reflect.ui.sessions.entry_picker_dialog import EntryPickerDialog
    from reflect.ui.shell.help_dialog import HelpDialog
    from reflect.ui.shell.settings_dialog import SettingsDialog
    from reflect.ui.unlock.passphrase_dialog import PassphraseDialog
    from tests.gui.test_export_findings import _review

    def show(name: str, dialog: QWidget) -> None:
        dialog.show()
        report.add(name, dialog)
        dialog.close()
        dialog.deleteLater()
        settle(report.app)

    sessions = journal.sessions.list_sessions()
    show("ActionDialog", ActionDialog("Read the escalation policy before the next core group " * 3,
                                      sessions, parent=window))
    show("BackupsDialog", BackupsDialog(journal, window))
    show("AboutYouDialog", AboutYouDialog(AboutYou("", ""), intro=FIRST_RUN, ok_text="Continue",
                                          skip_text="Skip", parent=window))
    show("ChangePassphraseDialog", ChangePassphraseDialog(window))
    show("EntryPickerDialog", EntryPickerDialog(EntryQuery(journal.db), journal.briefings, parent=window))
    flow = ExportFlow(journal, settings, lambda: True, lambda: ids["visit"], lambda: ids["session"],
                      lambda: window.reflect_page.entry_list.entry_filter, parent=window)
    show("ExportDialog", export_dialog(flow))
    show("ExportHistoryDialog", ExportHistoryDialog(journal.exports.all(), window))
    show("FindingsDialog", FindingsDialog(_review(journal, ids), window))
    show("FinishRekeying", FinishRekeying(3, "Mon 4 January 2027 at 10:15", window))
    show("HelpDialog", HelpDialog(window))
    show("HistoryDialog", HistoryDialog(journal.revisions.list(ids["visit"]), window))
    show("ImportBriefingDialog", import_briefing(report.app, journal))
    show("PassphraseDialog-first-run", PassphraseDialog(first_run=True, folder=str(tmp / "a" / "folder")))
    show("PassphraseDialog-unlock", PassphraseDialog(first_run=False, error="That passphrase does not "
                                                     "open this journal. Try again."))
    show("ReplyImportDialog", reply_import(report.app, journal, tmp, window))
    show("SettingsDialog", SettingsDialog(settings, ["a watch word"] * 12, window))
    show("TakeAwayDialog", TakeAwayDialog(journal, "Sam Practitioner", window))
    show("TakeToSupervisionDialog", TakeToSupervisionDialog(sessions, {sessions[0].id}, parent=window))
    show("RightToLeftWarning", RightToLeftWarning.box(window, [f"Reflection {n}, Description"
                                                               for n in range(12)]))


def export_dialog(flow):
    """The export dialog at its tallest: a portfolio by the list's filters, a password, a problem."""
    dialog = flow.export("portfolio")
    view = dialog.view
    view.set_filters(["Briefing: Child R", "Status: draft", "Tagged: neglect, drift"])
    view.show_message(error="Reflect could not write the PDF there: the folder is read-only. "
                            "Choose another folder, such as Documents, and export again.")
    view.protect.setChecked(True)  # shows the password advice, and grows the dialog to fit
    return dialog


def wait(app: QApplication, done) -> None:
    import time

    deadline = time.monotonic() + 60
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def import_briefing(app: QApplication, journal):
    from reflect.ui.briefings.import_briefing_dialog import ImportBriefingDialog
    from tests.unit.briefing_fixtures import SEED

    dialog = ImportBriefingDialog(journal.briefings)
    dialog.read_file(SEED)
    wait(app, lambda: not dialog.reading)
    return dialog


def reply_import(app: QApplication, journal, tmp: Path, window):
    from reflect.ui.replies.reply_import_dialog import ReplyImportDialog
    from tests.unit.reply_pack_helpers import fill_with_pypdf
    from tests.unit.test_reply_import import _export, _session, _values

    session_id, entry_ids = _session(journal)
    _export(journal, session_id, tmp / "pack.pdf")
    (tmp / "reply.pdf").write_bytes(fill_with_pypdf((tmp / "pack.pdf").read_bytes(), _values(entry_ids)))
    dialog = ReplyImportDialog(journal, "Sam Practitioner", window)
    dialog.read_file(tmp / "reply.pdf")
    wait(app, lambda: dialog.task is not None and dialog.task.done and dialog.check is not None)
    return dialog


def main() -> int:
    out = Path(sys.argv[1])
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal
    from reflect.settings import Settings
    from reflect.ui.common.window_places import WindowPlaces

    tmp = Path(tempfile.mkdtemp(prefix="reflect-fit-"))
    settings = Settings(practitioner_name="Sam Practitioner")
    WindowPlaces(settings, lambda: None, app).install(app)  # as the app does
    journal = open_journal(AppPaths(tmp / "journal"), PASSPHRASE, create=True)
    try:
        ids = fill(journal)
        report = Report(app, shots)
        window = main_window_views(report, journal, settings, ids)
        dialogs(report, journal, settings, ids, window, tmp)
        screen = app.primaryScreen()
        out.write_text(json.dumps({"screen": rect(screen.geometry()), "windows": report.windows}, indent=1))
        window.close()
    finally:
        journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
