"""Counts in words follow one rule everywhere ("1 minute", "2 minutes")."""

from __future__ import annotations

from reflect.domain.wording import noun, plural


def test_one_is_singular_and_every_other_count_plural():
    """1 takes the singular; 0, 2 and thousands the plural, with a thousands separator."""
    assert [plural(n, "minute") for n in (0, 1, 2, 1204)] == [
        "0 minutes", "1 minute", "2 minutes", "1,204 minutes"]


def test_irregular_plurals():
    """A noun whose plural is not "+s" gives it; the bare noun follows the same rule."""
    assert plural(1, "person", "people") == "1 person"
    assert plural(3, "person", "people") == "3 people"
    assert (noun(1, "is", "are"), noun(2, "is", "are")) == ("is", "are")
