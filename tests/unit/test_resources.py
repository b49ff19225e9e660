"""The one lookup for bundled files, as a source checkout or an editable install sees it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflect.domain import resources
from reflect.domain.resources import KINDS, resource_dir, resource_root

REPO = Path(__file__).resolve().parents[2]


def test_a_checkout_reads_the_top_level_resources_folder():
    """From the checkout (editable install) the files come from `resources/` at the repository top."""
    assert resource_root() == REPO / "resources"
    assert not (REPO / "src" / "reflect" / "resources").exists()


def test_every_kind_is_there():
    """Briefings, dictionaries, fonts and icons are each a folder with files in it."""
    for kind in KINDS:
        folder = resource_dir(kind)
        assert folder.is_dir(), kind
        assert any(folder.iterdir()), kind


def test_a_packaged_copy_is_preferred(tmp_path, monkeypatch):
    """Where the build copied the files beside the package (wheel, bundle), that copy is used."""
    packaged = tmp_path / "resources"
    (packaged / "fonts").mkdir(parents=True)
    monkeypatch.setattr(resources, "PACKAGED", packaged)
    assert resource_root() == packaged


def test_missing_files_say_so(tmp_path, monkeypatch):
    """With neither copy present the error says to reinstall, and an unknown kind is refused."""
    monkeypatch.setattr(resources, "PACKAGED", tmp_path / "a")
    monkeypatch.setattr(resources, "CHECKOUT", tmp_path / "b")
    with pytest.raises(FileNotFoundError, match="reinstall"):
        resource_root()
    with pytest.raises(ValueError):
        resource_dir("sounds")
