"""F1: how Reflect works, in a few lines, and its keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from reflect.ui.common.dialogs import close_buttons, run_modal
from reflect.ui.common.screen_fit import fit_to_screen

SHORTCUTS = (
    ("Ctrl+N", "New reflection"),
    ("Ctrl+F", "Search reflections and briefings"),
    ("Ctrl+1 / 2 / 3 / 4", "Dashboard / Reflect / Sessions / Actions"),
    ("Alt+B / Alt+R", "Reflect page: the briefing / your list of reflections"),
    ("Ctrl+S", "Save now (Reflect also saves as you type)"),
    ("Ctrl+L", "Lock Reflect (it also locks itself when you are away)"),
    ("Ctrl+Shift+I", "Import a briefing"),
    ("Ctrl+Q", "Quit"),
    ("Tab / Shift+Tab", "Move between fields"),
    ("Menu key or Shift+F10", "Spelling suggestions for the word at the cursor"),
    ("F1", "This help"),
)

GUIDE = """
<h2>Using Reflect</h2>
<p>The <b>dashboard</b> shows your next supervision session, actions due, how much of each
briefing you have reflected on, and your CPD records this registration year.</p>
<p><b>Read the briefing</b> on the left of the Reflect page. Each question has a
<i>Reflect on this</i> button and
shows how many of your reflections answer it.</p>
<p><b>Reflect</b> on the right. Choose a reflective model; each stage shows a prompt. Reflect saves
as you type, so there is no Save button to forget. <i>History</i> shows earlier versions and can
bring one back.</p>
<p><b>Supervision.</b> <i>Take to supervision…</i> adds a reflection to a session. On the
Sessions page, plan the agenda, order the reflections, and record notes and actions agreed; open
actions carry forward to the next session until they are done.</p>
<p><b>Keep it anonymous.</b> Reflections are a personal record: no names, addresses or dates of
birth. Case facts and decisions belong on the case recording system.</p>
<p><b>Private.</b> Your journal is one encrypted file on this computer. Reflect never goes online;
a link in a briefing opens in your browser only when you say so.</p>
"""


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Help — Reflect")
        fit_to_screen(self, 620, 560)
        layout = QVBoxLayout(self)
        text = QTextBrowser()
        text.setAccessibleName("Help")
        text.setOpenLinks(False)
        rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>"
                       for keys, what in SHORTCUTS)
        text.setHtml(GUIDE + f"<h3>Keyboard shortcuts</h3><table>{rows}</table>")
        layout.addWidget(text)
        layout.addWidget(close_buttons(self))

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> None:
        run_modal(cls(parent), lambda: None)
