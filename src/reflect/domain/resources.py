"""Where Reflect's bundled files are: briefings, fonts, dictionaries, icons and name lists.

They live in `resources/` at the top of the repository. An installed wheel and the PyInstaller
bundle carry them beside the package's code (`reflect/resources/`, copied there by the build); a
source checkout or an editable install reads them from the repository itself. This is the one
place that knows both, so every layer asks here and nothing depends on the current directory.
It sits in domain/ because it imports nothing of Reflect's, so every layer may use it.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # reflect/
#: inside the package: a wheel, a frozen bundle (PyInstaller's _internal/reflect)
PACKAGED = _PACKAGE / "resources"
#: the repository's own folder: a source checkout or an editable install
CHECKOUT = _PACKAGE.parents[1] / "resources"
KINDS = ("briefings", "dictionaries", "fonts", "icons", "names")


def resource_root() -> Path:
    """The folder holding the bundled files, packaged copy first; raises if neither is there."""
    for root in (PACKAGED, CHECKOUT):
        if (root / "fonts").is_dir():
            return root
    raise FileNotFoundError(
        "Reflect's bundled files (fonts, briefings, dictionaries) are missing; reinstall Reflect.")


def resource_dir(kind: str) -> Path:
    """One kind of bundled file: `briefings`, `dictionaries`, `fonts`, `icons` or `names`."""
    if kind not in KINDS:
        raise ValueError(f"no bundled resource kind {kind!r}")
    return resource_root() / kind
