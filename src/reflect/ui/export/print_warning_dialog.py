"""The export's question before printing text the PDF cannot show correctly (right-to-left scripts).

Reflect cannot yet order and join Arabic, Hebrew or Urdu letters in a PDF, so the export stops to
say so, names where that text is, and goes on only if the practitioner chooses "Export anyway".
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reflect.services.print_warnings import RIGHT_TO_LEFT

EXPORT_ANYWAY, GO_BACK = "Export anyway", "Go back"


class RightToLeftWarning:
    """"Export anyway" or "Go back"; `ask` is the one call a test replaces."""

    @staticmethod
    def box(parent: QWidget | None, places: list[str]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, "Text that will print wrongly — Reflect", RIGHT_TO_LEFT,
                          QMessageBox.StandardButton.NoButton, parent)
        if places:
            shown = places[:8] + ([f"…and {len(places) - 8} more"] if len(places) > 8 else [])
            box.setInformativeText("Where it is:\n" + "\n".join(shown))
        anyway = box.addButton(EXPORT_ANYWAY, QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(GO_BACK, QMessageBox.ButtonRole.RejectRole)
        anyway.setAccessibleName(EXPORT_ANYWAY)
        back.setAccessibleName(GO_BACK)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        return box

    @classmethod
    def ask(cls, parent: QWidget | None, places: list[str]) -> bool:
        """True only if the user chose "Export anyway"; `places` name where the text is."""
        box = cls.box(parent, places)
        try:
            box.exec()
            return box.clickedButton() is not None and box.clickedButton().text() == EXPORT_ANYWAY
        finally:
            box.deleteLater()
