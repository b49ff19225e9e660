"""Which of Qt's collected files a widgets-only app needs: used by the hooks beside this file.

PyInstaller's Qt hooks collect every plugin of each kind a module might load (VNC and framebuffer
platforms, GTK themes, image formats, ...) and every translation. Filtering them inside the hooks,
before PyInstaller looks for their dependencies, also keeps out the libraries only they need
(QtNetwork for VNC, GTK and cairo for the GTK theme, ...). The app is English only, so Qt's
translations go too.
"""

from __future__ import annotations

from pathlib import PurePath

# plugin folder -> the plugins to keep (None: all of them). Other folders are dropped, among them
# imageformats (Reflect's icons are PNG, which QtGui reads itself) and iconengines (no SVG icons).
# `reflect --self-test` checks that what Reflect needs is here (reflect.ui.shell.gui_self_test).
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # the desktop (windows, xcb, wayland; the wayland-* names are Qt 6.8's), plus offscreen for
    # --self-test and CI. Not direct2d, minimal, vnc, linuxfb or eglfs: Reflect never asks for them.
    "platforms": {"qwindows", "qxcb", "qwayland", "qwayland-egl", "qwayland-generic", "qoffscreen",
                  "qcocoa"},
    "platformthemes": {"qxdgdesktopportal"},  # not GTK: it drags in GTK, cairo and pango
    "platforminputcontexts": None,  # typing accents and other scripts with an input method
    "styles": None,  # the Windows 11 / Vista look
    "xcbglintegrations": None,  # xcb wants one to start on X11
    "wayland-decoration-client": None,  # title bars where the compositor draws none (GNOME)
    # wayland-egl only: the "-server" ones serve Qt Quick apps under a Qt-made compositor
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
    # xdg-shell is what desktop compositors speak; not ivi (cars), fullscreen, qt-shell or wl-shell
    "wayland-shell-integration": {"xdg-shell"},
    "accessiblebridge": None,  # screen readers
}


def plugin_wanted(source: str, dest: str) -> bool:
    """True for a collected file that is not a Qt plugin, or is a plugin the app needs."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if "plugins" not in parts:
        return True
    kind = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) else ""
    if kind not in KEEP_PLUGINS:
        return False
    keep = KEEP_PLUGINS[kind]
    name = PurePath(source).stem.removeprefix("lib")
    return keep is None or name in keep


def trim(binaries, datas):
    """The hook's (binaries, datas) without unwanted plugins and without translations."""
    binaries = [(src, dest) for src, dest in binaries if plugin_wanted(src, dest)]
    datas = [(src, dest) for src, dest in datas
             if "translations" not in PurePath(dest.replace("\\", "/")).parts]
    return binaries, datas
