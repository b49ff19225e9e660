"""Small widget helpers the views share: labels, names, record tables, button rows, Tab order.

Every view builds the same few things the same way. A label that may show user text is plain
text (a title must not inject markup) and wraps. A label's accessible name is its text, so a
screen reader says what is on screen ("Saved 11:20", not a caption in its place); what the text
is goes in its accessible description ("Save status"). A caption with a mnemonic ("&Notes:")
moves the focus to its field. Every control has a name a screen reader can say, starting with
the words on screen. Tab follows reading order, set once as a chain.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

if TYPE_CHECKING:  # the record tables import theirs when built: PySide builds a Qt class's Python
    # type (and its enums) when its name is first imported, and the main window has no table
    from PySide6.QtWidgets import QTableWidget

W = TypeVar("W", bound=QWidget)


def spoken(text: str) -> str:
    """`text` as it reads on screen: the mnemonic's "&" gone ("&&" is a literal "&")."""
    return re.sub(r"&(.)", r"\1", text)


def named(widget: W, name: str) -> W:
    """`widget`, with the name a screen reader says for it."""
    widget.setAccessibleName(name)
    return widget


def mute(widget: W) -> W:
    """`widget`'s text in the quieter placeholder colour, which `ReadablePalette` keeps readable
    (4.5:1) on every background; not disabled, whose grey is not (1.6:1 in Fusion)."""
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return widget


def plain_label(text: str = "", description: str = "", *, wrap: bool = True,
                muted: bool = False) -> QLabel:
    """Plain text, wrapped unless told not to; `description` says what it is (a screen reader
    reads the text itself as the label's name)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if description:
        label.setAccessibleDescription(description)
    if muted:
        mute(label)
    return label


def boxed_label(description: str, object_name: str) -> QLabel:
    """Read-only text someone else wrote (a supervisor's comments), in a quiet box, selectable
    with the mouse, plain and wrapped; described as `description`; hidden until filled."""
    label = plain_label("", description)
    label.setObjectName(object_name)
    label.setMargin(8)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"#{object_name} {{ background: palette(alternate-base); "
                        "border: 1px solid palette(mid); border-radius: 4px; }")
    label.hide()
    return label


def wrapped_label(text: str, description: str = "") -> QLabel:
    """Our own words (an intro, a note), wrapped; `description` for one whose text changes."""
    label = QLabel(text)
    label.setWordWrap(True)
    if description:
        label.setAccessibleDescription(description)
    return label


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A field's caption; its mnemonic (the letter after "&") puts the focus in `buddy` (in the
    control it hands its focus to, for a field made of several: a label's mnemonic does nothing
    for a buddy that takes no focus itself)."""
    label = QLabel(text)
    while buddy.focusProxy() is not None:
        buddy = buddy.focusProxy()
    label.setBuddy(buddy)
    return label


def record_table(headers: Sequence[str], name: str, rows: int = 0) -> QTableWidget:
    """A read-only table of records (backups, exports), one chosen at a time by its row."""
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget

    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def fill_row(table: QTableWidget, row: int, cells: Sequence[str], *, right: Container[int] = (),
             tips: Mapping[int, str] | None = None) -> None:
    """Put `cells` in `row`; numbers (the `right` columns) align right; `tips` by column."""
    from PySide6.QtWidgets import QTableWidgetItem

    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        if column in right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if tips and column in tips:
            item.setToolTip(tips[column])
        table.setItem(row, column, item)


def fit_columns(table: QTableWidget, stretch: int) -> None:
    """Columns as wide as their contents; the `stretch` column takes the room left."""
    from PySide6.QtWidgets import QHeaderView

    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def packed(layout: QBoxLayout, *items: QWidget | None) -> QBoxLayout:
    """`layout` holding `items` in order; each None is a stretch that pushes its neighbours apart."""
    for item in items:
        if item is None:
            layout.addStretch(1)
        else:
            layout.addWidget(item)
    return layout


def chain_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab (and Shift+Tab) go through `widgets` in this order."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def tab_stops(root: QWidget) -> list[QWidget]:
    """The controls inside `root` that Tab can reach, in the order they were put in it (which, for
    a view built top to bottom, is reading order); hidden and disabled ones too, as they become
    stops again when shown or enabled.

    Read from the widget tree, not by walking `nextInFocusChain()`: PySide makes each widget that
    call returns a child of the caller, so deleting the caller later invalidates the Python side
    of unrelated widgets (a window's toolbar, even the window)."""
    window = root.window()
    return [widget for widget in root.findChildren(QWidget)
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None
            and widget.window() is window]  # not in a menu or a list's popup
