"""The supervisor's reply comes back: check it is an unchanged pack of this journal, then read it.

`read_and_verify` opens the file, matches its identity to this journal and its export to the
export log, and compares every page's fingerprint with the ones recorded when the pack was
written: a pack whose pages were edited, drawn on, added, removed or reordered is refused (exit 7,
the pages named; or, when the pack's fields are gone too, saying the reader flattened the form)
and nothing is recorded. What the supervisor typed, and the notes they stuck on
pages, are data: read into a `ReplyCheck` (the preview) and never interpreted beyond a date and
who does an action. `reply_import.import_reply` records it.

A pack of this journal whose export is not in its log (a backup older than the export was
restored) cannot be checked; it is read anyway, marked unverified, and imported only when asked.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reflect.domain.dates import parse_day
from reflect.domain.errors import ReflectError
from reflect.domain.reply import PackRecord, ReplyComment, action_owner
from reflect.domain.supervision import ActionOwner
from reflect.export import form_fields as ff
from reflect.export.reply_reader import Reply, ReplyReadError, open_pdf, page_fingerprints, read_reply

NOTHING_RECORDED = "Nothing has been recorded."


class ReplyChanged(ReflectError):
    """The pack's pages are not the ones exported: edited, drawn on, added, removed or moved."""

    exit_code = 7
    default_text = ("This pack has been changed since it was exported, so it cannot be imported. "
                    + NOTHING_RECORDED)


class ReplyFlattened(ReplyChanged):
    """The pages changed and the pack's fields are gone: the reader "flattened" the form, drawing
    what was typed into the pages (Print to PDF in any reader, Export as PDF in macOS Preview)."""

    default_text = (
        "This reply cannot be imported: the program it was saved with “flattened” the form. "
        "Printing to PDF (in any reader) or Export as PDF in macOS Preview draws what was typed "
        "into the pages and removes the form's fields, so the supervisor's comments, actions and "
        "sign-off can no longer be read as text, and the pages are not the ones Reflect wrote. "
        "Ask your supervisor to fill in the pack (or open the copy they filled in, if they kept "
        "it) and save it with File → Save in Adobe Acrobat Reader, Microsoft Edge, Google Chrome "
        "or Firefox, rather than printing it to PDF. " + NOTHING_RECORDED)


class ReplyFromAnotherJournal(ReflectError):
    exit_code = 2
    default_text = ("This reply is to a pack exported from a different journal, so it cannot be "
                    "imported here. " + NOTHING_RECORDED)


class ReplyExportUnknown(ReflectError):
    """A pack of this journal whose export is not in the export log."""

    exit_code = 2
    default_text = (
        "This reply is to a pack from this journal, but its export is not in the journal's export "
        "log: probably a backup older than the export was restored. Reflect cannot check that the "
        "pack is unchanged. Import it as unchecked (--unverified) if you trust it. " + NOTHING_RECORDED)


@dataclass(frozen=True)
class ProposedAction:
    """A filled row of the actions agreed, as it will be recorded (the preview may edit it)."""

    row: int
    description: str
    owner: ActionOwner
    owner_name: str
    due_on: date | None
    typed_who: str = ""
    typed_due: str = ""


@dataclass(frozen=True)
class ReplyCheck:
    """A reply read and checked, not yet recorded: what the preview shows."""

    path: Path
    file_sha256: str
    export_id: str
    session_id: int | None
    verified: bool
    pack: PackRecord | None
    comments: tuple[ReplyComment, ...]
    actions: tuple[ProposedAction, ...]
    next_session_on: date | None
    next_session_text: str
    supervisor_name: str
    supervisor_role: str
    signed_off: bool
    signed_on: date | None
    other_marks: dict[int, int] = field(default_factory=dict)  # page (from 0) -> marks with no text
    cut: frozenset[str] = frozenset()  # fields cut at 20,000 characters
    problem: ReflectError | None = None  # why it is unverified


@dataclass(frozen=True)
class ReadPdf:
    """A reply file read, not yet checked against the journal (`read_pdf`: safe off the UI thread)."""

    path: Path
    data: bytes
    reply: Reply
    fingerprints: tuple[str, ...]
    password: str | None = None


def read_pdf(path: Path | str, password: str | None = None) -> ReadPdf:
    """Read the file at `path`: its fields, notes and page fingerprints. Touches no database, so
    the app runs it on a worker. Raises ReplyReadError (exit 2) or WrongPassword (exit 3)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReplyReadError(f"“{path.name}” could not be read. {NOTHING_RECORDED}") from exc
    reply = read_reply(data, password)
    if not reply.export_id:
        raise ReplyReadError(
            "This PDF is not a supervision pack exported from Reflect, or it was made again from "
            "one by printing it to PDF, which keeps neither the pack's form nor what identifies "
            "it. The supervisor should save the filled pack with File → Save instead. " + NOTHING_RECORDED)
    return ReadPdf(path, data, reply, tuple(page_fingerprints(data, password)), password)


def read_and_verify(journal, path: Path | str, password: str | None = None, *,
                    practitioner: str = "", today: date | None = None) -> ReplyCheck:
    """Read the reply at `path` and check it against the export log.

    Raises ReplyReadError (not a PDF, damaged; exit 2), WrongPassword (exit 3),
    ReplyFromAnotherJournal (exit 2) or ReplyChanged (exit 7; ReplyFlattened when the reader drew
    the form into the pages). A pack whose export is not in the log comes back with
    `verified=False` and `problem` set (`import_reply` refuses it unless told)."""
    return verify(journal, read_pdf(path, password), practitioner=practitioner, today=today)


def verify(journal, read: ReadPdf, *, practitioner: str = "", today: date | None = None) -> ReplyCheck:
    """Check a file `read_pdf` read against this journal and its export log (on the UI thread)."""
    reply = read.reply
    if reply.journal_id != journal.identity:
        raise ReplyFromAnotherJournal()
    pack = journal.exports.pack(reply.export_id)
    problem: ReflectError | None = None
    if pack is None:
        problem = ReplyExportUnknown()
        session_id = _session_of_unlogged(journal, reply, read.data, read.password)
    else:
        if list(read.fingerprints) != list(pack.page_fingerprints) and form_flattened(pack, reply):
            raise ReplyFlattened()
        check_pages(pack.page_fingerprints, list(read.fingerprints))
        session_id = pack.session_id
    return _check(journal, read.path, hashlib.sha256(read.data).hexdigest(), reply, pack, session_id,
                  problem, practitioner=practitioner, today=today or date.today())


def form_flattened(pack: PackRecord, reply: Reply) -> bool:
    """Whether none of the fields the pack was exported with is left in the reply."""
    return bool(pack.field_names) and not set(pack.field_names) & set(reply.fields)


def check_pages(exported: tuple[str, ...] | list[str], now: list[str]) -> None:
    """Raise ReplyChanged, naming the pages, unless `now` is `exported` page for page."""
    exported = list(exported)
    if now == exported:
        return
    if len(now) != len(exported):
        raise ReplyChanged(
            f"The pack had {len(exported)} pages when it was exported and this file has {len(now)}: "
            "pages have been added or removed, so it cannot be imported. " + NOTHING_RECORDED)
    changed = [n for n, (a, b) in enumerate(zip(exported, now, strict=True), start=1) if a != b]
    if sorted(now) == sorted(exported):
        raise ReplyChanged(f"{_pages(changed)} have been moved since the pack was exported, so it "
                           "cannot be imported. " + NOTHING_RECORDED)
    has = "has" if len(changed) == 1 else "have"
    raise ReplyChanged(
        f"{_pages(changed)} {has} changed since the pack was exported (their text or drawing is "
        "not what Reflect wrote), so it cannot be imported. Ask your supervisor to type into the "
        "fields, or add notes, without editing the pages. " + NOTHING_RECORDED)


def _pages(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"Page {numbers[0]}"
    return "Pages " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"


def _session_of_unlogged(journal, reply: Reply, data: bytes, password: str | None) -> int | None:
    """The session an unlogged pack is of: the one whose reflections are exactly the pack's (its
    comment fields name them), preferring the one whose date the pack's title carries."""
    from reflect.domain.session_rules import format_when

    keys = {name.removeprefix(ff.COMMENT_PREFIX) for name in reply.fields
            if name.startswith(ff.COMMENT_PREFIX)}
    wanted = {int(key.removeprefix("entry-")) for key in keys if key.removeprefix("entry-").isdigit()}
    candidates = [s for s in journal.sessions.list_sessions()
                  if set(journal.sessions.linked_entry_ids(s.id)) == wanted]
    if len(candidates) > 1:
        title = str((open_pdf(data, password).metadata or {}).get("/Title", ""))
        dated = [s for s in candidates if s.starts_at and format_when(s.starts_at) in title]
        candidates = dated if len(dated) == 1 else candidates
    return candidates[0].id if len(candidates) == 1 else None


def _check(journal, path: Path, sha256: str, reply: Reply, pack: PackRecord | None,
           session_id: int | None, problem: ReflectError | None, *, practitioner: str,
           today: date) -> ReplyCheck:
    known = set(pack.field_names) if pack is not None else None
    values = {k: v for k, v in reply.fields.items() if known is None or k in known}

    def text(name: str) -> str:
        value = values.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    supervisor = text(ff.SUPERVISOR_NAME)
    if not supervisor and session_id is not None:
        supervisor = journal.sessions.get_session(session_id).supervisor_name
    signed_off = values.get(ff.SIGNOFF) is True
    return ReplyCheck(
        path=path, file_sha256=sha256, export_id=reply.export_id, session_id=session_id,
        verified=problem is None, pack=pack,
        comments=tuple(_comments(journal, values, reply, pack)),
        actions=tuple(_actions(values, practitioner, supervisor)),
        next_session_on=parse_day(text(ff.NEXT_SESSION)), next_session_text=text(ff.NEXT_SESSION),
        supervisor_name=text(ff.SUPERVISOR_NAME), supervisor_role=text(ff.SUPERVISOR_ROLE),
        signed_off=signed_off,
        signed_on=(parse_day(text(ff.SUPERVISOR_DATE)) or today) if signed_off else None,
        other_marks=dict(reply.other_marks), cut=frozenset(reply.cut) & set(values), problem=problem,
    )


def _comments(journal, values: dict, reply: Reply, pack: PackRecord | None) -> list[ReplyComment]:
    existing: dict[int, bool] = {}

    def entry(entry_id: int | None) -> int | None:
        if entry_id is not None and entry_id not in existing:
            try:
                journal.entries.get_entry(entry_id)
                existing[entry_id] = True
            except KeyError:
                existing[entry_id] = False
        return entry_id if entry_id is not None and existing[entry_id] else None

    out = []
    for name, value in values.items():
        if not isinstance(value, str) or not value.strip():
            continue
        if name.startswith(ff.COMMENT_PREFIX):
            key = name.removeprefix(ff.COMMENT_PREFIX).removeprefix("entry-")
            out.append(ReplyComment(name, entry(int(key) if key.isdigit() else None), "field",
                                    value.strip(), name in reply.cut))
        elif name == ff.OVERALL:
            out.append(ReplyComment(name, None, "field", value.strip(), name in reply.cut))
    on_page: dict[int, int] = {}
    for note in reply.notes:
        on_page[note.page] = on_page.get(note.page, 0) + 1
        pages = pack.page_entries if pack is not None else ()
        where = pages[note.page] if note.page < len(pages) else None
        out.append(ReplyComment(f"note:{note.page}:{on_page[note.page]}", entry(where), "note",
                                note.text.strip(), note.cut))
    return out


def _actions(values: dict, practitioner: str, supervisor: str) -> list[ProposedAction]:
    out = []
    row = 1
    while ff.action_field(row, "what") in values:
        what, who, due = (str(values.get(ff.action_field(row, part), "")).strip()
                          for part in ff.ACTION_PARTS)
        if what:
            owner, name = action_owner(who, practitioner=practitioner, supervisor=supervisor)
            day = parse_day(due)
            description = what if day is not None or not due else f"{what} (due: {due})"
            out.append(ProposedAction(row, description, owner, name, day, who, due))
        row += 1
    return out
