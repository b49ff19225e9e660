"""Windows remember their size and place per screen, and come back inside the screen."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from reflect.settings import Settings
from reflect.ui.common.screen_fit import SHARE, clamped
from reflect.ui.common.window_places import WindowPlaces, screen_key
from reflect.ui.shell.help_dialog import HelpDialog
from reflect.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def places(qapp):
    """WindowPlaces installed as the app installs it, with the settings it saves into."""
    saved = []
    settings = Settings()
    places = WindowPlaces(settings, lambda: saved.append(settings.window_places))
    places.install(qapp)
    places.saved = saved
    yield places
    qapp.removeEventFilter(places)
    places.deleteLater()


def _area():
    return QApplication.primaryScreen().availableGeometry()


def _store(places, key: str, screen: str, place: list[int]) -> None:
    places.places = {key: {screen: place}}


def _frame_inside(widget, area: QRect) -> bool:
    return area.contains(widget.frameGeometry())


def test_a_dialog_opens_again_where_it_was_on_that_screen(qtbot, places):
    """Moved and resized, then closed: its place is saved (numbers only) and the next one opens there."""
    area = _area()
    first = HelpDialog()
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(area.x() + 30, area.y() + 40, 500, 400)
    first.close()
    stored = json.loads(places.settings.window_places)
    assert stored == {"HelpDialog": {screen_key(QApplication.primaryScreen()): [30, 40, 500, 400, 0]}}
    assert places.saved == [places.settings.window_places]

    again = HelpDialog()
    qtbot.addWidget(again)
    again.show()
    assert again.geometry() == QRect(area.x() + 30, area.y() + 40, 500, 400)


def test_a_dialog_new_to_the_screen_is_sized_from_it(qtbot, places):
    """No place stored: the dialog asks for 620×560 and gets at most 90% of the free area."""
    area = _area()
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() == min(620, int(area.width() * SHARE))
    assert dialog.height() == min(560, int(area.height() * SHARE))
    assert _frame_inside(dialog, area)


@pytest.mark.parametrize("place", [[700, 650, 600, 500, 0], [-300, -200, 400, 300, 0],
                                   [0, 0, 3000, 2000, 0]],
                         ids=["partly off the bottom right", "off the top left", "larger than the screen"])
def test_a_place_off_the_screen_comes_back_inside(qtbot, places, place):
    """The screen became smaller, or the monitors were rearranged: the window is clamped back on."""
    area = _area()
    _store(places, "HelpDialog", screen_key(QApplication.primaryScreen()), place)
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert _frame_inside(dialog, area)
    frame = dialog.frameGeometry().width() - dialog.width()
    assert dialog.width() == min(place[2], area.width() - frame)  # as much of its size as fits


def test_a_place_on_a_screen_no_longer_connected_is_not_used(qtbot, places):
    """The monitor it was on is unplugged: the window opens as on a new screen, inside this one."""
    _store(places, "MainWindow", "DISPLAY2 2560x1440", [1700, 100, 1600, 1000, 0])
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert _frame_inside(dialog, _area())


def test_the_main_window_comes_back_maximised_or_where_it_was(qtbot, places, journal):
    area = _area()
    key = screen_key(QApplication.primaryScreen())
    _store(places, "MainWindow", key, [10, 20, 640, 480, 1])
    window = MainWindow(journal, Settings(), lambda: None)
    qtbot.addWidget(window)
    window.show()
    assert window.isMaximized()
    window.showNormal()
    assert window.geometry() == QRect(area.x() + 10, area.y() + 20, 640, 480)
    window.setGeometry(area.x() + 50, area.y() + 60, 700, 500)
    window.close()
    assert json.loads(places.settings.window_places)["MainWindow"][key] == [50, 60, 700, 500, 0]


def test_open_windows_move_back_when_the_screen_shrinks(qtbot, places):
    """A screen's free area changes (a taskbar moved, a resolution lowered): windows move inside."""
    area = _area()
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.move(area.right() - 100, area.bottom() - 50)
    assert not _frame_inside(dialog, area)
    QApplication.primaryScreen().availableGeometryChanged.emit(area)
    assert _frame_inside(dialog, area)


def test_unreadable_places_are_ignored(qtbot, caplog):
    settings = Settings(window_places="{not json")
    places = WindowPlaces(settings, lambda: None)
    assert places.places == {}
    assert "window places unreadable" in caplog.text
    settings = Settings(window_places=json.dumps({"HelpDialog": {"x 1x1": [1, 2, "three", 4, 0]},
                                                  "MainWindow": [1, 2]}))
    assert WindowPlaces(settings, lambda: None).places == {"HelpDialog": {}}


def test_clamped_keeps_the_frame_inside_the_area():
    from PySide6.QtCore import QMargins

    area = QRect(0, 0, 911, 512)
    margins = QMargins(8, 31, 8, 8)
    inside = clamped(QRect(800, 400, 1280, 800), margins, area)
    assert inside == QRect(8, 31, 895, 473)
    assert area.contains(inside.marginsAdded(margins))
    assert clamped(QRect(100, 100, 300, 200), margins, area) == QRect(100, 100, 300, 200)
