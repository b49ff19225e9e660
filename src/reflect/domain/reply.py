"""The supervisor's reply to a pack, as the journal keeps it, and the rules for reading what they typed.

A supervisor types free text into the pack: dates as "15/01/2027", "15 Jan 2027" or "2027-01-15"
(read by `dates.parse_day`, the parser every date field uses, without a "today": a reply is read
long after it was typed, so "next Friday" or "22" is kept as text),
and who does an action as a name, "me", "you" or a role. These rules turn that text into the
journal's own values (a date, an `ActionOwner`) without ever guessing wildly: what cannot be read
is kept as text (an unreadable date becomes no date; an unknown name stays the owner's name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from reflect.domain.supervision import ActionOwner

#: what the supervisor may type for "who" meaning the supervisee, or themselves
_SUPERVISEE_WORDS = {"me", "supervisee", "practitioner", "worker", "you", "sw",
                     "both", "both of us", "us", "we", "joint"}
_SUPERVISOR_WORDS = {"supervisor", "manager", "team manager", "i", "myself", "practice supervisor"}


def action_owner(who: str, *, practitioner: str = "", supervisor: str = "") -> tuple[ActionOwner, str]:
    """(owner, owner's name) for the "who" a supervisor typed: the supervisee (by word or their
    name, or "both") is `ME`; the supervisor (by word or name) is `SUPERVISOR`, named; anyone else
    `OTHER`, with the name as typed. Blank means the supervisee, as an action with no owner does
    by hand."""
    typed = " ".join(who.split())
    value = typed.lower().strip(" .")
    if not value or value in _SUPERVISEE_WORDS or _same_person(value, practitioner):
        return ActionOwner.ME, ""
    if value in _SUPERVISOR_WORDS or _same_person(value, supervisor):
        return ActionOwner.SUPERVISOR, supervisor.strip() or typed
    return ActionOwner.OTHER, typed


def _same_person(value: str, name: str) -> bool:
    """`value` is `name`, its first name or its last name (what people type in a hurry)."""
    parts = name.lower().split()
    return bool(parts) and (value == " ".join(parts) or value in (parts[0], parts[-1]))


@dataclass(frozen=True)
class PackRecord:
    """What the export log keeps about one fillable pack, to check and place its reply."""

    export_id: str
    export_log_id: int
    session_id: int | None
    page_fingerprints: tuple[str, ...]
    field_names: tuple[str, ...]
    #: per page (from 0), the id of the reflection the page shows, or None
    page_entries: tuple[int | None, ...] = ()


@dataclass(frozen=True)
class ReplyComment:
    field: str  # the pack's field name, or "note:<page>:<n>" for a note added on a page
    entry_id: int | None  # None: the overall comments
    kind: str  # "field" or "note"
    text: str
    cut: bool = False


@dataclass(frozen=True)
class ReplyImport:
    """One reply file imported (a later version of the same reply is another)."""

    id: int
    export_id: str
    session_id: int | None
    file_sha256: str
    file_name: str
    imported_at: datetime
    verified: bool
    supervisor_name: str = ""
    supervisor_role: str = ""
    signed_off: bool = False
    signed_on: date | None = None
    next_session_on: date | None = None
    next_session_id: int | None = None


@dataclass(frozen=True)
class SessionReply:
    """A session's reply as it stands: the latest import, every import, and the comments."""

    latest: ReplyImport
    imports: tuple[ReplyImport, ...]
    comments: tuple[ReplyComment, ...] = field(default=())

    @property
    def overall(self) -> str:
        return "\n\n".join(c.text for c in self.comments if c.entry_id is None)

    def comments_on(self, entry_id: int) -> list[ReplyComment]:
        return [c for c in self.comments if c.entry_id == entry_id]
