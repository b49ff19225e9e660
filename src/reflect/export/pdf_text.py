"""The text of a written PDF, read back with pypdf.

Used after every export to run the anonymisation check again on what actually reached the page
(so nothing the renderer added or changed slips past it), and by the tests.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from reflect.domain.errors import ExportError


def extract_text(path: Path, password: str | None = None) -> str:
    """All pages' text, one page per block separated by a blank line.

    Raises ExportError if the file cannot be read or the password does not open it.
    """
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(password or ""):
            raise ExportError("That password does not open this PDF.")
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except ExportError:
        raise
    except (OSError, PdfReadError, ValueError) as exc:
        raise ExportError("The PDF could not be read back to check it.") from exc
