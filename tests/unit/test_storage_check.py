"""Warnings for journals and backups on network drives or in roaming profiles."""

from __future__ import annotations

from pathlib import Path

from reflect.services.storage_check import storage_warning

MOUNTS = "/dev/vda / ext4 rw 0 0\nserver:/home /mnt/home nfs4 rw 0 0\n//srv/share /mnt/s cifs rw 0 0\n"


def test_linux_network_mounts_warn_and_local_does_not():
    """NFS and CIFS mounts get a warning naming the file system; a local disk does not."""
    assert "nfs4" in storage_warning(Path("/mnt/home/me/reflect"), platform="linux", mounts=MOUNTS)
    assert "cifs" in storage_warning(Path("/mnt/s/reflect"), platform="linux", mounts=MOUNTS)
    assert storage_warning(Path("/home/me/.local/share/reflect"), platform="linux", mounts=MOUNTS) is None


def test_windows_unc_and_roaming_profile_warn():
    """UNC paths and folders under %APPDATA% (roaming) warn; %LOCALAPPDATA% does not."""
    env = {"APPDATA": r"C:\Users\me\AppData\Roaming", "LOCALAPPDATA": r"C:\Users\me\AppData\Local"}
    assert "network" in storage_warning(Path(r"\\server\share\reflect"), env, platform="win32")
    assert "roaming" in storage_warning(Path(r"C:\Users\me\AppData\Roaming\Reflect"), env, platform="win32")
    assert storage_warning(Path(r"C:\Users\me\AppData\Local\Reflect"), env, platform="win32") is None
