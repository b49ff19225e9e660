"""Colours derived from the palette, so secondary text, rules and the focus ring follow the theme.

Fixed greys vanish in a dark or high-contrast theme; a colour part-way between two palette roles
keeps its contrast whatever the theme is. Contrast is WCAG 2.2's: the ratio of the relative
luminances of two colours, each plus 0.05, from 1:1 (the same) to 21:1 (black on white).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# WCAG 2.2 SC 1.4.11 and 2.4.13: a focus indicator against what is next to it and against itself
# unfocused.
NON_TEXT_CONTRAST = 3.0
# What a focus ring sits on: the window, a field, a button, a striped row or a quiet box.
_SURROUNDINGS = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button,
                 QPalette.ColorRole.AlternateBase)


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` of the way towards `b` (0 is `a`, 1 is `b`); opaque."""
    return QColor.fromRgbF(*(x + (y - x) * amount for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3],
                                                                    strict=True)))


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.2 relative luminance of an opaque sRGB colour, 0 (black) to 1 (white)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.red()) + 0.7152 * linear(colour.green()) + 0.0722 * linear(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2.2 contrast ratio of two opaque colours, 1 to 21."""
    first, second = sorted((relative_luminance(a), relative_luminance(b)))
    return (second + 0.05) / (first + 0.05)


def focus_colour(palette: QPalette) -> QColor:
    """The focus ring's colour: the theme's highlight where it stands out at least 3:1 from every
    background a control sits on, else the highlight moved towards the text colour until it does
    (lighter in a dark theme, darker in a light one). Raised surfaces (Fusion's tab pages are
    lighter than the window in a dark theme) are met too where the theme allows: a high-contrast
    theme's own highlight is kept even though its "light" is white."""
    group = QPalette.ColorGroup.Active
    backgrounds = [palette.color(group, role) for role in _SURROUNDINGS]
    raised = palette.color(group, QPalette.ColorRole.Light)
    highlight = palette.color(group, QPalette.ColorRole.Highlight)
    text = palette.color(group, QPalette.ColorRole.WindowText)
    steps = [QColor(blend(highlight, text, step / 10).rgb()) for step in range(11)]  # as painted
    passing = [colour for colour in steps
               if min(contrast(colour, back) for back in backgrounds) >= NON_TEXT_CONTRAST]
    raised_too = [colour for colour in passing if contrast(colour, raised) >= NON_TEXT_CONTRAST]
    return (raised_too or passing or [QColor(text.rgb())])[0]
