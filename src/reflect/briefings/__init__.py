"""Reading 7-minute briefings from text, Markdown, Word and PDF files, and the bundled library.

`parse_text` and `read_briefing_file` return a `reflect.domain.briefing.Briefing` or raise
`reflect.domain.errors.BriefingFormatError` with a message for the practitioner. Nothing here
imports Qt or touches the journal.
"""

from reflect.domain.lazy_names import lazy_getattr

# Loaded on first use: the Word and PDF readers pull in python-docx and pypdf, which start-up
# does not need.
_WHERE = {
    "BUNDLED_DIR": "library", "bundled_briefing_paths": "library", "load_bundled": "library",
    "parse_text": "parser", "MAX_BYTES": "readers", "read_briefing_bytes": "readers",
    "read_briefing_file": "readers", "load_readers": "readers",
}
__all__ = sorted(_WHERE)

__getattr__ = lazy_getattr(__name__, _WHERE)
