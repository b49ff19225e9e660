"""What the journal reads back about replies: which sessions are replied or signed off, and which
packs have waited over a week for the supervisor's reply (the dashboard)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from reflect.store import DashboardQueries
from reflect.store.rows import moment_to_text
from tests.unit.reply_pack_helpers import fill_with_pypdf
from tests.unit.test_reply_import import _export, _import, _session, _values

NOW = datetime.now()
TODAY = NOW.date()


def _sent(journal, tmp_path, days_ago: int, name: str = "pack.pdf") -> tuple[int, list[int]]:
    """A session whose fillable pack was exported `days_ago` days ago."""
    session_id, entry_ids = _session(journal)
    _export(journal, session_id, tmp_path / name)
    journal.db.execute("UPDATE export_log SET exported_at = ? WHERE id = (SELECT max(id) FROM export_log)",
                       [moment_to_text(NOW - timedelta(days=days_ago))])
    return session_id, entry_ids


def _reply(journal, tmp_path, entry_ids, *, sign: bool = True, pack: str = "pack.pdf") -> None:
    path = tmp_path / f"reply-{pack}"
    path.write_bytes(fill_with_pypdf((tmp_path / pack).read_bytes(), _values(entry_ids), sign=sign))
    _import(journal, path)


def _awaiting(journal) -> list[tuple[int, date]]:
    return [(a.session.id, a.exported_on)
            for a in DashboardQueries(journal.db).load(TODAY, NOW).awaiting_replies]


def test_a_pack_sent_over_a_week_ago_awaits_its_reply(journal, tmp_path):
    """Only a pack exported more than 7 days ago with no reply is listed, with its export day."""
    old, _ = _sent(journal, tmp_path, 8, "old.pdf")
    _sent(journal, tmp_path, 6, "recent.pdf")
    assert _awaiting(journal) == [(old, TODAY - timedelta(days=8))]
    item = DashboardQueries(journal.db).awaiting_replies(TODAY, NOW)[0]
    assert item.sent_text.endswith("(8 days ago)") and item.sent_text.startswith("Pack exported ")


def test_a_reply_imported_ends_the_wait(journal, tmp_path):
    """Once the reply is imported (signed off or not) the session no longer awaits one."""
    session_id, entry_ids = _sent(journal, tmp_path, 10)
    assert _awaiting(journal) == [(session_id, TODAY - timedelta(days=10))]
    _reply(journal, tmp_path, entry_ids, sign=False)
    assert _awaiting(journal) == []


def test_a_newer_pack_restarts_the_wait(journal, tmp_path):
    """A session sent again yesterday waits from then, not from its first pack."""
    session_id, _ = _sent(journal, tmp_path, 12)
    _export(journal, session_id, tmp_path / "again.pdf")
    assert _awaiting(journal) == []


def test_print_only_packs_await_nothing(journal, tmp_path):
    """A pack without fields (nothing to reply with) is never listed."""
    session_id, _ = _session(journal)
    _export(journal, session_id, tmp_path / "print.pdf", fields=False)
    journal.db.execute("UPDATE export_log SET exported_at = ?", [moment_to_text(NOW - timedelta(days=30))])
    assert _awaiting(journal) == []


def test_signed_off_by_session_follows_the_latest_import(journal, tmp_path):
    """Sessions with a reply map to whether it is signed off; the latest import decides."""
    session_id, entry_ids = _sent(journal, tmp_path, 1)
    unreplied, _ = _sent(journal, tmp_path, 1, "other.pdf")
    _reply(journal, tmp_path, entry_ids, sign=False)
    assert journal.replies.signed_off_by_session() == {session_id: False}
    journal.db.execute("UPDATE reply_imports SET imported_at = ?",
                       [moment_to_text(NOW - timedelta(hours=1))])
    path = tmp_path / "signed.pdf"
    path.write_bytes(fill_with_pypdf((tmp_path / "pack.pdf").read_bytes(), _values(entry_ids)))
    _import(journal, path)
    assert journal.replies.signed_off_by_session() == {session_id: True}
    assert unreplied not in journal.replies.signed_off_by_session()
