"""Email addresses: a local part, "@", and a domain.

An address usually carries a name ("jane.smith@…") and reaches a person directly. A bare "@handle"
(nothing before the "@") is not reported.

Text extracted from a PDF breaks an address that is wider than the column anywhere, without a
hyphen: "m.kowalska@exa\nmple.com". So the domain need not have a dot (what is left on the line is
still worth a finding), and a domain with no dot yet, or ending in a dot, continues across a line
break when the next line starts with a small letter or a digit ("gov.uk", not "The"). The start is
not extended backwards: an address at the start of a line is far more common than one split inside
its name, and joining the previous line's last word would report "to\njane@…" for "jane@…".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.scan import ScanText

KIND = "email"
# A domain's next piece after a line break: small letters or digits (a capital starts a sentence).
_CONTINUATION = re.compile(r"\.? ([a-z0-9](?:[\w-]*\w)?(?:\.\w(?:[\w-]*\w)?)*)")
_AT = re.compile("@")
_EMAIL = re.compile(
    r"(?<![\w.%+'-])[\w%+'-](?:[\w.%+'-]*[\w%+'-])?"  # local part: no dot at either end
    r"@[^\W_](?:[\w-]*\w)?(?:\.\w(?:[\w-]*\w)?)*"  # domain: labels joined by dots
)


def find(scan: ScanText) -> Iterator[Hit]:
    """Email addresses in the scanned text."""
    text = scan.text
    # A local part has at most 64 characters, a domain at most 255.
    for match in scan.matches(_EMAIL, _AT, 64, 255, lower=False):
        end = match.end()
        domain = match.group().rsplit("@", 1)[1]
        while True:
            more = _CONTINUATION.match(text, end)
            if more is None or not scan.is_line_break(more.start(1) - 1):
                break
            if "." in domain and more.group()[0] != ".":
                break
            domain += more.group(1)
            end = more.end()
        yield Hit(KIND, match.start(), end)
