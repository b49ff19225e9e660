"""What a screen reader hears (no tests here): the accessibility tree's text, and names that do not
begin with the words on screen.

WCAG 2.5.3 (label in name): a control's name contains the label a sighted user sees, so a user of
speech control can say what they see, and a screen-reader user hears what a colleague points at.
Reflect holds itself to the stricter form: the name *starts* with those words. A label's name is
its text (1.3.1: information shown is information announced); context goes in the description.
"""

from __future__ import annotations

import re

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QWidget,
)

TEXTS = (QAccessible.Text.Name, QAccessible.Text.Value, QAccessible.Text.Description)


def tree_text(top: QWidget) -> str:
    """Every name, value and description in the accessibility tree under `top`, in tree order."""
    parts: list[str] = []
    seen: set[int] = set()

    def walk(interface, depth: int) -> None:
        if interface is None or not interface.isValid() or depth > 60:
            return
        key = id(interface.object()) if interface.object() is not None else None
        if key is not None and interface.object().isWidgetType():
            if key in seen:
                return
            seen.add(key)
        parts.extend(interface.text(t) or "" for t in TEXTS)
        for index in range(interface.childCount()):
            walk(interface.child(index), depth + 1)

    walk(QAccessible.queryAccessibleInterface(top), 0)
    return " ".join(" ".join(parts).split())


def words(text: str) -> str:
    """`text` as the words a person reads: no mnemonic "&", no ellipsis or arrow, no trailing
    colon, whitespace folded, case ignored."""
    text = re.sub(r"&(.)", r"\1", text)
    text = re.sub(r"…|\.\.\.|[←→↑↓]", " ", text)
    return " ".join(text.split()).rstrip(" :").lower()


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says for `widget`.

    Qt names a field after its buddy label; on Linux a combo box reports its current item as its
    name and points at the label through a relation, so the set name (or buddy) is what counts."""
    if widget.accessibleName():
        return widget.accessibleName()
    buddy = buddy_of(widget)
    if buddy is not None:
        return buddy.text()
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface else "") or ""


def buddy_of(widget: QWidget) -> QLabel | None:
    top = widget.window()
    for label in top.findChildren(QLabel):
        if label.buddy() is widget:
            return label
    return None


def plain_text(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText or (
            label.textFormat() == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(label.text())):
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def visible_label(widget: QWidget) -> str:
    """The words on screen that label `widget` ("" for a widget without one)."""
    if isinstance(widget, QLabel):
        return plain_text(widget)
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    buddy = buddy_of(widget)
    return buddy.text() if buddy is not None else ""


def names_without_their_label(top: QWidget) -> list[str]:
    """Widgets of `top` whose spoken name does not start with the label they show (hidden ones
    too: a button shown only after an export is named all the same)."""
    wrong = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.window() is not top:
            continue
        label = words(visible_label(widget))
        if not label:
            continue
        if isinstance(widget, QLabel):
            interface = QAccessible.queryAccessibleInterface(widget)
            name = interface.text(QAccessible.Text.Name) if interface else ""
        else:
            name = spoken_name(widget)
        if not words(name).startswith(label):
            wrong.append(f"{type(widget).__name__}: shows {label!r}, named {words(name)!r}")
    return wrong
