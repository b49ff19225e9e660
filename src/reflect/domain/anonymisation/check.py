"""Running every detector over a text, or over every piece of text bound for a document.

The detectors run on a normalised copy of the text (see `normalise`) and their spans are mapped back
to the original, so `text[f.start:f.end] == f.text` always, even for text extracted from a PDF.

Two rules decide what is reported:

- Accepted findings are skipped *before* overlaps are settled, so that accepting one finding never
  hides a different one (accepting "Dr Smith" as a published author leaves the watch-list term
  "Smith" elsewhere, and any other detector's finding on the same words, to be reviewed). Accepted
  (kind, text) pairs are compared after normalising the text the same way, so a postcode accepted
  in the editor as "WN1 1AA" is still accepted when the PDF check finds "WN1\\n1AA".
- Where findings overlap, the more specific kind wins (an NHS number with its check digit over a
  phone number; an email address over a watch-list term inside it); between findings of one kind,
  the longer. A name, address or place found exactly where a watch-list term is reports as the
  watch-list term. The result is sorted by start and has no overlaps.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache

from reflect.domain.anonymisation import (
    address,
    ages,
    dates,
    email,
    handle,
    names,
    nhs_number,
    ni_number,
    phone,
    place,
    postcode,
    reference,
    title_name,
    vehicle_registration,
)
from reflect.domain.anonymisation.context import context
from reflect.domain.anonymisation.finding import KINDS, CheckedField, Finding, Hit
from reflect.domain.anonymisation.labels import label_and_advice
from reflect.domain.anonymisation.non_names import words_of
from reflect.domain.anonymisation.normalise import Normalised, normalise
from reflect.domain.anonymisation.scan import ScanText
from reflect.domain.anonymisation.watch_list import WatchList

_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
_WATCHABLE = frozenset(("name", "address", "place"))  # reported as a watch term on the same span
_DETECTORS = (nhs_number.find, email.find, ni_number.find, postcode.find, phone.find, ages.find,
              title_name.find, place.find, address.find, handle.find, vehicle_registration.find,
              reference.find)


@lru_cache(maxsize=8)
def _watch_list(terms: tuple[str, ...]) -> WatchList:
    return WatchList(terms)


@lru_cache(maxsize=8)
def _not_names(texts: tuple[str, ...]) -> frozenset[str]:
    return words_of(texts)


def _canonical(text: str) -> str:
    return normalise(text).text.strip()


def _accepted_keys(accepted: Collection[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    return frozenset((kind, _canonical(text)) for kind, text in accepted)


def _hits(norm: Normalised, watch: WatchList, not_names: frozenset[str], today: date | None) -> Iterable[Hit]:
    scan = ScanText(norm)
    for detect in _DETECTORS:
        yield from detect(scan)
    yield from names.find(scan, not_names)
    yield from dates.find(scan, today)
    yield from watch.find(scan)


def _without_overlaps(candidates: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Keep the most specific, then longest, of overlapping (start, end, kind, variant) spans."""
    ordered = sorted(candidates, key=lambda c: (_RANK[c[2]], c[0] - c[1], c[0]))
    starts: list[int] = []
    kept: list[tuple[int, int, str, str]] = []
    for candidate in ordered:
        start, end = candidate[0], candidate[1]
        i = bisect_left(starts, start)
        if i > 0 and kept[i - 1][1] > start:
            continue
        if i < len(kept) and kept[i][0] < end:
            continue
        starts.insert(i, start)
        kept.insert(i, candidate)
    return kept


def _check(text: str, watch: WatchList, not_names: frozenset[str], accepted: frozenset[tuple[str, str]],
           today: date | None) -> list[Finding]:
    if not text or text.isspace():
        return []
    norm = normalise(text)
    candidates = []
    for hit in _hits(norm, watch, not_names, today):
        start, end = norm.span_in_original(hit.start, hit.end)
        if accepted and (hit.kind, _canonical(text[start:end])) in accepted:
            continue
        candidates.append((start, end, hit.kind, hit.variant))
    watched = {(c[0], c[1]) for c in candidates if c[2] == "watch_term"}
    if watched:
        # What the user put on the watch list is reported as theirs, in their words.
        candidates = [c for c in candidates if c[2] not in _WATCHABLE or (c[0], c[1]) not in watched]
    findings = []
    for start, end, kind, variant in _without_overlaps(candidates):
        label, advice = label_and_advice(kind, variant)
        findings.append(Finding(kind, text[start:end], start, end, context(text, start, end), label, advice))
    return findings


def check_text(text: str, *, watch_terms: Iterable[str] = (),
               accepted: Collection[tuple[str, str]] = frozenset(),
               today: date | None = None, not_names: Iterable[str] = ()) -> list[Finding]:
    """Everything in `text` that may identify someone, sorted by start, without overlaps.

    `watch_terms` are the user's watch list; findings whose (kind, text) is in `accepted` are left
    out. `today` (default: the real date) decides which dates are in the future. `not_names` are
    texts whose capitalised words are never reported as names: the practitioner's own name, the
    briefing being reflected on, the model's prompts.
    """
    return _check(text, _watch_list(tuple(watch_terms)), _not_names(tuple(not_names)),
                  _accepted_keys(accepted), today)


class CheckStopped(Exception):
    """`check_fields` was stopped by its `progress` callable (the user cancelled)."""


def check_fields(fields: Iterable[CheckedField], *, watch_terms: Iterable[str] = (),
                 accepted: Collection[tuple[str, str]] = frozenset(),
                 today: date | None = None, not_names: Iterable[str] = (),
                 progress: Callable[[int, int], bool] | None = None) -> list[Finding]:
    """`check_text` over every field bound for a document, each finding labelled with its field.

    Findings come in the order of `fields`, then by position within each field. `progress(done,
    total)`, if given, is called after each field (for a check on a worker thread); when it returns
    False the check stops with `CheckStopped`.
    """
    watch = _watch_list(tuple(watch_terms))
    known = _not_names(tuple(not_names))
    keys = _accepted_keys(accepted)
    fields = list(fields)
    findings: list[Finding] = []
    for done, f in enumerate(fields, 1):
        for finding in _check(f.text, watch, known, keys, today):
            findings.append(replace(finding, entry_id=f.entry_id, stage=f.stage, field=f.field))
        if progress is not None and not progress(done, len(fields)):
            raise CheckStopped
    return findings


def blocking(findings: Iterable[Finding],
             accepted: Collection[tuple[str, str]] = frozenset()) -> list[Finding]:
    """The findings still standing in the way of an export: those not in `accepted`.

    After `check_text`/`check_fields` (which already leave accepted findings out) this is every
    finding; pass the pairs the user accepted during the review to see what is left.
    """
    keys = _accepted_keys(accepted)
    return [f for f in findings if (f.kind, _canonical(f.text)) not in keys]
