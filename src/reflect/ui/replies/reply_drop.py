"""Dropping the supervisor's reply (a PDF) on a page starts the same import as the File menu.

An event filter, so the page it watches needs one line: it accepts a drag carrying one local
PDF file and, once the drop has finished, reports the file. The import's dialog is modal, so it
is opened after the drop returns (some systems hold the drag's source until then).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget


def dropped_pdf(event: QDropEvent) -> Path | None:
    """The one local PDF file the drag carries, else None."""
    urls = event.mimeData().urls() if event.mimeData() is not None else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".pdf" else None


class ReplyDrop(QObject):
    #: a PDF was dropped on the watched page
    dropped = Signal(Path)

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        page.setAcceptDrops(True)
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            path = dropped_pdf(event)
            if path is None:
                return False
            event.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                QTimer.singleShot(0, lambda: self.dropped.emit(path))
            return True
        return super().eventFilter(watched, event)
