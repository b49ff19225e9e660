"""PySide6.QtGui, as PyInstaller's own hook collects it, less what Reflect never uses (see qt_trim)."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_trim import trim

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries, datas = trim(binaries, datas)
