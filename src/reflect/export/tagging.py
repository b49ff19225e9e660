"""Which structure element each part of a story is: headings, paragraphs, lists, tables, fields.

`tag_story(story, root)` walks a story before layout and builds the document's structure tree
(`structure.Node`) in story order, which is the logical reading order. The templates need not say
anything: the roles follow from what the parts are, and from the documents' style names:

- a paragraph is a P; one cut into blocks (`escape.paragraphs`) is still one P;
- a heading style is H1–H6 one level below the outline entry (`Anchor`) just before it, so the
  headings match the bookmarks; a sub-heading style (a stage's label) is one level below the
  heading before it;
- a paragraph with a bullet is a list item (L › LI › Lbl + LBody), consecutive ones one list;
- a details or notice panel is a Div of paragraphs; a contents line is a TOC entry with its Link;
- a table is Table › TR › TH/TD, its header row (and a column of row labels) TH with a Scope; a
  header row repeated on a later page is an artifact;
- a fillable field or checkbox is a Form element owning its widget;
- rules, ruled lines, spacers and the page furniture are artifacts.

A flowable may say otherwise with `role(flowable, "H2")` (or "Artifact"). Each tagged flowable
gets a subclass of its own class (`_Tagged`) that marks its content when drawn and passes its
element on to the parts it is split into, so a paragraph across two pages is one element.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.tables import TableRenderCB

from reflect.export.form_fields import CheckBox, TextField
from reflect.export.layout import Anchor, ContentsLine, DetailRow, Panel, RuledLines, Separator
from reflect.export.structure import Node

#: paragraph styles that are headings one level below the outline entry before them
HEADING_STYLES = frozenset({"h1", "h1_room", "h2", "h2_plain", "briefing_title", "cover_title",
                            "entry_title"})
#: paragraph styles that are headings one level below the heading before them
SUBHEADING_STYLES = frozenset({"stage_label", "learn"})
#: the paragraph style of the rest of a paragraph too long for one block (`escape.paragraphs`)
CONTINUATION_STYLE = "body_cont"
#: a table cell style that marks a header cell
HEAD_CELL_STYLE = "cell_head"
#: a table cell style that, down the whole first column, marks row headers
ROW_HEAD_STYLE = "cell_strong"

ARTIFACT = "Artifact"


def role(flowable: Flowable, name: str, *, alt: str = "") -> Flowable:
    """Give `flowable` the structure role `name` (or "Artifact"); `alt` for a Figure."""
    flowable.tag_role = name
    flowable.tag_alt = alt
    return flowable


def tag_story(story: list[Flowable], root: Node) -> list[Flowable]:
    """Build `root`'s structure from `story` (in place) and return the story."""
    walker = _Walker()
    for flowable in story:
        walker.visit(flowable, root)
    return story


class _Walker:
    def __init__(self) -> None:
        self.pending_level: int | None = None  # the outline level of an Anchor not yet headed
        self.heading_level = 1

    def visit(self, flowable, parent: Node) -> None:
        explicit = getattr(flowable, "tag_role", None)
        if explicit == ARTIFACT:
            return
        if explicit:
            node = parent.add(explicit, alt=getattr(flowable, "tag_alt", ""))
            _mark(flowable, node, "content")
        elif isinstance(flowable, Anchor):
            self.pending_level = flowable.level
        elif isinstance(flowable, KeepTogether):
            for item in flowable._content:
                self.visit(item, parent)
        elif isinstance(flowable, Paragraph):
            self._paragraph(flowable, parent)
        elif isinstance(flowable, DetailRow):
            _mark(flowable, parent.add("P"), "content")
        elif isinstance(flowable, Panel):
            div = parent.add("Div")
            for child in flowable.children:
                self.visit(child, div)
        elif isinstance(flowable, Table):
            self._table(flowable, parent)
        elif isinstance(flowable, TextField):
            _mark(flowable, parent.add("Form", keep=True), "owner")
        elif isinstance(flowable, CheckBox):
            _mark(flowable, parent.add("Form", keep=True), "owner")
            self.visit(flowable.label, parent)
        elif isinstance(flowable, ContentsLine):
            toc = _last(parent, "TOC") or parent.add("TOC")
            link = toc.add("TOCI").add("Link", contents=flowable.para.getPlainText())
            _mark(flowable, link, "link")
        elif isinstance(flowable, (list, tuple)):
            for item in flowable:
                self.visit(item, parent)
        elif isinstance(flowable, str):
            return
        elif _draws_content(flowable):
            _mark(flowable, parent.add("Div"), "content")

    def _paragraph(self, para: Paragraph, parent: Node) -> None:
        name = getattr(para.style, "name", "")
        if name in HEADING_STYLES:
            level = 1 if self.pending_level is None else self.pending_level + 1
            self.pending_level = None
            self.heading_level = level = min(level, 6)
            _mark(para, parent.add(f"H{level}"), "content")
        elif name in SUBHEADING_STYLES:
            _mark(para, parent.add(f"H{min(self.heading_level + 1, 6)}"), "content")
        elif name == CONTINUATION_STYLE and _last(parent, "P"):
            _mark(para, _last(parent, "P"), "content")  # the same paragraph, so the same element
        elif para.bulletText:
            items = _last(parent, "L") or parent.add("L")
            item = items.add("LI")
            _mark(para, (item.add("Lbl"), item.add("LBody")), "item")
        else:
            _mark(para, parent.add("P"), "content")

    def _table(self, table: Table, parent: Node) -> None:
        values = table._cellvalues
        node = parent.add("Table")
        head_rows = _header_rows(table)
        head_col = _row_headers(values, head_rows)
        cells: list[list[Node]] = []
        for row_index, row in enumerate(values):
            tr = node.add("TR")
            cells.append([])
            for col_index, value in enumerate(row):
                if row_index < head_rows:
                    cell = tr.add("TH", attributes={"O": "Table", "Scope": "Column"}, keep=True)
                elif head_col and col_index == 0:
                    cell = tr.add("TH", attributes={"O": "Table", "Scope": "Row"}, keep=True)
                else:
                    cell = tr.add("TD", keep=True)
                cells[-1].append(cell)
                single = _single(value)
                if isinstance(single, Paragraph) and not single.bulletText:
                    _mark(single, cell, "content")  # the cell's text is the cell's own content
                else:
                    self.visit(value, cell)
        _mark(table, node, "table")
        table._tag_rows = list(range(len(values)))
        table._renderCB = _TableCells(cells)


def _last(parent: Node, role_name: str) -> Node | None:
    """The parent's last child if it has `role_name` (a list or contents the walker is filling)."""
    if parent.kids and isinstance(parent.kids[-1], Node) and parent.kids[-1].role == role_name:
        return parent.kids[-1]
    return None


def _draws_content(flowable) -> bool:
    """Whether an unknown flowable may put something a reader needs on the page (its text is then
    kept as a Div rather than hidden as an artifact)."""
    return not isinstance(flowable, _QUIET) and not getattr(flowable, "_ZEROSIZE", 0)


#: flowables that draw nothing a reader needs: space, page breaks, rules and lines to write on
_QUIET = (Spacer, PageBreak, CondPageBreak, RuledLines, Separator)


def _header_rows(table: Table) -> int:
    """How many rows at the top are headers: the repeated ones, or a first row in the header
    style."""
    repeat = table.repeatRows
    if repeat:
        return repeat if isinstance(repeat, int) else max(repeat) + 1
    first = [_single(v) for v in table._cellvalues[0]] if table._cellvalues else []
    styled = [v for v in first if isinstance(v, Paragraph)]
    return int(bool(styled) and all(p.style.name == HEAD_CELL_STYLE for p in styled)
               and all(isinstance(v, Paragraph) or v == "" for v in first))


def _row_headers(values, head_rows: int) -> bool:
    """Whether the first column labels its rows (every cell below the header in that style)."""
    column = [_single(row[0]) for row in values[head_rows:] if row]
    return bool(column) and all(isinstance(v, Paragraph) and v.style.name == ROW_HEAD_STYLE
                                for v in column)


def _single(value):
    """A cell's one flowable (reportlab turns a measured table's cells into tuples)."""
    return value[0] if isinstance(value, (list, tuple)) and len(value) == 1 else value


# -- drawing -------------------------------------------------------------------------------------
_classes: dict[type, type] = {}


def _mark(flowable: Flowable, tag, mode: str) -> None:
    """Make `flowable` draw its content as `tag`'s (a Node, or Lbl and LBody for a list item).

    `mode`: "content" (marked content), "owner" (its drawing is an artifact; its annotations
    belong to the element: a form field), "link" (both), "item" (a list item), "table"."""
    cls = type(flowable)
    if not issubclass(cls, _Tagged):
        tagged = _classes.get(cls)
        if tagged is None:
            tagged = _classes[cls] = type(f"Tagged{cls.__name__}", (_Tagged, cls), {})
        flowable.__class__ = tagged
    flowable._tag = tag
    flowable._tag_mode = mode


class _Tagged:
    """Mixed into a flowable's class by `_mark`."""

    _tag = None
    _tag_mode = "content"
    _tag_rows: list[int | None] | None = None

    def drawOn(self, canvas, x, y, _sW=0):
        structure = getattr(canvas, "structure", None)
        mode = self._tag_mode
        if structure is None or mode == "table":
            return super().drawOn(canvas, x, y, _sW)
        code, page = canvas._code, canvas._doc.thisPageName()
        if mode == "item":
            label, body = self._tag
            if self.bulletText:
                structure.pending_label = (label, body, page)
            else:
                structure.begin(code, body, page)
        elif mode != "owner":
            structure.begin(code, self._tag, page)
        if mode in ("owner", "link"):
            structure.annotation_owner = self._tag
        try:
            super().drawOn(canvas, x, y, _sW)
        finally:
            structure.annotation_owner = None
            structure.pending_label = None
            if mode != "owner":
                structure.end(code)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            if part is not self:
                _mark(part, self._tag, self._tag_mode)
        if self._tag_mode == "table" and parts and parts[0] is not self:
            _split_rows(self, parts)
        return parts


def _split_rows(table, parts) -> None:
    """Which original row each row of the parts a table split into is (None: a repeated header).

    The first part has the first rows; the second the repeated header rows, then the rest,
    starting again with the row split in two if the split fell inside a row."""
    rows = table._tag_rows
    first = len(parts[0]._cellvalues)
    parts[0]._tag_rows = rows[:first]
    parts[0]._renderCB = table._renderCB
    if len(parts) < 2:
        return
    second = parts[1]
    repeat = table.repeatRows
    repeated = (repeat if isinstance(repeat, int) else len(repeat)) if repeat else 0
    again = first + len(second._cellvalues) - repeated - len(rows)  # 1 when a row was split
    second._tag_rows = [None] * repeated + rows[first - again:]
    second._renderCB = table._renderCB


class _TableCells(TableRenderCB):
    """Reportlab's table render callback: marks a plain-text cell's text as its cell's, and makes
    a header row repeated on a later page an artifact."""

    def __init__(self, cells: list[list[Node]]) -> None:
        self.cells = cells
        self.row: int | None = None
        self.marked = False

    def startRow(self, table, row):
        rows = table._tag_rows
        self.row = rows[row] if rows is not None else row
        structure = getattr(table.canv, "structure", None)
        if self.row is None and structure is not None:
            structure.suppressed += 1

    def endRow(self, table):
        structure = getattr(table.canv, "structure", None)
        if self.row is None and structure is not None:
            structure.suppressed -= 1

    def startCell(self, table, row, col, value, *_):
        structure = getattr(table.canv, "structure", None)
        self.marked = bool(isinstance(value, str) and value.strip() and self.row is not None
                           and structure is not None)
        if self.marked:
            structure.begin(table.canv._code, self.cells[self.row][col], table.canv._doc.thisPageName())

    def endCell(self, table):
        if self.marked:
            table.canv.structure.end(table.canv._code)
            self.marked = False

    def _nothing(self, table):
        """The table's background and rules are drawn as artifacts: nothing to do."""

    startTable = endTable = startBG = endBG = startLines = endLines = _nothing
