"""Text the PDF cannot print correctly, found before the export so nobody is surprised by it.

Right-to-left scripts (Arabic, Hebrew, Urdu…) would print reversed and with unjoined letters:
the renderer has no shaping or bidirectional ordering that keeps its line wrapping and the
after-export text check working. So the export says so first and goes on only when told to:
the window asks, the command line refuses unless `--accept-findings` is given (exit code 6).
"""

from __future__ import annotations

from collections.abc import Iterable

from reflect.domain.anonymisation import CheckedField
from reflect.domain.errors import ExportError
from reflect.domain.scripts import right_to_left_spans

RIGHT_TO_LEFT = ("Some text is in a right-to-left script (Arabic, Hebrew, Urdu…). Reflect cannot yet "
                 "print it correctly: it would appear reversed and with unjoined letters. Leave it out "
                 "or write it another way, or export anyway knowing it will print wrongly.")


class RightToLeftBlocksExport(ExportError):
    """Right-to-left text, not accepted, stands in the way of an export (it would print wrongly)."""

    exit_code = 6
    default_text = "Nothing was exported. " + RIGHT_TO_LEFT

    def __init__(self, fields: Iterable[CheckedField], message: str | None = None) -> None:
        super().__init__(message)
        self.fields = list(fields)


def right_to_left_fields(fields: Iterable[CheckedField]) -> list[CheckedField]:
    """The fields (from `exporting.checked_fields`) holding right-to-left text, in document order."""
    return [f for f in fields if right_to_left_spans(f.text)]


def right_to_left_sample(field: CheckedField, most: int = 30) -> str:
    """The field's first run of right-to-left text, shortened to `most` characters."""
    spans = right_to_left_spans(field.text)
    if not spans:
        return ""
    start, end = spans[0]
    text = " ".join(field.text[start:end].split())
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"
