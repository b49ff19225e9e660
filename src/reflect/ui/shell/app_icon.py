"""Reflect's icon for every window (drawn by scripts/make-icons, one PNG per size)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from reflect.domain.resources import resource_dir

SIZES = (16, 24, 32, 48, 64, 128, 256)
ICON_DIR = resource_dir("icons")


def app_icon() -> QIcon:
    """The icon with a drawn image for each size; Qt reads a file only when that size is shown."""
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(ICON_DIR / f"reflect-{size}.png"), QSize(size, size))
    return icon
