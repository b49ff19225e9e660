"""What happens when Reflect hits a bug: a plain dialog and a log line, never the user's text.

Exception messages can quote what was being processed (a title, a sentence), so only the
exception's type and the code locations (file, line, function) are logged and nothing is shown
beyond a plain explanation. Everything written so far is already saved by autosave. Bugs reach it
two ways: uncaught on the UI thread (the hook `install` sets) and failed background work nobody
handles (`background.run_in_background`, which logs them itself).
"""

from __future__ import annotations

import logging
import sys

from reflect.domain.diagnostics import describe

log = logging.getLogger("reflect.crash")

MESSAGE = (
    "Reflect ran into a problem it did not expect. What you have written is saved — Reflect saves "
    "as you type.\n\nIf this keeps happening, tell your IT service desk; the log file in Reflect's "
    "folder records where the problem happened, without any of your writing."
)


def show(parent=None) -> None:
    """The plain dialog for a bug, over `parent`; the caller has logged where it happened."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.critical(parent, "Reflect", MESSAGE)


def install(show_dialog: bool = True) -> None:
    def hook(kind, value, tb) -> None:
        log.error("unexpected %s", describe(value.with_traceback(tb)))
        if show_dialog:
            try:
                show()
            except Exception:
                pass

    sys.excepthook = hook
