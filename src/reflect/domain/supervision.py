"""Supervision sessions, their agenda, the reflections taken to them and the actions agreed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum


class SessionType(str, Enum):
    PLANNED = "planned"
    AD_HOC = "ad_hoc"
    GROUP = "group"
    PEER = "peer"

    @property
    def label(self) -> str:
        return {
            # Not "Planned 1:1": a held session would still read "Planned" (its status is apart).
            "planned": "Regular 1:1",
            "ad_hoc": "Ad hoc",
            "group": "Group",
            "peer": "Peer",
        }[self.value]


class SessionStatus(str, Enum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class SupervisionFunction(str, Enum):
    """The four functions of supervision in the 4x4x4 model."""

    MANAGEMENT = "management"
    SUPPORT = "support"
    DEVELOPMENT = "development"
    MEDIATION = "mediation"


class ActionOwner(str, Enum):
    ME = "me"
    SUPERVISOR = "supervisor"
    OTHER = "other"


class ActionStatus(str, Enum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True)
class Session:
    """A supervision session as stored: when, with whom, its notes and where it stands."""

    id: int
    starts_at: datetime | None  # local wall-clock time, as the user planned it
    supervisor_name: str
    supervisor_role: str
    type: SessionType
    status: SessionStatus
    notes: str
    wellbeing: str
    workload: str
    learning_needs: str
    next_session_on: date | None
    supervisee_agreed_on: date | None
    supervisor_agreed_on: date | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class NewSession:
    """What planning or recording a session starts from; the rest is filled in later."""

    starts_at: datetime | None
    supervisor_name: str = ""
    supervisor_role: str = ""
    type: SessionType = SessionType.PLANNED
    status: SessionStatus = SessionStatus.PLANNED


@dataclass(frozen=True)
class AgendaItem:
    """One item of a session's agenda, under one of the four functions of supervision."""

    id: int
    session_id: int
    position: int
    text: str
    function: SupervisionFunction


@dataclass(frozen=True)
class Action:
    """An action agreed in a session or a reflection: who does it, by when, and its status."""

    id: int
    description: str
    owner: ActionOwner
    owner_name: str
    due_on: date | None
    status: ActionStatus
    status_changed_on: date | None
    session_id: int | None
    entry_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class NewAction:
    """What adding an action takes; it starts open."""

    description: str
    owner: ActionOwner = ActionOwner.ME
    owner_name: str = ""
    due_on: date | None = None
    session_id: int | None = None
    entry_id: int | None = None
