"""The writing checks' part of an editor's context menu: spelling suggestions, Add to dictionary,
Ignore; and for an identifier hint, Replace with its initial or role, or Not identifying.

Kept apart from the event handling (support.py) so that tests can build the menu for a position
and trigger its actions without opening anything modally. The standard items (Undo, Redo, Cut,
Copy, Paste, Select All) stay: ours go on top, as in word processors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from reflect.domain.anonymisation import Finding
from reflect.spelling import SpellChecker
from reflect.spelling.utf16 import astral_positions, from_utf16, to_utf16

Editor = QPlainTextEdit | QTextEdit
MAX_SUGGESTIONS = 8


@dataclass(frozen=True)
class Misspelling:
    """A flagged word in the document: its text and its document positions (UTF-16)."""

    word: str
    start: int
    end: int


def misspelling_at(editor: Editor, checker: SpellChecker, position: int) -> Misspelling | None:
    """The flagged word at document `position` (or ending there, as after typing it)."""
    block = editor.document().findBlock(position)
    if not block.isValid():
        return None
    text = block.text()
    astral = astral_positions(text)
    index = from_utf16(position - block.position(), astral)
    for start, end in checker.misspelled_spans(text):
        if start <= index <= end:
            return Misspelling(
                text[start:end],
                block.position() + to_utf16(start, astral),
                block.position() + to_utf16(end, astral),
            )
        if start > index:
            break
    return None


def replace_misspelling(editor: Editor, target: Misspelling, replacement: str) -> None:
    """Put `replacement` in place of the word, as one step for Undo, caret after it."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(target.start)
    cursor.setPosition(target.end, QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() != target.word:  # the text changed since the menu was built
        return
    cursor.beginEditBlock()
    cursor.insertText(replacement)
    cursor.endEditBlock()
    editor.setTextCursor(cursor)


def build_menu(
    editor: Editor,
    target: Misspelling | None,
    checker: SpellChecker | None,
    *,
    on_add: Callable[[str], None],
    on_ignore: Callable[[str], None],
) -> QMenu:
    """The editor's standard context menu, with the spelling actions for `target` on top."""
    menu = editor.createStandardContextMenu()
    if target is None or checker is None:
        return menu
    before = menu.actions()[0] if menu.actions() else None
    actions: list[QAction] = []
    suggestions = checker.suggest(target.word, MAX_SUGGESTIONS)
    for suggestion in suggestions:
        action = QAction(suggestion.replace("&", "&&"), menu)
        action.setObjectName("spelling-suggestion")
        action.triggered.connect(
            lambda _checked=False, s=suggestion: replace_misspelling(editor, target, s))
        actions.append(action)
    if not suggestions:
        none = QAction("No suggestions", menu)
        none.setEnabled(False)
        actions.append(none)
    add = QAction("&Add to dictionary", menu)
    add.setObjectName("spelling-add")
    add.setStatusTip(f"Stop marking “{target.word}” as a misspelling, in every entry")
    add.triggered.connect(lambda _checked=False: on_add(target.word))
    ignore = QAction("&Ignore", menu)
    ignore.setObjectName("spelling-ignore")
    ignore.setStatusTip(f"Stop marking “{target.word}” until Reflect is closed")
    ignore.triggered.connect(lambda _checked=False: on_ignore(target.word))
    if before is None:
        menu.addActions(actions)
        menu.addSeparator()
        menu.addActions([add, ignore])
        return menu
    menu.insertActions(before, actions)
    menu.insertSeparator(before)
    menu.insertActions(before, [add, ignore])
    menu.insertSeparator(before)
    return menu


@dataclass(frozen=True)
class HintActions:
    """What an identifier hint offers. `suggest(finding, text)` gives (start, end, new): what to put
    in place of which part of `text` (an initial, a role; it may reach beyond the finding, as
    "Kayla's mum" -> "the child's mother"); `accept(kind, text)` remembers the finding as not
    identifying, as the export review does."""

    suggest: Callable[[Finding, str], tuple[int, int, str]]
    accept: Callable[[str, str], None]

    def add_to(self, menu: QMenu, finding: Finding, text: str,
               replace: Callable[[int, int, str], None], recheck: Callable[[], None]) -> None:
        """Put the hint's actions at the top of `menu`; `recheck()` runs after Not identifying."""
        start, end, replacement = self.suggest(finding, text)
        before = menu.actions()[0] if menu.actions() else None
        title = QAction(f"{finding.label}: “{finding.text}”".replace("&", "&&"), menu)
        title.setEnabled(False)
        swap = QAction(f"&Replace with “{replacement.replace('&', '&&')}”", menu)
        swap.setObjectName("hint-replace")
        swap.setStatusTip("Replace it here and in the earlier versions of this reflection")
        swap.triggered.connect(lambda _checked=False: replace(start, end, replacement))
        safe = QAction("&Not identifying", menu)
        safe.setObjectName("hint-accept")
        safe.setStatusTip(f"Stop marking “{finding.text}” as something that may identify someone")
        safe.triggered.connect(lambda _checked=False: (self.accept(*finding.key), recheck()))
        actions = [title, swap, safe]
        if before is None:
            menu.addActions(actions)
            return
        menu.insertActions(before, actions)
        menu.insertSeparator(before)
