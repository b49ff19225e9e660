"""Every focusable control changes visibly when it takes the focus, in the light and dark palettes.

For each control the window is grabbed around it (with a margin) unfocused and focused, and the
pixels whose colour changed by at least 3:1 (WCAG contrast of before and after) must cover at least
a 2-pixel band around the control: WCAG 2.2's focus appearance (2.4.13), which meets 2.4.7 and
1.4.11 on the way. The controls are found, not listed, so new ones are covered.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.domain.supervision import NewSession
from reflect.ui.common import focus_aids
from reflect.ui.common.colours import contrast, focus_colour
from reflect.ui.shell.main_window import PAGE_NAMES, REFLECT, SESSIONS
from tests.gui.focus_helpers import (
    app_palette,
    describe,
    focus_change,
    focusable_controls,
    fusion_palette,
)
from tests.gui.reflect_page_helpers import open_window

pytestmark = pytest.mark.gui


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp):
    focus_aids.install(qapp)  # as the app does before its first window
    with app_palette(fusion_palette(request.param == "dark")):
        yield request.param


def weak_focus(qtbot, top) -> list[str]:
    """The controls in `top` whose focus is not shown strongly enough."""
    controls = focusable_controls(top)
    assert controls, f"nothing to focus in {describe(top)}"
    weak = []
    for control in controls:
        changed, needed = focus_change(qtbot, control)
        if changed < needed:
            weak.append(f"{describe(control)}: {changed} pixels change 3:1, {needed} needed")
    return weak


def test_every_control_of_every_page(qtbot, journal, palette):
    """Dashboard, the Reflect page's three tabs with a reflection open (stages, an action button,
    tag buttons, text from another model), Sessions with a session open, Actions."""
    from reflect.services.demo import build_demo

    build_demo(journal, 30)
    entry = journal.entries.create_entry(NewEntry(title="Home visit", model="kolb_4x4x4"))
    journal.entries.save_answer(AnswerDraft(entry.id, "description", "Text from Gibbs."))
    window = open_window(qtbot, journal)
    weak = []
    for page, name in enumerate(PAGE_NAMES):
        window.show_page(page)
        if page == REFLECT:
            window.reflect_page.open_entry(entry.id)
            for tab in range(window.reflect_page.view.tabs.count()):
                window.reflect_page.view.tabs.setCurrentIndex(tab)
                weak += [f"{name} tab {tab}: {w}" for w in weak_focus(qtbot, window)]
            continue
        if page == SESSIONS:
            window.sessions_page.show_session(journal.sessions.list_sessions()[0].id)
        weak += [f"{name}: {w}" for w in weak_focus(qtbot, window)]
    window.lock()
    weak += [f"lock screen: {w}" for w in weak_focus(qtbot, window)]
    assert weak == []


def _dialogs(journal, qtbot):
    """The main dialogs, each as it first shows."""
    from reflect.settings import Settings
    from reflect.store.entry_query import EntryQuery
    from reflect.ui.briefings.import_briefing_dialog import ImportBriefingDialog
    from reflect.ui.care.backups_dialog import BackupsDialog
    from reflect.ui.care.change_passphrase_dialog import ChangePassphraseDialog
    from reflect.ui.care.take_away_dialog import TakeAwayDialog
    from reflect.ui.export.export_history_dialog import ExportHistoryDialog
    from reflect.ui.export.findings_dialog import FindingsDialog
    from reflect.ui.reflect_page.history_dialog import HistoryDialog
    from reflect.ui.reflect_page.take_to_supervision_dialog import TakeToSupervisionDialog
    from reflect.ui.replies.reply_import_dialog import ReplyImportDialog
    from reflect.ui.sessions.action_dialog import ActionDialog
    from reflect.ui.sessions.entry_picker_dialog import EntryPickerDialog
    from reflect.ui.shell.help_dialog import HelpDialog
    from reflect.ui.shell.settings_dialog import SettingsDialog
    from reflect.ui.unlock.passphrase_dialog import PassphraseDialog
    from tests.gui.test_export_findings import _review
    from tests.gui.test_export_helpers import make_flow, open_dialog, plant

    ids = plant(journal)
    session = journal.sessions.create_session(NewSession(datetime.now() + timedelta(days=3)))
    journal.revisions.snapshot(ids["visit"], "closed")
    journal.exports.record("Supervision pack", "/tmp/a.pdf", 3, "a" * 64)
    return {
        "passphrase, first run": lambda: PassphraseDialog(first_run=True, folder="/tmp/x"),
        "passphrase": lambda: PassphraseDialog(first_run=False, folder="/tmp/x"),
        "settings": lambda: SettingsDialog(Settings(), ["Northbridge"]),
        "backups": lambda: BackupsDialog(journal),
        "change passphrase": ChangePassphraseDialog,
        "take away": lambda: TakeAwayDialog(journal),
        "import briefing": lambda: ImportBriefingDialog(journal.briefings),
        "import reply": lambda: ReplyImportDialog(journal, "Sam Practitioner"),
        "history": lambda: HistoryDialog(journal.revisions.list(ids["visit"])),
        "help": HelpDialog,
        "export": lambda: open_dialog(qtbot, make_flow(qtbot, journal, session_id=ids["session"])),
        "findings": lambda: FindingsDialog(_review(journal, ids)),
        "export history": lambda: ExportHistoryDialog(journal.exports.all()),
        "take to supervision": lambda: TakeToSupervisionDialog([session], set()),
        "new action": lambda: ActionDialog("Ring the school", [session]),
        "add reflections": lambda: EntryPickerDialog(EntryQuery(journal.db), journal.briefings),
    }


def test_every_control_of_the_main_dialogs(qtbot, journal, palette):
    weak = []
    for name, make in _dialogs(journal, qtbot).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda d=dialog: QApplication.activeWindow() is d, timeout=3000)
        weak += [f"{name}: {w}" for w in weak_focus(qtbot, dialog)]
        dialog.close()
    assert weak == []


HIGH_CONTRAST_BLACK = {"Window": "#000000", "WindowText": "#ffffff", "Base": "#000000",
                       "Button": "#000000", "AlternateBase": "#000000", "Light": "#ffffff",
                       "Highlight": "#1aebff"}
HIGH_CONTRAST_WHITE = {"Window": "#ffffff", "WindowText": "#000000", "Base": "#ffffff",
                       "Button": "#ffffff", "AlternateBase": "#ffffff", "Light": "#ffffff",
                       "Highlight": "#37006e"}
PALE_ACCENT = {"Window": "#f3f3f3", "WindowText": "#1b1b1b", "Base": "#ffffff", "Button": "#fdfdfd",
               "AlternateBase": "#f7f7f7", "Light": "#ffffff", "Highlight": "#99ccff"}


def _palette(colours: dict[str, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(QPalette.ColorGroup.Active, getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


@pytest.mark.parametrize(("colours", "keeps_highlight"), [
    (HIGH_CONTRAST_BLACK, True), (HIGH_CONTRAST_WHITE, True), (PALE_ACCENT, False)])
def test_the_ring_colour_comes_from_the_palette(colours, keeps_highlight):
    """A high-contrast theme's highlight is used as it is; a pale accent is darkened until it
    stands out 3:1 from the window, fields and buttons."""
    palette = _palette(colours)
    colour = focus_colour(palette)
    assert (colour.name() == colours["Highlight"]) == keeps_highlight
    for role in ("Window", "Base", "Button", "AlternateBase"):
        assert contrast(colour, QColor(colours[role])) >= 3
