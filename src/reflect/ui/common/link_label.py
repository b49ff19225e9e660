"""A link that is one Tab stop: Enter or Space follows it, every other key goes on to its parent.

A QLabel with keyboard-accessible links hands every key to its text control, which keeps them:
Tab cycles among the label's own links and never leaves (with one link it stays put), and the
arrow and page keys that should scroll the briefing around it do nothing. This label takes the
focus like a button, follows its link on Enter, Return or Space (as a mouse click does, through
`linkActivated`) and lets everything else through.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

_ACTIVATE = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}


class LinkLabel(QLabel):
    def __init__(self, url: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>', parent)
        self.url = url
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setOpenExternalLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWordWrap(True)

    def keyPressEvent(self, event) -> None:
        if event.key() in _ACTIVATE and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.linkActivated.emit(self.url)
            return
        event.ignore()  # Tab leaves it (QWidget.event), the rest reaches the parent
