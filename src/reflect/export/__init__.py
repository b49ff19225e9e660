"""PDF documents for the supervisor: the supervision pack, a portfolio and a single reflection.

No Qt and no database here: a renderer takes a frozen snapshot from `reflect.domain.report` (built
on the UI thread by `reflect.store.report_loader`), so it can run on a background thread, and
`write_pdf` puts the result in place atomically, optionally with an AES-256 password.

    options = ExportOptions(include_briefings=True, password=pw or None,
                            practitioner=settings.practitioner_name,
                            practitioner_role=settings.practitioner_role)
    report = ReportLoader(journal).session_report(session_id, options)     # UI thread
    renderer = SessionPackRenderer(report)
    result = write_pdf(renderer, target, password=options.password,        # background thread
                       progress=lambda done, total: ..., cancelled=lambda: ...)
    text = extract_text(result.path, options.password)  # anonymisation re-check
"""

from reflect.domain.lazy_names import lazy_getattr

# Loaded on first use: reportlab and pypdf take a tenth of a second to import, and start-up
# (which imports the export dialog's module) must not pay for them.
_WHERE = {
    "ExportCancelled": "writer", "ExportResult": "writer", "write_pdf": "writer",
    "PdfRenderer": "renderer", "PortfolioRenderer": "portfolio",
    "SessionPackRenderer": "session_pack", "SingleEntryRenderer": "single_entry",
    "extract_text": "pdf_text",
}
__all__ = sorted(_WHERE)

__getattr__ = lazy_getattr(__name__, _WHERE)
