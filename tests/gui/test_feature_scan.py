"""Start-up skips PySide's reading of Reflect's and the standard library's sources, and only those."""

from __future__ import annotations

import types

import pytest
import shibokensupport.feature as feature

from reflect.ui.shell import feature_scan

pytestmark = pytest.mark.gui


def _decided(name: str) -> int:
    """What PySide's import hook records for a newly imported module `name` (without a source)."""
    module = types.ModuleType(name)
    try:
        feature.feature_imported(module)
        return feature.pyside_feature_dict[name]
    finally:
        feature.pyside_feature_dict.pop(name, None)


def test_the_hook_takes_reflects_own_and_the_standard_librarys_modules_as_they_are():
    """Reflect's modules get PySide's default set without being read; others are read as before."""
    assert feature_scan.install()  # False would mean PySide changed its internals: see the module
    assert feature_scan.install()  # idempotent: the shortcut does not wrap itself
    assert _decided("reflect.not_read") == 0  # read, a module without a source would be -1
    assert _decided("json.not_read") == -1
    assert _decided("someone_elses_module") == -1  # read by PySide: no source, so no PySide


def test_a_pyside_without_the_internal_is_left_alone():
    """If PySide renames the function, nothing is replaced and nothing fails."""
    renamed = types.SimpleNamespace(pyside_feature_dict={}, feature_imported=lambda module: None)
    assert feature_scan.install(renamed) is False
    assert not hasattr(renamed, "_mod_uses_pyside")
    unexpected = types.SimpleNamespace(_mod_uses_pyside=None, pyside_feature_dict={})
    assert feature_scan.install(unexpected) is False
    assert unexpected._mod_uses_pyside is None
