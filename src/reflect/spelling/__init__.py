"""Offline UK English spelling for the journal editor, with the field's vocabulary.

Pure Python and no Qt (the Qt side is reflect.ui.spelling): a bundled SCOWL British word list,
a safeguarding vocabulary, the user's personal words (kept in the journal by the caller), a
tokenizer that knows what not to check, and suggestions ranked the way people mistype.
"""

from reflect.spelling.checker import SpellChecker
from reflect.spelling.incremental import respan
from reflect.spelling.tokens import Span

__all__ = ["SpellChecker", "Span", "respan"]
