"""The layering rule from ARCHITECTURE.md, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "reflect"
QT_ALLOWED = {"ui", "app.py", "cli.py"}
# What each lower layer may import from the app besides itself.
LAYER_MAY_IMPORT = {
    "domain": {"domain"},
    "store": {"domain", "store"},
    "briefings": {"domain", "briefings"},
    "export": {"domain", "export"},
    "spelling": {"domain", "spelling"},
}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_pyside6_only_in_ui_app_and_cli():
    """No module outside ui/, app.py and cli.py imports PySide6."""
    offenders = []
    for path in SRC.rglob("*.py"):
        top = path.relative_to(SRC).parts[0]
        if top in QT_ALLOWED:
            continue
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path)):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []


def test_lower_layers_import_only_domain():
    """store, briefings, export and spelling import only domain (and themselves) from the app."""
    offenders = []
    for layer, allowed in LAYER_MAY_IMPORT.items():
        for path in (SRC / layer).rglob("*.py"):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] == "reflect" and (len(parts) < 2 or parts[1] not in allowed):
                    offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert offenders == []


def test_no_network_modules_in_the_app():
    """The app imports no networking module: it runs offline."""
    banned = {"socket", "urllib.request", "http.client", "requests", "httpx", "ftplib", "smtplib"}
    offenders = [
        f"{path.relative_to(SRC)}: {name}"
        for path in SRC.rglob("*.py")
        for name in _imports(path)
        if name in banned
    ]
    assert offenders == []


def test_no_log_call_can_write_an_exception_message():
    """log.exception and exc_info would log exception messages, which can quote journal text."""
    offenders = []
    for path in SRC.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if ".exception(" in source.replace("sys.exception(", "") or "exc_info=" in source:
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []
