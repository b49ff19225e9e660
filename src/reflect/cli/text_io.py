"""The plain-text ends of the command line: JSON written to stdout, UTF-8 files read in.

Scripts rely on both: JSON is indented and keeps non-ASCII letters as they are; a file that cannot
be read as UTF-8 (with or without a byte-order mark) is a usage error naming the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reflect.domain.errors import UsageError


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def read_text_file(file: Path, unreadable: str) -> str:
    """The text of `file`; `unreadable` is the usage error's message if it cannot be read."""
    try:
        return file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(unreadable) from exc
