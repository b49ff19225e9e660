"""What the journal keeps about a fillable pack it has just written, to check the reply against.

Read from the finished PDF (before any password is applied) rather than from the layout, so the
record is of the file as it left: each page's fingerprint (`reply_reader.page_fingerprints`), our
own fields in order, and which reflection each page shows (from the pages the bookmarks
`layout.Anchor` left landed on: a reflection's pages run from its bookmark to the next one), so a
note the supervisor sticks on a page becomes a comment on that page's reflection.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflect.export import form_fields as ff
from reflect.export.reply_reader import _page_digest, open_pdf, pack_identity

ENTRY_KEY_PREFIX = "entry-"


@dataclass(frozen=True)
class PackContents:
    export_id: str
    journal_id: str
    fingerprints: tuple[str, ...]
    field_names: tuple[str, ...]
    page_entries: tuple[str | None, ...]  # per page (from 0): the reflection's key, or None


def pack_contents(data: bytes, anchor_pages: dict[str, int]) -> PackContents:
    """The record of a pack written by `SessionPackRenderer` (its bytes, unencrypted, and the
    page, from 1, each bookmark key landed on)."""
    reader = open_pdf(data)
    fingerprints = tuple(_page_digest(page, reader) for page in reader.pages)
    names = []
    for page in reader.pages:
        for ref in page.get("/Annots") or ():
            name = str(ref.get_object().get("/T", ""))
            if name.startswith(ff.FIELD_PREFIX) and name not in names:
                names.append(name)
    journal_id, export_id = pack_identity(reader)
    return PackContents(export_id, journal_id, fingerprints, tuple(names),
                        _page_entries(anchor_pages, len(fingerprints)))


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
