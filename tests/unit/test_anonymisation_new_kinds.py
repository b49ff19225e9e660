"""Issue 13's new kinds and forms: places, addresses, references, handles, plates, ages, NI, births."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.domain.anonymisation import check_text

TODAY = date(2026, 6, 1)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in check_text(text, today=TODAY)]


@pytest.mark.parametrize("text, expected", [
    ("She attends St Mary's Primary.", "St Mary's Primary"),
    ("Little Acorns Nursery called.", "Little Acorns Nursery"),
    ("The GP at Moss Lane Surgery agreed.", "Moss Lane Surgery"),
    ("He goes to Hindley High School.", "Hindley High School"),
    ("They live on the Beech Hill estate.", "Beech Hill estate"),
    ("She goes to St Jude's on the bus.", "St Jude's"),
    ("Taken to Royal Bolton Hospital by ambulance.", "Royal Bolton Hospital"),
])
def test_places_found(text, expected):
    """Named schools, nurseries, surgeries, hospitals and estates are places."""
    assert kinds(text) == [("place", expected)]


@pytest.mark.parametrize("text", [
    "The Virtual School Head came.", "The Children's Centre helped.", "Wigan High Street was busy.",
    "Reflective Practice is on Friday.", "The Wigan Infant Feeding Team visited.", "the estate agent",
    "We met at the Sure Start Centre.", "The Primary Care Trust closed.",
])
def test_not_places(text):
    """Kinds of place with no distinctive name, and services, are not places."""
    assert kinds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("They live at 12 Acacia Road, Wigan.", "12 Acacia Road"),
    ("She is in flat 3 now.", "flat 3"),
    ("Moved to Flat 2b, Brook House.", "Flat 2b, Brook House"),
    ("He lives on Moss Lane.", "Moss Lane"),
    ("Police went to 14-16 Market Street.", "14-16 Market Street"),
    ("She lives at Rose Cottage.", "Rose Cottage"),
])
def test_addresses_found(text, expected):
    """House numbers with streets, flats, named houses and lived-on streets are addresses."""
    assert kinds(text) == [("address", expected)]


@pytest.mark.parametrize("text", [
    "We walked down the High Street.", "Close monitoring is needed.", "The road ahead is long.",
    "The flat 3 weeks later was empty.", "The meeting was at Brook House.", "Coronation Street is on.",
])
def test_not_addresses(text):
    """Famous streets, street words without names, time spans and meeting places are not addresses."""
    assert kinds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The case reference is LCS-2024-0193.", "LCS-2024-0193"), ("Case no. 48213 closed.", "48213"),
    ("See ref: 2291/B.", "2291/B"), ("The CP-123456 plan.", "CP-123456"),
    ("Crime ref 06/123456/24 given.", "06/123456/24"), ("His case number is 77120.", "77120"),
    ("Mosaic ID 1234567 has it.", "1234567"), ("File WG/2023/0044 is open.", "WG/2023/0044"),
])
def test_references_found(text, expected):
    """Cued numbers and letter-digit codes are references."""
    assert kinds(text) == [("reference", expected)]


@pytest.mark.parametrize("text", [
    "Ref 2019/1234, version 2.1.", "Case 12 was discussed.", "COVID-19 changed things.",
    "ISO-9001 applies.", "In KS2 and Y6.", "Section 47 (S47).", "The case in 2019.",
    "The incident on 12/03/2024 was reported.",
])
def test_not_references(text):
    """Documents, short numbers, standards, sections, years and dates are not references."""
    assert kinds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Her Snapchat is kayla_xo07.", "kayla_xo07"), ("He follows @dev.07x online.", "@dev.07x"),
    ("See facebook.com/dev.jones.77 for it.", "facebook.com/dev.jones.77"),
    ("Posted on tiktok.com/@maisie.t_09 today.", "tiktok.com/@maisie.t_09"),
])
def test_handles_found(text, expected):
    """@handles, profile links and usernames after a platform are handles."""
    assert kinds(text) == [("handle", expected)]


@pytest.mark.parametrize("text", ["Follow @wiganlscp and @NSPCC.", "Meet @ 3pm.", "Her Snapchat is private."])
def test_not_handles(text):
    """Organisations' handles, a bare '@' and ordinary words after a platform are not handles."""
    assert kinds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Mum's car, MA19 KXT, was outside.", "MA19 KXT"), ("The van was K123 ABC.", "K123 ABC"),
    ("He drove a Corsa, reg ABC 123D.", "ABC 123D"), ("The car (ma19 kxt) left.", "ma19 kxt"),
])
def test_vehicle_registrations_found(text, expected):
    """Current plates alone, and older or small-letter plates near a vehicle word, are found."""
    assert kinds(text) == [("vehicle_registration", expected)]


@pytest.mark.parametrize("text", ["In Y6 SEN support helped.", "A1 BBC news.", "MA99 KXT is no plate.",
                                  "K123 ABC"])
def test_not_vehicle_registrations(text):
    """Codes that look like old plates, away from any vehicle, and impossible age identifiers are not."""
    assert kinds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Tom is 7 and loves football.", ["name:Tom", "age:7"]), ("She is 14.", ["age:14"]),
    ("Kayla (7) was seen.", ["name:Kayla", "age:7"]), ("Mum, 32, works nights.", ["age:32"]),
    ("Her son turned 16 last month.", ["age:16"]), ("Since her 16th birthday.", ["age:16th"]),
    ("She is a girl of 9.", ["age:9"]), ("He has just turned 5.", ["age:5"]),
])
def test_ages_said_of_a_person(text, expected):
    """'is 7', '(7)', ', 32,', 'turned 16', '16th birthday', 'a girl of 9' are exact ages."""
    assert [f"{k}:{t}" for k, t in kinds(text)] == expected


@pytest.mark.parametrize("text", [
    "It is 7 o'clock.", "There is 1 child.", "The score is 7/10.", "Section 47 (7) applies.",
    "Appendix (2) says so.", "The house is 3 miles away.", "On Monday, 3 March we met.",
    "more than any nine-year-old should",
])
def test_not_ages_said_of_a_person(text):
    """Times, counts, scores, sections, distances, dates and generic ages are not exact ages."""
    assert kinds(text) == []


@pytest.mark.parametrize("written", ["ab 12 34 56 c", "ab123456c", "Ab 12 34 56 C"])
def test_ni_numbers_in_any_case_and_spacing(written):
    """NI numbers in small letters, with or without spaces, are found."""
    assert kinds(f"Her NI number is {written}") == [("ni_number", written)]


@pytest.mark.parametrize("text, expected", [
    ("DOB: 2016-03-03", "2016-03-03"), ("She was born 3rd March 2016.", "3rd March 2016"),
    ("He was born in March 2016.", "March 2016"), ("Her birthday is 12 March.", "12 March"),
    ("d.o.b. 03.03.2016", "03.03.2016"), ("Date of birth 14/07/2019.", "14/07/2019"),
])
def test_dates_of_birth_found(text, expected):
    """Dates with a birth cue, in ISO, numeric and written forms, are dates of birth."""
    assert kinds(text) == [("date_of_birth", expected)]


@pytest.mark.parametrize("text", [
    "The meeting on 12/03/2019 went well.", "Date: 3 March 2026", "Due 14/07/2026.",
    "Next review: 2026-09-01.", "Reviewed on 1 June 2025.",
])
def test_other_dates_are_never_findings(text):
    """Meeting dates, due dates and the template's Date field are not findings."""
    assert kinds(text) == []
