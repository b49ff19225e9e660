"""File names (and other outside text) made safe to show in a message, a terminal or a dialog.

A file may be named with a newline, a terminal escape sequence or a right-to-left override:
printed as it is, such a name splits a one-line message, recolours or rewrites the terminal, or
shows "exe.txt" for "txt.exe". Every such character is shown escaped, as Python's repr would
write it; everything else, backslashes of Windows paths included, is left as it is, so escaping
twice changes nothing.
"""

from __future__ import annotations

import os
import unicodedata

# Controls (Cc), invisible characters that reorder or hide text (Cf: bidirectional overrides,
# zero-width marks), surrogates, private and unassigned code points, line and paragraph separators.
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def display_name(name: str | os.PathLike[str]) -> str:
    """`name` (a path or any text) with control and formatting characters escaped."""
    text = os.fspath(name)
    if text.isprintable():
        return text
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if unicodedata.category(char) not in _ESCAPED_CATEGORIES:
        return char
    escaped = repr(char)[1:-1]
    if escaped == char:  # repr keeps some (private use): spell it out
        code = ord(char)
        escaped = f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return escaped
