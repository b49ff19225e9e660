"""The system palettes the contrast tests run under (no tests here).

Reflect takes its colours from the system, as Qt hands them over. On Linux (and on Windows when
Fusion is used) that is Qt's Fusion palette: light, or the dark variant Qt builds when the desktop
is dark (`qt_fusionPalette(darkAppearance)` in qtbase). A Windows high-contrast theme is a third
kind: black, white, yellow links and a cyan selection.

Offscreen there is no desktop to switch, so a proxy of the Fusion style polishes the base palette
into the one wanted: to the app that is exactly how a system palette arrives (the style's polish
is the last step of `QApplicationPrivate::basePalette`), so the app's own palette handling runs
as it would on a laptop.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyleFactory

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
GROUPS = (Group.Active, Group.Inactive, Group.Disabled)


def fusion_palette(dark: bool) -> QPalette:
    """Qt's Fusion palette (qtbase, qt_fusionPalette), light or dark."""
    window_text = QColor(240, 240, 240) if dark else QColor(0, 0, 0)
    background = QColor(50, 50, 50) if dark else QColor(239, 239, 239)
    light, mid = background.lighter(150), background.darker(130)
    base = background.darker(140) if dark else QColor(255, 255, 255)
    dark_role = background.darker(150)
    text = window_text if dark else QColor(0, 0, 0)
    highlight = QColor(48, 140, 198)
    disabled_text = QColor(130, 130, 130) if dark else QColor(190, 190, 190)
    shadow = dark_role.darker(135)
    placeholder = QColor(text)
    placeholder.setAlpha(128)
    p = QPalette(window_text, background, light, dark_role, mid, text, base)
    p.setColor(Role.Midlight, mid.lighter(110))
    p.setColor(Role.Button, background)
    p.setColor(Role.Shadow, shadow)
    p.setColor(Role.HighlightedText, window_text if dark else QColor(255, 255, 255))
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        p.setColor(Group.Disabled, role, disabled_text)
    p.setColor(Group.Disabled, Role.Base, background)
    p.setColor(Group.Disabled, Role.Dark, QColor(209, 209, 209).darker(110))
    p.setColor(Group.Disabled, Role.Shadow, shadow.lighter(150))
    p.setColor(Group.Active, Role.Highlight, highlight)
    p.setColor(Group.Inactive, Role.Highlight, highlight)
    p.setColor(Group.Disabled, Role.Highlight, QColor(145, 145, 145))
    p.setColor(Role.PlaceholderText, placeholder)
    if dark:
        p.setColor(Role.Link, highlight)  # "a more legible light blue on dark backgrounds"
    return p


def high_contrast_palette() -> QPalette:
    """Windows' "High Contrast Black" (now "Night sky") as Qt's Windows theme hands it over."""
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    yellow, cyan = QColor(255, 255, 0), QColor(26, 235, 255)
    p = QPalette(white, black, white, QColor(128, 128, 128), QColor(128, 128, 128), white, black)
    for role, colour in ((Role.Button, black), (Role.ButtonText, white), (Role.AlternateBase, black),
                         (Role.Highlight, cyan), (Role.HighlightedText, black), (Role.Link, yellow),
                         (Role.LinkVisited, yellow), (Role.PlaceholderText, QColor(200, 200, 200)),
                         (Role.ToolTipBase, black), (Role.ToolTipText, white)):
        p.setColor(role, colour)
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        p.setColor(Group.Disabled, role, QColor(63, 242, 63))
    return p


PALETTES = {"light": lambda: fusion_palette(False), "dark": lambda: fusion_palette(True),
            "high contrast": high_contrast_palette}


class SystemStyle(QProxyStyle):
    """Fusion, handing the app `palette` as the system's."""

    def __init__(self, palette: QPalette) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.system = palette

    def standardPalette(self) -> QPalette:
        return QPalette(self.system)

    def polish(self, target):
        if isinstance(target, QPalette):
            for group in GROUPS:
                for role in range(Role.NColorRoles.value):
                    if role != Role.NoRole.value:
                        target.setBrush(group, Role(role), self.system.brush(group, Role(role)))
            return None
        return super().polish(target)


@contextmanager
def system_palette(name: str):
    """While inside, the system's palette is `name` (a key of PALETTES)."""
    app = QApplication.instance()
    style = SystemStyle(PALETTES[name]())
    app.setStyle(style)
    reset = QPalette(app.palette())
    reset.setResolveMask(0)
    app.setPalette(reset)
    try:
        yield style
    finally:
        app.setStyle(QStyleFactory.create("Fusion"))
        reset = QPalette(app.palette())
        reset.setResolveMask(0)
        app.setPalette(reset)
