"""One passphrase rule on every path: the minimum for new ones, bounded passphrase files, and
NFC keys that still open whichever way an accented letter was typed."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import sqlcipher3

from reflect.domain.errors import UsageError, WrongPassphrase
from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.services.passphrase import MIN_LENGTH, change_passphrase, read_passphrase_file
from reflect.services.take_away import encrypted_copy_in_background
from reflect.store.connection import passphrase_opens
from reflect.store.journal import Journal

PASS = "a long enough passphrase"
CAFE = "café au lait every morning"
NFC, NFD = unicodedata.normalize("NFC", CAFE), unicodedata.normalize("NFD", CAFE)


def _reflect(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reflect", *args], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, encoding="utf-8")


def test_init_refuses_a_short_passphrase_file(tmp_path):
    """`journal init` with a one-character passphrase file exits 2, says why, and makes no journal."""
    secret = tmp_path / "short.txt"
    secret.write_text("x\n", encoding="utf-8")
    result = _reflect("journal", "init", "--data-dir", str(tmp_path / "j"),
                      "--passphrase-file", str(secret))
    assert result.returncode == 2, result.stderr
    assert f"at least {MIN_LENGTH} characters" in result.stderr
    assert not (tmp_path / "j" / "journal.db").exists()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_endless_passphrase_file_is_refused_quickly(tmp_path):
    """`--passphrase-file /dev/zero` ends at once with exit 2 and a message, not a hang."""
    result = _reflect("journal", "init", "--data-dir", str(tmp_path / "j"),
                      "--passphrase-file", "/dev/zero", timeout=30)
    assert result.returncode == 2 and "larger than 1024 bytes" in result.stderr


def test_large_passphrase_file_is_refused_quickly(tmp_path):
    """A 2 KB passphrase file is refused with exit 2 and says it is too large."""
    secret = tmp_path / "big.txt"
    secret.write_text("p" * 2048, encoding="utf-8")
    result = _reflect("journal", "init", "--data-dir", str(tmp_path / "j"),
                      "--passphrase-file", str(secret), timeout=30)
    assert result.returncode == 2 and "larger than 1024 bytes" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_fifo_with_no_writer_does_not_hang(tmp_path):
    """A named pipe nobody writes to is refused at once (as empty), not waited on forever."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = _reflect("journal", "init", "--data-dir", str(tmp_path / "j"),
                      "--passphrase-file", str(fifo), timeout=30)
    assert result.returncode == 2 and "empty" in result.stderr


def test_one_line_ending_is_stripped(tmp_path):
    """"pass\\r\\n" and "pass\\n" read as "pass"; only one line ending goes, spaces stay."""
    secret = tmp_path / "p.txt"
    for content, expected in ((b"pass\r\n", "pass"), (b"pass\n", "pass"), (b"pass\n\n", "pass\n"),
                              (b" pass \r\n", " pass "), (b"p" * 1024, "p" * 1024)):
        secret.write_bytes(content)
        assert read_passphrase_file(secret) == expected


@pytest.mark.parametrize(("created", "typed"), [(NFD, NFC), (NFC, NFD)])
def test_accents_typed_either_way_open_the_journal(tmp_path, created, typed):
    """A journal made with a decomposed (or composed) "café…" opens when it is typed the other way,
    in the app's open, the lock screen's check and a separate connection."""
    paths = AppPaths(tmp_path / "j")
    open_journal(paths, created, create=True).close()
    with open_journal(paths, typed) as journal:
        assert journal.check_passphrase(typed) and journal.check_passphrase(created)
    assert passphrase_opens(paths.journal_file, typed)


def test_journal_keyed_before_the_rule_still_opens(tmp_path):
    """A journal keyed with a decomposed passphrase (as before NFC keys) opens when typed so."""
    paths = AppPaths(tmp_path / "j")
    open_journal(paths, PASS, create=True).close()
    conn = sqlcipher3.connect(str(paths.journal_file), isolation_level=None)
    conn.set_key(PASS)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.reset_key(NFD)  # the key an older Reflect would have stored, byte for byte
    conn.close()
    with open_journal(paths, NFD) as journal:
        assert journal.check_passphrase(NFD)
    with pytest.raises(WrongPassphrase):
        open_journal(paths, "not the passphrase")


def test_change_passphrase_enforces_the_minimum(tmp_path):
    """Changing to a short passphrase is refused, leaving the old one; a long one is NFC-keyed."""
    paths = AppPaths(tmp_path / "j")
    with open_journal(paths, PASS, create=True) as journal:
        with pytest.raises(UsageError, match=f"at least {MIN_LENGTH} characters"):
            change_passphrase(journal, PASS, "short")
        assert journal.check_passphrase(PASS)
        assert change_passphrase(journal, PASS, NFD) == []
    with open_journal(paths, NFC):
        pass


def test_take_away_copy_needs_a_passphrase_that_meets_the_rule(tmp_path):
    """No encrypted copy leaves under a passphrase shorter than the minimum (a journal made before
    the rule); under one that meets it, the copy is written and opens with it."""
    weak = tmp_path / "weak.reflect"
    with Journal.open(tmp_path / "old.db", "x", create=True) as journal:
        with pytest.raises(UsageError, match="Change it first"):
            encrypted_copy_in_background(journal, weak)()
    assert not weak.exists()
    good = tmp_path / "good.reflect"
    with Journal.open(tmp_path / "new.db", PASS, create=True) as journal:
        assert encrypted_copy_in_background(journal, good)() == good
    assert passphrase_opens(Path(good), PASS)
