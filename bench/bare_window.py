"""The floor for the bundle's start-up: a bare PySide6 window, shown and painted, then closed.

bench/bundle.py bundles it with bare_window.spec (PyInstaller, trimmed exactly as Reflect's bundle)
and times it beside the bundled Reflect. Nothing but PySide6 is imported.
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Window(QMainWindow):
    def paintEvent(self, event):
        super().paintEvent(event)
        QTimer.singleShot(0, painted)  # after the paint event, as Reflect reports (painted.py)


def painted():
    print(f"painted {time.monotonic():.6f}", flush=True)
    QApplication.quit()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = Window()
    window.resize(1280, 800)
    window.show()
    sys.exit(app.exec())
