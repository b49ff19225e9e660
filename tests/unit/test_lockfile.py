"""One running Reflect per journal: the lock file beside the database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from reflect.domain.errors import JournalInUse, JournalUnavailable
from reflect.store.journal import Journal
from reflect.store.lockfile import JournalLock

PASS = "a long enough passphrase"


def test_second_open_refused_while_lock_held(tmp_path):
    """While one Journal is open, a second open of the same file raises JournalInUse."""
    with Journal.open(tmp_path / "j.db", PASS, create=True):
        with pytest.raises(JournalInUse) as caught:
            Journal.open(tmp_path / "j.db", PASS)
        assert "already open" in caught.value.message
    Journal.open(tmp_path / "j.db", PASS).close()  # released on close


def test_stale_lock_file_is_taken_over(tmp_path):
    """A lock file left behind by a process that no longer exists does not block opening."""
    Journal.open(tmp_path / "j.db", PASS, create=True).close()
    (tmp_path / "j.db.lock").write_text(json.dumps({"pid": 999999, "host": "x"}))
    with Journal.open(tmp_path / "j.db", PASS):
        assert json.loads((tmp_path / "j.db.lock").read_text())["pid"] == os.getpid()


@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_lock_of_killed_process_is_taken_over(tmp_path):
    """A process holding the lock blocks others until it is killed; then the lock is taken over."""
    lock_path = tmp_path / "j.db.lock"
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from reflect.store.lockfile import JournalLock
            JournalLock(__import__('pathlib').Path({str(lock_path)!r})).acquire()
            print('held', flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(JournalInUse):
            JournalLock(lock_path).acquire()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    lock = JournalLock(lock_path)
    lock.acquire()
    assert lock.held
    lock.release()
    assert not lock_path.exists()


# A lock file is in a folder others may write to, so a hostile one must be refused untouched.
VICTIM_BYTES = bytes(range(256)) * 1000


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="POSIX symlinks")
def test_symlinked_lock_file_is_refused_and_its_target_left_intact(run_cli, tmp_path):
    """`reflect` refuses a journal whose lock file is a symlink: exit 5, a message, target intact."""
    data = tmp_path / "j"
    assert run_cli("journal", "init", data_dir=data).returncode == 0
    victim = tmp_path / "precious.bin"
    victim.write_bytes(VICTIM_BYTES)
    link = data / "journal.db.lock"
    link.symlink_to(victim)
    result = run_cli("briefing", "list", "--json", data_dir=data)
    assert result.returncode == 5, result.stderr
    assert "lock file 'journal.db.lock' is a link to another file" in result.stderr
    assert "Nothing has been changed" in result.stderr
    assert victim.read_bytes() == VICTIM_BYTES
    assert link.is_symlink() and os.readlink(link) == str(victim)


@pytest.mark.skipif(os.name != "posix", reason="POSIX hard links and owners")
def test_hard_linked_lock_file_is_refused_and_left_intact(tmp_path):
    """A lock file that is a second name of another file is refused and that file kept as it was."""
    victim = tmp_path / "precious.bin"
    victim.write_bytes(VICTIM_BYTES)
    os.link(victim, tmp_path / "j.db.lock")
    with pytest.raises(JournalUnavailable) as caught:
        Journal.open(tmp_path / "j.db", PASS, create=True)
    assert "(a hard link)" in caught.value.message and caught.value.exit_code == 5
    assert victim.read_bytes() == VICTIM_BYTES
    assert (tmp_path / "j.db.lock").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_lock_file_that_is_a_pipe_is_refused_without_waiting(tmp_path):
    """A named pipe where the lock file should be is refused at once, not waited on."""
    os.mkfifo(tmp_path / "j.db.lock")
    with pytest.raises(JournalUnavailable) as caught:
        JournalLock(tmp_path / "j.db.lock").acquire()
    assert "is not an ordinary file" in caught.value.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_lock_file_of_another_user_is_refused_and_left_intact(tmp_path):
    """A stale lock file owned by another account is not taken over; its bytes stay as they were."""
    lock_path = tmp_path / "j.db.lock"
    lock_path.write_bytes(VICTIM_BYTES)
    os.chown(lock_path, 4321, 4321)
    with pytest.raises(JournalUnavailable) as caught:
        JournalLock(lock_path).acquire()
    assert "belongs to another user" in caught.value.message
    assert lock_path.read_bytes() == VICTIM_BYTES


def test_new_lock_file_is_private_and_gone_after_release(tmp_path):
    """The lock file is created readable by this user only and removed when the lock is let go."""
    lock = JournalLock(tmp_path / "j.db.lock")
    lock.acquire()
    if os.name == "posix":
        assert (tmp_path / "j.db.lock").stat().st_mode & 0o777 == 0o600
    lock.release()
    assert not (tmp_path / "j.db.lock").exists()


RACE = textwrap.dedent("""
    import os, random, sys, time
    from pathlib import Path
    from reflect.domain.errors import JournalInUse
    from reflect.store.lockfile import JournalLock

    lock_path, log_path, inside, go = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

    def worker():
        random.seed(os.urandom(8))
        while not os.path.exists(go):
            time.sleep(0.001)
        deadline = time.monotonic() + 12
        while time.monotonic() < deadline:
            lock = JournalLock(lock_path)
            try:
                lock.acquire()
            except JournalInUse:
                time.sleep(random.random() * 0.002)
                continue
            start = time.monotonic_ns()
            try:  # a second holder at the same moment finds the marker already there
                os.close(os.open(inside, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
                double = False
            except FileExistsError:
                double = True
            time.sleep(0.0005)
            end = time.monotonic_ns()
            if not double:
                os.unlink(inside)
            log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            os.write(log, f"{os.getpid()} {start} {end} {int(double)}\\n".encode())
            os.close(log)
            lock.release()
            return 0
        return 1

    children = []
    for _ in range(int(sys.argv[5])):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = worker()
            finally:
                os._exit(code)
        children.append(pid)
    Path(go).touch()
    print(sum(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0 for pid in children))
""")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks 200 processes")
def test_two_hundred_concurrent_opens_never_grant_the_lock_twice(tmp_path):
    """200 processes racing for one lock file: each gets it once, never two at the same moment."""
    log = tmp_path / "grants.log"
    result = subprocess.run(
        [sys.executable, "-c", RACE, str(tmp_path / "j.db.lock"), str(log),
         str(tmp_path / "inside"), str(tmp_path / "go"), "200"],
        capture_output=True, text=True, timeout=90,
    )
    assert result.returncode == 0, result.stderr
    grants = sorted(tuple(int(v) for v in line.split()[1:]) for line in log.read_text().splitlines())
    doubles = [g for g in grants if g[2]]
    overlaps, latest_end = 0, 0
    for start, end, _double in grants:  # sorted by start: each must begin after all earlier ends
        overlaps += start < latest_end
        latest_end = max(latest_end, end)
    assert (len(doubles), overlaps) == (0, 0)
    assert len(grants) == 200 and result.stdout.strip() == "0"  # every process got its turn
