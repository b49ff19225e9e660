"""The layout of the "Import briefing" dialog, and the plain-words preview of what was recognised.

Partnerships write briefings under many different headings, so before anything is saved the
practitioner sees how Reflect read this one: each heading as written beside the part Reflect took it
to be, the counts, the questions, and what it could not recognise. Every piece of briefing text goes
through `html.escape` before it reaches the rich-text preview, so an imported file can never inject
markup. What was read can be corrected below the preview (`briefing_corrections.py`) before it is
imported. Behaviour lives in `import_briefing_dialog.py`; this module only builds widgets and words.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.briefing import Briefing, SectionKind
from reflect.ui.briefings.briefing_corrections import BriefingCorrectionsView

#: what Reflect took each kind of section to be, in the words the preview uses
KIND_WORDS = {
    SectionKind.BACKGROUND: "Background",
    SectionKind.LEARNING: "Learning points",
    SectionKind.WHY: "Why it matters",
    SectionKind.CONSIDER: "Questions for reflection",
    SectionKind.LEARN_MORE: "Further reading",
    SectionKind.OTHER: "Kept as it is (not recognised)",
}
COULD_NOT_RECOGNISE = "What Reflect could not recognise"
START_TEXT = (
    "Choose a briefing file, or paste a briefing's text and choose Read pasted text. Reflect shows "
    "here what it recognised before anything is saved."
)


def _count(n: int, one: str, many: str) -> str:
    if n == 0:
        return f"no {many}"
    return f"1 {one}" if n == 1 else f"{n} {many}"


def references_phrase(briefing: Briefing) -> str:
    """E.g. "8 references (none with a web address)"."""
    total = len(briefing.links)
    if total == 0:
        return "no references"
    with_url = sum(1 for link in briefing.links if link.url)
    if with_url == total:
        note = "with a web address" if total == 1 else "all with a web address"
    elif with_url == 0:
        note = "without a web address" if total == 1 else "none with a web address"
    else:
        note = f"{with_url} with a web address"
    return f"{_count(total, 'reference', 'references')} ({note})"


def counts_sentence(briefing: Briefing) -> str:
    """E.g. "10 learning points, 7 questions, 8 references (none with a web address)"."""
    return ", ".join([
        _count(len(briefing.learning), "learning point", "learning points"),
        _count(len(briefing.questions), "question", "questions"),
        references_phrase(briefing),
    ])


def preview_html(briefing: Briefing, source_name: str) -> str:
    """What Reflect recognised in `briefing`, as escaped rich text for the preview."""
    e = html.escape
    parts = [f"<h2>{e(briefing.title or 'Untitled briefing')}</h2>"]
    facts = [("From", source_name), ("Partnership", briefing.partnership),
             ("Subject", briefing.subject)]
    parts.append("<p>" + "<br>".join(f"<b>{label}:</b> {e(value)}" for label, value in facts if value)
                 + "</p>")
    counts = counts_sentence(briefing)
    counts = counts[0].upper() + counts[1:]
    if briefing.warnings:
        counts += (f"; {_count(len(briefing.warnings), 'thing', 'things')} Reflect could not "
                   "recognise (listed below)")
    parts.append(f"<p>{e(counts)}.</p>")

    parts.append("<h3>Sections, in the briefing's order</h3><ul>")
    for section in briefing.sections:
        heading = f"“{e(section.heading)}”" if section.heading else "Text before the first heading"
        parts.append(f"<li>{heading} — read as <b>{e(KIND_WORDS[section.kind])}</b></li>")
    parts.append("</ul>")

    parts.append("<h3>Questions for reflection</h3><ol>")
    parts.extend(f"<li>{e(question)}</li>" for question in briefing.questions)
    parts.append("</ol>")
    if briefing.learning:
        parts.append("<h3>Learning points (each also becomes a tag)</h3><ol>")
        parts.extend(f"<li>{e(point)}</li>" for point in briefing.learning)
        parts.append("</ol>")

    parts.append(f"<h3>{COULD_NOT_RECOGNISE}</h3>")
    if briefing.warnings:
        parts.append("<ul>")
        parts.extend(f"<li>{e(warning)}</li>" for warning in briefing.warnings)
        parts.append("</ul>")
    else:
        parts.append("<p>Nothing: Reflect recognised every part of this briefing.</p>")
    return "".join(parts)


def error_html(message: str) -> str:
    """A briefing that could not be read: the reason, and that nothing was saved."""
    return (
        "<h3>This briefing could not be imported</h3>"
        f"<p>{html.escape(message)}</p>"
        "<p>Nothing has been saved. Choose another file, or paste the briefing's text instead.</p>"
    )


class ImportBriefingView(QWidget):
    """Where the briefing comes from (a file or pasted text) on the left; the preview on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.addWidget(self._build_sources(), 2)
        columns.addLayout(self._build_preview(), 3)
        outer.addLayout(columns, 1)

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Import")
        self.import_button.setAccessibleName("Import this briefing")
        self.import_button.setToolTip("Add the briefing shown to your journal")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("&Cancel")
        self.cancel_button.setAccessibleName("Cancel without importing")
        outer.addWidget(self.buttons)

        chain = [self.choose_button, self.paste, self.read_paste_button, self.preview,
                 *self.corrections.focus_order(), self.import_button, self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _build_sources(self) -> QWidget:
        box = QGroupBox("Where is the briefing?")
        layout = QVBoxLayout(box)
        intro = QLabel("Markdown (.md), text (.txt), Word (.docx) or PDF (.pdf), up to 5 MB.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choose_button = QPushButton("Choose a &file…")
        self.choose_button.setAccessibleName("Choose a file")
        self.choose_button.setAccessibleDescription("Choose a briefing file")
        self.choose_button.setToolTip("Open a briefing saved on this computer or a network drive")
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(rule)

        paste_label = QLabel("Or &paste the briefing's text here:")
        paste_label.setWordWrap(True)
        self.paste = QPlainTextEdit()
        self.paste.setAccessibleName("Or paste the briefing's text here")
        self.paste.setAccessibleDescription(
            "Paste the whole briefing, headings included, then choose Read pasted text")
        self.paste.setPlaceholderText("Copy the whole briefing from the PDF, web page or email, "
                                      "headings included, and paste it here.")
        self.paste.setTabChangesFocus(True)
        paste_label.setBuddy(self.paste)
        layout.addWidget(paste_label)
        layout.addWidget(self.paste, 1)
        self.read_paste_button = QPushButton("&Read pasted text")
        self.read_paste_button.setAccessibleName("Read pasted text")
        self.read_paste_button.setToolTip("Show what Reflect recognises in the pasted text")
        self.read_paste_button.setEnabled(False)
        layout.addWidget(self.read_paste_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _build_preview(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        preview_label = QLabel("&What Reflect recognised:")
        self.status = QLabel(START_TEXT)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleDescription("Import status")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: no way to know how far a parse has got
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Reading the briefing")
        self.progress.setMaximumHeight(self.fontMetrics().height() // 2 + 4)
        self.progress.hide()
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.preview.setTabChangesFocus(True)
        self.preview.setAccessibleName("What Reflect recognised")
        self.preview.setAccessibleDescription(
            "The briefing's sections, counts and questions, and anything Reflect could not recognise")
        self.preview.setPlaceholderText("Nothing has been read yet.")
        preview_label.setBuddy(self.preview)
        layout.addWidget(preview_label)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.preview, 1)
        self.corrections = BriefingCorrectionsView()
        layout.addWidget(self.corrections)
        return layout

    def set_busy(self, busy: bool, message: str = "") -> None:
        """While a briefing is read the sources are locked (one read at a time); Cancel still works."""
        for widget in (self.choose_button, self.paste, self.read_paste_button):
            widget.setEnabled(not busy)
        if not busy:
            self.read_paste_button.setEnabled(bool(self.paste.toPlainText().strip()))
        self.progress.setVisible(busy)
        if busy:
            self.import_button.setEnabled(False)
            self.corrections.hide()
            self.preview.clear()
            self.preview.setPlaceholderText(message)
            self.set_status(message)

    def set_status(self, message: str) -> None:
        self.status.setText(message)

    def show_briefing(self, briefing: Briefing, source_name: str) -> None:
        """Show what will be imported, keeping the place a correction was made from."""
        bar = self.preview.verticalScrollBar()
        at = bar.value()
        self.preview.setHtml(preview_html(briefing, source_name))
        bar.setValue(at)

    def show_error(self, message: str) -> None:
        self.corrections.hide()
        self.preview.setHtml(error_html(message))
