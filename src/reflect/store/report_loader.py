"""Reads the journal into the frozen snapshots a PDF is rendered from.

Called on the UI thread, just before an export starts: it reads everything a document shows in a
handful of queries and returns immutable `reflect.domain.report` objects, so the rendering thread
never touches the database (SQLCipher connections belong to the thread that opened them) and an
edit made while a long export runs cannot change half the document.

Entries are read in bulk (one query per table per 500 entries) rather than one `get_entry` each, so a
1,000-entry portfolio snapshot takes a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from reflect.domain.entry_filter import EntryFilter, EntrySort
from reflect.domain.journal import EntryStatus
from reflect.domain.report import (
    SESSION_NOTE_FIELDS,
    EntryReport,
    ExportOptions,
    PortfolioReport,
    ReportAgendaItem,
    ReportBriefing,
    ReportEntry,
    SessionReport,
    report_action,
    stage_pairs,
)
from reflect.domain.session_rules import format_day, format_when, session_title
from reflect.domain.supervision import Action
from reflect.domain.templates import is_known_model, model_by_key
from reflect.store.entry_query import EntryQuery
from reflect.store.rows import text_to_moment

_CHUNK = 500


class ReportLoader:
    """Snapshots for the three documents. `journal` is an open `Journal` (or anything with its
    `db`, `sessions`, `actions`, `briefings` and `replies` attributes)."""

    def __init__(self, journal, *, today: Callable[[], date] = date.today) -> None:
        self.db = journal.db
        self.sessions = journal.sessions
        self.actions = journal.actions
        self.briefing_store = journal.briefings
        self.replies = journal.replies
        self._today = today

    # -- the documents ------------------------------------------------------------------------
    def session_report(self, session_id: int, options: ExportOptions) -> SessionReport:
        """The supervision pack of one session. Raises KeyError if the session is gone."""
        session = self.sessions.get_session(session_id)
        today = self._today()
        entries = self.entries(self.sessions.linked_entry_ids(session_id))
        carried = self.actions.carried_forward_to(session_id)
        where = self._where_agreed(carried)
        signed_by_name, signed_by_role = self._signed_by(session)
        return SessionReport(
            title=session_title(session),
            practitioner=options.practitioner.strip(),
            practitioner_role=options.practitioner_role.strip(),
            supervisor_name=session.supervisor_name.strip(),
            supervisor_role=session.supervisor_role.strip(),
            when=format_when(session.starts_at) if session.starts_at else "Date to be arranged",
            session_type=session.type.label,
            prepared_on=today,
            agenda=tuple(ReportAgendaItem(item.text, item.function.value.capitalize())
                         for item in self.sessions.agenda(session_id)),
            carried_forward=tuple(
                report_action(a, today, practitioner=options.practitioner, agreed_in=where(a))
                for a in carried),
            entries=entries,
            agreed=tuple(report_action(a, today, practitioner=options.practitioner)
                         for a in self.actions.agreed_in(session_id)),
            next_session_on=session.next_session_on,
            supervisee_agreed_on=session.supervisee_agreed_on,
            supervisor_agreed_on=session.supervisor_agreed_on,
            briefings=self._briefings_for(entries) if options.include_briefings else (),
            session_notes=tuple((label, getattr(session, name)) for name, label in SESSION_NOTE_FIELDS)
            if options.include_session_notes else (),
            signed_by_name=signed_by_name, signed_by_role=signed_by_role,
        )

    def _signed_by(self, session) -> tuple[str, str]:
        """(name, role) the supervisor gave in their latest reply to the session, else the
        session's supervisor once the session records their agreement; ("", "") before either."""
        reply = self.replies.latest_for_session(session.id)
        name = reply.supervisor_name.strip() if reply else ""
        role = reply.supervisor_role.strip() if reply else ""
        if reply or session.supervisor_agreed_on is not None:
            name, role = name or session.supervisor_name.strip(), role or session.supervisor_role.strip()
        return name, role

    def portfolio_report(self, entry_filter: EntryFilter, options: ExportOptions, *,
                         title: str = "Portfolio of reflections") -> PortfolioReport:
        """Every entry matching `entry_filter`, oldest first."""
        entries = self.entries_for(entry_filter)
        return PortfolioReport(
            title=title, practitioner=options.practitioner.strip(),
            practitioner_role=options.practitioner_role.strip(), prepared_on=self._today(),
            date_from=entry_filter.created_from, date_to=entry_filter.created_to,
            filter_description=self.describe_filter(entry_filter), entries=entries,
            briefings=self._briefings_for(entries) if options.include_briefings else (),
        )

    def entry_report(self, entry_id: int, options: ExportOptions) -> EntryReport:
        """One reflection. Raises KeyError if the entry is gone."""
        found = self.entries([entry_id])
        if not found:
            raise KeyError(entry_id)
        return EntryReport(
            practitioner=options.practitioner.strip(),
            practitioner_role=options.practitioner_role.strip(), prepared_on=self._today(), entry=found[0],
            briefings=self._briefings_for(found) if options.include_briefings else (),
        )

    # -- entries ------------------------------------------------------------------------------
    def entries_for(self, entry_filter: EntryFilter) -> tuple[ReportEntry, ...]:
        """The entries the entry list shows for `entry_filter`, oldest first (a portfolio's order)."""
        ids = EntryQuery(self.db).ids(entry_filter, EntrySort.CREATED)
        ids.reverse()
        return self.entries(ids)

    def entries(self, ids: Sequence[int]) -> tuple[ReportEntry, ...]:
        """Snapshots of the given entries in the given order; ids that no longer exist are skipped."""
        wanted = list(dict.fromkeys(ids))
        rows: dict[int, tuple] = {}
        answers: dict[int, dict[str, str]] = {}
        tags: dict[int, list[str]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for r in self.db.execute(
                "SELECT e.id, e.title, e.model, e.status, e.created_at, e.updated_at, "
                "coalesce(b.title, ''), coalesce(q.text, ''), b.id FROM entries e "
                "LEFT JOIN briefings b ON b.id = e.briefing_id "
                "LEFT JOIN briefing_items q ON q.id = e.question_id "
                f"WHERE e.id IN ({marks})", chunk
            ):
                rows[r[0]] = r
            for entry_id, stage, text in self.db.execute(
                f"SELECT entry_id, stage, text FROM answers WHERE entry_id IN ({marks}) ORDER BY id",
                chunk,
            ):
                answers.setdefault(entry_id, {})[stage] = text
            for entry_id, name in self.db.execute(
                "SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                f"WHERE et.entry_id IN ({marks}) ORDER BY t.name COLLATE NOCASE", chunk
            ):
                tags.setdefault(entry_id, []).append(name)
        out = []
        for entry_id in wanted:
            r = rows.get(entry_id)
            if r is None:
                continue
            model = model_by_key(r[2])
            out.append(ReportEntry(
                key=f"entry-{entry_id}", title=r[1],
                model_name=model.name if is_known_model(r[2]) else f"{model.name} ({r[2]})",
                status_label=_status_label(r[3]),
                created_on=text_to_moment(r[4]).astimezone().date(),
                updated_on=text_to_moment(r[5]).astimezone().date(),
                briefing_title=r[6], question=r[7],
                briefing_key=f"briefing-{r[8]}" if r[8] is not None else "",
                stages=stage_pairs(r[2], answers.get(entry_id, {})),
                tags=tuple(tags.get(entry_id, ())), is_cpd_record=model.is_cpd_record,
            ))
        return tuple(out)

    # -- words for the cover ------------------------------------------------------------------
    def describe_filter(self, f: EntryFilter) -> tuple[str, ...]:
        """One line per filter in use, e.g. "Status: Ready for supervision"."""
        lines = []
        if f.created_from or f.created_to:
            lines.append("Written: " + _date_range(f.created_from, f.created_to))
        if f.briefing_id is not None:
            row = self.db.execute("SELECT title FROM briefings WHERE id = ?", [f.briefing_id]).fetchone()
            lines.append(f"Briefing: {row[0] if row else 'a briefing since removed'}")
        if f.question_id is not None:
            row = self.db.execute("SELECT text FROM briefing_items WHERE id = ?",
                                  [f.question_id]).fetchone()
            lines.append(f"Question: {row[0] if row else 'a question since removed'}")
        if f.tags:
            lines.append("Tags (all of): " + ", ".join(sorted(f.tags, key=str.casefold)))
        if f.status is not None:
            lines.append(f"Status: {EntryStatus(f.status).label}")
        if f.models:
            lines.append("Models: " + ", ".join(sorted(model_by_key(m).name for m in f.models)))
        if f.session_id is not None:
            try:
                session = session_title(self.sessions.get_session(f.session_id))
            except KeyError:
                session = "a session since removed"
            lines.append(f"Taken to supervision: {session}")
        if f.text.strip():
            lines.append(f"Containing the words: {f.text.strip()}")
        return tuple(lines)

    def _where_agreed(self, actions: Iterable[Action]) -> Callable[[Action], str]:
        labels: dict[int, str] = {}
        for session_id in {a.session_id for a in actions if a.session_id is not None}:
            try:
                session = self.sessions.get_session(session_id)
            except KeyError:
                continue
            labels[session_id] = (f"Session {format_day(session.starts_at.date())}"
                                  if session.starts_at else "An undated session")

        def where(action: Action) -> str:
            if action.session_id is not None:
                return labels.get(action.session_id, "An earlier session")
            return "From a reflection" if action.entry_id is not None else "Outside supervision"
        return where

    def _briefings_for(self, entries: Iterable[ReportEntry]) -> tuple[ReportBriefing, ...]:
        """The briefings the entries answer, in order of first mention."""
        out = []
        for key in dict.fromkeys(e.briefing_key for e in entries if e.briefing_key):
            try:
                stored = self.briefing_store.get(int(key.removeprefix("briefing-")))
            except KeyError:
                continue
            out.append(ReportBriefing(key=key, title=stored.title,
                                      partnership=stored.briefing.partnership,
                                      learning=tuple(stored.briefing.learning)))
        return tuple(out)


def _status_label(value: str) -> str:
    try:
        return EntryStatus(value).label
    except ValueError:
        return value.capitalize()


def _date_range(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{format_day(start)} to {format_day(end)}"
    return f"from {format_day(start)}" if start else f"up to {format_day(end)}"


def _chunks(values: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]
