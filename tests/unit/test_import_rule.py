"""The layering rule from ARCHITECTURE.md, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "reflect"
QT_ALLOWED = {"ui", "app.py"}
# What each lower layer may import from the app besides itself.
LAYER_MAY_IMPORT = {
    "domain": {"domain"},
    "store": {"domain", "store"},
    "briefings": {"domain", "briefings"},
    "export": {"domain", "export"},
    "spelling": {"domain", "spelling"},
}
LOWER_LAYERS = set(LAYER_MAY_IMPORT)
# The modules beside the layers that services may use: where the journal lives and its settings.
SERVICES_MAY_IMPORT = LOWER_LAYERS | {"services", "paths", "settings", "logging_setup"}
# What store/__init__.py exports is all that ui/ and cli/ may take from the store.
STORE_PACKAGE = "reflect.store"


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "reflect":  # `from reflect import export`: the module named
                yield from (f"reflect.{alias.name}" for alias in node.names)
            else:
                yield node.module


def test_pyside6_only_in_ui_and_app():
    """No module outside ui/ and app.py imports PySide6."""
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


def _from_imports(path: Path):
    """(module, names) for each absolute `from X import a, b` in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [alias.name for alias in node.names]


def test_domain_imports_nothing_of_ours():
    """domain/ is pure: it imports no other part of Reflect."""
    offenders = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in (SRC / "domain").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] == "reflect" and name.split(".")[:2] != ["reflect", "domain"]
    ]
    assert offenders == []


def test_services_use_the_lower_layers_only():
    """services/ combines domain, store, briefings, export and spelling; never ui, cli or Qt."""
    offenders = []
    for path in (SRC / "services").rglob("*.py"):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] in ("PySide6", "shiboken6"):
                offenders.append(f"{path.relative_to(SRC)} imports {name}")
            elif parts[0] == "reflect" and (len(parts) < 2 or parts[1] not in SERVICES_MAY_IMPORT):
                offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert offenders == []


def test_ui_and_cli_take_from_the_store_only_what_it_exports():
    """ui/, cli/ and app.py import the journal and its stores from `reflect.store`, never its insides."""
    offenders = []
    for folder in ("ui", "cli"):
        for path in (SRC / folder).rglob("*.py"):
            offenders += [f"{path.relative_to(SRC)} imports {name}" for name in _imports(path)
                          if name.startswith(STORE_PACKAGE + ".")]
    offenders += [f"app.py imports {name}" for name in _imports(SRC / "app.py")
                  if name.startswith(STORE_PACKAGE + ".")]
    assert offenders == []


def test_the_store_exports_what_ui_and_cli_import_from_it():
    """Every name ui/ and cli/ import from `reflect.store` is in its __all__."""
    import reflect.store

    exported = set(reflect.store.__all__)
    wanted = {
        (str(path.relative_to(SRC)), name)
        for folder in ("ui", "cli")
        for path in (SRC / folder).rglob("*.py")
        for module, names in _from_imports(path)
        if module == STORE_PACKAGE
        for name in names
    }
    assert {(where, name) for where, name in wanted if name not in exported} == set()
    for name in exported:
        assert getattr(reflect.store, name) is not None


def test_ui_holds_almost_nothing_but_feature_folders():
    """ui/ itself has at most three Python modules; everything else is in a feature folder."""
    loose = sorted(p.name for p in (SRC / "ui").glob("*.py"))
    assert len(loose) <= 3, loose


def test_no_source_file_is_over_500_lines():
    """Files stay small: none in src/ over 500 lines."""
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert long == {}


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
