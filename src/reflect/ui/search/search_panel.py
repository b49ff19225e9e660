"""Ctrl+F: one box that searches reflections and briefings, results as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from reflect.store import SearchIndex
from reflect.ui.search.search_model import HitRole, SearchResultsModel, SnippetDelegate

DEBOUNCE_MS = 200


class SearchPanelView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.query = QLineEdit()
        self.query.setPlaceholderText("Search reflections and briefings")
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName("Search")
        layout.addWidget(self.query)
        self.summary = QLabel("")
        self.summary.setAccessibleDescription("Search results summary")
        layout.addWidget(self.summary)
        self.results = QListView()
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        layout.addWidget(self.results, 1)


class SearchPanel(QWidget):
    entry_chosen = Signal(int, str, object)  # entry id, where it matched (a stage), the words
    briefing_chosen = Signal(int, str)  # briefing id, section heading

    def __init__(self, index: SearchIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.view = SearchPanelView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.model = SearchResultsModel(self)
        self.view.results.setModel(self.model)
        self.view.results.setItemDelegate(SnippetDelegate(self.view.results))
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.view.query.textChanged.connect(lambda _text: self._timer.start())
        self.view.query.returnPressed.connect(self._enter_in_query)
        self.view.results.activated.connect(self._open)

    def focus_search(self) -> None:
        self.view.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.query.selectAll()

    def run(self) -> None:
        self._timer.stop()
        text = self.view.query.text()
        hits = self.index.search(text) if text.strip() else []
        self.model.set_hits(hits)
        if not text.strip():
            self.view.summary.setText("")
        elif not hits:
            self.view.summary.setText("Nothing found. Try fewer or different words.")
        else:
            more = " (the 50 best)" if len(hits) >= 50 else ""
            self.view.summary.setText(f"{len(hits)} found{more}. Press Enter to open one.")
        if hits:
            self.view.results.setCurrentIndex(self.model.index(0))

    def _enter_in_query(self) -> None:
        self.run()
        if self.model.rowCount():
            self._open(self.view.results.currentIndex())

    def _open(self, index) -> None:
        hit = index.data(HitRole) if index.isValid() else None
        if hit is None:
            return
        if hit.kind == "entry":
            self.entry_chosen.emit(hit.id, hit.where, hit.terms)
        else:
            self.briefing_chosen.emit(hit.id, hit.where)
