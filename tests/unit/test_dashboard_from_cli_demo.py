"""The dashboard's counts agree with a journal built by the `reflect demo` command itself."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from reflect.domain.dashboard import registration_year
from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.store.dashboard_queries import DashboardQueries


def test_dashboard_counts_match_a_cli_demo_journal(run_cli, tmp_path, passphrase):
    """Questions answered, actions due and CPD records equal independent counts over the store."""
    data_dir = tmp_path / "demo"
    assert run_cli("demo", "--entries", "150", data_dir=data_dir).returncode == 0
    today, now = date.today(), datetime.now()
    with open_journal(AppPaths(data_dir), passphrase) as journal:
        data = DashboardQueries(journal.db).load(today, now)
        entries = [journal.entries.get_entry(e.id) for e in journal.entries.list_entries()]

        for coverage in data.coverage:
            questions = {q.id for q in journal.briefings.get(coverage.briefing_id).question_items}
            answered = {e.question_id for e in entries if e.question_id in questions}
            assert (coverage.answered, coverage.total) == (len(answered), len(questions))

        due = [a for a in journal.actions.all() if a.status.value == "open" and a.due_on
               and a.due_on <= today + timedelta(days=14)]
        assert sorted(a.id for a in data.actions) == sorted(a.id for a in due)

        start, end = registration_year(today)
        cpd = [e for e in entries if e.model == "swe_cpd"
               and start <= e.created_at.astimezone().date() <= end]
        assert data.cpd.records == len(cpd)
        assert data.cpd.with_peer == sum(bool(e.answer("peer_reflection").strip()) for e in cpd)
