"""Undo, Redo, Cut, Copy, Paste and Select All for the Edit menu, acting on the focused text box.

The boxes answer the standard shortcuts themselves (Ctrl+Z, Ctrl+C…); the menu makes the same
commands findable and usable with the mouse or from a screen reader's menu, and shows which of them
apply: each is enabled only when the box that has the focus (a line, a writing box, the text field
of a date or of an editable list) can do it now. A password field never gives up its text.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:  # only named in annotations: see `text_box`
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

    TextBox = QLineEdit | QTextEdit | QPlainTextEdit

_COMMANDS = (  # (attribute, menu text, standard key, the box's method)
    ("undo", "&Undo", QKeySequence.StandardKey.Undo, "undo"),
    ("redo", "&Redo", QKeySequence.StandardKey.Redo, "redo"),
    ("cut", "Cu&t", QKeySequence.StandardKey.Cut, "cut"),
    ("copy", "&Copy", QKeySequence.StandardKey.Copy, "copy"),
    ("paste", "&Paste", QKeySequence.StandardKey.Paste, "paste"),
    ("select_all", "Select &All", QKeySequence.StandardKey.SelectAll, "selectAll"),
)


def text_box(widget: QWidget | None) -> TextBox | None:
    """The text box that `widget` (a focused control) edits, if it edits one.

    Asked of Qt by class name (`inherits`): this runs as the window first takes the focus, and
    naming QTextEdit, QComboBox... in Python would have PySide build their Python types (and
    enums) before the first paint, for a dashboard that has none of them.
    """
    if widget is None:
        return None
    if any(widget.inherits(name) for name in ("QLineEdit", "QTextEdit", "QPlainTextEdit")):
        return widget
    if widget.inherits("QComboBox") and widget.isEditable():
        return widget.lineEdit()
    if widget.inherits("QAbstractSpinBox"):  # dates and times: their text field
        return widget.findChild(QLineEdit)
    return None


def available(box: TextBox | None) -> dict[str, bool]:
    """Which commands `box` can carry out now."""
    if box is None:
        return dict.fromkeys(("undo", "redo", "cut", "copy", "paste", "select_all"), False)
    data = QGuiApplication.clipboard().mimeData()
    clipboard_has_text = data is not None and data.hasText()
    if isinstance(box, QLineEdit):
        hidden = box.echoMode() != QLineEdit.EchoMode.Normal
        editable = not box.isReadOnly()
        selected = box.hasSelectedText() and not hidden
        return {"undo": editable and box.isUndoAvailable(), "redo": editable and box.isRedoAvailable(),
                "cut": editable and selected, "copy": selected,
                "paste": editable and clipboard_has_text, "select_all": bool(box.text())}
    document = box.document()
    editable = not box.isReadOnly()
    selected = box.textCursor().hasSelection()
    return {"undo": editable and document.isUndoAvailable(),
            "redo": editable and document.isRedoAvailable(),
            "cut": editable and selected, "copy": selected,
            "paste": editable and box.canPaste(), "select_all": not document.isEmpty()}


class EditActions(QObject):
    """The six actions of `window`'s Edit menu, kept in step with its focused text box.

    The box is asked of the window each time, never kept: boxes come and go (a rebuilt writing
    box is deleted). Each box is watched once (a property on it says so) and its signals end with
    it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._watched = f"reflectEditActions{id(self)}"
        self.actions: list[QAction] = []
        for name, text, key, method in _COMMANDS:
            action = QAction(text, window)
            action.setShortcuts(key)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, n=name, m=method: self._run(n, m))
            window.addAction(action)
            setattr(self, name, action)
            self.actions.append(action)
        _while_alive(self, QApplication.instance().focusChanged, "_focus_changed")
        _while_alive(self, QGuiApplication.clipboard().dataChanged, "update")
        self._focus_changed(None, None)

    def target(self) -> TextBox | None:
        """The box the commands act on: the window's focused one (kept while a menu is open)."""
        return text_box(self.window.focusWidget())

    def _run(self, name: str, method: str) -> None:
        box = self.target()
        if box is not None and available(box)[name]:
            getattr(box, method)()
        self.update()

    def _focus_changed(self, _old: QWidget | None, _now: QWidget | None) -> None:
        box = self.target()
        if box is not None and not box.property(self._watched):
            box.setProperty(self._watched, True)
            signals = ((box.textChanged, box.selectionChanged) if isinstance(box, QLineEdit) else
                       (box.undoAvailable, box.redoAvailable, box.copyAvailable, box.selectionChanged))
            for signal in signals:
                signal.connect(self.update)
        self.update()

    def update(self, *_args) -> None:
        state = available(self.target())
        for (name, *_rest), action in zip(_COMMANDS, self.actions, strict=True):
            action.setEnabled(state[name])


def _while_alive(actions: EditActions, signal, method: str) -> None:
    """Connect an application signal to `actions.method` until `actions` (with its window) is
    deleted; then the connection removes itself. (PySide keeps calling a deleted object's bound
    method, and refuses to disconnect it once deleted.)"""
    ref = weakref.ref(actions)

    def relay(*args) -> None:
        alive = ref()
        if alive is None or not isValid(alive) or not isValid(alive.window):
            signal.disconnect(relay)
            return
        getattr(alive, method)(*args)

    signal.connect(relay)
