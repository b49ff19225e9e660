"""Writing checks for one text editor: spelling and identifier hints, their underlines, tooltips
and context menu, by mouse or keyboard.

Attaching is one call, so any QPlainTextEdit or QTextEdit in the app (stage answers, session
notes) gets the same behaviour without subclassing. The editor keeps its standard context menu;
spelling and the hints add to it only when the click (or the text cursor, when the menu was
opened with the Menu key or Shift+F10) is on a flagged word. Without a checker (still loading, or spelling
turned off) the editor behaves exactly as if nothing were attached.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QKeyEvent
from PySide6.QtWidgets import QMenu, QToolTip

from reflect.spelling import SpellChecker
from reflect.ui.spelling.context_menu import Editor, HintActions, Misspelling, build_menu, misspelling_at
from reflect.ui.spelling.highlighter import SpellingHighlighter
from reflect.ui.spelling.identifier_hints import Check, IdentifierHints

log = logging.getLogger(__name__)


class SpellingSupport(QObject):
    """Installs a SpellingHighlighter on `editor` and adds spelling to its context menu.

    `checker_provider()` gives the current checker or None; `add_word(word)` stores a word the
    user added (the checker already accepts it when this is called); `on_words_changed()` is
    called after Add or Ignore to re-check (default: this editor only). With `hint_actions`, the
    editor also gets identifier hints (see identifier_hints.py) with their own menu items.
    """

    #: a hint was replaced from the menu: (the finding's text, the text replaced, its replacement)
    identifier_replaced = Signal(str, str, str)

    def __init__(
        self,
        editor: Editor,
        checker_provider: Callable[[], SpellChecker | None],
        add_word: Callable[[str], None],
        *,
        on_words_changed: Callable[[], None] | None = None,
        hint_actions: HintActions | None = None,
        hint_check: Callable[[], Check | None] | None = None,
    ) -> None:
        super().__init__(editor)  # lives and dies with the editor
        self._editor = editor
        self._viewport = editor.viewport()
        self._checker_provider = checker_provider
        self._add_word = add_word
        self._on_words_changed = on_words_changed or self.refresh
        self._menu: QMenu | None = None
        self.highlighter = SpellingHighlighter(editor.document(), checker_provider())
        self._hint_actions = hint_actions
        self.hints = (IdentifierHints(editor, self.highlighter, hint_check)
                      if hint_actions is not None and hint_check is not None else None)
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
        if self.hints is not None:
            self.hints.clear()
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
        menu = build_menu(
            self._editor, self.misspelling_at(position), self._checker_provider(),
            on_add=self._add, on_ignore=self._ignore,
        )
        hint = self.hints.hint_at(position) if self.hints is not None else None
        if hint is not None and self._hint_actions is not None:
            finding, text = hint[0], self._editor.toPlainText()
            self._hint_actions.add_to(
                menu, finding, text,
                lambda start, end, new: self._replace(finding.text, text, start, end, new),
                self.hints.check_now)
        return menu

    def _replace(self, found: str, text: str, start: int, end: int, new: str) -> None:
        if self.hints is not None and self.hints.replace(text, start, end, new):
            self.identifier_replaced.emit(found, text[start:end], new)

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

    def _active(self) -> bool:
        return self._checker_provider() is not None or self.hints is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip and watched is self._viewport and self.hints is not None:
            assert isinstance(event, QHelpEvent)
            return self._tooltip(event)
        if kind == QEvent.Type.ContextMenu and self._active():
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
                and self._active() and _opens_menu(event)):
            # Qt turns these keys into a context menu event on Windows only; do it everywhere.
            self._show(None)
            return True
        return False

    def _tooltip(self, event: QHelpEvent) -> bool:
        hint = self.hints.hint_at(self._editor.cursorForPosition(event.pos()).position())
        if hint is None:
            QToolTip.hideText()
            return False
        finding = hint[0]
        QToolTip.showText(event.globalPos(), f"{finding.label}. {finding.advice} "
                          "Right-click (or the Menu key) to replace it.", self._viewport)
        return True

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
