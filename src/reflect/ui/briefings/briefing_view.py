"""The briefing, laid out for reading beside the journal.

Built from real widgets rather than one rich-text browser so every question's "Reflect on this"
button is a proper, focusable, named control for keyboard and screen-reader users. Briefing text is
shown as plain text: an imported file can never inject markup into the app.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.briefing import SectionKind
from reflect.domain.library import BriefingItem, StoredBriefing
from reflect.domain.wording import plural
from reflect.ui.common.link_label import LinkLabel
from reflect.ui.common.widgets import chain_tab_order, tab_stops


def reflections_label(count: int) -> str:
    if count == 0:
        return "No reflections yet"
    return plural(count, "reflection")


def _scaled_font(widget: QWidget, factor: float, bold: bool = True) -> QFont:
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def _text(text: str, *, description: str = "", selectable: bool = True) -> QLabel:
    """Briefing text: a screen reader reads all of it (the label's name is its text); what it is
    ("Heading", "Learning point 3 of 10") is its description."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if description:
        label.setAccessibleDescription(description)
    return label


_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


def _uncovered_lines(paragraphs, links) -> list[str]:
    """Lines of a references section that did not become a reference (e.g. an introduction)."""
    out = []
    for paragraph in paragraphs:
        kept = []
        for line in paragraph.splitlines():
            plain = _MD_LINK.sub(r"\1", line).strip(" -•*")
            covered = any(
                (item.text and item.text in plain)
                or (item.url and item.url in line)
                for item in links
            )
            if not covered and plain:
                kept.append(line)
        if kept:
            out.append("\n".join(kept))
    return out


class QuestionCard(QFrame):
    """One reflection question, with how many reflections answer it and a button to add one."""

    reflect_requested = Signal(int)
    show_requested = Signal(int)  # list the reflections answering this question

    def __init__(self, item: BriefingItem, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("questionCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#questionCard { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        question = _text(f"{number}. {item.text}", description=f"Question {number} for reflection")
        question.setFont(_scaled_font(question, 1.05))
        layout.addWidget(question)
        row = QHBoxLayout()
        self.number = number
        self.count_label = QPushButton(reflections_label(0))
        self.count_label.setFlat(True)
        self.count_label.setAccessibleDescription("List the reflections that answer this question")
        self.count_label.setToolTip("List the reflections that answer this question")
        self.count_label.clicked.connect(lambda: self.show_requested.emit(self.item.id))
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.button = QPushButton("Reflect on this")
        # The seven buttons read the same; the name says which question each one is for.
        self.button.setAccessibleName(f"Reflect on this: question {number}")
        self.button.setAccessibleDescription("Start a reflection on this question, beside the briefing")
        self.button.setToolTip("Start a reflection on this question, beside the briefing")
        self.set_count(0)
        self.button.clicked.connect(lambda: self.reflect_requested.emit(self.item.id))
        row.addWidget(self.button)
        layout.addLayout(row)

    def set_count(self, count: int) -> None:
        text = reflections_label(count)
        self.count_label.setText(text)
        self.count_label.setAccessibleName(f"{text} on question {self.number}")
        self.count_label.setEnabled(count > 0)


class BriefingView(QScrollArea):
    reflect_requested = Signal(int)  # a question's briefing item id
    show_requested = Signal(int)  # a question's briefing item id: list its reflections
    link_activated = Signal(str)  # a reference's URL (the controller asks before opening it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Briefing")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.cards: dict[int, QuestionCard] = {}
        self.briefing: StoredBriefing | None = None
        self._set_body(QWidget())

    def _set_body(self, body: QWidget) -> None:
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(body)

    def show_briefing(self, stored: StoredBriefing) -> None:
        self.briefing = stored
        self.cards = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(8)
        b = stored.briefing
        title = _text(b.title, description="Briefing title")
        title.setFont(_scaled_font(title, 1.45))
        layout.addWidget(title)
        if b.partnership or b.subject:
            meta = " · ".join(x for x in (b.partnership, b.subject) if x)
            layout.addWidget(_text(meta, description="Partnership and subject"))

        questions_shown = learning_shown = False
        for section in b.sections:
            if section.heading:
                heading = _text(section.heading, description="Section heading")
                heading.setFont(_scaled_font(heading, 1.2))
                heading.setContentsMargins(0, 10, 0, 0)
                layout.addWidget(heading)
            paragraphs = section.paragraphs
            if section.kind is SectionKind.LEARN_MORE:
                paragraphs = _uncovered_lines(paragraphs, stored.link_items)
            for paragraph in paragraphs:
                layout.addWidget(_text(paragraph))
            if section.kind is SectionKind.LEARNING and not learning_shown:
                learning_shown = True
                self._add_learning(layout, stored.learning_items)
            elif section.kind is SectionKind.CONSIDER and not questions_shown:
                questions_shown = True
                self._add_questions(layout, stored.question_items)
            elif section.kind is SectionKind.LEARN_MORE:
                self._add_references(layout, stored.link_items)
            else:
                for item in section.items:
                    layout.addWidget(_text(f"•  {item}"))
        if not questions_shown and stored.question_items:
            heading = _text("Questions for reflection", description="Section heading")
            heading.setFont(_scaled_font(heading, 1.2))
            layout.addWidget(heading)
            self._add_questions(layout, stored.question_items)
        layout.addStretch(1)
        self._set_body(body)
        # The new body's controls joined the end of the window's Tab chain: bring them back to
        # just after the briefing itself, in reading order.
        chain_tab_order([self, *tab_stops(body)])

    def _add_learning(self, layout: QVBoxLayout, items) -> None:
        for number, item in enumerate(items, 1):
            point = _text(f"{number}.  {item.text}", description=f"Learning point {number} of {len(items)}")
            point.setObjectName("learningPoint")
            point.setStyleSheet(
                "#learningPoint { border-left: 4px solid palette(highlight); padding-left: 8px; }"
            )
            layout.addWidget(point)

    def _add_questions(self, layout: QVBoxLayout, items) -> None:
        for number, item in enumerate(items, 1):
            card = QuestionCard(item, number)
            card.reflect_requested.connect(self.reflect_requested)
            card.show_requested.connect(self.show_requested)
            self.cards[item.id] = card
            layout.addWidget(card)

    def _add_references(self, layout: QVBoxLayout, items) -> None:
        for item in items:
            if item.url:
                label = LinkLabel(item.url, item.text)  # never opened without asking:
                label.linkActivated.connect(self.link_activated)  # see link_activated
                label.setToolTip(item.url)
                label.setAccessibleDescription(f"Link to {item.url}")
                label.setWordWrap(True)
                layout.addWidget(label)
            else:
                layout.addWidget(_text(f"•  {item.text} (no link given)", description="Reference"))

    def set_counts(self, counts: dict[int, int]) -> None:
        for item_id, card in self.cards.items():
            card.set_count(counts.get(item_id, 0))
