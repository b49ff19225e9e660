"""The anonymisation hints' use cases: the check they run, the replacement they offer, and what a
replacement made from a hint removes from the entry's history.

The hints run the export review's detector with the same watch list, accepted pairs and known
non-names, so what is underlined while writing is what the review will list for the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from reflect.domain.anonymisation import Finding, check_text
from reflect.domain.anonymisation.replacement import suggested_replacement
from reflect.services.exporting import hint_not_names
from reflect.services.redaction import NEUTRAL, Redaction, remove_from_history


def hint_check(journal, practitioner: str = "") -> Callable[[str], list[Finding]]:
    """The check for one text, built on the UI thread (it reads the journal) to run on a worker."""
    return partial(check_text, watch_terms=tuple(journal.privacy.watch_terms()),
                   accepted=frozenset(journal.privacy.accepted()),
                   not_names=tuple(hint_not_names(journal, practitioner)))


def hint_replacement(finding: Finding, text: str) -> tuple[int, int, str]:
    """(start, end, new): what the hint offers to put in place of which part of `text`."""
    start, end, new = suggested_replacement(finding, text)
    return start, end, new


def replaced_from_hint(journal, entry_id: int, found: str, removed: str, new: str,
                       today: date | None = None) -> Redaction | None:
    """After a hint's replacement was saved: the same words leave the entry's earlier versions.
    `found` (the identifier itself) goes too when it is nowhere in the entry any more."""
    today = today or date.today()
    result = remove_from_history(journal, entry_id, removed, new, today) if removed else None
    entry = journal.entries.get_entry(entry_id)
    current = " ".join([entry.title, *(answer.text for answer in entry.answers)])
    if found and found != removed and found not in current:
        more = remove_from_history(journal, entry_id, found, NEUTRAL, today)
        changed = more.versions_changed + (result.versions_changed if result else 0)
        result = Redaction(changed, more.backups_note)
    return result
