"""User settings: typed defaults, stored as an INI file in the data folder.

Only values that differ from the defaults are written, so a new version's better default reaches
users who never changed it. Nothing happens at import time. Settings never hold journal text: only
preferences, window geometry and folder paths. Never the Windows registry (IT policy and roaming).
"""

from __future__ import annotations

import configparser
import logging
import os
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class Settings:
    """The practitioner's choices, kept in settings.ini beside the journal (nothing of the
    journal's text)."""

    # [general]
    practitioner_name: str = ""  # on the covers of exported packs, as the supervisor knows them
    practitioner_role: str = ""  # e.g. "Social worker", beside the name on a pack's cover
    idle_lock_minutes: int = 5  # 0 means never
    lock_on_minimise: bool = False
    spelling: bool = True
    oxford_spelling: bool = False  # accept -ize ("organize") as well as the GOV.UK -ise
    show_anonymise_reminder: bool = True
    last_briefing_id: int = 0
    # [backups]
    backup_dir: str = ""  # empty: the "backups" folder beside the journal
    # [window]
    window_places: str = ""  # JSON: each window's size and place per screen (ui/common/window_places.py)
    window_state: str = ""
    splitter_state: str = ""

    _SECTIONS = {
        "backup_dir": "backups",
        "window_places": "window",
        "window_state": "window",
        "splitter_state": "window",
    }

    @classmethod
    def section_of(cls, name: str) -> str:
        return cls._SECTIONS.get(name, "general")

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read `path`; a missing file gives the defaults, a bad value keeps its default."""
        settings = cls()
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError, OSError) as exc:
            log.warning("settings file unreadable (%s); using defaults", type(exc).__name__)
            return settings
        for f in fields(cls):
            section = cls.section_of(f.name)
            if not parser.has_option(section, f.name):
                continue
            raw = parser.get(section, f.name)
            try:
                setattr(settings, f.name, _coerce(raw, type(getattr(settings, f.name))))
            except ValueError:
                log.warning("setting %s has an unusable value; using the default", f.name)
        return settings

    def save(self, path: Path) -> None:
        """Write the non-default values atomically (a crash never leaves half a file)."""
        defaults = type(self)()
        parser = configparser.ConfigParser(interpolation=None)
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(defaults, f.name):
                continue
            section = self.section_of(f.name)
            if not parser.has_section(section):
                parser.add_section(section)
            parser.set(section, f.name, _format(value))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                parser.write(fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _coerce(raw: str, kind: type):
    if kind is bool:
        lowered = raw.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise ValueError(raw)
    if kind is int:
        return int(raw.strip())
    return raw


def _format(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
