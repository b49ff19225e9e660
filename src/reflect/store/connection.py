"""Opening the SQLCipher database behind a journal.

The passphrase goes to SQLCipher's own key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds) through
`conn.set_key`; a first read proves the key before anything is written. WAL with synchronous=FULL
means an acknowledged save survives a crash or power cut. Temporary tables and indices stay in
memory so no plaintext scratch file is ever written.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3

from reflect.domain.errors import (
    JournalDamaged,
    JournalNotFound,
    JournalUnavailable,
    WrongPassphrase,
    write_failure,
)
from reflect.domain.passphrase_forms import normalised, opening_forms
from reflect.domain.text_fold import fold
from reflect.store.database import Database
from reflect.store.driver import DatabaseError

log = logging.getLogger(__name__)

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096


def connect(path: Path, passphrase: str, *, create: bool = False,
            check_same_thread: bool = True) -> Database:
    """Open (or, with `create`, make) the encrypted database at `path` and prove the key.

    Raises WrongPassphrase, JournalDamaged or JournalUnavailable with a message for the user.
    `check_same_thread=False` only for a connection opened on one thread and then handed, whole,
    to another that uses it from then on (see `services.opening.OpeningJournal`).
    """
    return open_keyed(path, passphrase, create=create, check_same_thread=check_same_thread)[0]


def open_keyed(path: Path, passphrase: str, *, create: bool = False,
               check_same_thread: bool = True) -> tuple[Database, str]:
    """`connect`, and the form of `passphrase` that keys the file: a new file is keyed with the
    NFC form; an existing one is tried with each of `opening_forms` (see domain/passphrase_forms)."""
    existed = path.exists() and path.stat().st_size > 0
    if not existed and not create:
        raise JournalNotFound(f"There is no journal in {path.parent} yet.")
    if existed:
        _check_header(path)
    else:
        _create_private(path)
    failure = None
    for key in opening_forms(passphrase) if existed else (normalised(passphrase),):
        conn = _new_connection(path, check_same_thread)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")  # no SQLCipher chatter on stderr
            conn.set_key(key)
            failure = _key_failure(conn)
            if failure is None:
                _configure(conn, path)
                return as_database(conn), key
        except BaseException:
            conn.close()
            raise
        conn.close()
    raise _refusal(path, existed) from failure


def _create_private(path: Path) -> None:
    """Make the new (empty) journal file 0600 before SQLite opens it: SQLite gives its WAL and
    shared-memory files the same permissions, and a create that fails leaves no readable file."""
    if os.name != "posix" or path.exists():
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise write_failure(exc, path.parent) or JournalUnavailable(
            f"Reflect cannot create a journal in {path.parent}. "
            "Check the folder can be written and the disk has space.") from exc


def _new_connection(path: Path, check_same_thread: bool):
    try:
        return sqlcipher3.connect(str(path), isolation_level=None, timeout=10,
                                  check_same_thread=check_same_thread)
    except DatabaseError as exc:
        raise JournalUnavailable(
            f"Reflect cannot open the journal file in {path.parent}. "
            "Check the folder exists and can be written."
        ) from exc


def as_database(conn) -> Database:
    """The stores' view of a keyed connection (sqlite-utils behind it on demand, see
    `store.database`), with the SQL functions the stores use."""
    conn.create_function("reflect_fold", 1, _fold_or_empty, deterministic=True)
    return Database(conn)


def _fold_or_empty(text):
    return fold(text) if text else ""


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(len(PLAIN_SQLITE_HEADER))
    except OSError as exc:
        raise JournalUnavailable(f"Reflect cannot read the journal file in {path.parent}.") from exc
    if head == PLAIN_SQLITE_HEADER:
        raise JournalDamaged(
            "This file is an ordinary, unencrypted database, not a Reflect journal. "
            "Nothing has been changed."
        )


def _key_failure(conn) -> DatabaseError | None:
    """None if the key reads the file; otherwise the error the first read raised."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        return exc
    return None


def _refusal(path: Path, existed: bool) -> Exception:
    """The user's error for a key that did not read the file."""
    if not existed:
        return JournalUnavailable(
            f"Reflect cannot create a journal in {path.parent}. "
            "Check the folder can be written and the disk has space.")
    # A wrong key and a damaged first page look the same to SQLCipher (the page's HMAC
    # fails). A file of whole pages is far more likely a good journal and a typo.
    size = path.stat().st_size
    return WrongPassphrase() if size >= PAGE_SIZE and size % 512 == 0 else JournalDamaged()


def _configure(conn, path: Path) -> None:
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("journal_mode is %s, not WAL", mode)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        # Deleted and overwritten text is zeroed, not left in free pages: what a practitioner
        # removes (an identifier redacted from earlier versions) is gone from the file.
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
    except DatabaseError as exc:
        raise write_failure(exc, path.parent) or JournalDamaged() from exc


READ, COPY, REKEY = "read", "copy", "rekey"


@contextmanager
def separate_connection(path: Path, passphrase: str, *, purpose: str = READ):
    """A fresh keyed connection to the existing file at `path`, closed afterwards (raises
    DatabaseError if there is none, or it will not open).

    Separate from the app's own connection, so that one is never re-keyed, held up or used off
    the UI thread: these serve the lock screen, re-keying, and the work in `journal_work`.
    `purpose` READ: reads only (`PRAGMA query_only`); COPY: reads, and writes copies elsewhere
    (VACUUM INTO, which query_only forbids); REKEY: re-encrypts the file in place.

    The file is named plainly, never by URI: a URI built from a folder such as "Team #2" or
    "what?" named another file, which SQLite then created, empty, so that any passphrase opened
    it; and a Windows UNC path does not fit a file URI's authority at all.
    """
    path = Path(path)
    if not path.is_file():
        raise DatabaseError("there is no journal file at this path")
    conn = _keyed_separately(path, passphrase)
    try:
        if purpose == READ:
            conn.execute("PRAGMA query_only = 1")
        yield conn
    finally:
        conn.close()


def _keyed_separately(path: Path, passphrase: str):
    """A plain connection keyed with the first of `opening_forms(passphrase)` that reads the file;
    the last form's DatabaseError if none does."""
    failure = None
    for key in opening_forms(passphrase):
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.set_key(key)
            failure = _key_failure(conn)
        except BaseException:
            conn.close()
            raise
        if failure is None:
            return conn
        conn.close()
    raise failure


_NOT_A_DATABASE = 26  # SQLITE_NOTADB: what a wrong key gives (the first page's HMAC fails)


def _with_separate_connection(path: Path, passphrase: str, work, *, purpose: str = READ) -> bool:
    """`work(conn)` on a `separate_connection`; False if it will not open or read."""
    try:
        with separate_connection(path, passphrase, purpose=purpose) as conn:
            return bool(work(conn))
    except DatabaseError:
        return False


def passphrase_opens(path: Path, passphrase: str) -> bool:
    """Whether `passphrase` opens the journal at `path` (used to unlock a locked window)."""
    return _with_separate_connection(
        path, passphrase, lambda conn: conn.execute("SELECT count(*) FROM sqlite_master").fetchone())


def key_fits(path: Path, passphrase: str) -> bool:
    """Whether `passphrase` is the key of the file at `path`: True for a file that opens, and for
    one that opens but is damaged further on (SQLITE_CORRUPT, where `passphrase_opens` says no);
    False when its first page does not decrypt (SQLITE_NOTADB). The Backups window tells a backup
    on another passphrase from a damaged one by this."""
    try:
        with separate_connection(path, passphrase):
            return True
    except DatabaseError as exc:
        return getattr(exc, "sqlite_errorcode", None) != _NOT_A_DATABASE


def rekey_file(path: Path, old: str, new: str) -> bool:
    """Re-encrypt a closed journal or backup file from `old` to `new`; False if it would not open."""
    def rekey(conn) -> bool:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.reset_key(normalised(new))
        return True

    return _with_separate_connection(path, old, rekey, purpose=REKEY)


def quick_check(path: Path, passphrase: str) -> bool:
    """`PRAGMA quick_check` on a separate read-only connection (safe to run on a worker thread)."""
    return _with_separate_connection(
        path, passphrase, lambda conn: conn.execute("PRAGMA quick_check").fetchall() == [("ok",)])
