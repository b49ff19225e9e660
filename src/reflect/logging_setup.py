"""Where Reflect's log goes: a small rotating file in the data folder, never journal text.

Log calls in this code base name events, ids, counts and exception *types*; they never format
entry text, titles, tags, passphrases or exception messages that could quote them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from reflect.paths import AppPaths
from reflect.store.files import make_private_dir, make_private_file

MAX_BYTES = 512_000  # then the log is renamed reflect.log.1 (and .1 to .2), and a new one begun
KEPT = 2  # old logs kept


class RotatingLog(logging.FileHandler):
    """The rule of `logging.handlers.RotatingFileHandler`, without importing `logging.handlers`:
    that module brings socket, pickle and queue into every start of the app, about 20 ms of one
    core (measured pinned to one core, as on a laptop whose antivirus takes the other)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(self.path, encoding="utf-8")
        make_private_file(self.path)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= MAX_BYTES:
                self._rotate()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _rotate(self) -> None:
        self.stream.close()
        self.stream = None
        for number in range(KEPT - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{number}")
            if older.exists():
                os.replace(older, self.path.with_name(f"{self.path.name}.{number + 1}"))
        os.replace(self.path, self.path.with_name(f"{self.path.name}.1"))
        self.stream = self._open()
        make_private_file(self.path)


def configure_logging(paths: AppPaths, *, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_reflect", False) for h in root.handlers):
        return
    try:
        make_private_dir(paths.log_dir)
        handler: logging.Handler = RotatingLog(paths.log_dir / "reflect.log")
    except OSError:
        handler = logging.NullHandler()  # a read-only folder must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._reflect = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
