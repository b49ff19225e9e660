"""Behaviour of the briefing page: which briefing is shown, counts, and opening references."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from reflect.store import BriefingStore, EntryStore
from reflect.ui.briefings.briefing_page_view import BriefingPageView
from reflect.ui.common.dialogs import confirm


class ConfirmOpenLink:
    """Asks before a reference opens in the system browser (the only way Reflect goes online)."""

    @classmethod
    def ask(cls, url: str, parent: QWidget | None = None) -> bool:
        return confirm(parent, "Open link in your browser?",
                       f"This opens your web browser at:\n\n{url}\n\n"
                       "Reflect itself stays offline. Open the link?",
                       yes=QMessageBox.StandardButton.Open)


class BriefingReader(QObject):
    briefing_changed = Signal(int)
    reflect_requested = Signal(int, int)  # briefing id, question item id

    def __init__(self, view: BriefingPageView, briefings: BriefingStore, entries: EntryStore,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.briefings = briefings
        self.entries = entries
        self.current_id: int | None = None
        view.picker.currentIndexChanged.connect(self._picked)
        view.reader.link_activated.connect(self.open_link)
        view.reader.reflect_requested.connect(
            lambda item_id: self.reflect_requested.emit(self.current_id or 0, item_id))

    def reload(self, select_id: int | None = None) -> None:
        """Fill the picker from the journal and show `select_id` (or the first briefing)."""
        picker = self.view.picker
        picker.blockSignals(True)
        picker.clear()
        for summary in self.briefings.list():
            picker.addItem(summary.display_name, summary.id)
            picker.setItemData(picker.count() - 1, summary.title, Qt.ItemDataRole.ToolTipRole)
        picker.blockSignals(False)
        index = picker.findData(select_id) if select_id else -1
        picker.setCurrentIndex(index if index >= 0 else 0)
        self._picked(picker.currentIndex())

    def _picked(self, index: int) -> None:
        briefing_id = self.view.picker.itemData(index)
        if briefing_id is None:
            return
        self.show(int(briefing_id))

    def show(self, briefing_id: int) -> None:
        self.current_id = briefing_id
        self.view.reader.show_briefing(self.briefings.get(briefing_id))
        self.refresh_counts()
        self.briefing_changed.emit(briefing_id)

    def refresh_counts(self) -> None:
        if self.current_id is not None:
            self.view.reader.set_counts(self.entries.question_counts(self.current_id))

    def open_link(self, url: str) -> None:
        qurl = QUrl(url)
        if qurl.scheme().lower() not in ("http", "https"):
            return
        if ConfirmOpenLink.ask(url, self.view):
            QDesktopServices.openUrl(qurl)
