"""Every text Reflect shows is readable (WCAG 1.4.3: 4.5:1, large text 3:1) in the light and dark
system palettes and in a high-contrast theme, on every page and in every main dialog."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reflect.ui.common.colours import ReadablePalette, contrast
from tests.gui.contrast_checks import texts_on
from tests.gui.gallery import dialog_screens, window_screens
from tests.gui.palettes import PALETTES, SystemStyle, fusion_palette, system_palette

pytestmark = pytest.mark.gui
Role = QPalette.ColorRole


@pytest.fixture(params=list(PALETTES))
def theme(request, qapp):
    """The system palette `request.param`, made readable as the app does at start-up."""
    with system_palette(request.param):
        readable = ReadablePalette(qapp)
        yield request.param
        readable.stop()
        readable.setParent(None)


def unreadable(screens) -> tuple[list[str], int]:
    failed, measured = [], 0
    for name, top in screens:
        texts = texts_on(top)
        measured += len(texts)
        failed += [f"{name}: {t}" for t in texts if not t.passes]
    return failed, measured


def test_every_page(qtbot, journal, theme):
    """Dashboard, Reflect (briefing and editor, list, search), Sessions, Actions and the lock
    screen: every label, field, placeholder, button, tab, header, list row (selected or not) and
    painted tile."""
    failed, measured = unreadable(window_screens(qtbot, journal))
    assert measured > 300, "the walk found too few texts to be measuring the pages"
    assert failed == []


def test_every_dialog(qtbot, journal, theme):
    """Every main dialog, from first run to the export's review."""
    failed, measured = unreadable(dialog_screens(qtbot, journal))
    assert measured > 150, "the walk found too few texts to be measuring the dialogs"
    assert failed == []


def test_the_palette_follows_the_system_into_dark_mode(qapp):
    """Switching the system to dark while Reflect runs re-derives every colour from the new
    palette: nothing of the light one is left behind."""
    with system_palette("light") as style:
        readable = ReadablePalette(qapp)
        try:
            light_placeholder = qapp.palette().color(Role.PlaceholderText)
            style.system = fusion_palette(True)
            qapp.setStyle(SystemStyle(style.system))  # what a theme change does to the base palette
            palette = QApplication.palette()
            assert palette.color(Role.Window).lightness() < 80
            placeholder = palette.color(Role.PlaceholderText)
            assert placeholder != light_placeholder
            assert contrast(placeholder, palette.color(Role.Base)) >= 4.5
            assert contrast(palette.color(Role.Link), palette.color(Role.Base)) >= 4.5
        finally:
            readable.stop()
            readable.setParent(None)
