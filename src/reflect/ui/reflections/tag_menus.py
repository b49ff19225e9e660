"""The entry's tags: the briefing's learning points and the model's tag groups as checkable menus,
and free tags typed as a comma-separated list."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton

from reflect.domain.journal import Entry, learning_tag
from reflect.domain.templates import ReflectiveModel
from reflect.ui.common.stay_open_menu import StayOpenMenu
from reflect.ui.reflect_page.entry_editor_view import EntryEditorView


class TagMenus(QObject):
    changed = Signal()

    def __init__(self, view: EntryEditorView) -> None:
        super().__init__(view)
        self.view = view
        self._actions: list[QAction] = []
        self._group_buttons: list[QToolButton] = []

    def show_for(self, entry: Entry, learning_points: list[str], model: ReflectiveModel) -> None:
        """Rebuild the menus for this entry; tags not in any menu go to the free-tags field."""
        for button in self._group_buttons:
            button.hide()  # off screen and off the Tab chain until it is deleted
            button.deleteLater()
        self._group_buttons = []
        self._actions = []
        current = {t.casefold(): t for t in entry.tags}
        in_menus: set[str] = set()

        menu = self.view.learning_menu
        menu.clear()
        for number, point in enumerate(learning_points, 1):
            tag = learning_tag(point)
            action = self._action(menu, f"{number}. {tag}", tag, point, current)
            in_menus.add(tag.casefold())
            menu.addAction(action)
        self.view.learning_button.setEnabled(bool(learning_points))

        for group, values in model.tag_groups:
            button = QToolButton()
            button.setText(group)
            button.setAccessibleDescription(f"Tag with {group.lower()}")  # its name is its text
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            group_menu = StayOpenMenu(button)
            for value in values:
                group_menu.addAction(self._action(group_menu, value, value, value, current))
                in_menus.add(value.casefold())
            button.setMenu(group_menu)
            self.view.group_buttons_row.addWidget(button)
            self._group_buttons.append(button)

        free = [t for folded, t in current.items() if folded not in in_menus]
        self.view.tags.setText(", ".join(free))
        self._update_labels()

    def _action(self, menu: QMenu, text: str, tag: str, tooltip: str, current: dict) -> QAction:
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(tag.casefold() in current)
        action.setData(tag)
        action.setToolTip(tooltip)
        action.toggled.connect(self._toggled)
        self._actions.append(action)
        return action

    def _toggled(self, _checked: bool) -> None:
        self._update_labels()
        self.changed.emit()

    def buttons(self) -> list[QToolButton]:
        """The model's tag-group buttons, in the order they show."""
        return list(self._group_buttons)

    def checked(self) -> list[str]:
        return [a.data() for a in self._actions if a.isChecked()]

    def _update_labels(self) -> None:
        learning = sum(1 for a in self.view.learning_menu.actions() if a.isChecked())
        self.view.learning_button.setText(
            f"Learning points ({learning})" if learning else "Learning points")
