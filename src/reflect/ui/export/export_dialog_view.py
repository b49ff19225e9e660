"""The layout of the Export dialog: which document, its options, progress, and what happened.

Only widgets and words (and the system's Save dialog); the behaviour is in `export_dialog.py`.
Every control has an accessible name, and every label that can show the user's own text (a
reflection's title, a search in the filter description) is plain text, never rich text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.dates import BACK
from reflect.ui.common.date_fields import DateField
from reflect.ui.common.scrolling import FittingScrollArea
from reflect.ui.common.widgets import plain_label

PASSWORD_ADVICE = (
    "The PDF is locked with AES-256 encryption. Send the password to your supervisor separately: "
    "tell them in person or by phone, never in the same email as the PDF. Reflect does not keep it."
)
KINDS = ("session", "portfolio", "entry")


class ChooseExportFile:
    """The system's Save dialog for a PDF."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, "Save the PDF as", str(suggested),
                                              "PDF documents (*.pdf)")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def registration_year_start(today: date) -> date:
    """Social Work England's CPD year runs 1 December to 30 November."""
    return date(today.year if today.month == 12 else today.year - 1, 12, 1)


def _named(widget, name: str):
    widget.setAccessibleName(name)
    return widget


#: a result message of a usual length, for the room the dialog keeps for it
ROOM_FOR_RESULT = ("Saved “Supervision pack 2026-12-01.pdf” in C:\\Users\\someone\\OneDrive - Council"
                   "\\Documents (12 pages, 6 reflections). The export log has a record of it.")


class ExportDialogView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._document_box())
        column.addWidget(self._options_box())
        column.addWidget(self._progress_box())
        column.addStretch(1)
        self.scroll = FittingScrollArea(content, "Export choices")  # scrolls on a small screen
        layout.addWidget(self.scroll, 1)
        layout.addLayout(self._buttons())

    def _document_box(self) -> QGroupBox:
        box = QGroupBox("Document")
        box.setAccessibleName("Document")
        grid = QVBoxLayout(box)
        self.kind_group = QButtonGroup(self)
        self.kind_session = _named(QRadioButton("&Supervision pack for a session"),
                                   "Supervision pack for a session")
        self.session = _named(QComboBox(), "Session")
        self.kind_portfolio = _named(QRadioButton("&Portfolio of reflections (for CPD or appraisal)"),
                                     "Portfolio of reflections (for CPD or appraisal)")
        self.date_from = DateField("Portfolio from", looking=BACK)
        self.date_to = DateField("Portfolio to", looking=BACK)
        self.use_filters = _named(QCheckBox("Only the reflections the Reflections &list shows now"),
                                  "Only the reflections the Reflections list shows now")
        self.use_filters.setAccessibleDescription("Use the filters of the Reflections list")
        self.filters = plain_label("", "Filters of the Reflections list", muted=True)
        self.kind_entry = _named(QRadioButton("A single &reflection"), "A single reflection")
        self.entry = plain_label("", "The reflection", muted=True)
        for number, radio in enumerate((self.kind_session, self.kind_portfolio, self.kind_entry)):
            self.kind_group.addButton(radio, number)

        dates = QHBoxLayout()
        dates.addWidget(plain_label("Written from"))
        dates.addWidget(self.date_from)
        dates.addWidget(plain_label("to"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        grid.addWidget(self.kind_session)
        grid.addLayout(self._indented(self.session))
        grid.addWidget(self.kind_portfolio)
        grid.addLayout(self._indented(dates, self.use_filters, self.filters))
        grid.addWidget(self.kind_entry)
        grid.addLayout(self._indented(self.entry))
        return box

    @staticmethod
    def _indented(*parts) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setContentsMargins(26, 0, 0, 6)
        for part in parts:
            if isinstance(part, QWidget):
                column.addWidget(part)
            else:
                column.addLayout(part)
        return column

    def _options_box(self) -> QGroupBox:
        box = QGroupBox("Options")
        box.setAccessibleName("Options")
        column = QVBoxLayout(box)
        self.include_briefings = _named(QCheckBox("Include a short &summary of each briefing referred to"),
                                        "Include a short summary of each briefing referred to")
        self.include_notes = _named(QCheckBox("Include the session's &notes and wellbeing check-in"),
                                    "Include the session's notes and wellbeing check-in")
        self.include_notes.setToolTip("Your own words, so they are checked for details that may "
                                      "identify someone, as your reflections are.")
        self.include_notes.setChecked(True)
        self.protect = _named(QCheckBox("Protect the PDF with a pass&word"),
                              "Protect the PDF with a password")
        self.password = _named(QLineEdit(), "Password")
        self.confirm = _named(QLineEdit(), "Again")
        self.confirm.setAccessibleDescription("Type the password again")
        for edit in (self.password, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_advice = plain_label(PASSWORD_ADVICE, "About the password", muted=True)
        form = QFormLayout()
        form.setContentsMargins(26, 0, 0, 0)
        form.addRow("Password", self.password)
        form.addRow("Again", self.confirm)
        column.addWidget(self.include_briefings)
        column.addWidget(self.include_notes)
        column.addWidget(self.protect)
        column.addLayout(form)
        column.addWidget(self.password_advice)
        return box

    def _progress_box(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.status = plain_label("", "Export status")
        self.progress = _named(QProgressBar(), "Export progress")
        self.progress.setTextVisible(True)
        self.error = plain_label("", "Problem")
        # Boxes in palette colours (no fixed reds and greens: a dark or high-contrast theme
        # keeps its own); a problem has a heavier frame and bold text, not only a colour.
        self.error.setStyleSheet("QLabel { background: palette(alternate-base); font-weight: bold;"
                                 " border: 2px solid palette(window-text); border-radius: 3px;"
                                 " padding: 8px; }")
        self.done = plain_label("", "Export result")
        self.done.setStyleSheet("QLabel { background: palette(alternate-base);"
                                " border: 1px solid palette(mid); border-radius: 3px; padding: 8px; }")
        for widget in (self.status, self.progress, self.error, self.done):
            column.addWidget(widget)
            widget.hide()
        return panel

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_pdf = _named(QPushButton("&Open PDF"), "Open PDF")
        self.show_folder = _named(QPushButton("Show in &folder"), "Show in folder")
        self.review_button = _named(QPushButton("Re&view what was found…"), "Review what was found")
        self.export_button = _named(QPushButton("&Export…"), "Export")
        self.cancel_button = _named(QPushButton("&Cancel export"), "Cancel export")
        self.close_button = _named(QPushButton("Close"), "Close")
        for button in (self.open_pdf, self.show_folder, self.review_button):
            button.hide()
            row.addWidget(button)
        row.addStretch(1)
        # Export and Cancel export take turns in one place, as wide as the wider, and Close stays
        # where it is: the buttons never move under the pointer while an export starts and ends.
        self.go = QStackedWidget()
        self.go.addWidget(self.export_button)
        self.go.addWidget(self.cancel_button)
        self.go.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row.addWidget(self.go)
        row.addWidget(self.close_button)
        self.export_button.setDefault(True)
        return row

    # -- filling -----------------------------------------------------------------------------
    def set_sessions(self, upcoming: list[tuple[str, int]], past: list[tuple[str, int]],
                     selected: int | None) -> None:
        """Upcoming sessions (soonest first), a separator, then past ones (most recent first)."""
        for title, session_id in upcoming:
            self.session.addItem(title, session_id)
        if upcoming and past:
            self.session.insertSeparator(self.session.count())
        for title, session_id in past:
            self.session.addItem(title, session_id)
        if selected is not None and self.session.findData(selected) >= 0:
            self.session.setCurrentIndex(self.session.findData(selected))
        if not self.session.count():
            self.session.addItem("No sessions yet: plan one on the Sessions page")
            self.kind_session.setProperty("available", False)

    def set_filters(self, lines: list[str]) -> None:
        """The Reflections list's filters in words; used by default when there are any."""
        self.filters.setText("; ".join(lines) if lines else "No filters are in use in the Reflections list.")
        self.use_filters.setChecked(bool(lines))

    def set_entry(self, title: str | None) -> None:
        if title is None:
            self.entry.setText("Open or select a reflection first.")
            self.kind_entry.setProperty("available", False)
        else:
            self.entry.setText(" ".join(title.split()) or "Untitled reflection")

    # -- state -----------------------------------------------------------------------------
    def kind(self) -> str:
        return KINDS[max(0, self.kind_group.checkedId())]

    def set_kind(self, kind: str) -> None:
        radio = self.kind_group.button(KINDS.index(kind))
        if radio.isEnabled():
            radio.setChecked(True)

    def update_enabled(self, working: bool = False) -> None:
        kind = self.kind()
        for radio in self.kind_group.buttons():
            radio.setEnabled(not working and radio.property("available") is not False)
        self.session.setEnabled(not working and kind == "session")
        for widget in (self.date_from, self.date_to, self.use_filters):
            widget.setEnabled(not working and kind == "portfolio")
        self.filters.setVisible(kind == "portfolio" and self.use_filters.isChecked())
        self.include_briefings.setEnabled(not working)
        self.include_notes.setEnabled(not working and kind == "session")
        self.protect.setEnabled(not working)
        for widget in (self.password, self.confirm):
            widget.setEnabled(not working and self.protect.isChecked())
        self.password_advice.setVisible(self.protect.isChecked())
        self.go.setCurrentWidget(self.cancel_button if working else self.export_button)
        self.close_button.setEnabled(not working)

    def roomiest_height(self, width: int) -> int:
        """The height the view needs with everything it can show shown (the filters, the password
        advice, progress and a result): at that height nothing that appears moves the buttons."""
        hidden = [w for w in (self.filters, self.password_advice, self.status, self.progress, self.done)
                  if w.isHidden()]
        texts = [(label, label.text()) for label in (self.filters, self.status, self.done)]
        self.filters.setText(self.filters.text() or "Tags: a, b; Status: ready; Model: Gibbs")
        self.status.setText(self.status.text() or "Checking the text for details… 10 of 10")
        self.done.setText(self.done.text() or ROOM_FOR_RESULT)
        for widget in hidden:
            widget.show()
        self.layout().activate()
        height = self.layout().totalHeightForWidth(width)
        for widget in hidden:
            widget.hide()
        for label, text in texts:
            label.setText(text)
        return height

    def show_message(self, *, status: str = "", error: str = "", done: str = "") -> None:
        for label, text in ((self.status, status), (self.error, error), (self.done, done)):
            label.setText(text)
            label.setVisible(bool(text))
        shown = [label for label in (self.done, self.error, self.progress, self.status)
                 if not label.isHidden()]
        if shown:  # on a small screen the message is below the fold: bring it into view
            QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(shown[0]))
