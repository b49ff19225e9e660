"""Colours derived from the palette, so text stays readable in whatever theme the user has.

Fixed greys vanish in a dark or high-contrast theme, and the system's own palettes are not always
readable either: Fusion's placeholder text is 4.0:1 on white, its white-on-blue selection 3.7:1,
its link blue 4.2:1 on a dark base. So every colour Reflect draws text in is a palette role, or a
blend of two, moved in lightness only as far as it takes to reach WCAG's 4.5:1 against what it is
drawn on (`readable`). A high-contrast theme already passes, so it comes through unchanged.

`ReadablePalette` applies this to the application palette once at start-up and again whenever
the system palette changes (a switch to dark mode or to a high-contrast theme): placeholders,
links and the selection become readable everywhere, and quieter text (a stage's prompt, a
list's second line) uses the placeholder colour, readable on every background the app uses.

The focus ring (`focus_colour`) is the theme's highlight, moved towards the text colour where it
does not stand out 3:1 from what a control sits on (WCAG 2.2 SC 1.4.11 and 2.4.13).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
TEXT = 4.5  # WCAG 1.4.3 (AA) for normal text
#: Styles shade what they paint by a few percent (Fusion's group boxes are a little darker than
#: the window, its selection a little lighter at the top), so colours are made readable against
#: those shades as well.
SHADE = 108
#: The backgrounds text is drawn on: fields and lists, windows, quiet boxes, buttons.
BACKGROUNDS = (Role.Base, Role.Window, Role.AlternateBase, Role.Button)
# WCAG 2.2 SC 1.4.11 and 2.4.13: a focus indicator against what is next to it and against itself
# unfocused.
NON_TEXT_CONTRAST = 3.0


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` of the way towards `b` (0 is `a`, 1 is `b`); opaque."""
    return QColor.fromRgbF(*(x + (y - x) * amount for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3],
                                                                    strict=True)))


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    return _luminance_of(colour.rgba())


@lru_cache(maxsize=4096)
def _luminance_of(rgba: int) -> float:
    r, g, b = (_channel(((rgba >> shift) & 0xFF) / 255) for shift in (16, 8, 0))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def opaque(colour: QColor, background: QColor) -> QColor:
    """`colour` as it shows over `background` (a translucent colour blended by its alpha)."""
    return blend(background, colour, colour.alphaF())


def readable(colour: QColor, *backgrounds: QColor, minimum: float = TEXT) -> QColor:
    """`colour` (made opaque over the first background) with its lightness moved, lighter or
    darker whichever is the smaller change, just far enough to reach `minimum` against every one
    of `backgrounds`; hue and saturation stay. Unchanged if it already does."""
    colour = opaque(colour, backgrounds[0])
    return _lightness_until(colour, lambda c: min(contrast(c, b) for b in backgrounds), minimum)


def _lightness_until(colour: QColor, worst, minimum: float) -> QColor:
    """`colour` with the smallest change of lightness (up or down), in steps of 1%, that brings
    `worst(colour)`, its lowest contrast, to `minimum`; black or white, whichever does best, if
    none does. Searched in steps of 10%, then 1% within the first that passes: this runs at
    start-up for every text role, so it is kept to a few dozen trials."""
    if worst(colour) >= minimum:
        return colour
    hue, saturation, lightness, _ = colour.getHslF()
    hue = max(hue, 0.0)

    def at(i: int, end: float) -> tuple[float, QColor]:
        step = lightness + (end - lightness) * i / 100
        return step, QColor.fromHslF(hue, saturation, step)

    found = []
    for end in (0.0, 1.0):
        coarse = next((i for i in range(10, 101, 10) if worst(at(i, end)[1]) >= minimum), None)
        if coarse is None:
            continue
        fine = next(i for i in range(coarse - 9, coarse + 1) if worst(at(i, end)[1]) >= minimum)
        step, candidate = at(fine, end)
        found.append((abs(step - lightness), candidate))
    if found:
        return min(found, key=lambda f: f[0])[1]
    return max((QColor(0, 0, 0), QColor(255, 255, 255)), key=worst)


def shades(colour: QColor) -> tuple[QColor, QColor, QColor]:
    """`colour` and the lighter and darker shades a style may paint it in."""
    return colour, colour.lighter(SHADE), colour.darker(SHADE)


def secondary(text: QColor, background: QColor) -> QColor:
    """A quieter shade of `text` for a second line on `background`, still readable on it."""
    return readable(blend(text, background, 0.3), *shades(background))


#: every role `readable_palette` reads or sets
_TEXT_ROLES = (Role.Text, Role.Base, Role.WindowText, Role.Window, Role.ButtonText, Role.Button,
               Role.ToolTipText, Role.ToolTipBase, Role.PlaceholderText, Role.Link,
               Role.LinkVisited, Role.Highlight, Role.HighlightedText, Role.AlternateBase)


def readable_palette(palette: QPalette) -> QPalette:
    """`palette` with every text role readable where Reflect draws it (enabled groups only: text in
    a disabled control is exempt, and stays recognisably disabled). Only roles that fall short
    change, so a copy of a high-contrast palette comes back as it was. Most themes colour the
    inactive group as the active one: it then gets the active group's answer, not a second search
    (this runs at every start)."""
    out = QPalette(palette)
    _make_readable(out, Group.Active)
    if all(palette.color(Group.Inactive, role) == palette.color(Group.Active, role) for role in _TEXT_ROLES):
        for role in _TEXT_ROLES:
            if out.color(Group.Active, role) != palette.color(Group.Active, role):
                out.setColor(Group.Inactive, role, out.color(Group.Active, role))
    else:
        _make_readable(out, Group.Inactive)
    return out


def _make_readable(out: QPalette, group: QPalette.ColorGroup) -> None:
    def colour(role: Role) -> QColor:
        return out.color(group, role)

    def make_readable(role: Role, *on: Role) -> None:
        before = colour(role)
        after = readable(before, *(shade for b in on for shade in shades(colour(b))))
        if after.rgba() != before.rgba():
            out.setColor(group, role, after)

    for fg, bg in ((Role.Text, Role.Base), (Role.WindowText, Role.Window),
                   (Role.ButtonText, Role.Button), (Role.ToolTipText, Role.ToolTipBase)):
        make_readable(fg, bg)
    make_readable(Role.PlaceholderText, *BACKGROUNDS)
    make_readable(Role.Link, *BACKGROUNDS)
    make_readable(Role.LinkVisited, *BACKGROUNDS)
    # The selection keeps its text colour (white on blue stays white on blue) and deepens
    # or lightens the selection colour instead, until the text reads on all its shades.
    text = colour(Role.HighlightedText)
    selection = _lightness_until(colour(Role.Highlight),
                                 lambda c: min(contrast(text, s) for s in shades(c)), TEXT)
    if selection.rgba() != colour(Role.Highlight).rgba():
        out.setColor(group, Role.Highlight, selection)
    make_readable(Role.HighlightedText, Role.Highlight)  # if moving the selection was not enough


class ReadablePalette(QObject):
    """Keeps the application palette readable (see `readable_palette`), now and after every change
    of the system palette."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._app = app
        self._applying = False
        app.paletteChanged.connect(self._system_changed)
        self.apply()

    def apply(self) -> None:
        """Start again from the system's palette and make it readable."""
        self._applying = True
        try:
            system = QPalette(self._app.palette())
            system.setResolveMask(0)  # forget what was set before: the system's palette shows
            self._app.setPalette(system)
            self._app.setPalette(readable_palette(self._app.palette()))
        finally:
            self._applying = False

    def _system_changed(self, _palette: QPalette) -> None:
        if not self._applying:
            self.apply()

    def stop(self) -> None:
        """Hand the application back the system's palette as it is."""
        self._app.paletteChanged.disconnect(self._system_changed)
        system = QPalette(self._app.palette())
        system.setResolveMask(0)
        self._applying = True
        try:
            self._app.setPalette(system)
        finally:
            self._applying = False


def focus_colour(palette: QPalette) -> QColor:
    """The focus ring's colour: the theme's highlight where it stands out at least 3:1 from every
    background a control sits on, else the highlight moved towards the text colour until it does
    (lighter in a dark theme, darker in a light one). Raised surfaces (Fusion's tab pages are
    lighter than the window in a dark theme) are met too where the theme allows: a high-contrast
    theme's own highlight is kept even though its "light" is white."""
    group = QPalette.ColorGroup.Active
    backgrounds = [palette.color(group, role) for role in BACKGROUNDS]
    raised = palette.color(group, QPalette.ColorRole.Light)
    highlight = palette.color(group, QPalette.ColorRole.Highlight)
    text = palette.color(group, QPalette.ColorRole.WindowText)
    steps = [QColor(blend(highlight, text, step / 10).rgb()) for step in range(11)]  # as painted
    passing = [colour for colour in steps
               if min(contrast(colour, back) for back in backgrounds) >= NON_TEXT_CONTRAST]
    raised_too = [colour for colour in passing if contrast(colour, raised) >= NON_TEXT_CONTRAST]
    return (raised_too or passing or [QColor(text.rgb())])[0]
