"""The one-line context shown with each finding in the review dialog.

About 40 characters either side of the finding, taken from the original text, on one line (every
run of whitespace becomes one space, so a finding split over lines by a PDF still reads as one),
with "…" where the text was cut. A cut end is moved to the nearest space within a few characters so
the context does not start or end in the middle of a word.
"""

from __future__ import annotations

WIDTH = 40
_SLACK = 12


def _flat(text: str) -> str:
    return " ".join(text.split())


def context(text: str, start: int, end: int, width: int = WIDTH) -> str:
    """One line of `text` around `text[start:end]`; the finding appears as `_flat(text[start:end])`."""
    left_from = max(0, start - width)
    left = text[left_from:start]
    if left_from > 0:
        space = next((i for i, ch in enumerate(left[:_SLACK]) if ch.isspace()), None)
        left = left[space + 1:] if space is not None else left
    right_to = min(len(text), end + width)
    right = text[end:right_to]
    if right_to < len(text):
        tail = right[-_SLACK:]
        space = next((i for i in range(len(tail) - 1, -1, -1) if tail[i].isspace()), None)
        right = right[: len(right) - len(tail) + space] if space is not None else right
    found = _flat(text[start:end])
    before = ("…" if left_from > 0 else "") + _flat(left)
    after = _flat(right) + ("…" if right_to < len(text) else "")
    if left[-1:].isspace() and before:
        before += " "
    if right[:1].isspace() and after:
        after = " " + after
    return f"{before}{found}{after}"
