"""What happens when Reflect hits a bug: a plain dialog and a log line, never the user's text.

Exception messages can quote what was being processed (a title, a sentence), so only the
exception's type and the code locations (file, line, function) are logged and nothing is shown
beyond a plain explanation. Everything written so far is already saved by autosave.
"""

from __future__ import annotations

import logging
import sys
import traceback

log = logging.getLogger("reflect.crash")

MESSAGE = (
    "Reflect ran into a problem it did not expect. What you have written is saved — Reflect saves "
    "as you type.\n\nIf this keeps happening, tell your IT service desk; the log file in Reflect's "
    "folder records where the problem happened, without any of your writing."
)


def code_locations(tb) -> str:
    return " <- ".join(f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name}"
                       for frame in reversed(traceback.extract_tb(tb)))


def install(show: bool = True) -> None:
    def hook(kind, value, tb) -> None:
        log.error("unexpected %s at %s", kind.__name__, code_locations(tb))
        if show:
            try:
                from PySide6.QtWidgets import QApplication, QMessageBox

                if QApplication.instance() is not None:
                    QMessageBox.critical(None, "Reflect", MESSAGE)
            except Exception:
                pass

    sys.excepthook = hook
