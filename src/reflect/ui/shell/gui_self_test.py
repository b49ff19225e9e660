"""The GUI part of `reflect --self-test`: Qt's plugins, the main window and every page, offscreen.

A trimmed bundle fails at run time, not at build time, when it lacks a plugin the app needs (the
platform plugin, the one that gives a desktop its window decorations, ...). These steps find every
plugin Reflect needs on this kind of desktop, load the ones this computer's session will use, then
open the main window on the self-test's throwaway journal offscreen (no window appears, no display
is needed), show every page and every tab of the Reflect page, and read the window through the
accessibility interfaces screen readers use. Nothing is written outside the self-test's folder:
the window gets default settings and a save that does nothing.

Qt is imported inside the steps, so a Qt library missing from an installation is reported as a
failed step like any other problem, not as a crash of the whole self-test.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from reflect.services.self_test import MARKER, StepFailed, check

WAIT_SECONDS = 20  # for the first paint and each page: generous, for a laptop busy scanning files


@dataclass(frozen=True)
class NeededPlugin:
    kind: str  # the plugin folder: platforms, styles, ...
    keys: tuple[str, ...]  # any one of these keys will do (names differ between Qt versions)
    why: str
    load: bool = False  # also load it here (its libraries must be found), not only find it


def needed_plugins(platform: str = sys.platform, environ=os.environ) -> list[NeededPlugin]:
    """What Reflect's windows need from Qt's plugin folders on this kind of computer."""
    needed = [NeededPlugin("platforms", ("offscreen",), "windows without a screen (this self-test)",
                           load=True)]
    if platform.startswith("win"):
        needed += [
            NeededPlugin("platforms", ("windows",), "windows on the Windows desktop", load=True),
            NeededPlugin("styles", ("windows11", "windowsvista"), "the Windows look of buttons and lists"),
        ]
    elif platform.startswith("linux"):
        wayland = bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"
        needed += [
            NeededPlugin("platforms", ("xcb",), "windows on an X11 desktop", load=not wayland),
            NeededPlugin("xcbglintegrations", ("xcb_egl", "xcb_glx"), "starting on an X11 desktop"),
            NeededPlugin("platforms", ("wayland",), "windows on a Wayland desktop", load=wayland),
            NeededPlugin("wayland-shell-integration", ("xdg-shell",), "windows on a Wayland desktop"),
            NeededPlugin("wayland-decoration-client", ("bradient", "adwaita"),
                         "title bars on a Wayland desktop such as GNOME"),
            NeededPlugin("platforminputcontexts", ("compose",), "typing accents with dead keys"),
        ]
    elif platform == "darwin":
        needed.append(NeededPlugin("platforms", ("cocoa",), "windows on the Mac desktop", load=True))
    return needed


def plugin_folders() -> list[Path]:
    """The folders Qt searches for plugins (its own, then QT_PLUGIN_PATH's), as it will at start."""
    from PySide6.QtCore import QCoreApplication

    return [Path(folder) for folder in QCoreApplication.libraryPaths()]


def plugin_keys(path: Path) -> list[str]:
    """The keys a plugin file declares (read from the file: the plugin is not loaded)."""
    from PySide6.QtCore import QPluginLoader

    meta = QPluginLoader(str(path)).metaData().get("MetaData", {})
    return [str(key).lower() for key in meta.get("Keys", [])]


def find_plugin(needed: NeededPlugin, folders: list[Path]) -> Path | None:
    for folder in folders:
        kind = folder / needed.kind
        if not kind.is_dir():
            continue
        for path in sorted(kind.iterdir()):
            if path.is_file() and any(key in plugin_keys(path) for key in needed.keys):
                return path
    return None


def check_plugins(folders: list[Path] | None = None, needed: list[NeededPlugin] | None = None) -> None:
    """Every needed plugin is there; those this session will use load with all their libraries."""
    from PySide6.QtCore import QPluginLoader

    folders = plugin_folders() if folders is None else folders
    where = ", ".join(str(f) for f in folders) or "no plugin folder at all"
    problems = []
    for plugin in needed_plugins() if needed is None else needed:
        path = find_plugin(plugin, folders)
        if path is None:
            problems.append(f"the Qt plugin {plugin.kind}/{' or '.join(plugin.keys)} "
                            f"(for {plugin.why}) is missing from {where}")
            continue
        if plugin.load:
            loader = QPluginLoader(str(path))
            if not loader.load():
                problems.append(f"the Qt plugin {plugin.kind}/{path.name} (for {plugin.why}) does "
                                f"not load: {' '.join(loader.errorString().split())}")
    check(not problems, "; ".join(problems))


# --- the steps ----------------------------------------------------------------------------------

class _Gui:
    """What the GUI steps share: the application, the window and Qt's messages meanwhile."""

    def __init__(self) -> None:
        self.app = None
        self.window = None
        self.messages: list[str] = []
        self.previous_handler = None

    def failed(self, reason: str) -> StepFailed:
        """A failure, with Qt's last warning when it said something (often the cause)."""
        said = [m for m in self.messages if m]
        return StepFailed(f"{reason} (Qt said: {said[-1][:200]})" if said else reason)


def _gui(run) -> _Gui:
    return run.extra.setdefault("gui", _Gui())


def _wait(app, done, seconds: float = WAIT_SECONDS) -> bool:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    return bool(done())


def find_plugins(run) -> None:
    check_plugins()


def open_window(run) -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication

    from reflect.settings import Settings
    from reflect.ui.shell.app_icon import SIZES, app_icon
    from reflect.ui.shell.main_window import MainWindow

    gui = _gui(run)

    def keep(kind, _context, message) -> None:  # offscreen's "does not support ..." are harmless
        if kind != QtMsgType.QtDebugMsg and "does not support" not in message:
            gui.messages.append(" ".join(message.split()))

    gui.previous_handler = qInstallMessageHandler(keep)
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window appears, no display is needed
        gui.app = QApplication(sys.argv[:1])
    else:
        gui.app = QApplication.instance()
    check(b"png" in [bytes(f) for f in QImageReader.supportedImageFormats()],
          "Qt cannot read PNG images")
    icon = app_icon()
    for size in SIZES:
        if icon.pixmap(size, size).isNull():
            raise gui.failed(f"the {size}-pixel window icon did not load")
    painted = []
    window = MainWindow(run.journal, Settings(), lambda: None)  # settings stay in memory
    gui.window = window
    window.first_painted.connect(lambda: painted.append(True))
    window.setWindowIcon(icon)
    window.resize(1280, 800)
    window.show()
    if not _wait(gui.app, lambda: painted):
        raise gui.failed(f"the main window was not painted within {WAIT_SECONDS} s")


def visit_pages(run) -> None:
    from PySide6.QtWidgets import QWidget

    from reflect.ui.shell.main_window import PAGE_NAMES, SESSIONS

    gui = _gui(run)
    window, app = gui.window, gui.app
    for index, name in enumerate(PAGE_NAMES):
        window.show_page(index)
        app.processEvents()
        page = window.pages.currentWidget()
        if window.pages.currentIndex() != index or not page.isVisible():
            raise gui.failed(f"the {name} page is not showing")
        if not page.findChildren(QWidget) or page.grab().isNull():  # not an empty placeholder
            raise gui.failed(f"the {name} page shows nothing")
    reflect = window.reflect_page
    for tab in range(reflect.view.tabs.count()):
        reflect.show_tab(tab)
        app.processEvents()
        if reflect.view.tabs.currentWidget().grab().isNull():
            raise gui.failed(f"the Reflect page's tab {reflect.view.tabs.tabText(tab)!r} shows nothing")
    reflect.open_entry(run.entry_id)
    app.processEvents()
    texts = [stage.edit.toPlainText() for stage in reflect.editor.stages.values()]
    check(MARKER in texts, "the self-test reflection did not open in the editor")
    window.show_page(SESSIONS)
    check(window.sessions_page.show_session(run.session_id), "the self-test session did not open")
    app.processEvents()


def accessibility(run) -> None:
    from PySide6.QtGui import QAccessible

    gui = _gui(run)
    QAccessible.setActive(True)
    try:
        gui.app.processEvents()
        root = QAccessible.queryAccessibleInterface(gui.window)
        if root is None or not root.isValid():
            raise gui.failed("the main window has no accessibility interface")
        check(root.role() == QAccessible.Role.Window, "the main window does not present itself as a window")
        names = _accessible_names(root)
        from reflect.ui.shell.main_window import PAGE_NAMES

        missing = [name for name in PAGE_NAMES if name not in names]
        check(not missing, f"a screen reader would not find the page buttons {', '.join(missing)}")
    finally:
        QAccessible.setActive(False)


def _accessible_names(root, limit: int = 5000) -> set[str]:
    from PySide6.QtGui import QAccessible

    names, stack, seen = set(), [root], 0
    while stack and seen < limit:
        node = stack.pop()
        seen += 1
        names.add(node.text(QAccessible.Text.Name))
        stack.extend(child for i in range(node.childCount())
                     if (child := node.child(i)) is not None and child.isValid())
    return names


def close_window(run) -> None:
    from PySide6.QtCore import qInstallMessageHandler

    from reflect.ui.common.background import wait_for_background_work

    gui = _gui(run)
    window = gui.window
    try:
        window.close()  # saves what is open, as quitting does
        check(wait_for_background_work(WAIT_SECONDS * 1000), "work in the background did not finish")
        window.deleteLater()
        gui.app.processEvents()
    finally:
        gui.window = None
        qInstallMessageHandler(gui.previous_handler)


_WINDOW = "open the main window offscreen"
STEPS = (
    ("find Qt's plugins (platforms, styles, desktop integration)", find_plugins, ()),
    (_WINDOW, open_window, ("reopen the journal with its passphrase",
                            "find Qt's plugins (platforms, styles, desktop integration)")),
    ("show every page and the Reflect page's tabs", visit_pages, (_WINDOW,)),
    ("read the window through the accessibility interfaces", accessibility, (_WINDOW,)),
    ("close the main window", close_window, (_WINDOW,)),
)
