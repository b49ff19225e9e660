"""Where the briefing fixtures live, and the builders for the Word and PDF ones.

The builders are in tests/fixtures/briefings/make_fixtures.py (beside the specs they read) and are
loaded from there by path, so that script stays runnable on its own.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from reflect.briefings import read_briefing_file
from reflect.domain.briefing import Briefing, SectionKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "briefings"
SEED = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "briefings"
    / ("child-r-7-minute-briefing.txt")
)


def _load_builders() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "briefing_make_fixtures", FIXTURES / "make_fixtures.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


builders = _load_builders()


def parse_fixture(name: str) -> Briefing:
    return read_briefing_file(FIXTURES / name)


def outline(briefing: Briefing) -> list[tuple[SectionKind, str]]:
    """(kind, heading) of each section, in order."""
    return [(section.kind, section.heading) for section in briefing.sections]


def section(briefing: Briefing, kind: SectionKind):
    """The one section of this kind."""
    found = [s for s in briefing.sections if s.kind is kind]
    assert len(found) == 1, found
    return found[0]
