"""PDF documents for the supervisor: the supervision pack, a portfolio and a single reflection.

No Qt and no database here: a renderer takes a frozen snapshot from `reflect.domain.report` (built
on the UI thread by `reflect.store.report_loader`), so it can run on a background thread, and
`write_pdf` puts the result in place atomically, optionally with an AES-256 password.

    options = ExportOptions(include_briefings=True, password=pw or None,
                            practitioner=settings.practitioner_name)
    report = ReportLoader(journal).session_report(session_id, options)     # UI thread
    renderer = SessionPackRenderer(report)
    result = write_pdf(renderer, target, password=options.password,        # background thread
                       progress=lambda done, total: ..., cancelled=lambda: ...)
    text = extract_text(result.path, options.password)  # anonymisation re-check
"""

from reflect.export.pdf_text import extract_text
from reflect.export.portfolio import PortfolioRenderer
from reflect.export.renderer import PdfRenderer
from reflect.export.session_pack import SessionPackRenderer
from reflect.export.single_entry import SingleEntryRenderer
from reflect.export.writer import ExportCancelled, ExportResult, write_pdf

__all__ = [
    "ExportCancelled",
    "ExportResult",
    "PdfRenderer",
    "PortfolioRenderer",
    "SessionPackRenderer",
    "SingleEntryRenderer",
    "extract_text",
    "write_pdf",
]
