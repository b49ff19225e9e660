"""One running Reflect per journal.

A lock file beside the database, held with an operating-system lock (flock / msvcrt.locking) for
as long as the journal is open. The OS drops the lock when the process ends, however it ends, so a
lock file left by a crashed Reflect is simply taken over. The file records the holder's process id
and machine so the message to a second instance can be specific.

The file sits in a folder other people or programs may write to, so it is treated as hostile until
checked: it is opened without following a symbolic link and without truncating, and it is only used
once the open handle (not the path, which can change under us) shows a regular file of this user
with a single name. Acquire and release form one protocol so two processes never both hold it:

- acquire: open (create if missing), lock without waiting, then check the path still names the
  locked file (a releasing holder may have deleted it in between) and otherwise start again;
- release: delete the path while still holding the lock, then unlock and close.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from reflect.domain.errors import JournalInUse, JournalUnavailable, write_failure

_WINDOWS = os.name == "nt"
#: O_NOFOLLOW makes opening a symbolic link fail; Windows has no such flag (see `_open`).
_OPEN_FLAGS = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
#: a releasing holder can delete the file between our open and our lock; that many fresh starts
_ATTEMPTS = 5

if _WINDOWS:  # pragma: no cover - exercised on Windows only
    import msvcrt
    import platform

    def _machine_name() -> str:
        return platform.node()

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _machine_name() -> str:
        # what platform.node() returns here, without loading `platform` at every start
        return os.uname().nodename

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass


class JournalLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise `JournalInUse`; a lock nobody holds is taken over.

        Raises `JournalUnavailable` when the lock file cannot be created, or is not a plain file of
        this user (a link, a folder, another user's file): it is then left exactly as it was.
        """
        if self._fd is not None:
            return
        for _attempt in range(_ATTEMPTS):
            fd = self._open()
            if not _try_lock(fd):
                holder = _read_holder(fd) if _is_plain_file(os.fstat(fd)) else {}
                os.close(fd)
                raise JournalInUse(_in_use_message(holder))
            if _still_at_path(fd, self.path):
                break
            # The previous holder deleted the file between our open and our lock: start again.
            _unlock(fd)
            os.close(fd)
        else:
            raise JournalInUse()
        problem = _unsafe_reason(os.fstat(fd))
        if problem:
            _unlock(fd)
            os.close(fd)
            raise JournalUnavailable(_unsafe_message(self.path, problem))
        self._fd = fd
        _write_holder(fd)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if _WINDOWS:  # pragma: no cover - exercised on Windows only
            # An open file cannot be deleted on Windows (Python opens without FILE_SHARE_DELETE),
            # our own handle included, so unlock and close first. That is safe there: while any
            # other process has the file open the delete fails and the file stays at the path, so
            # nobody can be left holding a lock on a file the path no longer names. Untested here.
            _unlock(fd)
            os.close(fd)
            _remove(self.path)
            return
        # Delete while still holding, so whoever locks this file after us finds it gone and starts
        # again rather than sharing the journal with a process that created a fresh file.
        if _still_at_path(fd, self.path):
            _remove(self.path)
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> JournalLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def _open(self) -> int:
        """Open (or create, 0600) the lock file without following a link and without truncating."""
        if _WINDOWS and _is_link(self.path):  # pragma: no cover - Windows only
            # No O_NOFOLLOW there: refuse a link or junction seen beforehand; `_still_at_path`
            # then compares the handle with the path, so one swapped in meanwhile is caught too.
            raise JournalUnavailable(_unsafe_message(self.path, "link"))
        try:
            fd = os.open(self.path, _OPEN_FLAGS, 0o600)
        except OSError as exc:
            if _is_link(self.path):  # O_NOFOLLOW's error number differs between systems
                raise JournalUnavailable(_unsafe_message(self.path, "link")) from exc
            raise write_failure(exc, self.path.parent) or JournalUnavailable(
                "Reflect cannot create its lock file beside the journal. "
                "Check the folder exists and can be written."
            ) from exc
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)  # a pipe or device: never lock or read it
            raise JournalUnavailable(_unsafe_message(self.path, "special"))
        return fd


def _is_link(path: Path) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    reparse = getattr(st, "st_file_attributes", 0) & getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0)
    return stat.S_ISLNK(st.st_mode) or bool(reparse)


def _still_at_path(fd: int, path: Path) -> bool:
    """Whether the path names the very file we have open (it is not a link: lstat, not stat)."""
    try:
        mine, there = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    if _WINDOWS and not (mine.st_ino and there.st_ino):  # pragma: no cover - Windows only
        # Some Windows file systems report no file id; a file held open cannot move there anyway.
        return stat.S_ISREG(there.st_mode)
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _unsafe_reason(st: os.stat_result) -> str:
    """Why the open lock file must not be used, or "" when it is a plain file of this user."""
    if not stat.S_ISREG(st.st_mode):
        return "special"
    if st.st_nlink != 1:
        return "hard link"
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return "owner"
    return ""


def _is_plain_file(st: os.stat_result) -> bool:
    return not _unsafe_reason(st)


def _unsafe_message(path: Path, reason: str) -> str:
    what = {
        "link": "is a link to another file",
        "special": "is not an ordinary file",
        "hard link": "is also another file on this disk (a hard link)",
        "owner": "belongs to another user of this computer",
    }[reason]
    return (
        f"Reflect has not opened the journal: its lock file {path.name!r} {what}, so Reflect will "
        "not use it. Nothing has been changed. If no other Reflect is open, remove that file "
        "from the journal's folder, then try again."
    )


def _write_holder(fd: int) -> None:
    """Record who holds the lock; only called on a checked file of our own that we hold."""
    record = json.dumps({"pid": os.getpid(), "host": _machine_name()}).encode()
    try:
        # Windows locks byte 0, so the record starts after it. Truncating is safe here: the handle
        # was checked to be this user's single-named regular file, still at the lock's path.
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, b" " + record)
    except OSError:
        pass  # the record is informative only; the OS lock is what counts


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _read_holder(fd: int) -> dict:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        holder = json.loads(raw.decode("utf-8", "replace").strip() or "{}")
    except (OSError, ValueError):
        return {}
    return holder if isinstance(holder, dict) else {}


def _in_use_message(holder: dict) -> str:
    here = _machine_name()
    if holder.get("host") and holder["host"] != here:
        return (
            f"This journal is open in Reflect on another computer ({holder['host']}). "
            "Close it there first, then try again."
        )
    return (
        "This journal is already open in another Reflect window. "
        "Close that one first, then try again."
    )
