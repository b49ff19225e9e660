"""The anonymisation check: what in a reflection may identify a child, a family or a colleague.

Reflections must not identify people (joint statement of the UK health and care regulators, 2019;
ICO anonymisation guidance, 2025: removing a name is rarely enough). Before every export the export
flow gives `check_fields` every piece of text that will go into the document; the review dialog
lists the findings, and the user edits the text in place, accepts a finding as not identifying (the
journal remembers its (kind, text) pair) or leaves the entry out. After the PDF is written its
extracted text goes through `check_text` again, so every detector copes with PDF line breaks,
hyphenation, ligatures and odd spacing.

One module per detector, each with its rules and the reasons for them: `nhs_number`, `ni_number`,
`postcode`, `phone`, `email`, `dates`, `ages`, `title_name`, `watch_list`. They run on a normalised
copy of the text (`normalise`) through `scan`, which shares the work several need (`digit_groups`);
`check` runs them all and settles overlaps; `labels` and `context` word what the user sees. Pure
Python: no Qt, no SQL.
"""

from reflect.domain.anonymisation.check import CheckStopped, blocking, check_fields, check_text
from reflect.domain.anonymisation.finding import KINDS, CheckedField, Finding
from reflect.domain.anonymisation.nhs_number import is_valid_nhs_number

__all__ = [
    "KINDS", "CheckStopped", "CheckedField", "Finding", "blocking", "check_fields", "check_text",
    "is_valid_nhs_number",
]
