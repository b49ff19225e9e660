"""The command line contract: JSON out, one-line errors, and the documented exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "resources/briefings/child-r-7-minute-briefing.txt"


def test_version(run_cli):
    """`reflect --version` prints the version and exits 0."""
    result = run_cli("--version", passphrase=False)
    assert result.returncode == 0 and result.stdout.startswith("Reflect ")


def test_briefing_parse_prints_json(run_cli):
    """`briefing parse` on the seed prints the documented JSON shape with the right counts."""
    result = run_cli("briefing", "parse", str(SEED), passphrase=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"title", "partnership", "subject", "sections", "learning", "questions",
                         "links"}
    assert data["subject"] == "Child R"
    assert (len(data["learning"]), len(data["questions"]), len(data["links"])) == (10, 7, 8)
    assert [s["kind"] for s in data["sections"]] == ["background", "learning", "why", "consider",
                                                    "learn_more"]
    assert all(link["url"] is None for link in data["links"])


def test_briefing_parse_bad_input_exits_2(run_cli, tmp_path):
    """An empty file gives exit 2 and a one-line message on stderr."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("briefing", "parse", str(empty), passphrase=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def test_usage_error_exits_2(run_cli):
    """An unknown command is a usage error: exit 2, one line."""
    result = run_cli("frobnicate", passphrase=False)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_init_import_list(run_cli, tmp_path):
    """init creates a journal with Child R; import adds a briefing and prints its id; list shows both."""
    data = tmp_path / "j"
    assert run_cli("journal", "init", data_dir=data).returncode == 0
    again = run_cli("journal", "init", data_dir=data)
    assert again.returncode == 2 and "already exists" in again.stderr

    source = tmp_path / "neglect.md"
    source.write_text("# Test Partnership 7 Minute Briefing – Neglect\n\n## Background\n\nText.\n\n"
                      "## Questions for reflection\n\n- What would you do?\n- Who else knew?\n",
                      encoding="utf-8")
    imported = run_cli("briefing", "import", str(source), data_dir=data)
    assert imported.returncode == 0, imported.stderr
    new_id = int(imported.stdout.strip())

    listed = run_cli("briefing", "list", "--json", data_dir=data)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [r["subject"] for r in rows] == ["Child R", "Neglect"]
    assert rows[1]["id"] == new_id and rows[1]["questions"] == 2 and rows[0]["bundled"]


def test_wrong_passphrase_exits_3(run_cli, tmp_path):
    """A wrong passphrase file gives exit 3."""
    data = tmp_path / "j"
    run_cli("journal", "init", data_dir=data)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("definitely not it")
    result = run_cli("briefing", "list", "--data-dir", str(data), "--passphrase-file", str(wrong),
                     passphrase=False)
    assert result.returncode == 3
    assert "passphrase" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_journal_in_use_exits_4(run_cli, tmp_path, passphrase):
    """While another process has the journal open, a command exits 4."""
    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal

    data = tmp_path / "j"
    with open_journal(AppPaths(data), passphrase, create=True):
        result = run_cli("briefing", "list", data_dir=data)
    assert result.returncode == 4 and "already open" in result.stderr


def test_too_new_and_damaged_exit_5(run_cli, tmp_path, passphrase):
    """A journal from a newer version, and a damaged file, both exit 5."""
    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal

    data = tmp_path / "j"
    with open_journal(AppPaths(data), passphrase, create=True) as journal:
        journal.db["_sqlite_migrations"].insert(
            {"migration_set": "reflect", "name": "m999_future", "applied_at": "2031"})
    result = run_cli("briefing", "list", data_dir=data)
    assert result.returncode == 5 and "newer version" in result.stderr

    damaged = tmp_path / "d"
    damaged.mkdir()
    (damaged / "journal.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    result = run_cli("briefing", "list", data_dir=damaged)
    assert result.returncode == 5 and "not a Reflect journal" in result.stderr


def test_missing_journal_exits_2(run_cli, tmp_path):
    """A journal command on an empty folder says how to create one (exit 2)."""
    result = run_cli("briefing", "list", data_dir=tmp_path / "nothing")
    assert result.returncode == 2 and "journal init" in result.stderr


@pytest.mark.slow
def test_demo_and_search(run_cli, tmp_path):
    """`demo --entries 200` fills a new journal; `search --json` finds its text; demo refuses a full one."""
    data = tmp_path / "j"
    result = run_cli("demo", "--entries", "200", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "200 reflections" in result.stdout
    found = run_cli("search", "curiosity", "--json", data_dir=data)
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits and all({"kind", "id", "title", "snippet"} <= set(h) for h in hits)
    assert any("curio" in h["snippet"].lower() for h in hits)
    hostile = run_cli("search", '"(AND', "--json", data_dir=data)
    assert hostile.returncode == 0 and isinstance(json.loads(hostile.stdout), list)
    refused = run_cli("demo", "--entries", "5", data_dir=data)
    assert refused.returncode == 2 and "already has reflections" in refused.stderr


@pytest.mark.parametrize("argv", [
    [], ["--data-dir", "some folder"], ["--self-test"],
    ["--data-dir=d", "--passphrase-file", "p", "--exit-after-first-paint"],
])
def test_starting_the_window_parses_the_same_without_building_the_commands(argv):
    from reflect.cli import parser

    assert parser.names_no_command(argv)
    quick = parser.build_parser(with_commands=False).parse_args(argv)
    assert vars(quick) == vars(parser.build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [
    ["demo"], ["--data-dir", "d", "search", "x"], ["-h"], ["--help"], ["--data", "d"], ["exprot"],
])
def test_anything_but_the_window_gets_the_full_command_line(argv):
    from reflect.cli import parser

    assert not parser.names_no_command(argv)
