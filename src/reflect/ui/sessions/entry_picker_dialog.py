"""Choose reflections to take to a session: the usual entry list and filters, and a "chosen" list.

The entry list with its filters is the same panel as on the Reflect page, so finding a reflection
works the same everywhere. Choices go into a separate list rather than relying on a multiple
selection, because changing a filter rebuilds the list and would silently drop what was selected;
the chosen list keeps the order in which reflections were picked, which becomes their order in
the session.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.store import BriefingStore, EntryQuery
from reflect.ui.common.dialogs import ok_cancel_buttons, run_modal
from reflect.ui.common.screen_fit import fit_to_screen
from reflect.ui.common.widgets import named, packed, wrapped_label
from reflect.ui.reflections.entry_list_model import UNTITLED
from reflect.ui.reflections.entry_list_panel import EntryListPanel

EntryIdRole = Qt.ItemDataRole.UserRole + 1


class ChosenList(QListWidget):
    """The chosen reflections; Delete takes the current one out."""

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.takeItem(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)


class EntryPickerDialog(QDialog):
    def __init__(self, query: EntryQuery, briefings: BriefingStore, already: Iterable[int] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = query
        self.already = set(already)
        self.setWindowTitle("Add reflections to the session — Reflect")
        fit_to_screen(self, 1000, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(
            "Find reflections with the filters, then press Enter or “Add” to choose them. "
            "They are added to the session in the order you choose them."))

        row = QHBoxLayout()
        self.entries = EntryListPanel(query, briefings)
        self.entries.view.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.entries.view.list.setAccessibleDescription(
            "Press Enter to choose the selected reflection; Shift or Ctrl with the arrows selects several.")
        row.addWidget(self.entries, 3)
        self.add = named(QPushButton("&Add →"), "Add the selected reflections to the chosen list")
        self.remove = named(QPushButton("← &Remove"), "Remove the reflection from the chosen list")
        row.addLayout(packed(QVBoxLayout(), None, self.add, self.remove, None))
        chosen_box = QVBoxLayout()
        self.chosen_label = QLabel("C&hosen:")
        self.chosen = ChosenList()
        self.chosen.setAccessibleName("Chosen reflections")
        self.chosen.setAccessibleDescription("In the order they will be added. Delete takes one out.")
        self.chosen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chosen.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.chosen.setSpacing(3)
        self.chosen_label.setBuddy(self.chosen)
        chosen_box.addWidget(self.chosen_label)
        chosen_box.addWidget(self.chosen, 1)
        self.note = wrapped_label("", "Note")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        chosen_box.addWidget(self.note)
        row.addLayout(chosen_box, 2)
        layout.addLayout(row, 1)

        box, self.ok = ok_cancel_buttons(self, "&Link to session",
                                         "Link to session: the chosen reflections")
        layout.addWidget(box)

        self.entries.entry_activated.connect(lambda entry_id: self.choose([entry_id]))
        self.add.clicked.connect(self.choose_selected)
        self.remove.clicked.connect(self._remove_current)
        self.chosen.model().rowsInserted.connect(self._update)
        self.chosen.model().rowsRemoved.connect(self._update)
        self._update()
        self.entries.view.text.setFocus()

    def keyPressEvent(self, event) -> None:
        # Enter in the filter box or the list arrives here unhandled; it must choose (in the list)
        # or do nothing (in the filters), never press "Link to session" and close the dialog.
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focus is not None \
                and self.entries.isAncestorOf(focus):
            if focus is self.entries.view.list:
                self.choose_selected()
            event.accept()
            return
        super().keyPressEvent(event)

    def choose_selected(self) -> None:
        """Add every selected row of the entry list (in list order)."""
        model = self.entries.model
        rows = sorted(i.row() for i in self.entries.view.list.selectionModel().selectedRows())
        self.choose([entry_id for entry_id in (model.entry_id(r) for r in rows) if entry_id is not None])

    def choose(self, entry_ids: list[int]) -> None:
        present = set(self.chosen_ids())
        skipped = []
        summaries = self.query.summaries(entry_ids)
        for entry_id in entry_ids:
            summary = summaries.get(entry_id)
            if summary is None or entry_id in present:
                continue
            title = summary.title.strip() or UNTITLED
            if entry_id in self.already:
                skipped.append(title)
                continue
            item = QListWidgetItem(title)
            item.setData(EntryIdRole, entry_id)
            item.setToolTip(title)
            self.chosen.addItem(item)
            present.add(entry_id)
        self.note.setText(
            f"Already in this session: {', '.join(f'“{t}”' for t in skipped)}." if skipped else "")

    def chosen_ids(self) -> list[int]:
        return [self.chosen.item(i).data(EntryIdRole) for i in range(self.chosen.count())]

    def _remove_current(self) -> None:
        if self.chosen.currentItem() is not None:
            self.chosen.takeItem(self.chosen.currentRow())

    def _update(self, *_args) -> None:
        count = self.chosen.count()
        self.chosen_label.setText(f"C&hosen ({count}):" if count else "C&hosen:")
        self.ok.setEnabled(count > 0)
        self.remove.setEnabled(count > 0)

    @classmethod
    def ask(cls, query: EntryQuery, briefings: BriefingStore, already: Iterable[int] = (),
            parent: QWidget | None = None) -> list[int] | None:
        """The chosen entry ids in the order chosen, or None if cancelled."""
        dialog = cls(query, briefings, already, parent)
        return run_modal(dialog, dialog.chosen_ids)
