"""Recognisers for single lines: list markers, rules, URLs, Markdown links and headings.

Both heading detection and paragraph building need to know whether a line is a list item or a
horizontal rule; keeping those patterns in one place means the two never disagree about what a
bullet looks like (a line the heading detector treats as a list item must also be built as one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: bullet characters seen in briefings typed in Word or copied out of PDFs; U+F0B7 is the Symbol
#: font bullet that Word's lists turn into when their text is copied
BULLET_CHARS = (
    "\u2022\uf0b7\u25e6\u25aa\u25ab\u25cb\u25cf\u25a0\u25a1\u25ba\u25b8\u2023\u2043"
    "\u27a2\u27a4\u2713\u2714\u00b7\uf0a7\uf0d8"
)

# a bullet character may touch its text ("•Text"); ASCII and dash markers need a space after them so
# that "-5", "**bold**" and "—which" are not taken for bullets
_BULLET = re.compile(
    rf"^(?P<indent>[ ]*)(?:[{BULLET_CHARS}][ ]*|[-*+\u2013\u2014][ ]+)"
    r"(?:\[[ xX]\][ ]+)?(?P<rest>\S.*)$"
)
_STRAY_BULLET = re.compile(rf"^[ ]*[{BULLET_CHARS}\-*+\u2013\u2014][ ]*$")
_NUMBERED_ITEM = re.compile(
    r"^(?P<indent>[ ]*)"
    r"(?:\((?P<paren>\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\)"
    r"|(?P<num>\d{1,2})(?P<style>[.)])"
    r"|(?P<letter>[a-zA-Z]|[ivx]{1,4})\))"
    r"[ ]+(?P<rest>\S.*)$"
)
_RULE = re.compile(r"^[ ]*(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,})$")
_SETEXT = re.compile(r"^[ ]*(?:=+|-+)[ ]*$")
# the text starts at its first non-space so that it cannot trade spaces with `[ ]+`; the closing
# "#"s are removed in code, as a regex for them backtracks over long runs of spaces
_ATX = re.compile(r"^[ ]{0,3}(?P<hashes>#{1,6})[ ]+(?P<text>[^ \n].*)?$")

#: http(s) and www. addresses; closing brackets and punctuation are trimmed by `find_urls`
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"\u201c\u201d\]]+", re.IGNORECASE)
#: a Markdown inline link, `[text](target "optional title")`; the text may not contain brackets,
#: which keeps the search linear on lines full of "["
MARKDOWN_LINK = re.compile(
    r"\[(?P<text>[^\[\]\n]*)\]\([ ]*<?(?P<url>(?:[^()\s<>]|\([^()\s]*\))*)>?"
    r"(?:[ ]+[\"'][^\"'\n]*[\"'])?[ ]*\)"
)


@dataclass(frozen=True)
class ListLine:
    """A line that starts a list item: its text without the marker, and how it was numbered."""

    text: str
    indent: int
    number: int | None = None
    #: "." or ")" for "1." / "1)" items, "" for bullets and lettered items
    style: str = ""


def list_item(line: str) -> ListLine | None:
    """The list item this line starts, or None. One marker is removed: "- 1) x" keeps "1) x"."""
    m = _BULLET.match(line)
    if m:
        return ListLine(m.group("rest").strip(), len(m.group("indent")))
    m = _NUMBERED_ITEM.match(line)
    if m:
        number = int(m.group("num")) if m.group("num") else None
        return ListLine(
            m.group("rest").strip(), len(m.group("indent")), number, m.group("style") or ""
        )
    return None


def is_stray_bullet(line: str) -> bool:
    """A bullet left alone on its line, as PDFs often produce: it belongs to the next line."""
    return bool(_STRAY_BULLET.match(line))


def is_rule(line: str) -> bool:
    """A Markdown horizontal rule ("---", "***"), which is decoration, not text."""
    return bool(_RULE.match(line))


def is_setext_underline(line: str) -> bool:
    return bool(_SETEXT.match(line)) and len(line.strip()) >= 2


def atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of a Markdown "#" heading, or None."""
    m = _ATX.match(line)
    text = _without_closing_hashes(m.group("text") or "").strip() if m else ""
    if not text:
        return None
    return len(m.group("hashes")), text


def _without_closing_hashes(text: str) -> str:
    """ "Title ##" -> "Title": closing "#"s count only after a space ("C#" keeps its "#")."""
    text = text.rstrip(" ")
    body = text.rstrip("#")
    if body != text and body.endswith(" "):
        return body.rstrip(" ")
    return text


def is_blank(line: str) -> bool:
    return not line.strip()


def trim_url(url: str) -> str:
    """Drop punctuation that ends a sentence rather than the address ("see www.x.org.")."""
    while url and url[-1] in ".,;:!?)'\u2019":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) of each bare address in `text`, with trailing punctuation left out."""
    found = []
    for m in URL.finditer(text):
        url = trim_url(m.group(0))
        if len(url) > 4:
            found.append((m.start(), m.start() + len(url), url))
    return found


def words(text: str) -> list[str]:
    return text.split()
