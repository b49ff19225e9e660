"""Turning what a user types into a safe FTS5 query, and finding the words to highlight.

Nothing the user types is passed to FTS5 as syntax: every word is folded (see `text_fold`) and
quoted, so `"`, `AND`, `(`, `*` or `NEAR` are just text. Double-quoted runs become phrases. The last
word also matches as a prefix, so results appear while a word is still being typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reflect.domain.text_fold import fold, fold_with_offsets

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


def find_spans(text: str, terms) -> list[tuple[int, int]]:
    """Offsets in `text` of words that match `terms` after folding."""
    if not terms:
        return []
    exact = {t for t, prefix in terms if not prefix}
    prefixes = tuple(t for t, prefix in terms if prefix)
    folded, offsets = fold_with_offsets(text)
    spans = []
    for match in _WORD_ONLY.finditer(folded):
        word = match.group()
        if word in exact or (prefixes and word.startswith(prefixes)):
            start = offsets[match.start()]
            end = offsets[match.end() - 1] + 1
            spans.append((start, end))
    return spans


def make_snippet(text: str, terms, width: int = 160) -> Snippet:
    """A window of about `width` characters around the first match, with matches marked."""
    text = " ".join(text.split())
    spans = find_spans(text, terms)
    if len(text) <= width:
        return Snippet(text, tuple(spans))
    first = spans[0][0] if spans else 0
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
    window = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return Snippet(prefix + text[start:end] + suffix, tuple(window))
