"""PySide6's run-time set-up for the frozen Reflect, without loading Qt before Reflect starts.

PyInstaller's own run-time hook for PySide6 (pyi_rth_pyside6) imports PySide6.QtCore before the
program's first line, only to add an embedded qt.conf for bindings that lack one. That loads Qt
ahead of Reflect's start-up order: the journal is meant to start unlocking on a worker thread
while Qt loads (see reflect.app), and modules imported after PySide6 pass through its import hook.
Measured: the frozen app took 0.33 s to its first paint with that hook and 0.25 s from the venv.

This file, named in rthooks.dat beside Reflect's other hooks, takes its place: a hook directory
given to PyInstaller is searched before its own, and the first run-time hooks found for a module
win. It keeps what Reflect needs: the single-bindings check and Qt's plugin folder (the platform
plugin, image formats). Qt's prefix (qt.conf) only locates translations and QML, which Reflect
does not ship; QtNetwork's OpenSSL search path is for a module Reflect does not use.
"""


def _pyi_rthook():
    import os
    import sys

    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")
    if sys.platform.startswith("win"):
        qt_dir = os.path.join(sys._MEIPASS, "PySide6")
    else:
        qt_dir = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")


_pyi_rthook()
del _pyi_rthook
