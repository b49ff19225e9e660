"""Reading 7-minute briefings from text, Markdown, Word and PDF files, and the bundled library.

`parse_text` and `read_briefing_file` return a `reflect.domain.briefing.Briefing` or raise
`reflect.domain.errors.BriefingFormatError` with a message for the practitioner. Nothing here
imports Qt or touches the journal.
"""

from reflect.briefings.library import BUNDLED_DIR, bundled_briefing_paths, load_bundled
from reflect.briefings.parser import parse_text
from reflect.briefings.readers import MAX_BYTES, read_briefing_bytes, read_briefing_file

__all__ = [
    "BUNDLED_DIR",
    "MAX_BYTES",
    "bundled_briefing_paths",
    "load_bundled",
    "parse_text",
    "read_briefing_bytes",
    "read_briefing_file",
]
