"""Layout of the entry editor: the fields of one reflection. Behaviour lives in `entry_editor.py`."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.journal import EntryStatus
from reflect.domain.templates import MODELS
from reflect.ui.common.folding_row import FoldingRow
from reflect.ui.common.narrow_combo import narrow_combo
from reflect.ui.common.stay_open_menu import StayOpenMenu
from reflect.ui.common.widgets import boxed_label, buddy_label, chain_tab_order, plain_label
from reflect.ui.reflect_page.stage_editor import StageEditor

REMINDER = (
    "Reflections are a personal record. Keep them anonymous: no names, addresses, dates of birth "
    "or other details that could identify a child, family or colleague. Case facts and decisions "
    "belong on the case recording system."
)
EMPTY_STATE = (
    "Choose a question in the briefing and press “Reflect on this”, open a reflection from the "
    "list, or press Ctrl+N to start a new one."
)


class EntryEditorView(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Reflection")
        self.empty = QLabel(EMPTY_STATE)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.addWidget(self.empty)

        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.addLayout(self._about_fields())
        outer.addWidget(self._reminder())
        outer.addWidget(self._stages_area(), 1)
        outer.addWidget(self._supervisor_comments())
        outer.addLayout(self._tags_row())
        outer.addWidget(self._footer())
        self.addWidget(page)
        self.page = page

    def _about_fields(self) -> QFormLayout:
        """Title, question, model and status: what the reflection is about and how it is written."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit()
        self.title.setPlaceholderText("Title of this reflection")
        self.title.setAccessibleName("Title")
        form.addRow("&Title:", self.title)
        self.question = narrow_combo("Question", 12)
        self.question.setAccessibleDescription("The briefing question this reflection answers")
        form.addRow("&Question:", self.question)
        row = QHBoxLayout()
        self.model = narrow_combo("Model", 10)
        self.model.setAccessibleDescription("The reflective model: the stages you write in")
        for model in MODELS:
            self.model.addItem(model.name, model.key)
        row.addWidget(self.model, 2)
        self.status = narrow_combo("Status", 8)
        for status in EntryStatus:
            self.status.addItem(status.label, status.value)
        row.addWidget(buddy_label("Stat&us:", self.status))
        row.addWidget(self.status, 1)
        form.addRow(buddy_label("&Model:", self.model), row)
        return form

    def _reminder(self) -> QFrame:
        self.reminder = QFrame()
        self.reminder.setObjectName("reminder")
        self.reminder.setFrameShape(QFrame.Shape.StyledPanel)
        self.reminder.setStyleSheet(
            "#reminder { background: palette(alternate-base); border: 1px solid palette(mid); "
            "border-radius: 4px; }")
        reminder_row = QHBoxLayout(self.reminder)
        reminder_text = QLabel(REMINDER)
        reminder_text.setWordWrap(True)
        reminder_row.addWidget(reminder_text, 1)
        self.dismiss_reminder = QPushButton("&Got it")
        self.dismiss_reminder.setAccessibleName("Got it")
        self.dismiss_reminder.setAccessibleDescription("Hide the reminder about anonymising")
        reminder_row.addWidget(self.dismiss_reminder, 0, Qt.AlignmentFlag.AlignTop)
        return self.reminder

    def _stages_area(self) -> QScrollArea:
        """The stages of the chosen model, filled by the controller (`insert_stage`)."""
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setAccessibleName("Stages of the reflection")
        # Not a Tab stop of its own: it scrolls to whichever writing box has the focus.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stages_host = QWidget()
        self.stages_layout = QVBoxLayout(self.stages_host)
        self.stages_layout.setContentsMargins(0, 0, 4, 0)
        self.stages_layout.addStretch(1)
        self.scroll.setWidget(self.stages_host)
        return self.scroll

    def _supervisor_comments(self) -> QLabel:
        """What the supervisor wrote about this reflection in a reply (read-only; hidden if none)."""
        self.supervisor_comments = boxed_label("The supervisor's comments on this reflection",
                                               "supervisorComments")
        return self.supervisor_comments

    def set_supervisor_comments(self, text: str) -> None:
        self.supervisor_comments.setText(f"The supervisor's comments:\n{text}" if text else "")
        self.supervisor_comments.setVisible(bool(text))

    def _tags_row(self) -> QHBoxLayout:
        tags_row = QHBoxLayout()
        self.learning_button = QToolButton()
        self.learning_button.setText("Learning points")
        # Its name is its text ("Learning points (2)"), which counts the points ticked.
        self.learning_button.setAccessibleDescription("Tag with the briefing's learning points")
        self.learning_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.learning_menu = StayOpenMenu(self.learning_button)
        self.learning_button.setMenu(self.learning_menu)
        tags_row.addWidget(self.learning_button)
        self.group_buttons_row = QHBoxLayout()
        tags_row.addLayout(self.group_buttons_row)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("Other tags, separated by commas")
        self.tags.setAccessibleName("Tags")
        tags_row.addWidget(buddy_label("T&ags:", self.tags))
        tags_row.addWidget(self.tags, 1)
        return tags_row

    def _footer(self) -> FoldingRow:
        """Word count, save status, the sessions it is in; then what to do with it next (under
        them when the pane is narrow)."""
        footer = FoldingRow()
        # Labels are read as what they say ("Saved 11:20"); the description says what that is.
        self.words = plain_label("0 words", "Word count", wrap=False)
        footer.first.addWidget(self.words)
        self.saved = plain_label("", "Save status")  # a problem saving is a sentence: it wraps
        footer.first.addWidget(self.saved, 1)
        self.in_supervision = plain_label("", "Supervision sessions this reflection is in")
        self.in_supervision.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        footer.first.addWidget(self.in_supervision, 1)
        footer.second.addStretch(1)
        self.take_to_supervision = QPushButton("Take to su&pervision…")
        self.take_to_supervision.setAccessibleName("Take to supervision")
        self.take_to_supervision.setAccessibleDescription("Add this reflection to a supervision session")
        footer.second.addWidget(self.take_to_supervision)
        self.history = QPushButton("H&istory…")
        self.history.setAccessibleName("History")
        self.history.setAccessibleDescription("Earlier versions of this reflection")
        footer.second.addWidget(self.history)
        return footer

    def show_empty(self) -> None:
        self.setCurrentWidget(self.empty)

    def show_editor(self) -> None:
        self.setCurrentWidget(self.page)

    def insert_stage(self, widget: QWidget) -> None:
        self.stages_layout.insertWidget(self.stages_layout.count() - 1, widget)

    def chain_focus(self, stages: Iterable[StageEditor], tag_buttons: Iterable[QWidget]) -> None:
        """Tab goes through the reflection as it reads, top to bottom and left to right: what it is
        about, the reminder, each stage's buttons and writing box, the tags, then what to do
        next. Called whenever the stages or the tag buttons are rebuilt (new widgets would
        otherwise join the end of the window's Tab chain)."""
        chain_tab_order([
            self.title, self.question, self.model, self.status, self.dismiss_reminder,
            *(widget for stage in stages for widget in stage.focus_order()),
            self.learning_button, *tag_buttons, self.tags, self.take_to_supervision, self.history,
        ])

    def clear_stages(self) -> None:
        while self.stages_layout.count() > 1:
            item = self.stages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # off screen and off the Tab chain until it is deleted
                item.widget().deleteLater()
