"""PDF/UA-1 for the export tests: an offline checker's verdict, and the structure tree read back."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf
import pytest

page = pytest.importorskip("page", reason="page-validation is a test extra (scripts/test installs it)")


def ua1_failures(data: bytes, password: str | None = None) -> list[str]:
    """Every PDF/UA-1 rule the checker finds broken ("RULE: message"); [] when it conforms.

    The checker does not decrypt, so an encrypted file is checked as qpdf decrypts it."""
    if password is not None:
        with pikepdf.open(io.BytesIO(data), password=password) as pdf:
            out = io.BytesIO()
            pdf.save(out)
            data = out.getvalue()
    report = page.validate_pdf_bytes(data, profile="ua1")
    failures = sorted({f"{f.rule_id}: {f.message}" for f in report.failures})
    assert report.is_compliant == (not failures)
    return failures


@dataclass
class Element:
    """A structure element as read back: its role, attributes, children, text, annotations."""

    role: str
    attributes: dict[str, str] = field(default_factory=dict)
    kids: list[Element] = field(default_factory=list)
    text: str = ""
    annotations: list[str] = field(default_factory=list)  # the widgets' /T or the links' subtype

    @property
    def all_text(self) -> str:
        """Its own text and its descendants', in reading order."""
        return self.text + "".join(kid.all_text for kid in self.kids)

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def all(self, role: str) -> list[Element]:
        return [e for e in self.walk() if e.role == role]


@dataclass
class Tree:
    """A document's structure tree, and the text the pages show outside it."""

    root: Element
    artifacts: list[str]  # text shown inside artifacts (page furniture), one item per text operator
    untagged: list[str]  # text shown neither as tagged content nor as an artifact


def structure(data: bytes, password: str | None = None) -> Tree:
    """The document's structure tree with each element's own text (its marked content's, in
    order), read with pikepdf: the tree and the pages' marked content must agree."""
    with pikepdf.open(io.BytesIO(data), password=password or "") as pdf:
        texts, artifacts, untagged = _marked_texts(pdf)

        def read(elem) -> Element:
            node = Element(str(elem.get("/S", "")).lstrip("/"))
            if "/A" in elem:
                node.attributes = {str(k).lstrip("/"): str(v).lstrip("/") for k, v in elem.A.items()}
            home = elem.get("/Pg")
            kids = elem.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
            parts = []
            for kid in kids:
                if isinstance(kid, int):
                    parts.append(texts.pop((home.objgen, int(kid))))
                elif kid.get("/Type") == "/MCR":
                    parts.append(texts.pop((kid.Pg.objgen, int(kid.MCID))))
                elif kid.get("/Type") == "/OBJR":
                    annotation = kid.Obj
                    node.annotations.append(str(annotation.get("/T", annotation.get("/Subtype"))))
                else:
                    node.kids.append(read(kid))
            node.text = "".join(parts)
            return node

        root = read(pdf.Root.StructTreeRoot.K)
        assert not texts, f"marked content no element claims: {sorted(texts)[:5]}"
        return Tree(root, artifacts, untagged)


def _marked_texts(pdf):
    """(page, mcid) -> the text shown in that marked content; the text shown in artifacts; the
    text shown outside both. Form XObjects (Page X of Y) count as where they are drawn."""
    reader = _ContentReader()
    for pg in pdf.pages:
        reader.page(pg)
    return reader.tagged, reader.artifacts, reader.untagged


class _ContentReader:
    def __init__(self) -> None:
        self.tagged: dict[tuple[tuple[int, int], int], str] = {}
        self.artifacts: list[str] = []
        self.untagged: list[str] = []
        self.cmaps: dict[tuple[int, int], dict[int, str]] = {}
        self.stack: list[object] = []  # "artifact", an mcid, or None for other marked content
        self.key = (0, 0)

    def page(self, pg) -> None:
        self.key = pg.objgen
        self.run(pg, pg.Resources)
        assert self.stack == [], "unbalanced marked content"

    def show(self, text: str) -> None:
        mcids = [item for item in self.stack if isinstance(item, int)]
        if "artifact" in self.stack:
            self.artifacts.append(text)
        elif mcids:
            self.tagged[(self.key, mcids[-1])] += text
        elif text.strip():
            self.untagged.append(text)

    def run(self, stream_owner, resources) -> None:
        fonts = resources.get("/Font", {})
        font = None
        for operands, operator in pikepdf.parse_content_stream(stream_owner):
            op = str(operator)
            if op in ("BDC", "BMC"):
                props = operands[1] if op == "BDC" else None
                if str(operands[0]) == "/Artifact":
                    self.stack.append("artifact")
                elif isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    self.stack.append(int(props.MCID))
                    self.tagged.setdefault((self.key, int(props.MCID)), "")
                else:
                    self.stack.append(None)
            elif op == "EMC":
                self.stack.pop()
            elif op == "Tf":
                font = fonts.get(operands[0])
            elif op in ("Tj", "TJ", "'", '"'):
                strings = operands[-1] if op == "TJ" else [operands[-1]]
                self.show("".join(_decode(font, bytes(s), self.cmaps) for s in strings
                                  if isinstance(s, pikepdf.String)))
            elif op == "Do":
                xobject = resources.XObject[operands[0]]
                if xobject.get("/Subtype") == "/Form":
                    self.run(xobject, xobject.get("/Resources", resources))


def _decode(font, raw: bytes, cmaps: dict) -> str:
    """A simple font's codes as text, through its ToUnicode CMap."""
    key = font.objgen
    if key not in cmaps:
        table = {}
        if "/ToUnicode" in font:
            for line in font.ToUnicode.read_bytes().decode("latin-1").splitlines():
                parts = line.split()
                if len(parts) == 2 and parts[0].startswith("<") and parts[1].startswith("<"):
                    table[int(parts[0][1:-1], 16)] = chr(int(parts[1][1:-1], 16))
        cmaps[key] = table
    return "".join(cmaps[key].get(code, "\ufffd") for code in raw)
