"""Names a package exports but loads only when first used (PEP 562 module `__getattr__`).

Start-up imports the packages' `__init__` modules but not what is behind them: reportlab and pypdf
(export), python-docx (briefings) or the stores a first screen does not show. Each such package
lists where its names live and takes its `__getattr__` from here, so there is one copy of the
mechanism. It sits in domain/ because it imports nothing of Reflect's.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_getattr(package: str, where: Mapping[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package` that imports `package.<where[name]>` on first use of
    `name` and keeps the value in the package, so the next use is a plain attribute."""

    def __getattr__(name: str) -> object:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{where[name]}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
