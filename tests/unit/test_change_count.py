"""Journal.change_count: the mark pages compare to know whether what they read is still current."""

from __future__ import annotations

from reflect.domain.supervision import NewAction
from reflect.store.connection import connect
from tests.conftest import PASSPHRASE


def test_the_mark_moves_with_writes_not_reads(journal):
    before = journal.change_count()
    journal.actions.all()
    journal.sessions.list_sessions()
    assert journal.change_count() == before
    journal.actions.add(NewAction("Ring the school nurse"))
    assert journal.change_count() != before


def test_the_mark_moves_when_another_connection_writes(journal):
    """A write by another connection (a worker's own, say) counts too."""
    before = journal.change_count()
    other = connect(journal.path, PASSPHRASE)
    try:
        other.execute("INSERT INTO actions (description, owner, status, created_at) "
                      "VALUES ('Read the case review', 'me', 'open', '2027-01-15T09:00:00Z')")
    finally:
        other.close()
    assert journal.change_count() != before
