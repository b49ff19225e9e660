"""Everything in a journal, as plain snapshots: for "Take my journal with me" as readable files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reflect.domain.briefing import Briefing
from reflect.domain.report import ReportAction, ReportEntry, SessionReport


@dataclass(frozen=True)
class ArchiveSession:
    report: SessionReport  # the supervision pack's view: agenda, reflections, actions
    status: str
    notes: str
    wellbeing: str
    workload: str
    learning_needs: str


@dataclass(frozen=True)
class JournalArchive:
    made_on: date
    entries: tuple[ReportEntry, ...]
    sessions: tuple[ArchiveSession, ...]
    briefings: tuple[Briefing, ...]
    actions: tuple[ReportAction, ...]
