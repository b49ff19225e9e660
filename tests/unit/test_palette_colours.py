"""No fixed colour in the interface: every colour comes from the palette, so a dark or a Windows
high-contrast theme applies to all of it (see reflect.ui.common.colours)."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "reflect" / "ui"
FIXED = re.compile(r"""#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?=[;"' ])|QColor\(\s*["'\d]|Qt\.GlobalColor"""
                   r"""|\b(?:color|background(?:-color)?)\s*:\s*(?!palette\()[a-z#]""")
#: Files allowed a fixed colour, and why.
ALLOWED = {
    # The spelling and identifier underlines (lines, not text): a red and an amber chosen by
    # the palette's base, each at least 3:1 on it (WCAG 1.4.11).
    "spelling/highlighter.py",
    # Black and white: the last resort of `readable` when no lightness of a colour is enough.
    "common/colours.py",
}


def test_the_interface_draws_only_palette_colours():
    """No hex colour, literal QColor or named colour in a style sheet outside the allowed files."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()
        if name in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("  # ")[0]
            if FIXED.search(code):
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == []
