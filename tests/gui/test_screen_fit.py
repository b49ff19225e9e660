"""Every window fits a 1366×768 laptop screen at 100%, 125% and 150% scaling.

The main window (unlocked on each page, and locked) and every dialog are opened by
`screen_fit_driver` in a child process per scale factor: QT_SCALE_FACTOR must be set before
QApplication exists, and the offscreen platform is given a 1366×768 screen by its JSON
configuration (Qt's qoffscreenintegration.cpp: "screens" with name, x, y, width, height,
logicalDpi, logicalBaseDpi, dpr).
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QDialog

import reflect.ui
from tests.conftest import REPO
from tests.gui.screen_fit_driver import DIALOGS

pytestmark = pytest.mark.gui

SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}
# The offscreen screen has no taskbar and its windows no title bar; on Windows at 100–150% the
# taskbar takes about 40 and a title bar about 31 logical pixels, and borders a few either side.
WINDOWS_TASKBAR_AND_TITLE = 72
WINDOWS_BORDERS = 16
MAIN_WINDOW = ("main-dashboard", "main-reflect", "main-sessions", "main-actions", "main-locked")
SMALLEST = ("main-900x500-dashboard", "main-900x500-reflect", "main-900x500-sessions",
            "main-900x500-actions", "main-900x500-locked")


def dialog_classes() -> dict[str, str]:
    """Every QDialog subclass in src/reflect/ui (by class name: its module)."""
    for module in pkgutil.walk_packages(reflect.ui.__path__, "reflect.ui."):
        importlib.import_module(module.name)
    found, todo = {}, [QDialog]
    while todo:
        for cls in todo.pop().__subclasses__():
            todo.append(cls)
            if cls.__module__.startswith("reflect.ui."):
                found[cls.__name__] = cls.__module__
    return found


def test_the_driver_opens_every_dialog_the_app_has():
    """A new QDialog subclass must be added to the driver, so the fit test opens it too."""
    assert dialog_classes() == DIALOGS


@pytest.fixture(scope="module", params=[1, 1.25, 1.5], ids=["100%", "125%", "150%"])
def report(request, tmp_path_factory) -> tuple[float, dict]:
    scale = request.param
    folder = tmp_path_factory.mktemp(f"fit-{scale}")
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    env = dict(os.environ, QT_SCALE_FACTOR=str(scale),
               QT_QPA_PLATFORM=f"offscreen:configfile={config}", REFLECT_HOME=str(folder / "home"))
    out = folder / "report.json"
    result = subprocess.run([sys.executable, "-m", "tests.gui.screen_fit_driver", str(out)], cwd=REPO,
                            env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr[-3000:]
    return scale, json.loads(out.read_text(encoding="utf-8"))


def _inside(frame: list[int], area: list[int], slack: int) -> bool:
    x, y, w, h = frame
    ax, ay, aw, ah = area
    return x >= ax - slack and y >= ay - slack and x + w <= ax + aw + slack and y + h <= ay + ah + slack


def test_the_screen_is_the_laptops_at_that_scale(report):
    scale, data = report
    assert data["screen"][2:] == [pytest.approx(1366 / scale, abs=1), pytest.approx(768 / scale, abs=1)]


def test_every_window_opens_inside_the_available_geometry(report):
    """Main window (each page, locked) and every dialog: frame inside the screen's free area."""
    scale, data = report
    windows = data["windows"]
    expected = set(MAIN_WINDOW) | set(SMALLEST) | {"RightToLeftWarning"}
    assert expected <= set(windows)
    assert all(any(name.split("-")[0] == dialog for name in windows) for dialog in DIALOGS)
    slack = 0 if scale == 1 else 1  # frames in logical pixels round at a fractional scale
    outside = {name: (w["frame"], w["available"]) for name, w in windows.items()
               if not _inside(w["frame"], w["available"], slack)}
    assert outside == {}


def test_every_window_fits_a_windows_screen_with_its_taskbar(report):
    """Nothing needs more than the room Windows leaves (taskbar, title bar): content scrolls."""
    _scale, data = report
    too_big = {}
    for name, w in data["windows"].items():
        room = (w["available"][2] - WINDOWS_BORDERS, w["available"][3] - WINDOWS_TASKBAR_AND_TITLE)
        if w["minimum"][0] > room[0] or w["minimum"][1] > room[1]:
            too_big[name] = (w["minimum"], room)
    assert too_big == {}


def test_nothing_is_cut_off_or_scrolled_sideways(report):
    _scale, data = report
    assert {name: w["cut_off"] for name, w in data["windows"].items() if w["cut_off"]} == {}
    assert {name: w["sideways"] for name, w in data["windows"].items() if w["sideways"]} == {}


def test_the_main_window_takes_most_of_a_new_screen(report):
    """90% centred at 100%; maximised where the screen is small (125% and 150%)."""
    scale, data = report
    main = data["windows"]["main-dashboard"]
    _x, _y, width, height = main["available"]
    if scale == 1:
        assert not main["maximised"]
        x, y, w, h = main["geometry"]
        assert (w, h) == (int(width * 0.9), int(height * 0.9))
        assert abs((x + w / 2) - width / 2) <= 2 and abs((y + h / 2) - height / 2) <= 2
    else:
        assert main["maximised"]


def test_the_layout_works_at_900_by_500(report):
    """At 900×500 the window keeps that size (its minimum is smaller) and the first writing box
    of the open reflection is wholly in view."""
    _scale, data = report
    for name in SMALLEST:
        window = data["windows"][name]
        assert window["geometry"][2:] == [900, 500], name
        assert window["minimum"][0] <= 900 and window["minimum"][1] <= 500, name
    for name in ("main-reflect", "main-900x500-reflect"):
        box_height, seen = data["windows"][name]["writing_room"]
        assert box_height >= 60 and seen == box_height, name
