"""What the anonymisation check reports, and what it is given to check.

A `Finding` is shown in the review dialog before an export: the exact text found (so the dialog can
edit it in place and the journal can remember it as accepted), where it is, a one-line context, and
plain-English advice for a social worker. `CheckedField` is one piece of text that will go into a
document, labelled with where it came from so a finding can take the user back to it.

`Hit` is the detectors' internal currency: a kind and a span in the *normalised* text, plus a
variant that picks a softer label (a full date far from any "born"/"DOB" is only *possibly* a date
of birth).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# Most specific first: when two detectors claim overlapping text, the earlier kind wins. A valid
# NHS number (check digit and all) is near-certain; a watch-list term is whatever the user typed.
KINDS: tuple[str, ...] = (
    "nhs_number", "email", "handle", "ni_number", "postcode", "phone", "vehicle_registration",
    "reference", "date_of_birth", "age", "place", "address", "title_name", "name", "watch_term",
)


class Hit(NamedTuple):
    """A detector's match: `start`/`end` index the normalised text the detector was given."""

    kind: str
    start: int
    end: int
    variant: str = ""


@dataclass(frozen=True)
class Finding:
    """Something in the checked text that may identify a person.

    `text` is exactly `checked_text[start:end]`. `context` is about 40 characters either side on one
    line (whitespace collapsed), with "…" where it was cut; it contains the finding as
    `" ".join(text.split())`. `entry_id`, `stage` and `field` are filled in by `check_fields`.
    """

    kind: str
    text: str
    start: int
    end: int
    context: str
    label: str
    advice: str
    entry_id: int | None = None
    stage: str | None = None
    field: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """The (kind, text) pair the journal stores when the user accepts this finding."""
        return (self.kind, self.text)


@dataclass(frozen=True)
class CheckedField:
    """One piece of text bound for a document: an entry's title, a stage's answer, a tag, a note."""

    entry_id: int | None
    stage: str | None
    field: str
    text: str
