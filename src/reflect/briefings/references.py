"""The "Want to learn more?" references: a title for each, and a web address only when it is real.

Reference title rule: a line holding one link is kept as the practitioner would read it, with the
link's text in place of the Markdown, so "Greater Manchester Procedures: [Safer Sleep](#)" becomes
the title "Greater Manchester Procedures: Safer Sleep". A line holding several links gives one
reference per link, titled by the link's own text. For a bare address the rest of the line is the
title ("NSPCC Learning - https://..." -> "NSPCC Learning"), or the address itself when nothing
else is written.

Only http and https addresses (and "www." ones, which are given "https://") count as URLs: a `#`
placeholder, an empty link, or a javascript:, file: or mailto: target keeps its title with no URL,
because the reader opens URLs in a browser and must never open anything else.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from reflect.briefings.blocks import Block
from reflect.briefings.lines import MARKDOWN_LINK, find_urls
from reflect.briefings.normalise import collapse_spaces
from reflect.domain.briefing import Reference

_EDGE = " \t-\u2013\u2014:|,;\u2022<>"
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|<\s*>")
_TRAILING_LEAD_IN = re.compile(
    # (?<!\s): spaces are taken from the start of their run only, or every space in a long run
    # would rescan the rest of it
    r"(?:\b(?:is\s+)?(?:available|found|here|online))?(?<!\s)\s*\b(?:at|from|via|on|here)\s*$",
    re.IGNORECASE,
)


def web_url(target: str) -> str | None:
    """`target` as an address to open in a browser, or None if it is not an http(s) address."""
    target = target.strip()
    if target.lower().startswith("www."):
        target = "https://" + target
    try:
        parts = urlsplit(target)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if "." not in parts.hostname and parts.hostname != "localhost":
        return None
    return target


def _tidy(text: str, *, drop_lead_in: bool = False) -> str:
    text = collapse_spaces(_EMPTY_BRACKETS.sub(" ", text)).strip(_EDGE)
    if drop_lead_in:
        text = _TRAILING_LEAD_IN.sub("", text).strip(_EDGE)
    return text


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def references_in(text: str) -> list[Reference]:
    """The references written in one paragraph or list item (see the module docstring)."""
    links = list(MARKDOWN_LINK.finditer(text))
    if len(links) == 1:
        link = links[0]
        label = link.group("text").strip()
        url = web_url(link.group("url"))
        title = _tidy(text[: link.start()] + label + text[link.end() :])
        if not label:
            title = _tidy(text[: link.start()] + " " + text[link.end() :], drop_lead_in=True)
        title = title or link.group("url").strip()
        return [Reference(title, url)] if title else []
    if links:
        refs = []
        for link in links:
            url = web_url(link.group("url"))
            title = _tidy(link.group("text")) or (url or "")
            if title:
                refs.append(Reference(title, url))
        return refs
    urls = find_urls(text)
    if len(urls) == 1:
        start, end, url = urls[0]
        title = _tidy(text[:start] + " " + text[end:], drop_lead_in=True)
        return [Reference(title if _has_words(title) else url, web_url(url))]
    if urls:
        refs = []
        position = 0
        for start, end, url in urls:
            title = _tidy(text[position:start], drop_lead_in=True)
            refs.append(Reference(title if _has_words(title) else url, web_url(url)))
            position = end
        rest = _tidy(text[position:])
        if _has_words(rest):
            refs[-1] = Reference(f"{refs[-1].title} {rest}", refs[-1].url)
        return refs
    title = _tidy(text)
    if text.rstrip().endswith(":") or not _has_words(title):
        return []  # a lead-in such as "The following may help:" is not itself a reference
    return [Reference(title, None)]


def references_from_blocks(blocks: list[Block]) -> list[Reference]:
    refs: list[Reference] = []
    for block in blocks:
        refs.extend(references_in(block.text))
    return refs
