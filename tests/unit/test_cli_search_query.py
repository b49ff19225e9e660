"""`reflect search` takes its words from stdin or a file, out of the process list (issue 15, point 10)."""

from __future__ import annotations

import json
import subprocess
import sys


def _search(data, passphrase_file, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "reflect", "search", *args, "--json",
               "--data-dir", str(data), "--passphrase-file", str(passphrase_file)]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, encoding="utf-8",
                          timeout=120)


def test_search_words_from_stdin_or_a_file(run_cli, tmp_path, passphrase_file):
    """`--query-file -` reads the words from stdin, `--query-file F` from F; both find what TEXT finds."""
    data = tmp_path / "j"
    assert run_cli("journal", "init", data_dir=data).returncode == 0
    by_argument = _search(data, passphrase_file, "mattress")
    assert by_argument.returncode == 0, by_argument.stderr
    expected = json.loads(by_argument.stdout)
    assert expected

    from_stdin = _search(data, passphrase_file, "--query-file", "-", stdin="mattress\n")
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert json.loads(from_stdin.stdout) == expected

    words = tmp_path / "words.txt"
    words.write_text("mattress\r\n", encoding="utf-8")
    from_file = _search(data, passphrase_file, "--query-file", str(words))
    assert from_file.returncode == 0, from_file.stderr
    assert json.loads(from_file.stdout) == expected

    empty = _search(data, passphrase_file, "--query-file", "-", stdin="\n")
    assert empty.returncode == 2 and len(empty.stderr.strip().splitlines()) == 1
    both = _search(data, passphrase_file, "mattress", "--query-file", "-", stdin="mattress")
    assert both.returncode == 2


def test_search_help_says_how_to_keep_words_out_of_the_process_list(run_cli):
    """`reflect search --help` names `--query-file -` and says why."""
    result = run_cli("search", "--help", passphrase=False)
    assert result.returncode == 0
    assert "--query-file -" in result.stdout and "process list" in result.stdout
