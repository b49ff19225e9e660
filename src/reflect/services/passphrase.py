"""Passphrase rules and reading one from a file (for scripts, tests and IT's self-test).

One rule for every way a passphrase is chosen — the first-run dialog, `--passphrase-file` in the
window or on the command line, a passphrase change, a take-away copy: `passphrase_problem`. A
passphrase file keeps the secret off the command line, where other processes can read it; it is
read with a bounded read, so naming /dev/zero, a pipe or a huge file ends with a message, not a
hang.
"""

from __future__ import annotations

import os
import select
import time
from pathlib import Path

from reflect.domain.display_name import display_name
from reflect.domain.errors import UsageError

MIN_LENGTH = 10
#: the largest passphrase file read, in bytes (a passphrase is a sentence, not a document)
FILE_LIMIT = 1024
#: how long a pipe may take to deliver the passphrase, in seconds
PIPE_WAIT = 10.0


def passphrase_problem(first: str, second: str | None = None) -> str | None:
    """What is wrong with a new passphrase, in plain words; None if it is acceptable."""
    if len(first) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters. A short sentence you will remember works well."
    if not first.strip():
        return "A passphrase cannot be only spaces."
    if second is not None and first != second:
        return "The two passphrases are not the same. Type them again."
    return None


def require_new_passphrase(passphrase: str) -> None:
    """Raise UsageError (exit 2) saying what is wrong with a new passphrase, if anything."""
    if problem := passphrase_problem(passphrase):
        raise UsageError(problem)


def change_passphrase(journal, old: str, new: str) -> list:
    """`journal.change_passphrase(old, new)` once `new` meets the rule; returns the backups left
    on the old key."""
    require_new_passphrase(new)
    return journal.change_passphrase(old, new)


def read_passphrase_file(path: str | Path) -> str:
    """The passphrase in the file at `path`, without one trailing line ending (`\\n` or `\\r\\n`):
    spaces may be part of the passphrase."""
    raw = _read_bounded(path)
    path = display_name(path)  # as shown in the messages below
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"The passphrase file {path} is not UTF-8 text.") from exc
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        raise UsageError(f"The passphrase file {path} is empty.")
    return text


def _read_bounded(path: str | Path) -> bytes:
    """At most FILE_LIMIT bytes of the file; UsageError if there are more, or a pipe is slow.

    Opened non-blocking: a FIFO with nobody writing would otherwise wait for a writer forever.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UsageError(f"The passphrase file {path} cannot be read.") from exc
    try:
        return _read_up_to_limit(fd, path)
    except OSError as exc:
        raise UsageError(f"The passphrase file {path} cannot be read.") from exc
    finally:
        os.close(fd)


def _read_up_to_limit(fd: int, path: str | Path) -> bytes:
    data = b""
    deadline = time.monotonic() + PIPE_WAIT
    while len(data) <= FILE_LIMIT:
        try:
            chunk = os.read(fd, FILE_LIMIT + 1 - len(data))
        except BlockingIOError:  # a pipe whose writer has not written yet
            left = deadline - time.monotonic()
            if left <= 0:
                raise UsageError(f"The passphrase file {path} did not end within "
                                 f"{PIPE_WAIT:.0f} seconds.") from None
            select.select([fd], [], [], left)
            continue
        if not chunk:
            return data
        data += chunk
    raise UsageError(f"The passphrase file {path} is larger than {FILE_LIMIT} bytes: "
                     "it should hold only the passphrase.")
