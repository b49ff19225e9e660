"""Counts in words: "1 minute", "3 minutes", "1,204 reflections".

One rule for the whole app, so no screen says "1 minutes" or hedges with "backup(s)". Most nouns
take an "s"; the few that do not ("1 person", "3 people") pass their plural form.
"""

from __future__ import annotations


def noun(count: int, singular: str, plural_form: str | None = None) -> str:
    """The noun alone, in the form `count` wants: noun(1, "day") == "day", noun(2, "day") == "days"."""
    return singular if count == 1 else plural_form or singular + "s"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """e.g. "1 reflection", "3 reflections", "1,204 reflections"."""
    return f"{count:,} {noun(count, singular, plural_form)}"
