"""The GUI part of the self-test finds Qt's plugins by what they declare, and says which is missing.

Trimming the bundle must not drop a plugin the app needs: these tests give the check plugin
folders made of Qt's real plugin files, with one left out, and read what it reports.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from reflect.services.self_test import StepFailed
from reflect.ui.shell import gui_self_test
from reflect.ui.shell.gui_self_test import NeededPlugin, check_plugins, needed_plugins, plugin_folders

pytestmark = pytest.mark.gui


def _qt_plugins() -> Path:
    for folder in plugin_folders():
        if (folder / "platforms").is_dir():
            return folder
    pytest.skip("Qt's plugin folder was not found")


def _copy(kinds: list[str], target: Path, leave_out: str = "") -> Path:
    source = _qt_plugins()
    for kind in kinds:
        (target / kind).mkdir(parents=True, exist_ok=True)
        for path in (source / kind).iterdir():
            if leave_out and leave_out in path.name:
                continue
            shutil.copy2(path, target / kind / path.name)
    return target


def test_every_needed_plugin_is_found_in_qts_own_folders(qapp):
    check_plugins()  # raises StepFailed, naming the plugin, if one is missing


def test_a_missing_platform_plugin_is_named_with_what_it_is_for(tmp_path):
    offscreen = NeededPlugin("platforms", ("offscreen",), "windows without a screen")
    desktop = NeededPlugin("platforms", ("xcb", "windows", "cocoa"), "windows on the desktop")
    folder = _copy(["platforms"], tmp_path / "plugins",
                   leave_out={"linux": "xcb", "win32": "qwindows", "darwin": "cocoa"}.get(sys.platform, "?"))
    check_plugins([folder], [offscreen])  # offscreen is there (and loads from the copy)
    with pytest.raises(StepFailed) as failed:
        check_plugins([folder], [offscreen, desktop])
    message = str(failed.value)
    assert "platforms/xcb or windows or cocoa" in message
    assert "for windows on the desktop" in message and "is missing from" in message
    assert str(folder) in message


def test_a_plugin_is_recognised_by_its_keys_not_its_file_name(tmp_path):
    """A file named like the platform plugin, but not one, does not count."""
    folder = tmp_path / "plugins"
    (folder / "platforms").mkdir(parents=True)
    (folder / "platforms" / "libqoffscreen.so").write_bytes(b"not a plugin")
    with pytest.raises(StepFailed, match="platforms/offscreen"):
        check_plugins([folder], [NeededPlugin("platforms", ("offscreen",), "no screen")])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux desktop's plugins")
def test_linux_needs_x11_wayland_and_their_desktop_plugins():
    kinds = {(p.kind, p.keys[0]) for p in needed_plugins("linux", {})}
    assert {("platforms", "offscreen"), ("platforms", "xcb"), ("platforms", "wayland"),
            ("wayland-shell-integration", "xdg-shell"), ("xcbglintegrations", "xcb_egl"),
            ("wayland-decoration-client", "bradient"), ("platforminputcontexts", "compose")} <= kinds
    loaded_x11 = {p.keys[0] for p in needed_plugins("linux", {}) if p.load}
    loaded_wayland = {p.keys[0] for p in needed_plugins("linux", {"WAYLAND_DISPLAY": "wayland-0"}) if p.load}
    assert loaded_x11 == {"offscreen", "xcb"} and loaded_wayland == {"offscreen", "wayland"}


def test_windows_needs_its_platform_and_style():
    needed = {(p.kind, p.keys[0]): p.load for p in needed_plugins("win32", {})}
    assert needed == {("platforms", "offscreen"): True, ("platforms", "windows"): True,
                      ("styles", "windows11"): False}


def test_the_gui_steps_follow_the_journey_they_need():
    names = [name for name, _step, _needs in gui_self_test.STEPS]
    assert names[0].startswith("find Qt's plugins") and names[-1] == "close the main window"
    needs = {name: needs for name, _step, needs in gui_self_test.STEPS}
    assert "reopen the journal with its passphrase" in needs["open the main window offscreen"]
