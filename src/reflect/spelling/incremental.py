"""Re-checking only the part of a paragraph that an edit touched.

Qt re-highlights the whole paragraph (text block) on every keystroke. Most paragraphs are short,
but a reflection pasted from elsewhere can be one 5,000-word block, and tokenising all of it on
every key press would cost milliseconds the typing budget does not have. The tokenizer decides
everything inside whitespace-separated runs, so after an edit only the runs between the last
space before the change and the first space after it can have different misspellings: the
spans before are kept, the spans after are shifted by the change in length.
"""

from __future__ import annotations

from collections.abc import Callable

from reflect.spelling.tokens import Span


def common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by halving: slice comparisons run in C."""
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return n
    lo, hi = 0, n  # a[:lo] == b[:lo]; a[:hi] != b[:hi]
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common suffix, at most `limit`."""
    n = min(len(a), len(b), limit)
    if n == 0 or a[len(a) - n:] == b[len(b) - n:]:
        return n
    lo, hi = 0, n  # last lo chars equal; last hi chars differ
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[len(a) - mid:len(a) - lo] == b[len(b) - mid:len(b) - lo]:
            lo = mid
        else:
            hi = mid
    return lo


def respan(old_text: str, old_spans: list[Span], new_text: str,
           spans_of: Callable[[str], list[Span]]) -> list[Span]:
    """The spans of `new_text`, given those of `old_text`, re-checking only the changed runs.

    `spans_of` must be the function that produced `old_spans` and must decide each
    whitespace-separated run on its own (SpellChecker.misspelled_spans does).
    """
    if old_text == new_text:
        return list(old_spans)
    prefix = common_prefix(old_text, new_text)
    suffix = common_suffix(old_text, new_text, min(len(old_text), len(new_text)) - prefix)
    # Widen to whitespace on both sides; runs wholly outside are unchanged.
    left = prefix
    while left > 0 and not new_text[left - 1].isspace():
        left -= 1
    right_new = len(new_text) - suffix
    while right_new < len(new_text) and not new_text[right_new].isspace():
        right_new += 1
    delta = len(new_text) - len(old_text)
    right_old = right_new - delta
    kept_before = [s for s in old_spans if s[1] <= left]
    middle = [(a + left, b + left) for a, b in spans_of(new_text[left:right_new])]
    kept_after = [(a + delta, b + delta) for a, b in old_spans if a >= right_old]
    return kept_before + middle + kept_after
