"""What an exported document shows, frozen at the moment the user asks for it.

An export renders in the background while the user carries on writing. So the journal is read once,
on the UI thread, into these immutable snapshots, and only they cross to the rendering thread: no
database handle leaves the thread that owns it, and an edit made during a long export cannot change
half a document. Everything here is display-ready text (labels, not enum values); the only ids are
the `key`s that name outline bookmarks.

Also the "Copy as CPD record" text, which is a view of one entry and needs no renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from reflect.domain.session_rules import format_day, is_overdue
from reflect.domain.supervision import Action, ActionOwner, ActionStatus
from reflect.domain.templates import MODELS, model_by_key

UNTITLED = "Untitled reflection"
CPD_MODEL_KEY = "swe_cpd"


@dataclass(frozen=True)
class ExportOptions:
    """Choices made in the export dialog."""

    include_briefings: bool = False  # add a short summary of each briefing referenced
    password: str | None = None  # AES-256, applied after rendering; None or "" for none
    practitioner: str = ""  # from settings; the document's author
    practitioner_role: str = ""  # from settings, beside the name ("Senior social worker")
    fields: bool = True  # a session pack the supervisor can fill in (False: print-only)
    #: a session pack shows the session's notes and wellbeing check-in (the practitioner's own
    #: words, checked like a reflection's); False leaves them out
    include_session_notes: bool = True


NOT_GIVEN = "Not given"


def person(name: str, role: str) -> str:
    """"Name, Role" with whichever parts are given ("" when neither is)."""
    return ", ".join(part for part in (name.strip(), role.strip()) if part)


@dataclass(frozen=True)
class ReportEntry:
    """One reflection as a document shows it."""

    key: str  # unique within a document: names its bookmark
    title: str
    model_name: str
    status_label: str
    created_on: date
    updated_on: date
    briefing_title: str = ""
    briefing_key: str = ""  # the bookmark of its briefing's summary, when summaries are included
    question: str = ""
    #: (label, text): the model's stages in order (empty ones included), then any non-empty
    #: answers kept from another model
    stages: tuple[tuple[str, str], ...] = ()
    tags: tuple[str, ...] = ()
    is_cpd_record: bool = False

    @property
    def display_title(self) -> str:
        return " ".join(self.title.split()) or UNTITLED

    @property
    def word_count(self) -> int:
        return sum(len(text.split()) for _, text in self.stages)


@dataclass(frozen=True)
class ReportAction:
    description: str
    who: str
    due_on: date | None
    status: str  # e.g. "Open — overdue", "Done Tue 3 Mar 2026"
    overdue: bool = False
    agreed_in: str = ""  # where it was agreed (carried-forward actions)

    @property
    def due_text(self) -> str:
        return format_day(self.due_on) if self.due_on else "No date"


@dataclass(frozen=True)
class ReportAgendaItem:
    text: str
    function: str  # "Management", "Support", "Development" or "Mediation"


@dataclass(frozen=True)
class ReportBriefing:
    """A short summary of a briefing a reflection answers."""

    key: str
    title: str
    partnership: str
    learning: tuple[str, ...] = ()


#: the session's own text fields a pack shows, in the session form's order, with their labels
SESSION_NOTE_FIELDS = (("notes", "Session notes"), ("learning_needs", "Learning needs"),
                       ("wellbeing", "Wellbeing"), ("workload", "Workload"))


@dataclass(frozen=True)
class SessionReport:
    """A supervision pack: everything the supervisor needs for one session."""

    title: str  # the session's title, e.g. "Tue 1 Dec 2026, 10:00 — Regular 1:1 with …"
    practitioner: str
    supervisor_name: str
    supervisor_role: str
    when: str  # the session's date and time in words, or "Date to be arranged"
    session_type: str
    prepared_on: date
    agenda: tuple[ReportAgendaItem, ...] = ()
    carried_forward: tuple[ReportAction, ...] = ()
    entries: tuple[ReportEntry, ...] = ()
    agreed: tuple[ReportAction, ...] = ()
    next_session_on: date | None = None
    supervisee_agreed_on: date | None = None
    supervisor_agreed_on: date | None = None
    briefings: tuple[ReportBriefing, ...] = ()
    #: the pack's identity and kind: which session and journal it is from, and whether the
    #: supervisor can fill it in (the reply is matched to the session by these)
    session_id: int | None = None
    journal_id: str = ""
    fields: bool = True
    practitioner_role: str = ""
    #: (label, text) of the session's notes and wellbeing check-in (`SESSION_NOTE_FIELDS`, empty
    #: ones included); () when the export leaves them out
    session_notes: tuple[tuple[str, str], ...] = ()
    #: who signed off for the supervisor, as their reply gave it (else the session's supervisor,
    #: once the session records their agreement): pre-filled in a later fillable pack
    signed_by_name: str = ""
    signed_by_role: str = ""

    @property
    def supervisee(self) -> str:
        """The practitioner's name and role, for the cover and the sign-off."""
        return person(self.practitioner, self.practitioner_role) or NOT_GIVEN


@dataclass(frozen=True)
class PortfolioReport:
    """Reflections chosen by date range and the entry-list filters, for CPD and appraisal."""

    title: str
    practitioner: str
    prepared_on: date
    date_from: date | None = None
    date_to: date | None = None
    filter_description: tuple[str, ...] = ()  # one line per filter in use
    entries: tuple[ReportEntry, ...] = ()
    briefings: tuple[ReportBriefing, ...] = field(default=())
    practitioner_role: str = ""


@dataclass(frozen=True)
class EntryReport:
    """A single reflection."""

    practitioner: str
    prepared_on: date
    entry: ReportEntry
    briefings: tuple[ReportBriefing, ...] = ()
    practitioner_role: str = ""


# -- building blocks the loader and the clipboard share -------------------------------------------

_LABELS_BY_KEY: dict[str, str] = {}
for _model in MODELS:
    for _stage in _model.stages:
        _LABELS_BY_KEY.setdefault(_stage.key, _stage.label)


def stage_label(key: str) -> str:
    """The label of a stage key in whichever model has it; a key no model knows, readable."""
    return _LABELS_BY_KEY.get(key) or key.replace("_", " ").strip().capitalize() or "Notes"


def stage_pairs(model_key: str, answers: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(label, text) in the model's order, then the non-empty answers of stages it lacks.

    No text is ever dropped: answers kept from a model the user switched away from are shown
    after the current model's stages, under their own labels.
    """
    model = model_by_key(model_key)
    pairs = [(stage.label, answers.get(stage.key, "")) for stage in model.stages]
    known = set(model.stage_keys)
    pairs += [(stage_label(key), text) for key, text in answers.items()
              if key not in known and text.strip()]
    return tuple(pairs)


OWNER_WORDS = {ActionOwner.ME: "Supervisee", ActionOwner.SUPERVISOR: "Supervisor",
               ActionOwner.OTHER: "Other"}
STATUS_WORDS = {ActionStatus.OPEN: "Open", ActionStatus.DONE: "Done", ActionStatus.DROPPED: "Dropped"}


def action_status_text(action: Action, today: date) -> str:
    """The same wording as the actions table: "Open — overdue", "Done Tue 3 Mar 2026"."""
    if is_overdue(action, today):
        return "Open — overdue"
    if action.status is ActionStatus.OPEN or action.status_changed_on is None:
        return STATUS_WORDS[action.status]
    return f"{STATUS_WORDS[action.status]} {format_day(action.status_changed_on)}"


def action_who(action: Action, practitioner: str = "") -> str:
    """Who does it, in words a supervisor reading the pack understands ("me" would not)."""
    if action.owner is ActionOwner.ME:
        name = practitioner.strip()
        return f"{name} (supervisee)" if name else "Supervisee"
    label = OWNER_WORDS[action.owner]
    return f"{action.owner_name.strip()} ({label.lower()})" if action.owner_name.strip() else label


def report_action(action: Action, today: date, *, practitioner: str = "",
                  agreed_in: str = "") -> ReportAction:
    return ReportAction(
        description=action.description, who=action_who(action, practitioner), due_on=action.due_on,
        status=action_status_text(action, today), overdue=is_overdue(action, today),
        agreed_in=agreed_in,
    )


def cpd_record_text(entry) -> str:
    """An entry as text for Social Work England's online CPD form, in the form's field order.

    `entry` is a `ReportEntry` or a `reflect.domain.journal.Entry`. Each field is "Label:" on one
    line and the answer below it, fields separated by a blank line; empty fields are kept so the
    order matches the form. Answers from stages the CPD record lacks follow, so nothing is lost.
    """
    if isinstance(entry, ReportEntry):
        pairs = entry.stages
    else:
        pairs = stage_pairs(entry.model, {a.stage: a.text for a in entry.answers})
    cpd_labels = [stage.label for stage in model_by_key(CPD_MODEL_KEY).stages]
    by_label: dict[str, str] = {}
    for label, text in pairs:
        by_label.setdefault(label, text)
    blocks = [f"{label}:\n{_clean(by_label.get(label, ''))}".rstrip() for label in cpd_labels]
    blocks += [f"{label}:\n{_clean(text)}" for label, text in pairs
               if label not in cpd_labels and text.strip()]
    return "\n\n".join(blocks) + "\n"


def _clean(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n")
