"""Help → About: the version, what Reflect is for, and the credit the spelling list's licence asks
for. Kept out of the main window, which only composes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reflect import APP_NAME, __version__


class AboutBox:
    @classmethod
    def show(cls, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QMessageBox  # here: the window is built without it

        QMessageBox.about(
            parent, f"About {APP_NAME}",
            f"<p><b>{APP_NAME} {__version__}</b></p>"
            "<p>A private, offline reflective journal for safeguarding practitioners.</p>"
            "<p>Your journal is encrypted and stays on this computer. Reflections are a personal "
            "record: anonymise them, and keep case facts and decisions on the case recording "
            "system.</p>"
            "<p>The UK English spelling list is built from SCOWL (Spell Checker Oriented Word "
            "Lists) by Kevin Atkinson and contributors.</p>",
        )
