"""Colours derived from the palette, so secondary text and rules follow the user's theme.

Fixed greys vanish in a dark or high-contrast theme; a colour part-way between two palette roles
keeps its contrast whatever the theme is.
"""

from __future__ import annotations

from PySide6.QtGui import QColor


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` of the way towards `b` (0 is `a`, 1 is `b`); opaque."""
    return QColor.fromRgbF(*(x + (y - x) * amount for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3],
                                                                    strict=True)))
