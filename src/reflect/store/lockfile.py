"""One running Reflect per journal.

A lock file beside the database, held with an operating-system lock (flock / msvcrt.locking) for
as long as the journal is open. The OS drops the lock when the process ends, however it ends, so a
lock file left by a crashed Reflect is simply taken over. The file records the holder's process id
and machine so the message to a second instance can be specific.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

from reflect.domain.errors import JournalInUse, JournalUnavailable

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

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
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise `JournalInUse`; a lock nobody holds is taken over."""
        if self._fd is not None:
            return
        for _attempt in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise JournalUnavailable(
                    "Reflect cannot create its lock file beside the journal. "
                    "Check the folder exists and can be written."
                ) from exc
            if not _try_lock(fd):
                holder = _read_holder(fd)
                os.close(fd)
                raise JournalInUse(_in_use_message(holder))
            if _still_at_path(fd, self.path):
                break
            # The previous holder removed the file between our open and our lock: try again.
            _unlock(fd)
            os.close(fd)
        else:
            raise JournalInUse()
        self._fd = fd
        record = json.dumps({"pid": os.getpid(), "host": platform.node()}).encode()
        try:
            # Windows locks byte 0, so the record starts after it.
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, b" " + record)
        except OSError:
            pass  # the record is informative only; the OS lock is what counts

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _unlock(fd)
        os.close(fd)
        try:
            self.path.unlink()
        except OSError:
            pass

    def __enter__(self) -> JournalLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _still_at_path(fd: int, path: Path) -> bool:
    if os.name == "nt":  # pragma: no cover - an open file cannot be deleted on Windows
        return True
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _read_holder(fd: int) -> dict:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        return json.loads(raw.decode("utf-8", "replace").strip() or "{}")
    except (OSError, ValueError):
        return {}


def _in_use_message(holder: dict) -> str:
    here = platform.node()
    if holder.get("host") and holder["host"] != here:
        return (
            f"This journal is open in Reflect on another computer ({holder['host']}). "
            "Close it there first, then try again."
        )
    return (
        "This journal is already open in another Reflect window. "
        "Close that one first, then try again."
    )
