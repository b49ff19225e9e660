"""What the window shows while the journal is locked: nothing of the journal, just a way back in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

#: how many average characters the passphrase box shows (passphrases are often short sentences)
PASSPHRASE_CHARS = 40


class LockScreen(QWidget):
    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel("Reflect is locked")
        font = title.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        hint = QLabel("Type your passphrase to carry on where you left off.")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        # Centred, a line edit shrinks to its size hint (about 125 px): room for a passphrase
        # sentence instead, in characters so it grows with a larger font.
        self.passphrase.setMinimumWidth(self.passphrase.fontMetrics().averageCharWidth() * PASSPHRASE_CHARS)
        self.passphrase.setPlaceholderText("Passphrase")
        layout.addWidget(self.passphrase, 0, Qt.AlignmentFlag.AlignHCenter)
        self.problem = QLabel("")
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem.setAccessibleDescription("Problem")
        self.problem.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.problem)
        self.unlock = QPushButton("&Unlock")
        self.unlock.setAccessibleName("Unlock")
        self.unlock.setDefault(True)
        layout.addWidget(self.unlock, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.unlock.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.passphrase.textEdited.connect(lambda _t: self.problem.setText(""))

    def _submit(self) -> None:
        text = self.passphrase.text()
        if text:
            self.unlock_requested.emit(text)

    def reset(self, problem: str = "") -> None:
        self.passphrase.clear()
        self.problem.setText(problem)
        self.passphrase.setFocus()
