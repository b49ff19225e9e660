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
        self._mode: str | None = None  # what is open on the page: None, "artifact", "pagination", "tagged"
        self._page_kids: list[Node] = []  # the current page's marked content: mcid -> node
        self._pages: list[tuple[str, list[Node]]] = []  # (page name, its mcid -> node)
        self._annotations: list[tuple[PDFObject, Node]] = []
        self.annotation_owner: Node | None = None  # whose annotations the next ones are
        self.pending_label: tuple[Node, Node, str] | None = None  # a list item's Lbl, LBody, page
        self.suppressed = 0  # > 0 while drawing a repeat (a table's header row on a later page)
        self._current: Node | None = None  # the element whose content was marked last

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
        self._current = node
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
        if owner is None:  # a link in a paragraph's text: its own Link there, described
            owner = (self._current or self.root).add("Link", keep=True, contents=_describe_link(annotation))
        owner.kids.append(_ObjRef(ref.name, page_name))
        self._annotations.append((annotation, owner))
        if owner.contents:
            _set_key(annotation, "Contents", PDFString(owner.contents))

    # -- writing ---------------------------------------------------------------------------------
    def write(self, doc) -> None:
        """Add the structure tree to reportlab's `doc`, after the last page and annotation (so
        every object it refers to has its number) and before the document is formatted."""
        root = _prune(self.root) or Node("Document", keep=True)
        order: list[tuple[Node, int]] = []  # (element, its parent's index; -1: the tree root)
        stack = [(root, -1)]
        while stack:
            node, parent = stack.pop()
            order.append((node, parent))
            index = len(order) - 1
            stack += [(kid, index) for kid in reversed(node.kids) if isinstance(kid, Node)]
        elements = [_Raw() for _ in order]
        tree_root, parent_tree = _Raw(), _Raw()
        refs = {id(node): _number(doc, element) for (node, _), element in zip(order, elements, strict=True)}
        root_ref, tree_ref = _number(doc, tree_root, "StructTreeRoot"), _number(doc, parent_tree)
        numbers = doc.idToObjectNumberAndVersion
        pages = {name: b"%d 0 R" % numbers[name][0] for name, _ in self._pages}

        def page_ref(name: str) -> bytes:
            if name not in pages:
                pages[name] = b"%d 0 R" % numbers[name][0]
            return pages[name]

        for (node, parent), element in zip(order, elements, strict=True):
            parent_ref = root_ref if parent < 0 else refs[id(order[parent][0])]
            element.data = _element(node, parent_ref, refs, page_ref, doc)
        nums = [b"%d [%s]" % (key, b" ".join(refs[id(n)] for n in kids))
                for key, (_page, kids) in enumerate(self._pages)]
        for key, (annotation, owner) in enumerate(self._annotations, start=len(self._pages)):
            _set_key(annotation, "StructParent", key)  # annotations are formatted after this
            nums.append(b"%d %s" % (key, refs[id(owner)]))
        parent_tree.data = b"<< /Nums [" + b"\n".join(nums) + b"] >>"
        tree_root.data = (b"<< /Type /StructTreeRoot /K " + refs[id(root)] + b" /ParentTree " + tree_ref
                          + b" /ParentTreeNextKey %d >>" % len(nums))
        doc.Catalog.StructTreeRoot = PDFObjectReference("StructTreeRoot")
        doc.Catalog.MarkInfo = PDFDictionary({"Marked": "true"})


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


def _element(node: Node, parent: bytes, refs: dict[int, bytes], page_ref, doc) -> bytes:
    """`node`'s dictionary: role, parent, page, children, attributes, alternative text, language."""
    home = next((kid[0] for kid in node.kids if isinstance(kid, tuple)), None)
    kids: list[bytes] = []
    for kid in node.kids:
        if isinstance(kid, Node):
            kids.append(refs[id(kid)])
        elif isinstance(kid, tuple):
            page, mcid = kid
            kids.append(b"%d" % mcid if page == home else
                        b"<< /Type /MCR /Pg %s /MCID %d >>" % (page_ref(page), mcid))
        else:
            number = doc.idToObjectNumberAndVersion[kid.name][0]
            kids.append(b"<< /Type /OBJR /Obj %d 0 R /Pg %s >>" % (number, page_ref(kid.page)))
    # /Type /StructElem is optional and left out: a 1,000-reflection portfolio has 30,000 elements
    out = [b"<< /S /", node.role.encode("ascii"), b" /P ", parent]
    if home is not None:
        out += [b" /Pg ", page_ref(home)]
    if len(kids) == 1:
        out += [b" /K ", kids[0]]
    elif kids:
        out += [b" /K [", b" ".join(kids), b"]"]
    if node.attributes:
        out += [b" /A << ", b" ".join(b"/%s /%s" % (k.encode("ascii"), v.encode("ascii"))
                                     for k, v in node.attributes.items()), b" >>"]
    for key, text in ((b"Alt", node.alt), (b"Lang", node.lang)):
        if text:
            out += [b" /", key, b" ", PDFString(text).format(doc)]
    out.append(b" >>")
    return b"".join(out)


def _describe_link(annotation: PDFObject) -> str:
    """What a link drawn by reportlab in a paragraph's text leads to, for its /Contents."""
    action = annotation.dict.get("A") if isinstance(annotation, PDFDictionary) else None
    uri = action.dict.get("URI") if isinstance(action, PDFDictionary) else None
    return f"Link to {uri.s}" if isinstance(uri, PDFString) else "Link to another part of this document"


def _set_key(annotation: PDFObject, key: str, value) -> None:
    """Set `key` on a reportlab annotation: a widget (a PDFDictionary) or a link annotation."""
    if isinstance(annotation, PDFDictionary):
        annotation.dict[key] = value
        return
    if key == "Contents":  # a LinkAnnotation writes its own attribute, as text
        annotation.Contents = value.s if isinstance(value, PDFString) else value
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


def _number(doc, obj: PDFObject, name: str | None = None) -> bytes:
    """Register `obj` with reportlab's `doc` (which numbers it at once); a reference to it."""
    ref = doc.Reference(obj, name)
    return b"%d 0 R" % doc.idToObjectNumberAndVersion[ref.name][0]


class _Raw(PDFObject):
    """An indirect object whose bytes are made before the document is formatted."""

    __RefOnly__ = 1
    data = b"null"

    def format(self, document) -> bytes:
        return self.data
