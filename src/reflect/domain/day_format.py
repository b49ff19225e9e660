"""How the app writes a day: "Fri 15 Jan 2027", in lists, forms, date fields and PDFs alike.

Apart from `dates` (which reads what people type) so that the first screen, which only writes
days, does not load the reading rules and their patterns.
"""

from __future__ import annotations

from datetime import date


def format_day(day: date) -> str:
    """How the app writes a day: "Fri 15 Jan 2027" (also what the date fields show)."""
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')}"
