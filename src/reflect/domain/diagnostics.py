"""How errors are described in logs: the exception's type and where it happened, never its message.

Messages can quote what was being processed (a sentence of a reflection, a title, a tag), and
nothing in the log may hold journal text.
"""

from __future__ import annotations

import traceback


def describe(exc: BaseException) -> str:
    """e.g. 'OperationalError at writer.py:98 write_pdf <- renderer.py:140 render'."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename.replace(chr(92), '/').rsplit('/', 1)[-1]}:{f.lineno} {f.name}"
                        for f in reversed(frames))
    return f"{type(exc).__name__} at {where}" if where else type(exc).__name__
