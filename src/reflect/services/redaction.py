"""Removing an identifier for good: from the entry, its earlier versions and the search index.

When a practitioner replaces a name at the export review or from a hint, the old text must not
live on in History (a restore would bring it back) or in search. The entry's text is saved by the
usual stores (so the search index follows through its triggers); here every earlier version of the
entry gets the same replacement, with a note in History. The database zeroes freed pages
(`secure_delete`), so the removed text does not linger inside the file either. Encrypted backups
made before keep it until they age out; `backups_note` says when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reflect.domain.session_rules import format_day
from reflect.spelling.incremental import common_prefix, common_suffix
from reflect.store.backups import KEEP_LATEST, KEEP_MONTHS

#: what stands in an earlier version when the text that replaced an identifier cannot be told
NEUTRAL = "[removed]"


@dataclass(frozen=True)
class Redaction:
    """What removing one identifier from an entry's history did."""

    versions_changed: int
    backups_note: str


def replacement_in(old: str, new: str, start: int, end: int) -> str | None:
    """What now stands where `old[start:end]` stood, when one edit changed only that span
    ("Tom said" -> "T said" gives "T"); None when the edit reached beyond it, or there were several."""
    prefix = common_prefix(old, new)
    suffix = common_suffix(old, new, min(len(old), len(new)) - prefix)
    if prefix < start or len(old) - suffix > end:
        return None
    return new[start:end + len(new) - len(old)]


def backups_note(today: date) -> str:
    """When the encrypted backups made before today are all gone, by the keeping rules."""
    month = today.year * 12 + today.month - 1 + KEEP_MONTHS
    gone_by = date(month // 12, month % 12 + 1, 1)
    return (
        "Encrypted backups made before now still hold the removed text. They are replaced as new "
        f"backups are made: once {KEEP_LATEST} newer backups exist, all of them are gone by "
        f"{format_day(gone_by)} at the latest."
    )


def remove_from_history(journal, entry_id: int, removed: str, replacement: str, today: date) -> Redaction:
    """Put `replacement` for `removed` in every earlier version of the entry, noting it in History."""
    note = f"details removed {format_day(today)}"
    changed = journal.revisions.redact(entry_id, removed, replacement or NEUTRAL, note)
    return Redaction(changed, backups_note(today))
