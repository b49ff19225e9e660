"""The forms a passphrase may have been keyed with, shared by the store (which keys and opens the
journal) and the services (which check new passphrases).

The same visible text can arrive as different code points: "é" typed on one keyboard layout is one
character (NFC), on another an "e" plus a combining accent (NFD). SQLCipher sees only bytes, so a
journal keyed with one form would not open with the other. New keys are NFC; opening tries NFC
first and then the text as typed, so journals keyed before this rule (with whatever form was typed)
still open.
"""

from __future__ import annotations

import unicodedata


def normalised(passphrase: str) -> str:
    """The form a new passphrase is keyed with."""
    return unicodedata.normalize("NFC", passphrase)


def opening_forms(passphrase: str) -> tuple[str, ...]:
    """The forms to try, in order, when opening with `passphrase` (one when they are the same)."""
    nfc = normalised(passphrase)
    return (nfc,) if nfc == passphrase else (nfc, passphrase)
