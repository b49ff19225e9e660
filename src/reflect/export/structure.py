"""The logical structure of a document (PDF/UA-1): what a screen reader reads, and in what order.

A `Node` is one structure element (a heading, a paragraph, a table cell, a form field). Nodes are
made before layout, in the order of the story (`tagging`), so the reading order is the logical one
whatever the pages do; when a node's content is drawn, the canvas marks it (`BDC … EMC` with a
marked-content id per page) and the node collects that id. Everything else drawn on a page, from
the running head to a table's rules, is marked as an artifact, so nothing is left untagged.

`StructureRecorder` keeps that bookkeeping for one document and, when the canvas is saved, writes
it as reportlab objects: the StructTreeRoot with its ParentTree (page → its marked content's
elements, annotation → its element), each page's /StructParents and /Tabs /S, each annotation's
/StructParent, and /MarkInfo. No second pass over the finished file: the tree is written with it.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObject, PDFObjectReference, PDFPage, PDFString

#: a page's own keys that reportlab does not write unless told
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]


class Node:
    """One structure element: a standard role (`H1`, `P`, `Table`, `TD`, `Form`, …), its children
    in reading order (nodes, or marked content and annotations recorded when drawn) and its
    attributes (`/A`), alternative text (`/Alt`), language (`/Lang`)."""

    __slots__ = ("role", "kids", "attributes", "alt", "lang", "contents", "keep")

    def __init__(self, role: str, *, attributes: dict[str, str] | None = None, alt: str = "",
                 lang: str = "", contents: str = "", keep: bool = False) -> None:
        self.role = role
        self.kids: list[Node | tuple[str, int] | _ObjRef] = []  # elements, (page, mcid), widgets
        self.attributes = attributes
        self.alt, self.lang, self.contents = alt, lang, contents
        self.keep = keep  # written even when empty (a table cell with nothing in it)

    def add(self, role: str, **kwargs) -> Node:
        node = Node(role, **kwargs)
        self.kids.append(node)
        return node

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Node({self.role}, {len(self.kids)} kids)"


class StructureRecorder:
    """Marked content, artifacts and annotations of one document, as the canvas draws them."""

    def __init__(self, root: Node | None = None) -> None:
        self.root = root or Node("Document")
        self._mode: str | None = None  # None, "artifact" or "tagged" on the current page
        self._page_kids: list[Node] = []  # the current page's marked content: mcid -> node
        self._pages: list[tuple[str, list[Node]]] = []  # (page name, its mcid -> node)
        self._annotations: list[tuple[PDFObject, Node]] = []
        self.annotation_owner: Node | None = None  # whose annotations the next ones are
        self.pending_label: tuple[Node, Node, str] | None = None  # a list item's Lbl, LBody, page
        self.suppressed = 0  # > 0 while drawing a repeat (a table's header row on a later page)

    # -- content stream operators ----------------------------------------------------------------
    def artifact(self, code: list[str]) -> None:
        """Whatever is drawn from here until the next tagged content is an artifact."""
        if self._mode is None:
            code.append("/Artifact BMC")
            self._mode = "artifact"

    def begin_pagination(self, code: list[str], kind: str) -> None:
        """Start a running header or footer (`kind` "Header" or "Footer")."""
        self._close(code)
        code.append(f"/Artifact <</Type /Pagination /Subtype /{kind}>> BDC")
        self._mode = "pagination"

    def begin(self, code: list[str], node: Node, page_name: str) -> None:
        """Start `node`'s content on the current page (a new marked-content id)."""
        if self.suppressed:
            return
        self._close(code)
        mcid = len(self._page_kids)
        self._page_kids.append(node)
        node.kids.append((page_name, mcid))
        code.append(f"/{_mc_tag(node.role)} <</MCID {mcid}>> BDC")
        self._mode = "tagged"

    def end(self, code: list[str]) -> None:
        """End tagged content (or a header or footer); what follows is an artifact again."""
        if self.suppressed:
            return
        self._close(code)
        self.artifact(code)

    def text_drawn(self, code: list[str], draw) -> None:
        """Call `draw()` (which draws one text object); the first text of a list item is its label,
        the rest its body."""
        if self.pending_label is None:
            draw()
            return
        label, body, page = self.pending_label
        self.pending_label = None
        self.begin(code, label, page)
        draw()
        self.begin(code, body, page)

    def _close(self, code: list[str]) -> None:
        if self._mode is not None:
            code.append("EMC")
            self._mode = None

    def close_page(self, code: list[str]) -> None:
        """Close whatever is open at the end of the page's content."""
        self._close(code)

    def page_keys(self, page: PDFPage, page_name: str) -> None:
        """Give a finished page its keys: tab order by structure, its marked content's parents."""
        page.__NoDefault__ = _PAGE_KEYS
        page.Tabs = PDFName("S")
        if self._page_kids:
            page.StructParents = len(self._pages)
            self._pages.append((page_name, self._page_kids))
        self._page_kids = []

    def annotation(self, annotation: PDFObject, ref: PDFObjectReference, page_name: str) -> None:
        """An annotation just added to the page (a form field's widget or a link), for the element
        drawing it (`annotation_owner`)."""
        owner = self.annotation_owner
        if owner is None:
            raise RuntimeError("an annotation was drawn outside a tagged form field or link")
        key = len(self._annotations)
        owner.kids.append(_ObjRef(ref.name, page_name))
        self._annotations.append((annotation, owner))
        _set_key(annotation, "StructParent", _AnnotationKey(self, key))
        if owner.contents:
            _set_key(annotation, "Contents", PDFString(owner.contents))

    @property
    def page_count(self) -> int:
        return len(self._pages)

    # -- writing ---------------------------------------------------------------------------------
    def write(self, doc, *, lang: str = "") -> None:
        """Add the structure tree to reportlab's `doc` (call just before the canvas is saved)."""
        root = _prune(self.root) or Node("Document", keep=True)
        names: dict[int, str] = {}
        order: list[tuple[Node, str]] = []

        def visit(node: Node, parent: str) -> None:
            names[id(node)] = name = f"SE{len(names) + 1}"
            order.append((node, parent))
            for kid in node.kids:
                if isinstance(kid, Node):
                    visit(kid, name)

        visit(root, "StructTreeRoot")
        for node, parent in order:
            doc.Reference(_Elem(_element(node, parent, names)), names[id(node)])
        pages, annotations = len(self._pages), len(self._annotations)
        nums: list[bytes] = []
        for key, (_page, kids) in enumerate(self._pages):
            nums.append(b"%d [%s]" % (key, b" ".join(_ref(names[id(n)]) for n in kids)))
        for key, (_annotation, owner) in enumerate(self._annotations, start=pages):
            nums.append(b"%d %s" % (key, _ref(names[id(owner)])))
        doc.Reference(_Elem([b"<< /Nums [" + b"\n".join(nums) + b"] >>"]), "StructParentTree")
        doc.Reference(_Elem([
            b"<< /Type /StructTreeRoot /K " + _ref(names[id(root)]) + b" /ParentTree "
            + _ref("StructParentTree") + b" /ParentTreeNextKey %d >>" % (pages + annotations)]),
            "StructTreeRoot")
        doc.Catalog.StructTreeRoot = PDFObjectReference("StructTreeRoot")
        doc.Catalog.MarkInfo = PDFDictionary({"Marked": "true"})
        if lang:
            doc.Catalog.Lang = PDFString(lang)


# -- writing helpers ----------------------------------------------------------------------------
_CONTAINERS = {"Document", "Div", "Sect", "Table", "TR", "L", "LI", "TOC", "TOCI"}


def _mc_tag(role: str) -> str:
    """The tag on a marked-content sequence: its element's role (a container's own content, which
    is rare, is marked as a Span)."""
    return "Span" if role in _CONTAINERS else role


class _ObjRef:
    """An annotation among an element's children (an OBJR)."""

    __slots__ = ("name", "page")

    def __init__(self, name: str, page: str) -> None:
        self.name, self.page = name, page


class _AnnotationKey(PDFObject):
    """An annotation's /StructParent: its key in the parent tree, which follows the pages' keys,
    so it is known only when the document is formatted."""

    def __init__(self, recorder: StructureRecorder, index: int) -> None:
        self.recorder, self.index = recorder, index

    def format(self, document) -> bytes:
        return b"%d" % (self.recorder.page_count + self.index)


def _element(node: Node, parent: str, names: dict[int, str]) -> list[bytes | PDFObject]:
    """The parts of `node`'s dictionary."""
    pages = [kid[0] for kid in node.kids if isinstance(kid, tuple)]
    home = pages[0] if pages else None
    kids: list[bytes] = []
    for kid in node.kids:
        if isinstance(kid, Node):
            kids.append(_ref(names[id(kid)]))
        elif isinstance(kid, tuple):
            page, mcid = kid
            kids.append(b"%d" % mcid if page == home else
                        b"<< /Type /MCR /Pg " + _ref(page) + b" /MCID %d >>" % mcid)
        else:
            kids.append(b"<< /Type /OBJR /Obj " + _ref(kid.name) + b" /Pg " + _ref(kid.page) + b" >>")
    parts: list[bytes | PDFObject] = [
        b"<< /Type /StructElem /S /" + node.role.encode("ascii") + b" /P " + _ref(parent)]
    if home is not None:
        parts.append(b" /Pg " + _ref(home))
    if kids:
        parts.append(b" /K [" + b" ".join(kids) + b"]")
    if node.attributes:
        parts.append(b" /A << " + b" ".join(b"/%s /%s" % (k.encode("ascii"), v.encode("ascii"))
                                           for k, v in node.attributes.items()) + b" >>")
    for key, text in (("Alt", node.alt), ("Lang", node.lang)):
        if text:
            parts += [b" /%s " % key.encode("ascii"), PDFString(text)]
    parts.append(b" >>")
    return parts


def _set_key(annotation: PDFObject, key: str, value) -> None:
    """Set `key` on a reportlab annotation: a widget (a PDFDictionary) or a link annotation."""
    if isinstance(annotation, PDFDictionary):
        annotation.dict[key] = value
        return
    if key not in annotation.permitted:
        annotation.permitted = (*annotation.permitted, key)
    annotation.otherkw[key] = value


def _prune(node: Node) -> Node | None:
    """`node` without empty elements (a paragraph that never reached a page); None if empty."""
    kids = []
    for kid in node.kids:
        if isinstance(kid, Node):
            kid = _prune(kid)
            if kid is None:
                continue
        kids.append(kid)
    node.kids = kids
    return node if kids or node.keep else None


def _ref(name: str) -> bytes:
    """A reference to the object named `name`, resolved when the element is formatted."""
    return b"\x00" + name.encode("ascii") + b"\x00"


class _Elem(PDFObject):
    """An object written as bytes, its references to other objects resolved when formatted."""

    __RefOnly__ = 1

    def __init__(self, parts: list[bytes | PDFObject]) -> None:
        self.parts = parts

    def format(self, document) -> bytes:
        out = []
        for part in self.parts:
            if not isinstance(part, bytes):
                out.append(part.format(document))
            elif b"\x00" in part:
                pieces = part.split(b"\x00")
                for index in range(1, len(pieces), 2):
                    pieces[index] = PDFObjectReference(pieces[index].decode("ascii")).format(document)
                out.append(b"".join(pieces))
            else:
                out.append(part)
        return b"".join(out)
