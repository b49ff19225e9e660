"""The app's log: one small private file, rotated like RotatingFileHandler, and cheap to set up."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

from reflect import logging_setup
from reflect.logging_setup import RotatingLog


def test_the_log_rotates_keeping_two_old_files(tmp_path, monkeypatch):
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 200)
    path = tmp_path / "reflect.log"
    handler = RotatingLog(path)
    logger = logging.getLogger("reflect.test.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for number in range(40):
            logger.warning("event %02d happened", number)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["reflect.log", "reflect.log.1", "reflect.log.2"]
    assert all(p.stat().st_size < 200 + 40 for p in tmp_path.iterdir())
    assert "event 39" in path.read_text(encoding="utf-8")
    older = (tmp_path / "reflect.log.1").read_text(encoding="utf-8")
    assert "event 39" not in older and "event" in older
    if os.name == "posix":
        assert all(p.stat().st_mode & 0o077 == 0 for p in tmp_path.iterdir())


def test_setting_up_the_log_imports_no_network_module(tmp_path):
    """logging.handlers would bring socket (and pickle, queue) into every start of the app."""
    code = (f"import sys; from reflect.paths import AppPaths; from reflect.logging_setup import "
            f"configure_logging; configure_logging(AppPaths({str(tmp_path)!r})); "
            f"print(sorted(m for m in ('logging.handlers', 'socket') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
