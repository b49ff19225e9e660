"""Passphrase rules and reading one from a file (for scripts, tests and IT's self-test).

A passphrase file keeps the secret off the command line, where other processes can read it.
"""

from __future__ import annotations

from pathlib import Path

from reflect.domain.errors import UsageError

MIN_LENGTH = 10


def passphrase_problem(first: str, second: str | None = None) -> str | None:
    """What is wrong with a new passphrase, in plain words; None if it is acceptable."""
    if len(first) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters. A short sentence you will remember works well."
    if not first.strip():
        return "A passphrase cannot be only spaces."
    if second is not None and first != second:
        return "The two passphrases are not the same. Type them again."
    return None


def read_passphrase_file(path: str | Path) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"The passphrase file {path} cannot be read.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"The passphrase file {path} is not UTF-8 text.") from exc
    # Only the line ending an editor adds is removed: spaces may be part of the passphrase.
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        raise UsageError(f"The passphrase file {path} is empty.")
    return text
