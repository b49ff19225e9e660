"""The supervisor's reply to a pack, as the journal keeps it, and the rules for reading what they typed.

A supervisor types free text into the pack: dates as "15/01/2027", "15 Jan 2027" or "2027-01-15",
and who does an action as a name, "me", "you" or a role. These rules turn that text into the
journal's own values (a date, an `ActionOwner`) without ever guessing wildly: what cannot be read
is kept as text (an unreadable date becomes no date; an unknown name stays the owner's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from reflect.domain.supervision import ActionOwner

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")
_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}

#: what the supervisor may type for "who" meaning the supervisee, or themselves
_SUPERVISEE_WORDS = {"me", "supervisee", "practitioner", "worker", "you", "sw",
                     "both", "both of us", "us", "we", "joint"}
_SUPERVISOR_WORDS = {"supervisor", "manager", "team manager", "i", "myself", "practice supervisor"}


def parse_day(text: str) -> date | None:
    """A date typed the British way ("15/01/2027", "15 Jan 2027", "Fri 15th January 2027") or as
    ISO ("2027-01-15"); None for anything else, including impossible dates."""
    value = " ".join(text.strip().lower().split())
    try:
        if found := _ISO.match(value):
            return date(int(found[1]), int(found[2]), int(found[3]))
        if found := _DAY_FIRST.match(value):
            year = int(found[3]) + (2000 if len(found[3]) == 2 else 0)
            return date(year, int(found[2]), int(found[1]))
        if (found := _WORDS.match(value)) and found[2] in _MONTHS:
            return date(int(found[3]), _MONTHS[found[2]], int(found[1]))
    except ValueError:
        return None
    return None


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
