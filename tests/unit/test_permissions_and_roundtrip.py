"""Files are private to the user, and whatever text is stored comes back exactly."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.domain.journal import AnswerDraft, NewEntry
from reflect.logging_setup import configure_logging
from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.settings import Settings
from reflect.store.journal import Journal

PASS = "a long enough passphrase"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_folder_0700_and_files_0600(tmp_path):
    """The data, log and backup folders are 0700; the journal, its WAL, lock, settings, log and
    backups are 0600."""
    paths = AppPaths(tmp_path / "data")
    paths.ensure()
    configure_logging(paths)
    Settings(practitioner_name="x").save(paths.settings_file)
    with open_journal(paths, PASS, create=True) as journal:
        journal.entries.create_entry(NewEntry(model="free", title="t"))
        journal.backup("manual")
        files = [p for p in paths.data_dir.rglob("*") if p.is_file()]
        folders = [paths.data_dir] + [p for p in paths.data_dir.rglob("*") if p.is_dir()]
        names = {p.name for p in files}
        assert {"journal.db", "journal.db-wal", "journal.db.lock", "settings.ini", "reflect.log"} <= names
        assert any(p.suffix == ".reflect-backup" for p in files)
        loose = [str(p) for p in files if stat.S_IMODE(p.stat().st_mode) & 0o077]
        loose += [str(p) for p in folders if stat.S_IMODE(p.stat().st_mode) != 0o700]
        assert loose == []


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=text, answer=text, tags=st.lists(text, max_size=4))
def test_store_round_trips_any_text(tmp_path_factory, title, answer, tags):
    """Titles, answers and tags of any Unicode text are stored and read back without loss."""
    folder = tmp_path_factory.mktemp("rt")
    with Journal.open(folder / "j.db", PASS, create=True) as journal:
        entry = journal.entries.create_entry(NewEntry(model="free", title=title, tags=tuple(tags)))
        journal.entries.save_answer(AnswerDraft(entry.id, "reflection", answer))
        again = journal.entries.get_entry(entry.id)
        assert again.title == title
        assert again.answer("reflection") == answer
        expected = {" ".join(t.split()).casefold() for t in tags if t.split()}
        assert {t.casefold() for t in again.tags} == expected
        journal.search.search(answer[:20])  # never raises, whatever the text
