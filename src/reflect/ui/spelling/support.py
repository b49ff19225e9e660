"""Spelling for one text editor: the underlines and the context menu, by mouse or keyboard.

Attaching is one call, so any QPlainTextEdit or QTextEdit in the app (stage answers, session
notes) gets the same behaviour without subclassing. The editor keeps its standard context menu;
spelling adds to it only when the click (or the text cursor, when the menu was opened with the
Menu key or Shift+F10) is on a flagged word. Without a checker (still loading, or spelling
turned off) the editor behaves exactly as if nothing were attached.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QMenu

from reflect.spelling import SpellChecker
from reflect.ui.spelling.context_menu import Editor, Misspelling, build_menu, misspelling_at
from reflect.ui.spelling.highlighter import SpellingHighlighter

log = logging.getLogger(__name__)


class SpellingSupport(QObject):
    """Installs a SpellingHighlighter on `editor` and adds spelling to its context menu.

    `checker_provider()` gives the current checker or None; `add_word(word)` stores a word the
    user added (the checker already accepts it when this is called); `on_words_changed()` is
    called after Add or Ignore to re-check (default: this editor only).
    """

    def __init__(
        self,
        editor: Editor,
        checker_provider: Callable[[], SpellChecker | None],
        add_word: Callable[[str], None],
        *,
        on_words_changed: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(editor)  # lives and dies with the editor
        self._editor = editor
        self._viewport = editor.viewport()
        self._checker_provider = checker_provider
        self._add_word = add_word
        self._on_words_changed = on_words_changed or self.refresh
        self._menu: QMenu | None = None
        self.highlighter = SpellingHighlighter(editor.document(), checker_provider())
        editor.installEventFilter(self)
        self._viewport.installEventFilter(self)

    @property
    def editor(self) -> Editor:
        return self._editor

    def refresh(self) -> None:
        """Pick up the current checker (loaded, switched off, words changed) and re-check."""
        self.highlighter.set_checker(self._checker_provider())

    def detach(self) -> None:
        """Remove the underlines and the menu additions from the editor."""
        self._editor.removeEventFilter(self)
        self._viewport.removeEventFilter(self)
        self.highlighter.set_checker(None)
        self.highlighter.setDocument(None)
        self.deleteLater()

    def misspelling_at(self, position: int) -> Misspelling | None:
        """The flagged word at document `position`, if spelling is on and there is one."""
        checker = self._checker_provider()
        return None if checker is None else misspelling_at(self._editor, checker, position)

    def build_menu(self, pos: QPoint | None = None) -> QMenu:
        """The context menu for viewport point `pos`, or for the text cursor when `pos` is None."""
        if pos is None:
            cursor = self._editor.textCursor()
            position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        else:
            position = self._editor.cursorForPosition(pos).position()
        return build_menu(
            self._editor, self.misspelling_at(position), self._checker_provider(),
            on_add=self._add, on_ignore=self._ignore,
        )

    # --- actions ----------------------------------------------------------------------------

    def _add(self, word: str) -> None:
        checker = self._checker_provider()
        if checker is not None:
            checker.add_personal(word)
        self._add_word(word)
        self._on_words_changed()

    def _ignore(self, word: str) -> None:
        checker = self._checker_provider()
        if checker is not None:
            checker.ignore(word)
        self._on_words_changed()

    # --- events -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu and self._checker_provider() is not None:
            assert isinstance(event, QContextMenuEvent)
            if self._menu_is_open():
                return True  # Windows may send a second one for the same key press
            if event.reason() == QContextMenuEvent.Reason.Keyboard:
                self._show(None)
            elif watched is self._viewport:
                self._show(event.pos())
            else:
                self._show(self._viewport.mapFrom(self._editor, event.pos()))
            return True
        if (kind == QEvent.Type.KeyPress and watched is self._editor
                and self._checker_provider() is not None and _opens_menu(event)):
            # Qt turns these keys into a context menu event on Windows only; do it everywhere.
            self._show(None)
            return True
        return False

    def _show(self, pos: QPoint | None) -> None:
        menu = self.build_menu(pos)
        if pos is None:
            rect = self._editor.cursorRect()
            anchor = self._viewport.mapToGlobal(rect.bottomLeft())
            if menu.actions():
                menu.setActiveAction(menu.actions()[0])  # arrow keys start from the first item
        else:
            anchor = self._viewport.mapToGlobal(pos)
        if self._menu is not None:
            self._menu.deleteLater()
        self._menu = menu
        menu.popup(anchor)

    def _menu_is_open(self) -> bool:
        try:
            return self._menu is not None and self._menu.isVisible()
        except RuntimeError:  # already deleted by Qt
            self._menu = None
            return False


def _opens_menu(event: QEvent) -> bool:
    assert isinstance(event, QKeyEvent)
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Menu and modifiers == Qt.KeyboardModifier.NoModifier:
        return True
    return event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier
