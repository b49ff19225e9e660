"""Reads the whole journal into a `JournalArchive` (on the UI thread; the files are written off it)."""

from __future__ import annotations

from datetime import date

from reflect.domain.archive import ArchiveSession, JournalArchive
from reflect.domain.entry_filter import EntryFilter
from reflect.domain.report import ExportOptions, report_action
from reflect.store.report_loader import ReportLoader


def load_archive(journal, practitioner: str = "", today: date | None = None) -> JournalArchive:
    today = today or date.today()
    loader = ReportLoader(journal, today=lambda: today)
    options = ExportOptions(practitioner=practitioner)
    sessions = []
    for session in journal.sessions.list_sessions():
        sessions.append(ArchiveSession(
            report=loader.session_report(session.id, options), status=session.status.value.capitalize(),
            notes=session.notes, wellbeing=session.wellbeing, workload=session.workload,
            learning_needs=session.learning_needs))
    return JournalArchive(
        made_on=today,
        entries=loader.entries_for(EntryFilter()),
        sessions=tuple(sessions),
        briefings=tuple(journal.briefings.get(b.id).briefing for b in journal.briefings.list()),
        actions=tuple(report_action(a, today, practitioner=practitioner) for a in journal.actions.all()),
    )
