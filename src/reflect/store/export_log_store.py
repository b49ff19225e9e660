"""What was exported, when and where: the practitioner's own audit trail of what left the journal.

The file name and folder are recorded (they may say something about the user's filing), inside
the encrypted journal like everything else; the SHA-256 lets them confirm a file is the one
Reflect wrote. A fillable supervision pack also leaves its `PackRecord` (export id, page
fingerprints, field names), against which the supervisor's reply is checked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reflect.store.rows import moment_to_text, text_to_moment, utc_now

if TYPE_CHECKING:  # the reply's parsing rules are not needed to open a journal (every start does)
    from reflect.domain.reply import PackRecord
    from reflect.store.database import Database


@dataclass(frozen=True)
class ExportRecord:
    """One export in the log: what was written, where, when, and its checksum."""

    id: int
    exported_at: datetime
    document: str
    file_name: str
    entry_count: int
    sha256: str


class ExportLogStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, document: str, file_name: str, entry_count: int, sha256: str) -> ExportRecord:
        now = utc_now()
        with self.db.atomic():
            cur = self.db.execute(
                "INSERT INTO export_log (exported_at, document, file_name, entry_count, sha256) "
                "VALUES (?, ?, ?, ?, ?)", [moment_to_text(now), document, file_name, entry_count, sha256])
        return ExportRecord(cur.lastrowid, now, document, file_name, entry_count, sha256)

    def record_pack(self, pack: PackRecord) -> None:
        """Keep a fillable pack's identity and fingerprints beside its export log row."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO export_packs (export_log_id, export_id, session_id, page_fingerprints, "
                "field_names, page_entries) VALUES (?, ?, ?, ?, ?, ?)",
                [pack.export_log_id, pack.export_id, pack.session_id,
                 json.dumps(list(pack.page_fingerprints)), json.dumps(list(pack.field_names)),
                 json.dumps(list(pack.page_entries))])

    def pack(self, export_id: str) -> PackRecord | None:
        """The pack exported with `export_id`, or None when the log does not have it."""
        row = self.db.execute(
            "SELECT export_id, export_log_id, session_id, page_fingerprints, field_names, "
            "page_entries FROM export_packs WHERE export_id = ?", [export_id]).fetchone()
        if row is None:
            return None
        from reflect.domain.reply import PackRecord

        return PackRecord(row[0], row[1], row[2], tuple(json.loads(row[3])),
                          tuple(json.loads(row[4])), tuple(json.loads(row[5])))

    def all(self) -> list[ExportRecord]:
        """Newest first."""
        return [
            ExportRecord(r[0], text_to_moment(r[1]), r[2], r[3], r[4], r[5])
            for r in self.db.execute(
                "SELECT id, exported_at, document, file_name, entry_count, sha256 FROM export_log "
                "ORDER BY exported_at DESC, id DESC")
        ]
