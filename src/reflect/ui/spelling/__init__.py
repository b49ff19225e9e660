"""Spelling in the app's text editors: underlines, context-menu suggestions, background loading.

Use one SpellingService for the app and `service.attach(editor)` for each editor; the checking
itself is the Qt-free reflect.spelling package.
"""

from reflect.ui.spelling.context_menu import Misspelling, build_menu, misspelling_at
from reflect.ui.spelling.highlighter import SpellingHighlighter
from reflect.ui.spelling.service import SpellingService
from reflect.ui.spelling.support import SpellingSupport

__all__ = [
    "Misspelling",
    "SpellingHighlighter",
    "SpellingService",
    "SpellingSupport",
    "build_menu",
    "misspelling_at",
]
