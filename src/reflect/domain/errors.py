"""Errors a practitioner can act on.

Each carries a message written for the person at the keyboard, not for a developer. Anything that is
not one of these is a bug: it is logged (without journal text) and shown as a plain dialog.
"""

from __future__ import annotations

import errno

#: what every message about a full disk says, in the same words everywhere
DISK_FULL = "The disk is full — free some space; nothing was lost."


class ReflectError(Exception):
    """Base of the errors whose message can be shown to the user as it is."""

    #: process exit code the command line uses for this error
    exit_code = 1

    #: what the error says when it is raised without a message of its own
    default_text = "Something went wrong."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message())

    @classmethod
    def default_message(cls) -> str:
        return cls.default_text

    @property
    def message(self) -> str:
        return str(self.args[0])


class UsageError(ReflectError):
    """A command was given the wrong arguments."""

    exit_code = 2


class BriefingFormatError(ReflectError):
    """A briefing file or text could not be read as a 7-minute briefing."""

    exit_code = 2
    default_text = "This file could not be read as a 7-minute briefing."


class WrongPassphrase(ReflectError):
    """The passphrase does not open this journal. Nothing was changed."""

    exit_code = 3
    default_text = "That passphrase does not open this journal. Nothing has been changed; try again."


class JournalInUse(ReflectError):
    """Another running Reflect has this journal open."""

    exit_code = 4
    default_text = (
        "This journal is already open in another Reflect window. "
        "Close that one first, then try again."
    )


class JournalTooNew(ReflectError):
    """The journal was written by a newer version of Reflect."""

    exit_code = 5
    default_text = (
        "This journal was saved by a newer version of Reflect. "
        "Install that version to open it; nothing has been changed."
    )


class JournalDamaged(ReflectError):
    """The file is not a Reflect journal, or it is damaged."""

    exit_code = 5
    default_text = (
        "This file is not a Reflect journal, or it is damaged. "
        "Nothing has been changed. You can restore a backup."
    )


class JournalUnavailable(ReflectError):
    """The journal's folder cannot be written (read-only, full disk, missing drive)."""

    exit_code = 5
    default_text = ("Reflect cannot write to the journal's folder. "
                    "Check the disk has space and can be written.")


class ExportError(ReflectError):
    """An export could not be written. Any earlier file is left as it was."""

    exit_code = 1
    default_text = "The export could not be written. Any earlier file has been left as it was."


class JournalNotFound(ReflectError):
    """No journal exists in the chosen folder yet."""

    exit_code = 2
    default_text = "There is no journal in this folder yet. Create one with `reflect journal init`."


def is_disk_full(exc: BaseException | None) -> bool:
    """Whether a write failed for want of space: ENOSPC or a full quota from the OS, or SQLite's
    "database or disk is full" (its own error carries no errno). Follows the `raise from` chain."""
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return True
        if "disk is full" in str(exc).lower() or "no space left" in str(exc).lower():
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def write_failure(exc: BaseException, path) -> JournalUnavailable | None:
    """The true reason a write in the journal's folder (`path` is in it) failed, when it is a full
    or read-only disk (SQLite reports both as plain errors, with no errno); None for anything else."""
    if is_disk_full(exc):
        return JournalUnavailable(DISK_FULL)
    text = str(exc).lower()
    read_only = isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
    if read_only or "readonly" in text or "read-only" in text:
        return JournalUnavailable(f"Reflect cannot write to the journal's folder {path}: it is "
                                  "read-only, or its permissions changed. Check it can be written; "
                                  "nothing was lost.")
    return None
