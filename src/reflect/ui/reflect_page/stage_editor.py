"""One stage of a reflective model: its label, its prompt, and a text field that grows as you write.

Fields grow with their text instead of scrolling inside the entry's own scroll area: nested
scroll bars are hard to use with a keyboard and easy to lose text in. Tab moves to the next field
(tabs are rarely wanted in prose), so the whole entry is usable without a mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.common.widgets import mute

MIN_LINES = 4


class GrowingTextEdit(QTextEdit):
    """A plain-text field whose height follows its content (at least MIN_LINES lines).

    A QTextEdit rather than a QPlainTextEdit: the plain editor lays out only what it shows and
    reports its height in estimated lines, so a field sized from it clipped wrapped text. Rich
    text is refused, so pasting from Word or a web page brings plain text only.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_args) -> None:
        minimum = MIN_LINES * self.fontMetrics().lineSpacing() + 2 * self.document().documentMargin()
        content = max(minimum, self.document().size().height())
        margins = self.contentsMargins()
        height = int(content + margins.top() + margins.bottom() + 2)
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


class StageEditor(QFrame):
    """Label, prompt and text of one stage. An "orphan" stage belongs to another model."""

    remove_requested = Signal(str)
    make_action_requested = Signal(str)

    def __init__(self, key: str, label: str, prompt: str, *, orphan: bool = False,
                 can_make_actions: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.orphan = orphan
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        header = QHBoxLayout()
        self.title = QLabel(f"From another model: {label}" if orphan else label)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        header.addWidget(self.title, 1)
        self.remove_button: QPushButton | None = None
        self.action_button: QPushButton | None = None
        if orphan:
            self.remove_button = QPushButton("Remove…")
            self.remove_button.setAccessibleName(f"Remove the text of {label}")
            self.remove_button.setToolTip(
                "This text belongs to a stage the chosen model does not have. It stays until you "
                "remove it (you can restore it later from History).")
            self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.key))
            header.addWidget(self.remove_button)
        if can_make_actions:
            self.action_button = QPushButton("Make this line an action…")
            self.action_button.setAccessibleName(f"Make this line an action, in {label}")
            self.action_button.setToolTip("Track the line the cursor is on as an action, with who "
                                          "will do it and by when")
            self.action_button.clicked.connect(lambda: self.make_action_requested.emit(self.key))
            header.addWidget(self.action_button)
        layout.addLayout(header)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.prompt)  # quieter than the text, and readable
        if prompt:
            layout.addWidget(self.prompt)
        self.edit = GrowingTextEdit()
        self.edit.setAccessibleName(self.title.text())  # as its caption reads
        self.edit.setAccessibleDescription(prompt)
        self.edit.setPlaceholderText("Write here…")
        self.title.setBuddy(self.edit)
        layout.addWidget(self.edit)

    def focus_order(self) -> list[QWidget]:
        """Its controls as they read: the header's buttons, then the writing box."""
        return [button for button in (self.remove_button, self.action_button) if button] + [self.edit]

    def text(self) -> str:
        return self.edit.toPlainText()

    def current_line(self) -> str:
        """The text of the line (paragraph) the cursor is in, or the selection if there is one."""
        cursor = self.edit.textCursor()
        if cursor.hasSelection():
            return " ".join(cursor.selectedText().replace("\u2029", "\n").split())
        return cursor.block().text().strip(" -•*\t")

    def set_text(self, text: str) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.blockSignals(False)
        self.edit.document().setModified(False)
