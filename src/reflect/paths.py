"""Where a journal lives.

By default in the per-user *local* application-data folder (never the roaming profile: council
laptops sync roaming profiles to network shares, where SQLite locking is unreliable and copies of
the journal would travel). `--data-dir` or `REFLECT_HOME` point elsewhere for portable use.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reflect.store.files import make_private_dir

ENV_HOME = "REFLECT_HOME"
JOURNAL_FILE = "journal.db"


def default_data_dir(env: dict[str, str] | None = None, platform: str | None = None) -> Path:
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if platform.startswith("win"):
        base = env.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Reflect"
    if platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Reflect"
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "reflect"


@dataclass(frozen=True)
class AppPaths:
    """Where the journal, its lock, logs, settings and backups live, all under one folder."""

    data_dir: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir))

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike | None = None,
                env: dict[str, str] | None = None) -> AppPaths:
        """`--data-dir` if given, else `REFLECT_HOME`, else the local app-data folder."""
        env = dict(os.environ) if env is None else env
        if data_dir:
            chosen = Path(data_dir)
        elif env.get(ENV_HOME):
            chosen = Path(env[ENV_HOME])
        else:
            chosen = default_data_dir(env)
        return cls(chosen.expanduser().absolute())

    @property
    def journal_file(self) -> Path:
        return self.data_dir / JOURNAL_FILE

    @property
    def lock_file(self) -> Path:
        return self.data_dir / (JOURNAL_FILE + ".lock")

    @property
    def default_backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.ini"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def ensure(self) -> None:
        """Create the data folder, private to this user (0700 on POSIX)."""
        make_private_dir(self.data_dir)

