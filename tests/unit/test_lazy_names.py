"""The one mechanism by which packages export names that load on first use."""

from __future__ import annotations

import sys
import types

import pytest

from reflect.domain.lazy_names import lazy_getattr


def test_a_name_loads_its_module_on_first_use_and_then_stays(monkeypatch):
    """The first access imports the module behind the name; later ones find it in the package."""
    package = types.ModuleType("lazy_pkg")
    package.__path__ = []
    inner = types.ModuleType("lazy_pkg.inner")
    inner.VALUE = object()
    monkeypatch.setitem(sys.modules, "lazy_pkg", package)
    monkeypatch.setitem(sys.modules, "lazy_pkg.inner", inner)
    package.__getattr__ = lazy_getattr("lazy_pkg", {"VALUE": "inner"})
    assert "VALUE" not in vars(package)
    assert package.VALUE is inner.VALUE
    assert vars(package)["VALUE"] is inner.VALUE


def test_an_unknown_name_is_an_attribute_error():
    """A name the package does not list is refused, as for any module."""
    import reflect.export

    with pytest.raises(AttributeError, match="no attribute"):
        reflect.export.NotThere  # noqa: B018


def test_the_exporting_packages_resolve_every_name_they_list():
    """Every name in export's and briefings' __all__ resolves to a real object."""
    import reflect.briefings
    import reflect.export

    for package in (reflect.export, reflect.briefings):
        for name in package.__all__:
            assert getattr(package, name) is not None, name
