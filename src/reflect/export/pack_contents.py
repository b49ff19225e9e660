"""What the journal keeps about a fillable pack it has just written, to check the reply against.

The record is of the file as it left (before any password is applied): each page's fingerprint
(`fingerprint.page_digest`, as `reply_reader.page_fingerprints` computes it from a returned
file), our own fields in page order, the pack's identity, and which reflection each page shows
(from the pages the bookmarks `layout.Anchor` left landed on: a reflection's pages run from its
bookmark to the next one), so a note the supervisor sticks on a page becomes a comment on that
page's reflection.

`written_contents` takes it from what reportlab held as it wrote the file (`written_record`: its
page and form objects, the widgets it added, the document information), which is several times
faster than parsing the file again; when anything there is beyond what it can vouch for, the
caller falls back to `pack_contents`, which reads the finished bytes with pypdf. Tests hold the
two to the same result.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflect.export import form_fields as ff
from reflect.export.fingerprint import written_fingerprints
from reflect.export.identity import INFO_EXPORT_ID, INFO_JOURNAL_ID
from reflect.export.reply_reader import _page_digest, open_pdf, pack_identity

ENTRY_KEY_PREFIX = "entry-"


@dataclass(frozen=True)
class PackContents:
    export_id: str
    journal_id: str
    fingerprints: tuple[str, ...]
    field_names: tuple[str, ...]
    page_entries: tuple[str | None, ...]  # per page (from 0): the reflection's key, or None


@dataclass(frozen=True)
class WrittenRecord:
    """What reportlab's canvas held of a pack once it was saved; None where it cannot vouch."""

    fingerprints: tuple[str, ...] | None
    field_names: tuple[str, ...]  # every widget's name, in the order the widgets were added
    identity: tuple[str, str] | None  # (journal id, export id) as the document information has them


def written_record(canv) -> WrittenRecord:
    """The record of a saved `layout.ReportCanvas`."""
    fingerprints = written_fingerprints(canv._doc)
    extra = getattr(canv._doc.info, "extra", {})
    ids = (extra.get(INFO_JOURNAL_ID, ""), extra.get(INFO_EXPORT_ID, ""))
    plain = all(isinstance(value, str) and value.isascii() and value.isprintable() for value in ids)
    return WrittenRecord(tuple(fingerprints) if fingerprints is not None else None,
                         tuple(canv.field_names), ids if plain and ids[1] else None)


def written_contents(written: WrittenRecord, anchor_pages: dict[str, int]) -> PackContents | None:
    """The record of a pack from what was written (`written_record`), or None if that cannot
    vouch for all of it (then read the file: `pack_contents`)."""
    if written.fingerprints is None or written.identity is None:
        return None
    journal_id, export_id = written.identity
    return PackContents(export_id, journal_id, written.fingerprints, _ours(written.field_names),
                        _page_entries(anchor_pages, len(written.fingerprints)))


def pack_contents(data: bytes, anchor_pages: dict[str, int]) -> PackContents:
    """The record of a pack written by `SessionPackRenderer`, read from the file (its bytes,
    unencrypted, and the page, from 1, each bookmark key landed on)."""
    reader = open_pdf(data)
    fingerprints = tuple(_page_digest(page, reader) for page in reader.pages)
    names = [str(ref.get_object().get("/T", "")) for page in reader.pages
             for ref in page.get("/Annots") or ()]
    journal_id, export_id = pack_identity(reader)
    return PackContents(export_id, journal_id, fingerprints, _ours(names),
                        _page_entries(anchor_pages, len(fingerprints)))


def _ours(names) -> tuple[str, ...]:
    """Our fields' names, each once, in the order given."""
    out: list[str] = []
    for name in names:
        if name.startswith(ff.FIELD_PREFIX) and name not in out:
            out.append(name)
    return tuple(out)


def _page_entries(anchor_pages: dict[str, int], pages: int) -> tuple[str | None, ...]:
    anchors: dict[int, list[str]] = {}
    for key, page in anchor_pages.items():
        anchors.setdefault(page - 1, []).append(key)
    out: list[str | None] = []
    current: str | None = None
    for page in range(pages):
        here = anchors.get(page, [])
        entries = [key for key in here if key.startswith(ENTRY_KEY_PREFIX)]
        if entries:
            current = entries[-1]
        elif here:
            current = None  # another section (agenda, actions agreed, comments) begins here
        out.append(current)
    return tuple(out)
