"""Which journal and which export a pack came from, written into the PDF's metadata.

When a supervisor's reply comes back, the journal must know it is one of its own packs and which
export it answers, without trusting anything the supervisor could see as a secret: so the PDF
carries two plain identifiers, the journal's stable id and a fresh UUID for this export, in the
document information dictionary (custom keys, which readers keep on save) and in the XMP metadata
(which some readers prefer and rewrite, keeping namespaces they do not know). Neither is a secret;
the integrity check is the export log's page fingerprints, kept in the journal.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as xml_escape

from reportlab.pdfbase.pdfdoc import XMP, PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.platypus import Flowable

from reflect.export.escape import clean

#: custom keys of the document information dictionary
INFO_EXPORT_ID = "/ReflectExportId"
INFO_JOURNAL_ID = "/ReflectJournalId"
XMP_NAMESPACE = "urn:reflect:pack:1"


def new_export_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class PackIdentity:
    journal_id: str = ""
    export_id: str = field(default_factory=new_export_id)


class _InfoWithIdentity(PDFInfo):
    """reportlab's document information with our keys added (it has no hook for extra keys).

    The document holds on to its information object (and may already have given it an object
    number), so `adopt` changes that object's class rather than replacing it."""

    extra: dict[str, str]

    @classmethod
    def adopt(cls, info: PDFInfo, extra: dict[str, str]) -> None:
        info.__class__ = cls
        info.extra = extra

    def format(self, document):
        entries = {
            "Title": PDFString(self.title), "Author": PDFString(self.author),
            "Producer": PDFString(self.producer), "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        entries["ModDate"] = entries["CreationDate"] = PDFDate(ts=document._timeStamp,
                                                               dateFormatter=self._dateFormatter)
        entries.update({key.lstrip("/"): PDFString(value) for key, value in self.extra.items()})
        return PDFDictionary(entries).format(document)


def xmp_packet(identity: PackIdentity | None, *, title: str, author: str, subject: str) -> bytes:
    """The XMP metadata: the usual Dublin Core and PDF properties (matching the document
    information, as readers expect), the PDF/UA-1 identifier, and a pack's two identifiers."""

    def text(value: str) -> str:
        return xml_escape(clean(value))

    ids = ""
    if identity is not None:
        ids = f"""
   <xmpMM:DocumentID>uuid:{text(identity.export_id)}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{text(identity.export_id)}</xmpMM:InstanceID>
   <reflect:ExportId>{text(identity.export_id)}</reflect:ExportId>
   <reflect:JournalId>{text(identity.journal_id)}</reflect:JournalId>"""

    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:reflect="{XMP_NAMESPACE}">
   <pdfuaid:part>1</pdfuaid:part>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(subject)}</rdf:li></rdf:Alt></dc:description>
   <pdf:Producer>Reflect (ReportLab)</pdf:Producer>
   <xmp:CreatorTool>Reflect</xmp:CreatorTool>{ids}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")


class _MetadataMark(Flowable):
    """Invisible; when drawn (on the first page) sets the document's metadata."""

    _ZEROSIZE = 1

    def __init__(self, *, title: str, author: str, subject: str) -> None:
        super().__init__()
        self.texts = {"title": title, "author": author, "subject": subject}

    def wrap(self, availWidth, availHeight):
        return 0, 0


class IdentityMark(_MetadataMark):
    """Puts a pack's identity into its metadata."""

    def __init__(self, identity: PackIdentity, **texts: str) -> None:
        super().__init__(**texts)
        self.identity = identity

    def draw(self) -> None:
        doc = self.canv._doc
        _InfoWithIdentity.adopt(doc.info, {INFO_EXPORT_ID: self.identity.export_id,
                                           INFO_JOURNAL_ID: self.identity.journal_id})
        set_metadata(doc, xmp_packet(self.identity, **self.texts))


def set_metadata(doc, packet: bytes) -> None:
    """Make `packet` the document's XMP metadata (reportlab's `doc`)."""
    doc.Catalog.Metadata = _PlainXMP(creator=lambda _doc: packet)


class _PlainXMP(XMP):
    """XMP metadata left uncompressed, so tools that do not decompress streams can read it, and
    with no /Filter entry at all (reportlab would write an empty one, which checkers reject)."""

    def format(self, doc):
        filters, doc.defaultStreamFilters = doc.defaultStreamFilters, None
        try:
            return super().format(doc)
        finally:
            doc.defaultStreamFilters = filters


class DocumentMark(_MetadataMark):
    """First in every document's story: hands the canvas the document's structure tree
    (`tagging`) and writes the XMP metadata every document has (a pack's `IdentityMark`, drawn
    after it, adds the pack's identifiers)."""

    def __init__(self, root, **texts: str) -> None:
        super().__init__(**texts)
        self.root = root

    def draw(self) -> None:
        structure = getattr(self.canv, "structure", None)
        if structure is not None:
            structure.root = self.root
        set_metadata(self.canv._doc, xmp_packet(None, **self.texts))
