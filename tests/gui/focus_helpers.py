"""Helpers for the keyboard tests: walking the Tab chain, reading order, palettes, focus pixels."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import pairwise

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from reflect.ui.common.colours import luminance as relative_luminance


def tab_walk(qtbot, start: QWidget, limit: int = 200) -> list[QWidget]:
    """Press Tab from `start` until the focus comes back to it: the controls visited, in order."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus, timeout=2000)
    visited = [start]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            qtbot.wait(20)  # let the layouts settle before anyone measures where things are
            return visited
        assert now is not None and now is not visited[-1], f"Tab stopped at {describe(visited[-1])}"
        visited.append(now)
    raise AssertionError(f"Tab never came back to {describe(start)}")


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"


def frame(widget: QWidget) -> QRect:
    """Where `widget` is, in its window's coordinates (content that is scrolled away included)."""
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def _seen_from(widget: QWidget, other: QWidget) -> QWidget:
    """`widget`, or the outermost scroll area holding it but not `other`: content scrolled out of
    a pane is where its pane is, as far as what lies outside the pane is concerned."""
    seen = widget
    ancestor = widget.parentWidget()
    while ancestor is not None and not ancestor.isAncestorOf(other):
        if isinstance(ancestor, QAbstractScrollArea):
            seen = ancestor
        ancestor = ancestor.parentWidget()
    return seen


def follows(a: QWidget, b: QWidget, slack: int = 4) -> bool:
    """True if `b` comes after `a` as a page reads: inside it (a box, then what it holds), below
    it, or to its right on the same line."""
    if a.isAncestorOf(b):
        return True
    first, second = frame(_seen_from(a, b)), frame(_seen_from(b, a))
    below = second.top() >= first.bottom() - slack
    same_line = second.top() < first.bottom() and second.bottom() > first.top()
    right = second.left() >= first.right() - slack
    return below or (same_line and right)


def out_of_order(widgets: list[QWidget]) -> list[str]:
    """Each step of `widgets` that goes back up the page or to the left on the same line."""
    return [f"{describe(a)} {frame(a).getRect()} -> {describe(b)} {frame(b).getRect()}"
            for a, b in pairwise(widgets) if not follows(a, b)]


def runs(items: list, key: Callable) -> list:
    """The keys of consecutive runs: [a, a, b, a] -> [a, b, a]."""
    out = []
    for item in items:
        if not out or out[-1] != key(item):
            out.append(key(item))
    return out


def fusion_palette(dark: bool) -> QPalette:
    """Fusion's standard light or dark palette, as Qt builds it from the system's colour scheme
    (the offscreen platform has no dark scheme to ask for)."""
    window_text = QColor(240, 240, 240) if dark else QColor(Qt.GlobalColor.black)
    background = QColor(50, 50, 50) if dark else QColor(239, 239, 239)
    base = background.darker(140) if dark else QColor(Qt.GlobalColor.white)
    dark_role = background.darker(150)
    palette = QPalette(window_text, background, background.lighter(150), dark_role,
                       background.darker(130), window_text, base)
    palette.setColor(QPalette.ColorRole.Midlight, background.darker(130).lighter(110))
    palette.setColor(QPalette.ColorRole.Button, background)
    palette.setColor(QPalette.ColorRole.Shadow, dark_role.darker(135))
    palette.setColor(QPalette.ColorRole.HighlightedText,
                     window_text if dark else QColor(Qt.GlobalColor.white))
    disabled_text = QColor(130, 130, 130) if dark else QColor(190, 190, 190)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled_text)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, background)
    highlight = QColor(48, 140, 198)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, highlight)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(145, 145, 145))
    placeholder = QColor(window_text)
    placeholder.setAlpha(128)
    palette.setColor(QPalette.ColorRole.PlaceholderText, placeholder)
    if dark:
        palette.setColor(QPalette.ColorRole.Link, highlight)
    return palette


@contextmanager
def app_palette(palette: QPalette) -> Iterator[None]:
    app = QApplication.instance()
    before = app.palette()
    app.setPalette(palette)
    try:
        yield
    finally:
        app.setPalette(before)


def _pixels(image: QImage) -> array:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = array("I")
    pixels.frombytes(bytes(image.constBits())[:image.width() * image.height() * 4])
    return pixels


def strongly_changed(before: QImage, after: QImage, ratio: float = 3.0) -> int:
    """How many pixels changed by at least `ratio`:1 (WCAG contrast of the same pixel's colour
    before and after)."""
    luminance: dict[int, float] = {}

    def lum(rgb: int) -> float:
        if rgb not in luminance:
            luminance[rgb] = relative_luminance(QColor.fromRgb(rgb))
        return luminance[rgb]

    count = 0
    for old, new in zip(_pixels(before), _pixels(after), strict=True):
        if old != new:
            low, high = sorted((lum(old), lum(new)))
            if (high + 0.05) / (low + 0.05) >= ratio:
                count += 1
    return count


def ring_area(rect: QRect, width: int = 2) -> int:
    """Pixels in a band `width` thick along the inside of `rect` (WCAG 2.4.13's minimum area)."""
    inner = rect.adjusted(width, width, -width, -width)
    return rect.width() * rect.height() - max(inner.width(), 0) * max(inner.height(), 0)



def focusable_controls(top: QWidget) -> list[QWidget]:
    """Every control showing in `top` that can hold the keyboard focus (by Tab or by click)."""
    return [widget for widget in top.findChildren(QWidget)
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.focusProxy() is None
            and not widget.isWindow() and widget.isVisible() and widget.isEnabled()]


def shown_part(widget: QWidget) -> QRect:
    """The part of `widget` its ancestors let show, in its window's coordinates."""
    window = widget.window()
    rect = frame(widget)
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not window:
        rect &= frame(ancestor)
        ancestor = ancestor.parentWidget()
    return rect & window.rect()


def settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(1)


def focus_change(qtbot, widget: QWidget, margin: int = 4) -> tuple[int, int]:
    """Pixels around `widget` that change by at least 3:1 when it takes the focus, and the least
    WCAG 2.4.13 asks for (the area of a 2-pixel band around what shows of it)."""
    window = widget.window()
    widget.setFocus(Qt.FocusReason.TabFocusReason)  # brings it into view
    settle(qtbot)
    shown = shown_part(widget)
    area = shown.adjusted(-margin, -margin, margin, margin) & window.rect()
    widget.clearFocus()
    settle(qtbot)
    before = window.grab(area).toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    settle(qtbot)
    after = window.grab(area).toImage()
    return strongly_changed(before, after), ring_area(shown)


def focus_target(widget: QWidget) -> QWidget:
    """The control that takes the focus when `widget` is given it (a date field: its line edit)."""
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return widget
