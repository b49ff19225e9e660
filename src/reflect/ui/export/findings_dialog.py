"""Check before exporting: each detail that may identify someone, and what to do about it.

Shown before every export that has findings. For each one the practitioner edits the text in place
(saved to the journal through the normal stores, then checked again), says it does not identify
anyone (remembered for that text), or leaves the reflection out of this export. "Export" stays
disabled until nothing is left to review, so a finding cannot be skipped by accident.

`ExportReview` holds the state and the decisions apart from the widgets; `FindingsDialog` shows it.
User text is only ever shown as plain text; the one rich-text label escapes it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.anonymisation import Finding, blocking
from reflect.ui.common.dialogs import run_modal
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.common.widgets import plain_label

ACCEPTED, EDITED, LEFT_OUT = "Not identifying", "Edited", "Left out"
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ReviewResult:
    """What the review decided: reflections left out, reflections edited, pairs accepted."""

    left_out: frozenset[int] = frozenset()
    edited: frozenset[int] = frozenset()
    accepted: frozenset[tuple[str, str]] = frozenset()


@dataclass
class ReviewItem:
    id: int
    finding: Finding
    status: str = ""  # "" while it still needs a decision


@dataclass
class ExportReview:
    """The findings and what the user decided. The callables reach the journal:
    `load_text(finding)` gives the field's whole text (None: cannot be edited here),
    `save_text(finding, text)` saves it (returning a sentence about what was removed from the
    reflection's history, or None), `accept(kind, text)` remembers a pair and
    `check(finding, text)` gives the findings in a field's new text."""

    findings: list[Finding]
    load_text: Callable[[Finding], str | None]
    save_text: Callable[[Finding, str], str | None]
    accept_pair: Callable[[str, str], None]
    check: Callable[[Finding, str], list[Finding]]
    titles: Mapping[int | None, str] = field(default_factory=dict)
    can_leave_out: bool = True
    items: list[ReviewItem] = field(init=False)
    left_out: set[int] = field(default_factory=set, init=False)
    edited: set[int] = field(default_factory=set, init=False)
    accepted: set[tuple[str, str]] = field(default_factory=set, init=False)
    saved: bool = field(default=False, init=False)  # any text saved (a reflection's or a session's)
    removal_note: str | None = field(default=None, init=False)  # what the last save removed

    def __post_init__(self) -> None:
        self.items = [ReviewItem(i, f) for i, f in enumerate(self.findings)]

    def item(self, item_id: int) -> ReviewItem:
        return next(i for i in self.items if i.id == item_id)

    @property
    def unresolved(self) -> list[ReviewItem]:
        return [i for i in self.items if not i.status]

    def groups(self) -> list[tuple[str, list[ReviewItem]]]:
        """Items by reflection (or "other details"), in order of first appearance."""
        out: dict[int | None, list[ReviewItem]] = {}
        for item in self.items:
            out.setdefault(item.finding.entry_id, []).append(item)
        return [(self.title_of(key), items) for key, items in out.items()]

    def title_of(self, entry_id: int | None) -> str:
        fallback = "Other details" if entry_id is None else f"Reflection {entry_id}"
        return " ".join((self.titles.get(entry_id) or fallback).split())

    def leavable(self, item: ReviewItem) -> bool:
        return self.can_leave_out and not item.status and item.finding.entry_id is not None

    def accept(self, item: ReviewItem) -> None:
        """Remember the finding as not identifying; every finding of the same text is settled."""
        key = item.finding.key
        self.accept_pair(*key)
        self.accepted.add(key)
        for other in self.unresolved:
            if not blocking([other.finding], {key}):
                other.status = ACCEPTED

    def save(self, item: ReviewItem, text: str) -> list[ReviewItem]:
        """Save a field's new text, settle its findings and return those its new text still has."""
        f = item.finding
        self.removal_note = self.save_text(f, text)
        self.saved = True
        where = (f.entry_id, f.stage, f.field)
        same = [i for i in self.items if (i.finding.entry_id, i.finding.stage, i.finding.field) == where]
        for other in same:
            other.status = other.status or EDITED
        if f.entry_id is not None:
            self.edited.add(f.entry_id)
        new = [ReviewItem(len(self.items) + n, finding) for n, finding in enumerate(self.check(f, text))]
        at = self.items.index(same[-1]) + 1
        self.items[at:at] = new
        return new

    def leave_out(self, item: ReviewItem) -> None:
        entry_id = item.finding.entry_id
        self.left_out.add(entry_id)
        for other in self.unresolved:
            if other.finding.entry_id == entry_id:
                other.status = LEFT_OUT

    def result(self) -> ReviewResult:
        return ReviewResult(frozenset(self.left_out), frozenset(self.edited), frozenset(self.accepted))


def context_html(finding: Finding, palette: QPalette | None = None) -> str:
    """The finding's context line, escaped, with the found text marked in bold in the palette's
    selection colours (readable: see `ReadablePalette`; followed by high-contrast themes)."""
    found = " ".join(finding.text.split())
    before, hit, after = finding.context.partition(found)
    if not hit:
        return html.escape(finding.context)
    palette = palette or QGuiApplication.palette()
    mark = (f"background-color:{palette.color(QPalette.ColorRole.Highlight).name()}; "
            f"color:{palette.color(QPalette.ColorRole.HighlightedText).name()}; font-weight:600")
    return f'{html.escape(before)}<span style="{mark}">{html.escape(hit)}</span>{html.escape(after)}'


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setAutoDefault(False)
    return button


class FindingsDialog(QDialog):
    def __init__(self, review: ExportReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review = review
        self.setWindowTitle("Check before exporting — Reflect")
        fit_to_screen(self, 900, 560)
        layout = QVBoxLayout(self)
        self.intro = plain_label("These details in the text going into the PDF may identify a child, "
                                 "a family or a colleague. For each one: edit the text, say it does "
                                 "not identify anyone, or leave that reflection out.", "About this check")
        layout.addWidget(self.intro)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Details that may identify someone")
        self.tree.setHeaderLabels(["Found", "Where", "Decision"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(1, 130)
        self.tree.setColumnWidth(2, 110)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._detail_page())
        self.pages.addWidget(self._editor_page())
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.pages)
        splitter.setSizes([430, 470])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.status = plain_label("", "Review status")
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("E&xport", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setAccessibleName("Export")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel the export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.edit_button.clicked.connect(self._edit)
        self.accept_button.clicked.connect(self._accept)
        self.leave_button.clicked.connect(self._leave_out)
        self.save_button.clicked.connect(self._save_edit)
        self.discard_button.clicked.connect(self._end_edit)
        self._editing: ReviewItem | None = None
        self._reload()

    def _detail_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.kind = plain_label("", "Kind of detail")
        bold = QFont(self.kind.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.kind.setFont(bold)
        self.where = plain_label("", "Where it is")
        self.context = QLabel()
        self.context.setTextFormat(Qt.TextFormat.RichText)  # built by context_html: escaped
        self.context.setWordWrap(True)
        self.context.setAccessibleDescription("The text around it")
        self.context.setStyleSheet("QLabel { background: palette(base); border: 1px solid palette(mid);"
                                   " border-radius: 3px; padding: 8px; }")
        self.advice = plain_label("", "Advice")
        self.edit_button = _button("&Edit the text…", "Edit the text")
        self.accept_button = _button("&Not identifying", "Not identifying: remember this text as safe")
        self.leave_button = _button("&Leave this reflection out", "Leave this reflection out of the export")
        row = QHBoxLayout()
        for button in (self.edit_button, self.accept_button, self.leave_button):
            row.addWidget(button)
        row.addStretch(1)
        for widget in (self.kind, self.where, self.context, self.advice):
            box.addWidget(widget)
        box.addLayout(row)
        box.addStretch(1)
        return page

    def _editor_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.editor_intro = plain_label("Change the text below. Saving changes it in your journal, "
                                        "and it is checked again.", "About editing")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Text to edit")
        self.save_button = _button("&Save the change", "Save the change")
        self.discard_button = _button("&Back without saving", "Back without saving")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.discard_button)
        row.addStretch(1)
        box.addWidget(self.editor_intro)
        box.addWidget(self.editor, 1)
        box.addLayout(row)
        return page

    # -- showing ---------------------------------------------------------------------------
    def _reload(self, select: int | None = None) -> None:
        self.tree.clear()
        chosen = None
        for title, items in self.review.groups():
            group = QTreeWidgetItem([title, "", ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for item in items:
                f = item.finding
                row = QTreeWidgetItem([" ".join(f.text.split()), f.field or "", item.status or "To review"])
                row.setData(0, ID_ROLE, item.id)
                row.setToolTip(0, f.label)
                if item.status:
                    for column in range(3):
                        row.setForeground(column, self.palette().placeholderText())
                group.addChild(row)
                if chosen is None and (item.id == select or (select is None and not item.status)):
                    chosen = row
            group.setExpanded(True)
        if chosen is None:
            chosen = self._first_unresolved() or (self.tree.topLevelItem(0).child(0)
                                                  if self.tree.topLevelItemCount() else None)
        self.tree.setCurrentItem(chosen)
        left = len(self.review.unresolved)
        self.status.setText(f"{left} of {len(self.review.items)} still to review." if left else
                            "Everything has been reviewed. Choose Export to write the PDF.")
        self.export_button.setEnabled(not left)
        self.export_button.setDefault(not left)
        self._show_current()

    def _first_unresolved(self) -> QTreeWidgetItem | None:
        unresolved = {i.id for i in self.review.unresolved}
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for c in range(group.childCount()):
                if group.child(c).data(0, ID_ROLE) in unresolved:
                    return group.child(c)
        return None

    def current(self) -> ReviewItem | None:
        row = self.tree.currentItem()
        item_id = row.data(0, ID_ROLE) if row is not None else None
        return self.review.item(item_id) if item_id is not None else None

    def _show_current(self) -> None:
        item = self.current()
        self.pages.setCurrentIndex(0)
        for button in (self.edit_button, self.accept_button, self.leave_button):
            button.setEnabled(False)
        if item is None:
            for label in (self.kind, self.where, self.advice):
                label.setText("")
            self.context.setText("")
            return
        f = item.finding
        self.kind.setText(f.label + (f" — {item.status}" if item.status else ""))
        title = self.review.title_of(f.entry_id)
        self.where.setText(" — ".join(" ".join(p.split()) for p in (title, f.field or "") if p))
        self.context.setText(context_html(f, self.context.palette()))
        self.advice.setText(f.advice)
        if not item.status:
            self.edit_button.setEnabled(self.review.load_text(f) is not None)
            self.accept_button.setEnabled(True)
            self.leave_button.setEnabled(self.review.leavable(item))
        self.leave_button.setVisible(self.review.can_leave_out)

    # -- deciding --------------------------------------------------------------------------
    def _accept(self) -> None:
        item = self.current()
        if item is not None and not item.status:
            self.review.accept(item)
            self._reload()

    def _leave_out(self) -> None:
        item = self.current()
        if item is not None and self.review.leavable(item):
            self.review.leave_out(item)
            self._reload()

    def _edit(self) -> None:
        item = self.current()
        text = self.review.load_text(item.finding) if item is not None and not item.status else None
        if text is None:
            return
        self._editing = item
        self.editor.setPlainText(text)
        f = item.finding
        start = f.start if text[f.start:f.end] == f.text else text.find(f.text)
        cursor = self.editor.textCursor()
        if start >= 0:
            cursor.setPosition(start)
            cursor.setPosition(start + len(f.text), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.pages.setCurrentIndex(1)
        self.tree.setEnabled(False)
        self.export_button.setEnabled(False)
        self.editor.setFocus()

    def editing(self) -> bool:
        return self.pages.currentIndex() == 1

    def _save_edit(self) -> None:
        item = self._editing
        new = self.review.save(item, self.editor.toPlainText())
        self._end_edit(select=new[0].id if new else None)
        saved = "Saved. The new text still has something to review. " if new else "Saved. "
        note = f"{self.review.removal_note} " if self.review.removal_note else ""
        self.status.setText(saved + note + self.status.text())

    def _end_edit(self, *_args, select: int | None = None) -> None:
        self.tree.setEnabled(True)
        self._reload(select)
        self.tree.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.editing():
            self._end_edit()  # Escape leaves the editor, not the whole review
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, review: ExportReview, parent: QWidget | None = None) -> ReviewResult | None:
        """The decisions, or None if the user cancelled (edits and acceptances already saved stay)."""
        return run_modal(cls(review, parent), review.result)
