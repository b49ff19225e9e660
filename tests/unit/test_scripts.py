"""Finding right-to-left text (which the PDF would print reversed and unjoined) before an export."""

from __future__ import annotations

from reflect.domain.anonymisation import CheckedField
from reflect.domain.scripts import right_to_left_spans
from reflect.services.print_warnings import right_to_left_fields, right_to_left_sample


def test_arabic_hebrew_and_urdu_are_found_as_whole_runs():
    """Arabic, Hebrew and Urdu words are found, and a phrase of several words is one run."""
    arabic = "She said مرحبا بكم to me."
    assert right_to_left_spans(arabic) == [(9, 18)]
    assert arabic[9:18] == "مرحبا بكم"
    hebrew = "שלום and then תודה"
    assert [hebrew[a:b] for a, b in right_to_left_spans(hebrew)] == ["שלום", "תודה"]
    urdu = "The letter read: آپ کیسے ہیں"
    assert [urdu[a:b] for a, b in right_to_left_spans(urdu)] == ["آپ کیسے ہیں"]


def test_latin_text_with_a_stray_direction_mark_or_curly_quotes_is_not_flagged():
    """An invisible right-to-left mark, accents, curly quotes and dashes print fine: nothing found."""
    assert right_to_left_spans("A stray mark\u200f here") == []
    assert right_to_left_spans("“Café” — naïve, 12 Zoë Street") == []
    assert right_to_left_spans("") == []
    assert right_to_left_spans("Plain English only.") == []


def test_the_fields_holding_right_to_left_text_are_named_with_a_sample():
    """Only the fields with right-to-left text come back, in order; the sample is its first run."""
    fields = [CheckedField(1, None, "Title", "Home visit"),
              CheckedField(1, "description", "Description", "The family said السلام عليكم at the door."),
              CheckedField(2, None, "Tags", "family, שלום")]
    found = right_to_left_fields(fields)
    assert found == fields[1:]
    assert [right_to_left_sample(f) for f in found] == ["السلام عليكم", "שלום"]
    assert right_to_left_sample(CheckedField(3, None, "Title", "ا" * 50), most=10) == "ا" * 9 + "…"
