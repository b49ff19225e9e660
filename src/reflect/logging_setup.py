"""Where Reflect's log goes: a small rotating file in the data folder, never journal text.

Log calls in this code base name events, ids, counts and exception *types*; they never format
entry text, titles, tags, passphrases or exception messages that could quote them.
"""

from __future__ import annotations

import logging
import logging.handlers

from reflect.paths import AppPaths
from reflect.store.files import make_private_dir, make_private_file


def configure_logging(paths: AppPaths, *, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_reflect", False) for h in root.handlers):
        return
    try:
        make_private_dir(paths.log_dir)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_dir / "reflect.log", maxBytes=512_000, backupCount=2, encoding="utf-8"
        )
        make_private_file(paths.log_dir / "reflect.log")
    except OSError:
        handler = logging.NullHandler()  # a read-only folder must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._reflect = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
