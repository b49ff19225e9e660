"""One export, from the journal to a checked PDF: shared by the export dialog and `reflect export`.

The steps, in order, each on the thread it needs:

1. `load_report` reads a frozen snapshot (UI thread; the database never leaves it), less any
   reflections the user left out.
2. `find_problems` runs the anonymisation check over every piece of the user's own text bound for
   the document (`checked_fields`): titles, each stage's answer, tags, the supervisor's name and
   role, agenda items, actions and (unless the pack leaves them out) the session's notes and
   wellbeing check-in. Briefing text, labels and the practitioner's own name and role are the
   app's or the partnership's words, not a reflection, so they are not reviewed.
3. The review (`ExportReview`, shown by the findings dialog) edits text through the normal stores,
   remembers "not identifying" pairs in the journal, or leaves reflections out.
4. `render_pending` renders the PDF in memory, in its finished form (encrypted if protected)
   (worker thread), and `verify` reads its text back from memory and checks it again (worker
   thread) before writing it into place, so a PDF that fails the second check never reaches the
   disk, and a killed export leaves no readable copy. The second check
   allows what the app itself wrote (dates, labels, briefing text: `allowances`) and what the user
   accepted; anything else fails the export with `FindingsBlockExport` (exit code 6).
5. `record_export` adds the file to the export log (UI thread).

No Qt here, so the command line uses exactly the same steps.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from reflect import export as pdf  # reportlab and pypdf load on first use, not at start-up
from reflect.domain.anonymisation import CheckedField, Finding, check_fields, check_text
from reflect.domain.anonymisation.normalise import normalise
from reflect.domain.entry_filter import EntryFilter
from reflect.domain.errors import DISK_FULL, ExportError, is_disk_full
from reflect.domain.journal import AnswerDraft
from reflect.domain.reply import PackRecord
from reflect.domain.report import (
    EntryReport,
    ExportOptions,
    PortfolioReport,
    ReportEntry,
    SessionReport,
    stage_label,
)
from reflect.domain.session_rules import format_day
from reflect.domain.templates import model_by_key
from reflect.domain.wording import plural
from reflect.services.print_warnings import RightToLeftBlocksExport, right_to_left_fields
from reflect.services.redaction import NEUTRAL, backups_note, remove_from_history, replacement_in
from reflect.services.session_fields import session_fields
from reflect.store.report_loader import ReportLoader
from reflect.store.write_errors import DatabaseError

log = logging.getLogger(__name__)
Report = SessionReport | PortfolioReport | EntryReport
Progress = Callable[[int, int], object]
TITLE, TAGS, SELECTION = "Title", "Tags", "Portfolio selection"
_WORDS_FILTER = "Containing the words: "


class FindingsBlockExport(ExportError):
    """Details that may identify someone, not accepted, stand in the way of an export."""

    exit_code = 6
    default_text = ("Nothing was exported: the text still has details that may identify someone. "
                    "Edit them, accept them as not identifying, or leave the reflection out.")

    def __init__(self, findings: Iterable[Finding], message: str | None = None) -> None:
        super().__init__(message)
        self.findings = list(findings)


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked for: a document `kind` ("session", "portfolio" or "entry") and its choices."""

    kind: str
    options: ExportOptions = ExportOptions()
    session_id: int | None = None
    entry_id: int | None = None
    entry_filter: EntryFilter = EntryFilter()
    title: str = "Portfolio of reflections"


# -- 1. the snapshot ----------------------------------------------------------------------------
def load_report(journal, request: ExportRequest, left_out: Collection[int] = ()) -> Report:
    """The document's snapshot, without the reflections in `left_out`. Raises ExportError."""
    loader = ReportLoader(journal)
    try:
        if request.kind == "session":
            report = replace(loader.session_report(request.session_id, request.options),
                             session_id=request.session_id, journal_id=journal.identity,
                             fields=request.options.fields)
        elif request.kind == "portfolio":
            report = loader.portfolio_report(request.entry_filter, request.options, title=request.title)
        elif request.kind == "entry":
            report = loader.entry_report(request.entry_id, request.options)
        else:
            raise ValueError(f"unknown document {request.kind!r}")
    except KeyError:
        what = "session" if request.kind == "session" else "reflection"
        raise ExportError(f"That {what} no longer exists. Nothing was exported.") from None
    return without_entries(report, left_out)


def entry_id_of(entry: ReportEntry) -> int:
    return int(entry.key.removeprefix("entry-"))


def report_entries(report: Report) -> tuple[ReportEntry, ...]:
    return (report.entry,) if isinstance(report, EntryReport) else report.entries


def without_entries(report: Report, left_out: Collection[int]) -> Report:
    """`report` less the reflections in `left_out` (and the briefing summaries only they needed)."""
    if not left_out:
        return report
    if isinstance(report, EntryReport):
        if entry_id_of(report.entry) in left_out:
            raise ExportError("The only reflection in this document was left out, so there is "
                              "nothing to export.")
        return report
    keep = tuple(e for e in report.entries if entry_id_of(e) not in left_out)
    needed = {e.briefing_key for e in keep}
    return replace(report, entries=keep, briefings=tuple(b for b in report.briefings if b.key in needed))


# -- 2. what is checked ---------------------------------------------------------------------------
def checked_fields(journal, request: ExportRequest, report: Report) -> list[CheckedField]:
    """Every piece of the user's own text the document shows, in document order."""
    fields: list[CheckedField] = []
    if isinstance(report, SessionReport):
        fields += session_fields(journal, request.session_id, report)
    if isinstance(report, PortfolioReport):
        fields += [CheckedField(None, None, SELECTION, line.removeprefix(_WORDS_FILTER))
                   for line in report.filter_description if line.startswith(_WORDS_FILTER)]
    for entry in report_entries(report):
        fields += entry_fields(journal, entry_id_of(entry))
    return [f for f in fields if f.text.strip()]


def entry_fields(journal, entry_id: int) -> list[CheckedField]:
    try:
        entry = journal.entries.get_entry(entry_id)
    except KeyError:
        return []
    labels = {stage.key: stage.label for stage in model_by_key(entry.model).stages}
    out = [CheckedField(entry_id, None, TITLE, entry.title)]
    out += [CheckedField(entry_id, a.stage, labels.get(a.stage) or stage_label(a.stage), a.text)
            for a in entry.answers]
    if entry.tags:
        out.append(CheckedField(entry_id, None, TAGS, ", ".join(entry.tags)))
    return out


def field_text(journal, finding: Finding) -> str | None:
    """The whole current text of the field a finding is in, or None if it cannot be edited here."""
    where, ref = _where(finding)
    try:
        if where == "entry":
            entry = journal.entries.get_entry(finding.entry_id)
            return entry.title if ref is None else entry.answer(ref)
        if where == "session":
            return getattr(journal.sessions.get_session(ref[0]), ref[1])
        if where == "agenda":
            return next(i.text for i in journal.sessions.agenda(ref[0]) if i.id == ref[1])
        if where == "action":
            return getattr(journal.actions.get(ref[0]), ref[1])
    except (KeyError, StopIteration):
        return None
    return None


def save_field_text(journal, finding: Finding, text: str, today: date | None = None) -> str | None:
    """Save the edited text of a finding's field through the normal stores (a revision first).

    Identifiers the edit removed from a reflection are removed from its earlier versions too;
    the returned sentence says so, and what the encrypted backups still hold (None: nothing removed).
    """
    where, ref = _where(finding)
    if where == "entry":
        before = field_text(journal, finding)
        journal.revisions.snapshot(finding.entry_id, "before an export review")
        if ref is None:
            journal.entries.update_entry(finding.entry_id, title=text)
        else:
            journal.entries.save_answer(AnswerDraft(finding.entry_id, ref, text))
        return _remove_from_history(journal, finding, before, text, today or date.today())
    if where == "session":
        journal.sessions.update_session(ref[0], **{ref[1]: text})
    elif where == "agenda":
        journal.sessions.update_agenda_item(ref[1], text=text)
    elif where == "action":
        journal.actions.update(ref[0], **{ref[1]: text})
    else:
        raise ExportError("This text cannot be edited here.")
    return None


def _remove_from_history(journal, finding: Finding, before: str | None, after: str,
                         today: date) -> str | None:
    """Every identifier that was in the field and is gone from it leaves the entry's history too."""
    if before is None:
        return None
    field = CheckedField(finding.entry_id, finding.stage, finding.field or "", before)
    changed, removed = 0, False
    for gone in check_fields([field], watch_terms=journal.privacy.watch_terms(),
                             accepted=journal.privacy.accepted()):
        if gone.text in after:
            continue
        replacement = replacement_in(before, after, gone.start, gone.end)
        changed += remove_from_history(journal, finding.entry_id, gone.text,
                                       NEUTRAL if replacement is None else replacement,
                                       today).versions_changed
        removed = True
    if not removed:
        return None
    versions = plural(changed, "earlier version")
    return f"What you removed is gone from {versions} of this reflection too. {backups_note(today)}"


def _where(f: Finding) -> tuple[str, object]:
    """Which stored field a finding's (entry_id, stage, field) names (see `checked_fields`)."""
    if f.entry_id is not None:
        if f.stage is not None:
            return "entry", f.stage
        return ("entry", None) if f.field == TITLE else ("", None)
    kind, _, rest = (f.stage or "").partition(":")
    first, _, second = rest.partition(":")
    if kind in ("session", "action") and first.isdigit() and second:
        return kind, (int(first), second)
    if kind == "agenda" and first.isdigit() and second.isdigit():
        return kind, (int(first), int(second))
    return "", None


def check_field(journal, finding: Finding, text: str) -> list[Finding]:
    """The findings in the new `text` of the field `finding` is in (while the user edits it)."""
    field = CheckedField(finding.entry_id, finding.stage, finding.field or "", text)
    return check_fields([field], watch_terms=journal.privacy.watch_terms(),
                        accepted=journal.privacy.accepted(), not_names=hint_not_names(journal, ""))


def cpd_record_problems(journal, entry_id: int) -> list[Finding]:
    """The findings in what "Copy as CPD record" puts on the clipboard: the reflection's answers
    (`cpd_record_text` leaves out the title and tags)."""
    fields = [f for f in entry_fields(journal, entry_id) if f.stage is not None and f.text.strip()]
    return check_fields(fields, watch_terms=journal.privacy.watch_terms(),
                        accepted=journal.privacy.accepted(), not_names=hint_not_names(journal, ""))


def find_problems(journal, request: ExportRequest, report: Report) -> list[Finding]:
    """The findings the user must review before `report` may be exported."""
    return check_fields(checked_fields(journal, request, report), watch_terms=journal.privacy.watch_terms(),
                        accepted=journal.privacy.accepted(), not_names=document_not_names(journal, report))


def document_not_names(journal, report: Report) -> list[str]:
    """What a document's check takes as not names: its own words and, as the hints do, those of
    every briefing in the journal and the practitioner's name."""
    return own_words(report) + hint_not_names(journal, report.practitioner)


def own_words(report: Report) -> list[str]:
    """Texts in the document that are not the reflection's: the practitioner's name and role, the
    briefings, the models' names and questions. The name check does not report their words
    (`not_names`)."""
    texts = [report.practitioner, report.practitioner_role]
    for entry in report_entries(report):
        texts += [entry.model_name, entry.briefing_title, entry.question]
    for briefing in report.briefings:
        texts += [briefing.title, briefing.partnership, *briefing.learning]
    return [text for text in texts if text]


def hint_not_names(journal, practitioner: str) -> list[str]:
    """What the hints while writing take as not names: the practitioner's name and the words of
    every briefing in the journal (a document's check takes those of its own briefings)."""
    texts = [practitioner]
    for summary in journal.briefings.list():
        briefing = journal.briefings.get(summary.id).briefing
        texts += [briefing.title, briefing.partnership, *briefing.learning, *briefing.questions]
    return [text for text in texts if text]


def allowances(report: Report, watch_terms: Iterable[str] = ()) -> set[tuple[str, str]]:
    """(kind, text) of findings in the words the app and the briefings put on the page.

    The PDF is checked again after writing; dates the app writes ("Written Tue 3 Mar 2026"),
    the practitioner's name and briefing text are not the reflection's words and were never
    reviewed, so the second check lets these (and only these) through.
    """
    from reflect.export.renderer import FOOTER_TEXT, NOTICE_TEXT

    texts: list[str] = [FOOTER_TEXT, NOTICE_TEXT, report.practitioner, report.practitioner_role]
    days: list[date | None] = [report.prepared_on]
    if isinstance(report, SessionReport):
        texts += [report.when, report.session_type]
        days += [report.next_session_on, report.supervisee_agreed_on, report.supervisor_agreed_on]
        for action in report.carried_forward + report.agreed:
            texts += [action.status, action.agreed_in]
            days.append(action.due_on)
    if isinstance(report, PortfolioReport):
        texts += [report.title] + [line for line in report.filter_description
                                   if not line.startswith(_WORDS_FILTER)]
        days += [report.date_from, report.date_to]
    for entry in report_entries(report):
        texts += [entry.model_name, entry.status_label, entry.briefing_title, entry.question]
        texts += [label for label, _ in entry.stages]
        days += [entry.created_on, entry.updated_on]
    for briefing in report.briefings:
        texts += [briefing.title, briefing.partnership, *briefing.learning]
    texts += [format_day(day) for day in set(days) if day is not None]
    terms = tuple(watch_terms)
    return {f.key for text in set(texts) if text for f in check_text(text, watch_terms=terms)}


# -- 4. writing and the second check ---------------------------------------------------------------
def renderer_for(report: Report):
    if isinstance(report, SessionReport):
        return pdf.SessionPackRenderer(report, fields=report.fields, journal_id=report.journal_id)
    renderers = {PortfolioReport: "PortfolioRenderer", EntryReport: "SingleEntryRenderer"}
    return getattr(pdf, renderers[type(report)])(report)


@dataclass
class PendingExport:
    """A rendered PDF held in memory (in its finished form: encrypted if protected), waiting for
    the second check. Nothing is on disk until `commit`, so a kill before then leaves nothing."""

    data: bytes
    target: Path
    result: pdf.ExportResult | None
    password: str | None = None

    def discard(self) -> None:
        self.data = b""

    def commit(self) -> pdf.ExportResult:
        from reflect.export.writer import place_file

        try:
            place_file(self.data, self.target)
        finally:
            self.discard()
        return replace(self.result, path=self.target)


def render_pending(report: Report, target: Path, *, password: str | None = None,
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> PendingExport:
    """Render `report` in memory for `target`. Raises ExportError / ExportCancelled."""
    from reflect.export.writer import render_pdf

    target = Path(target)
    data, result = render_pdf(renderer_for(report), target, password=password or None,
                              progress=progress, cancelled=cancelled)
    return PendingExport(data, target, result, password or None)


def pdf_text(pdf_file: Path | bytes, password: str | None = None, progress: Progress | None = None) -> str:
    """The PDF's text page by page (as `reflect.export.extract_text`), reporting progress;
    `progress` returning False raises ExportCancelled. `pdf_file` is a path or the file's bytes."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(pdf_file) if isinstance(pdf_file, bytes) else str(pdf_file))
        if reader.is_encrypted and not reader.decrypt(password or ""):
            raise ExportError("That password does not open this PDF.")
        pages = []
        total = len(reader.pages)
        for number, page in enumerate(reader.pages, start=1):
            pages.append(page.extract_text() or "")
            if progress is not None and progress(number, total) is False:
                raise pdf.ExportCancelled()
        return "\n\n".join(pages)
    except ExportError:
        raise
    except (OSError, PdfReadError, ValueError) as exc:
        raise ExportError("The PDF could not be read back to check it.") from exc


def recheck_pdf(pdf_file: Path | bytes, password: str | None, watch_terms: Iterable[str],
                accepted: Collection[tuple[str, str]], *, progress: Progress | None = None) -> list[Finding]:
    """Findings in the written PDF's text that are not in `accepted`."""
    found = check_text(pdf_text(pdf_file, password, progress), watch_terms=tuple(watch_terms),
                       accepted=accepted)
    return [f for f in found if not _joined_to_accepted(f, accepted)]


def _joined_to_accepted(finding: Finding, accepted: Collection[tuple[str, str]]) -> bool:
    """Layout can join a reviewed finding to the words beside it ("Dr Patel\\nNext session"): it
    still counts as reviewed when an accepted text of its kind is a whole-word part of it."""
    found = normalise(finding.text).text
    return any(kind == finding.kind and re.search(rf"(?<!\w){re.escape(normalise(text).text.strip())}(?!\w)",
                                                  found) for kind, text in accepted)


def verify(pending: PendingExport, watch_terms: Iterable[str], accepted: Collection[tuple[str, str]],
           *, progress: Progress | None = None) -> pdf.ExportResult:
    """Check the rendered PDF's text again (from memory) and, if clean, write it into place."""
    try:
        findings = recheck_pdf(pending.data, pending.password, watch_terms, accepted, progress=progress)
        if findings:
            raise FindingsBlockExport(findings, "Nothing was exported: the written PDF still has details "
                                      "that may identify someone (listed below). Edit them in the "
                                      "reflection, or accept them as not identifying, and export again.")
        return pending.commit()
    except BaseException:
        pending.discard()
        raise


def record_export(journal, report: Report, result: pdf.ExportResult):
    """Add the export to the journal's export log; a fillable pack with its fingerprints and
    fields, so the supervisor's reply can be checked against it."""
    name = renderer_for(report).title
    document = f"Reflection — {name}" if isinstance(report, EntryReport) else name
    with journal.db.atomic():
        record = journal.exports.record(document, str(result.path), result.entry_count, result.sha256)
        if result.pack is not None and isinstance(report, SessionReport):
            journal.exports.record_pack(pack_record(record.id, report.session_id, result.pack))
    return record


def pack_record(export_log_id: int, session_id: int | None, pack) -> PackRecord:
    """The export log's record of a pack, from what the renderer read back (`pack_contents`)."""
    return PackRecord(
        pack.export_id, export_log_id, session_id, pack.fingerprints, pack.field_names,
        tuple(None if key is None else int(key.removeprefix("entry-")) for key in pack.page_entries))


def export_document(journal, request: ExportRequest, target: Path, *, accept_findings: bool = False,
                    progress: Progress | None = None,
                    warn: Callable[[RightToLeftBlocksExport], object] | None = None) -> pdf.ExportResult:
    """All the steps at once, on this thread (the command line). Raises FindingsBlockExport, or
    RightToLeftBlocksExport; with `accept_findings` the latter goes to `warn` and the export goes on."""
    report = load_report(journal, request)
    findings = find_problems(journal, request, report)
    if findings and not accept_findings:
        raise FindingsBlockExport(findings)
    unprintable = right_to_left_fields(checked_fields(journal, request, report))
    if unprintable and not accept_findings:
        raise RightToLeftBlocksExport(unprintable)
    if unprintable and warn is not None:
        warn(RightToLeftBlocksExport(unprintable))
    watch = journal.privacy.watch_terms()
    accepted = second_check_accepts(journal, report, reviewed=findings)
    pending = render_pending(report, target, password=request.options.password, progress=progress)
    result = verify(pending, watch, accepted)
    not_logged = log_export(journal, report, result)
    if not_logged:
        raise ExportError(f"“{result.path.name}” was written and checked. {not_logged}")
    return result


def log_export(journal, report: Report, result: pdf.ExportResult) -> str | None:
    """`record_export`, for a PDF already in place: None once recorded, else a sentence saying
    that the log lacks it and why (a full or read-only disk), so nobody is told nothing changed."""
    try:
        record_export(journal, report, result)
    except (OSError, DatabaseError) as exc:
        log.warning("export log not written (%s)", type(exc).__name__)
        why = DISK_FULL if is_disk_full(exc) else ("The journal's folder could not be written: "
                                                    "check it is not read-only. Nothing was lost.")
        return f"The export log could not record it. {why}"
    return None


def second_check_accepts(journal, report: Report, reviewed: Iterable[Finding] = ()) -> set[tuple[str, str]]:
    """What the PDF's second check lets through: the journal's accepted pairs, findings accepted
    for this export only (`reviewed`) and the app's own words (`allowances`)."""
    accepted = set(journal.privacy.accepted()) | {f.key for f in reviewed}
    return accepted | allowances(report, journal.privacy.watch_terms())
