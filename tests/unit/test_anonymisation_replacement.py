"""The one-click replacement proposed for each kind of finding."""

from __future__ import annotations

import pytest

from reflect.domain.anonymisation import Finding, Replacement, check_text, suggested_replacement


def replaced(text: str) -> str:
    """`text` with every finding replaced by its suggestion (last first, so offsets hold)."""
    for finding in reversed(check_text(text)):
        start, end, new = suggested_replacement(finding, text)
        text = text[:start] + new + text[end:]
    return text


@pytest.mark.parametrize("text, expected", [
    ("Tom said no.", "T said no."),
    ("I spoke to Kayla's mum.", "I spoke to the child's mother."),
    ("Kayla's brother Dev was there.", "The child's brother D was there."),
    ("Kayla Smith was seen.", "KS was seen."),
    ("Mrs Smith and PC Hughes came.", "Mrs S and the police officer came."),
    ("She attends St Mary's Primary.", "She attends the school."),
    ("Little Acorns Nursery rang.", "The nursery rang."),
    ("The GP at Moss Lane Surgery agreed.", "The GP at the GP surgery agreed."),
    ("They live at 12 Acacia Road.", "They live at the family home."),
    ("The reference is LCS-2024-0193.", "The reference is the case reference."),
    ("Her Snapchat is kayla_xo07.", "Her Snapchat is a social media account."),
    ("Tom (7) was seen.", "T (primary-school age) was seen."),
    ("The boy, aged 14, left.", "The boy, of secondary-school age, left."),
    ("A 4-year-old boy.", "A pre-school-age boy."),
    ("The baby is 6 weeks old.", "The baby is a baby."),
    ("Since her 16th birthday.", "Since her birthday."),
    ("DOB 03/03/2016.", "DOB [date of birth removed]."),
    ("Call 07700 900123.", "Call [phone number removed]."),
])
def test_suggestions(text, expected):
    """Names become initials or roles, places their kind, ages a range, numbers a removal note."""
    assert replaced(text) == expected


def test_replacement_is_a_span_and_words():
    """A suggestion says which span of the text to replace, which may reach past the finding."""
    text = "I rang Kayla's mum."
    [finding] = check_text(text)
    suggestion = suggested_replacement(finding, text)
    assert isinstance(suggestion, Replacement)
    assert (finding.text, text[suggestion.start:suggestion.end]) == ("Kayla", "Kayla's mum")


def test_watch_terms_become_an_initial_or_a_removal_note():
    """A one-word capitalised watch term becomes its initial; anything else a removal note."""
    word = Finding("watch_term", "Kowalski", 0, 8, "", "", "")
    phrase = Finding("watch_term", "oak street", 0, 10, "", "", "")
    assert suggested_replacement(word, "Kowalski").new == "K"
    assert suggested_replacement(phrase, "oak street").new == "[removed]"
