"""What every Reflect bundle leaves out, shared by reflect.spec and the benchmark's bare window
(bench/bare_window.spec), so the two are trimmed the same way and compare fairly.

Qt's plugins and translations are trimmed in hooks/ (see qt_trim.py); this is the rest.
"""

import sys
from pathlib import Path

# Qt modules the app never imports: listed so a stray import in a dependency cannot pull them in.
UNUSED_QT = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
]
EXCLUDES = [
    *(f"PySide6.{name}" for name in UNUSED_QT),
    # tests and build tools never run inside the app
    "pytest", "_pytest", "pytestqt", "hypothesis", "PyInstaller", "setuptools", "pkg_resources",
    "pip", "wheel", "ruff",
    # Pillow comes with reportlab, which never reads these formats for Reflect (about 6 MB)
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL.ImageTk",
    "PIL._imagingtk", "PIL.ImageQt",
    # parts of the standard library the app has no use for: no network (so no TLS, with its
    # OpenSSL library), no interactive prompt (readline and its terminal library)
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data", "test",
    "ensurepip", "venv", "ssl", "_ssl", "readline",
]
# Linux: strip the symbols of the libraries (Python's, SQLCipher's, cryptography's ship with them,
# about 45 MB). Their dynamic symbols stay, so they link as before. Windows DLLs carry none.
STRIP = sys.platform.startswith("linux")


def wanted(dest: str) -> bool:
    """False for collected files the app does not need (Qt's plugins are trimmed in hooks/)."""
    path = Path(dest)
    if "__pycache__" in path.parts or path.suffix == ".pyc":
        return False
    # Software OpenGL (about 20 MB): only Qt Quick and OpenGL widgets use it; Reflect has neither.
    return path.name.lower() != "opengl32sw.dll"
