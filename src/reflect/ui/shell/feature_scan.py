"""Spare the start-up PySide's reading of the source of every module imported after it.

PySide6 has opt-in "features" (`from __feature__ import snake_case, true_property`), chosen module
by module. To tell which modules might use one, its import hook (`shibokensupport.feature`,
`feature_imported` -> `_mod_uses_pyside`) reads the whole source of each module imported after
PySide6 (`inspect.getsource`) and looks for the word "PySide6": about 80 modules before Reflect's
window paints (typing, logging, pathlib, dataclasses, Reflect's own...), 10-13 ms of one core.

Reflect selects no feature anywhere, so every module runs with PySide's default set whatever that
scan concludes: its two answers (0, "the default set", and -1, "ignore this module") differ only
once some module has selected a feature. `install` answers without reading for the modules whose
answer is known: the standard library's (they never use PySide: -1, as the scan finds) and
Reflect's own (0: the default set, the only one Reflect uses). Any other module is read as before.

This relies on a private function of PySide's. If a later PySide renames or drops it, `install`
changes nothing and returns False: PySide then reads every module as it always did, a little
slower and otherwise the same. tests/gui/test_feature_scan.py notices such a change.
"""

from __future__ import annotations

import sys

_OWN = "reflect"


def install(feature=None) -> bool:
    """Answer PySide's question for Reflect's and the standard library's modules (idempotent).

    Call it once PySide6 is imported (its support package exists only then). `feature` is
    PySide's `shibokensupport.feature` module; True if the shortcut is in place.
    """
    if feature is None:
        try:
            import shibokensupport.feature as feature  # PySide's support package, not on disk
        except ImportError:
            return False
    scan = getattr(feature, "_mod_uses_pyside", None)
    if not callable(scan) or not isinstance(getattr(feature, "pyside_feature_dict", None), dict):
        return False
    if getattr(scan, "reflect_shortcut", False):
        return True

    def uses_pyside(module) -> bool:
        top = str(getattr(module, "__name__", "")).partition(".")[0]
        if top == _OWN:
            return True
        if top in sys.stdlib_module_names:
            return False
        return scan(module)

    uses_pyside.reflect_shortcut = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
    return True
