"""The anonymisation check: what in a reflection may identify a child, a family or a colleague.

Reflections must not identify people (joint statement of the UK health and care regulators, 2019;
ICO anonymisation guidance, 2025: removing a name is rarely enough). Before every export the export
flow gives `check_fields` every piece of text that will go into the document; the review dialog
lists the findings, and the user edits the text in place, accepts a finding as not identifying (the
journal remembers its (kind, text) pair) or leaves the entry out. After the PDF is written its
extracted text goes through `check_text` again, so every detector copes with PDF line breaks,
hyphenation, ligatures and odd spacing.

One module per detector, each with its rules and the reasons for them: `nhs_number`, `ni_number`,
`postcode`, `phone`, `email`, `handle`, `vehicle_registration`, `reference`, `dates`, `ages`,
`place`, `address`, `title_name`, `names`, `watch_list`. They run on a normalised copy of the
text (`normalise`) through `scan`, which shares the work several need (`digit_groups`); `check`
runs them all and settles overlaps; `labels` and `context` word what the user sees, and
`replacement` proposes the anonymised wording for a one-click fix.

The name detector weighs each capitalised word against word lists bundled in `resources/`
(`lexicon`: ONS given names, US census surnames, the UK spelling list's commonness tiers), the
words of the trade that are not names (`non_names`), and its context (`name_cues`); `place` and
`address` read the capitalised words before a kind of place or a street word (`capitalised`).
The lists are read once, on first use (`lexicon.lexicon()`, about 0.1 s). Callers pass the words
that are known not to be names here (the practitioner's own name, the briefing, the model's
prompts) as `not_names`. Pure Python: no Qt, no SQL.
"""

from reflect.domain.anonymisation.check import CheckStopped, blocking, check_fields, check_text
from reflect.domain.anonymisation.finding import KINDS, CheckedField, Finding
from reflect.domain.anonymisation.nhs_number import is_valid_nhs_number
from reflect.domain.anonymisation.replacement import Replacement, suggested_replacement

__all__ = [
    "KINDS", "CheckStopped", "CheckedField", "Finding", "Replacement", "blocking", "check_fields",
    "check_text", "is_valid_nhs_number", "suggested_replacement",
]
