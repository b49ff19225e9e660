"""Turning what a user types into a safe FTS5 query, and finding the words to highlight.

Nothing the user types is passed to FTS5 as syntax: every word is folded (see `text_fold`) and
quoted, so `"`, `AND`, `(`, `*` or `NEAR` are just text. Double-quoted runs become phrases. The last
word also matches as a prefix, so results appear while a word is still being typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reflect.domain.text_fold import fold

_WORD_ONLY = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class SearchQuery:
    #: FTS5 MATCH expression, or "" when the text holds no searchable word
    match: str
    #: folded words to highlight, with whether each matches as a prefix
    terms: tuple[tuple[str, bool], ...]

    @property
    def is_empty(self) -> bool:
        return not self.match


def parse_query(text: str) -> SearchQuery:
    groups: list[list[str]] = []  # each group is a phrase (a single word is a one-word phrase)
    parts = text.split('"')
    for index, part in enumerate(parts):
        in_quotes = index % 2 == 1 and index < len(parts) - 1
        words = _WORD_ONLY.findall(fold(part))
        if not words:
            continue
        if in_quotes:
            groups.append(words)
        else:
            groups.extend([w] for w in words)
    if not groups:
        return SearchQuery("", ())
    clauses, terms = [], []
    for position, words in enumerate(groups):
        last = position == len(groups) - 1
        prefix = last and len(words) == 1 and not text.rstrip().endswith('"')
        clause = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        clauses.append(clause)
        terms.extend((w, prefix and w == words[-1]) for w in words)
    return SearchQuery(" ".join(clauses), tuple(dict.fromkeys(terms)))


@dataclass(frozen=True)
class Snippet:
    text: str
    #: (start, end) offsets into `text` of the highlighted words
    spans: tuple[tuple[int, int], ...]

    def marked(self, before: str = "[", after: str = "]") -> str:
        out, cursor = [], 0
        for start, end in self.spans:
            out.append(self.text[cursor:start] + before + self.text[start:end] + after)
            cursor = end
        return "".join(out) + self.text[cursor:]


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _folded_in_place(text: str) -> str | None:
    """`fold(text)` when every character folds to exactly one character (ł→l, ó→o, ș→s, dashes and
    quotes unchanged), so offsets in the folded text are offsets in the original; else None.
    Folding is per character, so checking each distinct character once is enough."""
    if text.isascii():
        return text.lower()
    if all(len(fold(ch)) == 1 for ch in set(_NON_ASCII.findall(text))):
        return fold(text)
    return None


class _Matcher:
    """Finds the words of a text that match the query's terms.

    Text whose characters each fold to one character (nearly all of it) is searched with one
    compiled pattern over the folded text, whose offsets are the original's; other text word by
    word, folding each word (far cheaper than folding a whole text with an offset map).
    """

    def __init__(self, terms) -> None:
        self.exact = {t for t, prefix in terms if not prefix}
        self.prefixes = tuple(t for t, prefix in terms if prefix)
        parts = [re.escape(t) + r"(?![^\W_])" for t in sorted(self.exact, key=len, reverse=True)]
        parts += [re.escape(t) + r"[^\W_]*" for t in self.prefixes]
        self.pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + ")") if parts else None

    def word_matches(self, word: str) -> bool:
        folded = fold(word)
        return folded in self.exact or bool(self.prefixes and folded.startswith(self.prefixes))

    def spans(self, text: str, start: int = 0, end: int | None = None, first_only: bool = False):
        end = len(text) if end is None else end
        if self.pattern is None:
            return []
        folded = _folded_in_place(text)
        if folded is not None:
            if first_only:
                found = self.pattern.search(folded, start, end)
                return [found.span()] if found else []
            return [m.span() for m in self.pattern.finditer(folded, start, end)]
        spans = []
        for match in _WORD_ONLY.finditer(text, start, end):
            if self.word_matches(match.group()):
                spans.append(match.span())
                if first_only:
                    break
        return spans


def _matcher(terms) -> _Matcher:
    return _Matcher(terms)


def _spans(text: str, matcher: _Matcher, start: int = 0, end: int | None = None,
           first_only: bool = False):
    return matcher.spans(text, start, end, first_only)


def find_spans(text: str, terms) -> list[tuple[int, int]]:
    """Offsets in `text` of words that match `terms` after folding."""
    if not terms:
        return []
    return _spans(text, _matcher(terms))


def make_snippet(text: str, terms, width: int = 160) -> Snippet:
    """A window of about `width` characters around the first match, with matches marked."""
    text = " ".join(text.split())
    matches = _matcher(terms) if terms else None
    if len(text) <= width:
        return Snippet(text, tuple(_spans(text, matches) if matches else ()))
    first_span = _spans(text, matches, first_only=True) if matches else []
    first = first_span[0][0] if first_span else 0
    start = max(0, first - width // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space - end < 20 else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    spans = _spans(text, matches, start, end) if matches else []
    window = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return Snippet(prefix + text[start:end] + suffix, tuple(window))
