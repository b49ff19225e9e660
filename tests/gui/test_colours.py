"""The colour helper: colours from the palette, moved in lightness only as far as readability needs."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from reflect.ui.common.colours import BACKGROUNDS, contrast, readable, readable_palette, secondary, shades
from tests.gui.palettes import fusion_palette, high_contrast_palette

pytestmark = pytest.mark.gui
Role, Group = QPalette.ColorRole, QPalette.ColorGroup


def test_contrast_is_wcags_ratio():
    """Black on white is 21:1, a colour on itself 1:1, and #767676 on white just passes 4.5:1."""
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast(QColor("#308cc6"), QColor("#308cc6")) == pytest.approx(1)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


def test_a_readable_colour_is_left_alone():
    """Black on white needs no change."""
    assert readable(QColor("black"), QColor("white")).name() == "#000000"


def test_a_faint_colour_moves_in_lightness_only_as_far_as_needed():
    """Fusion's disabled grey on its window darkens just past 4.5:1, keeping its hue."""
    blue_grey, window = QColor(150, 160, 190), QColor(239, 239, 239)
    out = readable(blue_grey, window)
    assert 4.5 <= contrast(out, window) < 4.8
    assert out.hslHue() == pytest.approx(blue_grey.hslHue(), abs=2)
    assert out.lightness() < blue_grey.lightness()


def test_on_a_dark_background_it_lightens():
    """Link blue on a dark base is lightened, not darkened."""
    out = readable(QColor(48, 140, 198), QColor(36, 36, 36))
    assert contrast(out, QColor(36, 36, 36)) >= 4.5 and out.lightness() > QColor(48, 140, 198).lightness()


def test_a_translucent_colour_is_judged_as_it_shows():
    """Fusion's placeholder (black at half alpha) shows as mid-grey on white: 4.0:1, so it darkens."""
    placeholder = QColor(0, 0, 0, 128)
    out = readable(placeholder, QColor("white"))
    assert out.alpha() == 255 and contrast(out, QColor("white")) >= 4.5


@pytest.mark.parametrize("dark", [False, True])
def test_fusion_palettes_are_made_readable(dark):
    """Placeholders and links read on every background, and the selection keeps its text colour
    with a deeper selection behind it, readable on the shades a style paints it in."""
    system = fusion_palette(dark)
    palette = readable_palette(system)
    for group in (Group.Active, Group.Inactive):
        for role in (Role.PlaceholderText, Role.Link):
            for background in BACKGROUNDS:
                assert contrast(palette.color(group, role), palette.color(group, background)) >= 4.5
        text = palette.color(group, Role.HighlightedText)
        assert text == system.color(group, Role.HighlightedText)
        assert min(contrast(text, s) for s in shades(palette.color(group, Role.Highlight))) >= 4.5
    assert palette.color(Role.Window) == system.color(Role.Window)
    assert palette.color(Group.Disabled, Role.Text) == system.color(Group.Disabled, Role.Text)


def test_a_high_contrast_theme_comes_through_unchanged():
    """Windows' high-contrast colours already pass, so not one role changes."""
    system = high_contrast_palette()
    palette = readable_palette(system)
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        for role in range(Role.NColorRoles.value):
            assert palette.color(group, Role(role)) == system.color(group, Role(role)), Role(role)


def test_secondary_text_is_quieter_and_readable():
    """A list's second line is lighter than its first, and still 4.5:1, on white and on a selection."""
    for text, background in ((QColor("black"), QColor("white")), (QColor("white"), QColor(40, 110, 160))):
        quiet = secondary(text, background)
        assert contrast(quiet, background) < contrast(text, background)
        assert contrast(quiet, background) >= 4.5


@pytest.mark.parametrize("dark", [False, True])
def test_each_group_is_made_readable_on_its_own_colours(dark):
    """An inactive group coloured as the active one gets the same answer (and the same roles
    set); one coloured differently is made readable on its own colours."""
    system = fusion_palette(dark)
    same = readable_palette(system)
    for role in range(Role.NColorRoles.value):
        assert same.color(Group.Inactive, Role(role)) == same.color(Group.Active, Role(role)), Role(role)
    assert same.resolveMask() == readable_palette(same).resolveMask()
    faint = QColor("#bbbbbb") if not dark else QColor("#444444")
    system.setColor(Group.Inactive, Role.Link, faint)  # an inactive window's links, unreadable
    apart = readable_palette(system)
    assert apart.color(Group.Active, Role.Link) == same.color(Group.Active, Role.Link)
    inactive_link = apart.color(Group.Inactive, Role.Link)
    assert inactive_link != same.color(Group.Inactive, Role.Link)
    assert inactive_link.hue() == faint.hue() and inactive_link.saturation() == faint.saturation()
    for background in BACKGROUNDS:
        assert contrast(inactive_link, apart.color(Group.Inactive, background)) >= 4.5
