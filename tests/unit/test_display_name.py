"""File names with newlines, terminal escapes or direction overrides are shown escaped."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reflect.domain.display_name import display_name

HOSTILE = "brief\n\x1b[2J\u202etxt.exe"


@pytest.mark.parametrize(("name", "shown"), [
    ("a\nb.txt", "a\\nb.txt"),
    ("\x1b[31mred.md", "\\x1b[31mred.md"),
    ("report\u202eexe.pdf", "report\\u202eexe.pdf"),
    ("tab\there\r", "tab\\there\\r"),
    ("C:\\Users\\Zoë Smith\\café notes.docx", "C:\\Users\\Zoë Smith\\café notes.docx"),
    ("plain name.txt", "plain name.txt"),
])
def test_display_name_escapes_only_what_would_mislead(name, shown):
    """Controls and invisible reordering characters are escaped; letters, spaces, accents and a
    Windows path's backslashes are kept, and escaping twice changes nothing."""
    assert display_name(name) == shown
    assert display_name(display_name(name)) == shown


def test_command_prints_a_hostile_file_name_escaped(tmp_path):
    """`briefing parse` on an empty file with a newline and escapes in its name says so on one line,
    with no raw escape character reaching the terminal."""
    hostile = tmp_path / f"{HOSTILE}.txt"
    hostile.write_text("")
    result = subprocess.run([sys.executable, "-m", "reflect", "briefing", "parse", str(hostile)],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
                            encoding="utf-8")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "brief\\n\\x1b[2J\\u202etxt.exe.txt" in result.stderr


def test_passphrase_file_name_is_escaped_in_its_message(tmp_path):
    """A missing passphrase file named with a newline is reported on one line, escaped."""
    result = subprocess.run([sys.executable, "-m", "reflect", "journal", "init", "--data-dir",
                             str(tmp_path / "j"), "--passphrase-file", str(tmp_path / HOSTILE)],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
                            encoding="utf-8")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "\x1b" not in result.stderr
