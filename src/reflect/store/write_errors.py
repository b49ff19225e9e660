"""Plain words for why a save failed, from SQLite's error (the message names no journal text)."""

from __future__ import annotations

# What a failed write raises, caught beside OSError by the editors: sqlcipher3's base error class,
# so its DatabaseError, OperationalError and the rest are all caught.
from reflect.store.driver import Error as DatabaseError

__all__ = ["DatabaseError", "describe_write_error"]


def describe_write_error(exc: BaseException) -> str:
    text = str(exc).lower()
    if "full" in text or "no space" in text:
        return ("Not saved yet: the disk is full. Free some space (or ask IT); Reflect keeps your "
                "text here and tries again.")
    if "readonly" in text or "read-only" in text or "permission" in text or "access" in text:
        return ("Not saved yet: the journal's folder cannot be written (read-only, or permissions "
                "changed). Reflect keeps your text here and tries again.")
    if "locked" in text or "busy" in text:
        return "Not saved yet: the journal is busy. Reflect keeps your text here and tries again."
    return ("Not saved yet — Reflect keeps your text here and tries again. Check the disk has space "
            "and can be written.")
