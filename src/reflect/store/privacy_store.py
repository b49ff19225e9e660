"""The user's watch list (names and phrases the anonymisation check must always find) and the
findings they accepted as not identifying. Both are journal data, so both live encrypted here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.store.rows import moment_to_text, utc_now

if TYPE_CHECKING:
    from reflect.store.database import Database


class PrivacyStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- watch list ------------------------------------------------------------------------
    def watch_terms(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT term FROM watch_list ORDER BY term COLLATE NOCASE")]

    def set_watch_terms(self, terms) -> None:
        cleaned = {}
        for term in terms:
            term = " ".join(str(term).split())
            if term:
                cleaned.setdefault(term.casefold(), term)
        with self.db.atomic():
            self.db.execute("DELETE FROM watch_list")
            now = moment_to_text(utc_now())
            for term in cleaned.values():
                self.db.execute("INSERT INTO watch_list (term, added_at) VALUES (?, ?)", [term, now])

    # -- accepted findings -----------------------------------------------------------------
    def accepted(self) -> set[tuple[str, str]]:
        """(kind, text) pairs the user said do not identify anyone."""
        return {(k, t) for k, t in self.db.execute("SELECT kind, text FROM accepted_findings")}

    def accept(self, kind: str, text: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO accepted_findings (kind, text, accepted_at) VALUES (?, ?, ?) "
                "ON CONFLICT (kind, text) DO NOTHING", [kind, text, moment_to_text(utc_now())])

    def forget(self, kind: str, text: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM accepted_findings WHERE kind = ? AND text = ?", [kind, text])
