"""The text of a Word (.docx) briefing, written out as simple Markdown for the parser.

Word keeps structure the parser would otherwise have to guess: heading styles, list paragraphs,
hyperlinks. Writing them as Markdown ("## Heading", "- item", "[text](address)") hands that
structure to the one parser every format shares. Briefings laid out in Word often put sections in
table cells or text boxes, so those are read too, in document order.
"""

from __future__ import annotations

import io
import re
import zipfile

from reflect.briefings.limits import check_archive
from reflect.domain.errors import BriefingFormatError

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: a bold paragraph longer than this is emphasised text, not a heading
_BOLD_HEADING_WORDS = 10
#: a table row of short cells ("Resource | Address") is read as one line
_SHORT_CELL = 80


def docx_text(data: bytes, name: str) -> str:
    """The document's text as Markdown-like lines. Raises `BriefingFormatError` with the reason."""
    from docx import Document  # imported here: only needed for Word files

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BriefingFormatError(
            f"'{name}' could not be opened as a Word document: it is not a .docx file, or it is "
            "damaged. If it is an older .doc file, open it in Word and save it as .docx or PDF."
        )
    check_archive(data, name)
    try:
        document = Document(io.BytesIO(data))
        blocks = list(_blocks(document))
    except BriefingFormatError:
        raise
    except Exception:  # python-docx raises many kinds of error for damaged files
        raise BriefingFormatError(
            f"'{name}' could not be opened as a Word document: it may be damaged. "
            "Open it in Word and save it again, or save it as PDF."
        ) from None
    return "\n\n".join(block for block in blocks if block.strip())


def _blocks(container):
    """Markdown blocks for the paragraphs and tables of a document or table cell, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in container.iter_inner_content():
        if isinstance(element, Paragraph):
            yield from _paragraph(element)
        elif isinstance(element, Table):
            yield from _table(element)


def _paragraph(paragraph) -> list[str]:
    from docx.text.paragraph import Paragraph

    blocks = []
    text = _inline_text(paragraph).strip()
    if text:
        blocks.append(_markdown(paragraph, text))
    # text boxes hold whole sections in designed briefings; the Fallback copy repeats the Choice
    for box in paragraph._p.iter(f"{_W}txbxContent"):
        if any(ancestor.tag == f"{_MC}Fallback" for ancestor in box.iterancestors()):
            continue
        for p in box.iter(f"{_W}p"):
            inner = Paragraph(p, paragraph._parent)
            inner_text = _inline_text(inner).strip()
            if inner_text:
                blocks.append(_markdown(inner, inner_text))
    return blocks


def _inline_text(paragraph) -> str:
    """The paragraph's text with hyperlinks as Markdown links, so their addresses survive."""
    from docx.text.hyperlink import Hyperlink

    parts = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            address = item.address or ""
            if item.fragment and address:
                address = f"{address}#{item.fragment}"
            label = item.text.replace("[", "(").replace("]", ")")
            parts.append(f"[{label}]({address.replace(' ', '%20')})" if address else item.text)
        else:
            parts.append(item.text)
    return "".join(parts)


def _markdown(paragraph, text: str) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if style.lower() == "title":
        return "# " + " ".join(lines)
    heading = _HEADING_STYLE.match(style)
    if heading:
        return "#" * min(int(heading.group(1)) + 1, 6) + " " + " ".join(lines)
    if _is_list(paragraph, style):
        return "- " + " ".join(lines)
    if len(lines) == 1 and _all_bold(paragraph) and _looks_like_heading(lines[0]):
        return "## " + lines[0]
    return "\n".join(lines)


def _is_list(paragraph, style: str) -> bool:
    if "list" in style.lower():
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _all_bold(paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return all(run.bold or (run.bold is None and style_bold) for run in runs)


def _looks_like_heading(text: str) -> bool:
    return len(text.split()) <= _BOLD_HEADING_WORDS and not text.rstrip().endswith((".", ","))


def _table(table) -> list[str]:
    blocks = []
    for row in table.rows:
        cells = []
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once for each column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        cell_blocks = [list(_blocks(cell)) for cell in cells]
        short = [b[0] for b in cell_blocks if len(b) == 1]
        if (
            len(cells) > 1
            and len(short) == len(cells)
            and all(len(text) <= _SHORT_CELL and not text.startswith("#") for text in short)
        ):
            blocks.append(" \u2013 ".join(text.lstrip("- ") for text in short))
        else:
            for found in cell_blocks:
                blocks.extend(found)
    return blocks
