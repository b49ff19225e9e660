"""The personal spelling dictionary. It lives in the journal because the words people add (place
names, services, colleagues' roles) can themselves identify, so they are kept encrypted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.store.rows import moment_to_text, utc_now

if TYPE_CHECKING:
    from reflect.store.database import Database


class DictionaryStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def words(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT word FROM dictionary_words ORDER BY word")]

    def add(self, word: str) -> None:
        word = word.strip()
        if not word:
            return
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO dictionary_words (word, added_at) VALUES (?, ?) "
                "ON CONFLICT (word) DO NOTHING", [word, moment_to_text(utc_now())]
            )

    def remove(self, word: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM dictionary_words WHERE word = ?", [word])
