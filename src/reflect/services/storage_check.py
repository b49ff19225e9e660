"""Is a folder on a network drive or in a roaming profile? SQLite's file locking is unreliable
there, and a roaming profile copies the journal to servers at every log-off.

Windows: UNC paths (\\\\server\\share), mapped network drives (GetDriveTypeW = DRIVE_REMOTE) and
anything under %APPDATA% (the roaming profile, as opposed to %LOCALAPPDATA%). Linux: network file
systems from /proc/mounts. Used to warn, never to refuse.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "afs", "9p", "davfs",
              "fuse.davfs2", "ceph", "glusterfs", "fuse.glusterfs"}
WARNING = ("{where} is {what}. SQLite, which keeps your journal, cannot lock files reliably there, "
           "so two computers could damage it, and copies may travel with the profile. Use a folder "
           "on this computer (the default) unless IT has told you otherwise.")


def storage_warning(path: Path, env: dict[str, str] | None = None,
                    platform: str | None = None, mounts: str | None = None) -> str | None:
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    text = str(path)
    if platform.startswith("win"):
        if text.startswith(("\\\\", "//")):
            return WARNING.format(where=text, what="a network folder")
        roaming = env.get("APPDATA")
        if roaming and os.path.normcase(text).startswith(os.path.normcase(roaming.rstrip("\\/")) + "\\"):
            return WARNING.format(where=text, what="in your roaming profile")
        if _is_remote_drive(text):
            return WARNING.format(where=text, what="on a network drive")
        return None
    fs = _filesystem_of(Path(path), mounts)
    if fs in NETWORK_FS:
        return WARNING.format(where=text, what=f"on a network file system ({fs})")
    return None


def _is_remote_drive(text: str) -> bool:  # pragma: no cover - Windows only
    if len(text) < 2 or text[1] != ":":
        return False
    try:
        import ctypes

        return ctypes.windll.kernel32.GetDriveTypeW(text[:2] + "\\") == 4  # DRIVE_REMOTE
    except (AttributeError, OSError):
        return False


def _filesystem_of(path: Path, mounts: str | None) -> str | None:
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = path.expanduser().absolute()
    best, best_fs = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = str(target) == point or str(target).startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_fs = point, parts[2]
    return best_fs
