"""The one way user text enters a PDF: as safe markup for a reportlab Paragraph.

Platypus paragraphs are a small XML dialect, so a reflection containing `<script>` or `a &b` would
break the document (or silently change it) if passed through raw. Everything a user typed goes
through `escape` (one line or block of markup) or `paragraphs` (a long answer, split into blocks);
both clean the text the same way:

- `&`, `<`, `>` and quotes become entities; tabs become four no-break spaces; each newline a line
  break, and any run of blank lines one blank line (200 newlines must not make 200 empty lines);
- control characters go; characters the bundled font cannot draw (emoji, say) become U+FFFD rather
  than a blank box or a broken text layer, and invisible format characters it lacks are dropped;
- very long answers are cut into blocks of at most `BLOCK_CHARS` characters, at line breaks where
  possible, because reportlab re-flows a whole paragraph at each page break (quadratic time).
  Very long words wrap through the paragraph style's `splitLongWords`.

The text extracted back from the PDF equals the input modulo whitespace (except replaced glyphs).
"""

from __future__ import annotations

import re
import unicodedata

from reflect.export.fonts import coverage

REPLACEMENT = "\ufffd"
BLOCK_CHARS = 3000
TAB = "&nbsp;" * 4

_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Controls, and the zero-width space and BOM: reportlab takes a zero-width space as a break
# between words and drops it, so a paragraph of nothing else would vanish from the text layer.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u200b\ufeff]")
_BLANK_RUN = re.compile(r"\n[ \t\xa0]*(?:\n[ \t\xa0]*)+")  # a line break plus blank lines
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
_INVISIBLE = {"Cf", "Mn", "Me", "Zl", "Zp"}


def clean(text: str) -> str:
    """Plain text fit for the page: newlines normalised, controls removed, missing glyphs replaced.

    Also what canvas strings (page header) go through, since they are not markup.
    """
    text = _CONTROLS.sub("", _NEWLINES.sub("\n", str(text)))
    if text.isascii():
        return text
    drawable = coverage()
    # Newlines and tabs are layout, not glyphs: they become <br/> and spaces later.
    missing = {ord(ch) for ch in set(text) if ch not in "\n\t" and ord(ch) not in drawable}
    if not missing:
        return text
    return text.translate({
        code: "" if unicodedata.category(chr(code)) in _INVISIBLE else REPLACEMENT
        for code in missing
    })


def escape(text: str) -> str:
    """Markup for one Paragraph showing `text` exactly: the single escape function."""
    return _markup(clean(text))


def paragraphs(text: str, limit: int = BLOCK_CHARS) -> list[tuple[str, bool]]:
    """An answer as (markup, starts_a_paragraph) blocks, empty list for blank text.

    Paragraphs are separated by blank lines in the text. A paragraph longer than `limit` is cut
    into several blocks; the later ones have `starts_a_paragraph` False so the renderer can set
    them without the space between paragraphs.
    """
    out: list[tuple[str, bool]] = []
    for block in _BLANK_RUN_SPLIT.split(clean(text)):
        if not block.strip():
            continue
        for index, piece in enumerate(_pieces(block, limit)):
            out.append((_markup(piece), index == 0))
    return out


_BLANK_RUN_SPLIT = re.compile(r"\n[ \t\xa0]*\n[ \t\xa0\n]*")


def _markup(text: str) -> str:
    text = _BLANK_RUN.sub("\n\n", text.strip())
    return text.translate(_ENTITIES).replace("\t", TAB).replace("\n", "<br/>")


def _pieces(block: str, limit: int) -> list[str]:
    """Cut `block` into pieces of at most `limit` characters: at a line break if one is in the
    second half of the window, else at a space, else anywhere (one enormous word)."""
    pieces = []
    while len(block) > limit:
        window = block[:limit]
        cut = window.rfind("\n", limit // 2)
        if cut <= 0:
            cut = max(window.rfind(" ", limit // 2), window.rfind("\t", limit // 2))
        if cut <= 0:
            cut = limit
        pieces.append(block[:cut])
        block = block[cut:].lstrip("\n")
    pieces.append(block)
    return [p for p in pieces if p.strip()]
