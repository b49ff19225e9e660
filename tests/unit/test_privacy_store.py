"""The watch list and accepted findings are kept in the (encrypted) journal."""

from __future__ import annotations

from reflect.store.journal import Journal


def test_watch_list_and_accepted_findings(tmp_path):
    """Watch terms are de-duplicated ignoring case; accepted findings are remembered by kind and text."""
    path = tmp_path / "j.db"
    with Journal.open(path, "a long enough passphrase", create=True) as journal:
        journal.privacy.set_watch_terms(["Oak Street", "oak street", "  Family  Q ", ""])
        journal.privacy.accept("postcode", "WN1 1AA")
        journal.privacy.accept("postcode", "WN1 1AA")
    with Journal.open(path, "a long enough passphrase") as journal:
        assert journal.privacy.watch_terms() == ["Family Q", "Oak Street"]
        assert journal.privacy.accepted() == {("postcode", "WN1 1AA")}
        journal.privacy.forget("postcode", "WN1 1AA")
        assert journal.privacy.accepted() == set()


def test_export_log_records_newest_first(tmp_path):
    """Each export is recorded with its document, file, entry count and hash; newest first."""
    with Journal.open(tmp_path / "j.db", "a long enough passphrase", create=True) as journal:
        journal.exports.record("Supervision pack", "/tmp/a.pdf", 3, "ab" * 32)
        journal.exports.record("Portfolio", "/tmp/b.pdf", 40, "cd" * 32)
        rows = journal.exports.all()
    assert [(r.document, r.file_name, r.entry_count) for r in rows] == [
        ("Portfolio", "/tmp/b.pdf", 40), ("Supervision pack", "/tmp/a.pdf", 3)]
