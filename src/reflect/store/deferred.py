"""Load python-dateutil's parser only if something uses it.

sqlite-utils imports `dateutil.parser` when it is imported, for two recipes (`parsedate` and
`parsedatetime`) that Reflect never calls. With the time-zone code it brings, that import would
slow every start of the app. `importlib.util.LazyLoader` (the recipe in the importlib
documentation) puts a stand-in in its place that loads the real module on first use, so anything
that does use it still gets it, unchanged.
"""

from __future__ import annotations

import importlib.util
import sys

UNUSED_AT_START = ("dateutil.parser",)


def defer(name: str) -> bool:
    """Make `name` load on first attribute use; False (and nothing changed) if that cannot be done."""
    if name in sys.modules:
        return False
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return False
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return True


def defer_unused_imports() -> None:
    for name in UNUSED_AT_START:
        defer(name)
