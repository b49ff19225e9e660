"""Each anonymisation detector: what it must find, and what it must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.domain.anonymisation import check_text, is_valid_nhs_number

TODAY = date(2026, 6, 1)


def kinds(text: str, **kwargs) -> list[tuple[str, str]]:
    """(kind, text) of every finding in `text`."""
    return [(f.kind, f.text) for f in check_text(text, today=TODAY, **kwargs)]


def nhs_check_digit(nine: str) -> int | None:
    """The Modulus 11 check digit for nine digits, computed independently of the code under test."""
    remainder = sum(int(d) * (10 - i) for i, d in enumerate(nine)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else check


def valid_nhs(nine: str) -> str:
    """Nine digits plus their check digit."""
    check = nhs_check_digit(nine)
    assert check is not None
    return nine + str(check)


# -- NHS numbers ----------------------------------------------------------------------------------

def test_commonly_cited_nhs_number_is_valid():
    """943 476 5919, the usual example, has a valid check digit by the algorithm in this test."""
    assert nhs_check_digit("943476591") == 9
    assert is_valid_nhs_number("9434765919")


@pytest.mark.parametrize("number", [valid_nhs("943476591"), valid_nhs("401023213"), valid_nhs("485777345")])
@pytest.mark.parametrize("layout", ["{0}{1}{2}", "{0} {1} {2}", "{0}-{1}-{2}", "{0}  {1}   {2}",
                                    "{0}\n{1} {2}"])
def test_valid_nhs_number_in_any_spacing(number, layout):
    """A valid NHS number is found whether unbroken, spaced, hyphenated or broken over lines."""
    written = layout.format(number[:3], number[3:6], number[6:])
    assert kinds(f"NHS no. {written} was on the referral.") == [("nhs_number", written)]


def test_nhs_number_with_bad_check_digit_is_not_flagged():
    """943 476 5918 fails the check digit: it is not an NHS number.

    Issue 13: after "Case reference" it is now reported as a case reference (it was not reported)."""
    assert kinds("Case reference 943 476 5918 on the file.") == [("reference", "943 476 5918")]
    assert kinds("Case reference 9434765918 on the file.") == [("reference", "9434765918")]
    assert kinds("The number 943 476 5918 on the file.") == []


def test_digits_in_a_longer_run_are_not_an_nhs_number():
    """A valid NHS number inside a 12- or 13-digit number is not reported."""
    assert kinds("Order 943476591912 and 9434765919123.") == []
    assert kinds("Value 0.9434765919 and 9434765919.5 units.") == []


def test_nhs_number_after_another_number():
    """'ref 12 943 476 5919' finds the whole groups that make a valid number."""
    assert kinds("ref 12 943 476 5919") == [("nhs_number", "943 476 5919")]


def test_nhs_number_wins_over_phone():
    """A 10-digit number starting 0 with a valid check digit is an NHS (or CHI) number, not a phone."""
    number = valid_nhs("010101123")
    assert kinds(f"Number {number} given.") == [("nhs_number", number)]


# -- National Insurance numbers -------------------------------------------------------------------

@pytest.mark.parametrize("written", ["AB123456C", "AB 12 34 56 C", "ab123456c", "JG103759A", "AB123456",
                                     "CE-12-34-56-D", "AB 12\n34 56 C", "AB 12 34 56 c"])
def test_ni_numbers_found(written):
    """NI numbers are found in any case and spacing, with or without the suffix."""
    assert kinds(f"NI: {written} noted") == [("ni_number", written)]


@pytest.mark.parametrize("written", ["QQ123456C", "DA123456A", "FA123456A", "IA123456A", "UA123456A",
                                     "VA123456A", "AO123456A", "AD123456A", "BG123456A", "GB123456A",
                                     "NK123456A", "KN123456A", "TN123456A", "NT123456A", "ZZ123456A",
                                     "AB12345C", "AB123456E", "XAB123456C", "on 12-03-19", "At 12 34 56"])
def test_invalid_ni_numbers_not_found(written):
    """Excluded letters, unallocated prefixes, wrong lengths, bad suffixes and words are not NI numbers."""
    assert [k for k, _ in kinds(f"Code {written} here") if k == "ni_number"] == []


def test_ni_number_leaves_next_word_alone():
    """'AB 12 34 56 a child' reports the number without the following word 'a'."""
    assert kinds("NI AB 12 34 56 a child") == [("ni_number", "AB 12 34 56")]


# -- Postcodes ------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["WN1 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX",
                                  "EC1A 1BB", "wn11aa", "GIR 0AA", "SW1A2AA", "M1\n1AE"])
def test_postcodes_found(code):
    """Full postcodes in every format, any case, with or without the space, are found."""
    assert kinds(f"They moved to {code} last year.") == [("postcode", code)]


@pytest.mark.parametrize("text", ["Do you understand your role in the CIN 12 process?",
                                  "Stuck on the M6 motorway.", "Take the A1 north.", "WN1 alone.",
                                  "In Y6 2nd half term.", "the M1 1st junction", "XX1 1AA", "WN1 1CA"])
def test_not_postcodes(text):
    """Outward codes alone, road numbers, ordinals and impossible codes are not postcodes."""
    assert kinds(text) == []


# -- Phones ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["01942 123456", "07700 900123", "+44 7700 900123", "(0161) 496 0000",
                                    "020 7946 0000", "07700-900-123", "07700900123", "+44 (0)161 496 0000",
                                    "0044 7700 900123", "0800 123 456", "07700\n900123"])
def test_phone_numbers_found(number):
    """UK landlines and mobiles in national and +44 forms are found."""
    assert kinds(f"Call {number} today") == [("phone", number)]


@pytest.mark.parametrize("text", ["Met on 01/02/2019 at 10:30.", "Met 01-02-2019.", "It was 07.30.",
                                  "Page 0161 of 2.", "Reference 1234567890.", "01 02 2019 10 30",
                                  "Call 0161 496.", "Score 06 12 2019 1 2"])
def test_not_phone_numbers(text):
    """Dates, times, short numbers and non-UK shapes are not phone numbers."""
    assert [k for k, _ in kinds(text) if k == "phone"] == []


# -- Emails ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("address", ["jane.smith@wigan.gov.uk", "j_smith+school@example.org", "a@b.co"])
def test_emails_found(address):
    """Email addresses are found."""
    assert kinds(f"Emailed {address}.") == [("email", address)]


def test_not_emails():
    """A bare @handle and an @ between spaces are not email addresses."""
    assert kinds("Tweeted @wiganlscp and met @ 3.") == []


# -- Dates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["12/03/2019", "12-03-19", "12.03.2019", "12 March 2019",
                                     "12th March 2019", "March 12, 2019", "12th of March, 2019",
                                     "12 Mar. 2019", "12 / 03 / 2019", "12 March\n2019"])
def test_dates_near_birth_words_are_dates_of_birth(written):
    """Full dates in common UK forms next to 'DOB' or 'born' are reported as dates of birth."""
    for lead in ("DOB: ", "She was born on ", "d.o.b. ", "Date of birth "):
        found = check_text(f"{lead}{written} noted", today=TODAY)
        assert [(f.kind, f.text, f.label) for f in found] == [("date_of_birth", written, "Date of birth")]


def test_day_and_month_near_birth_word():
    """'born on 12 March' (no year) is still a date of birth."""
    assert kinds("He was born on 12 March at home.") == [("date_of_birth", "12 March")]


def test_full_date_elsewhere_is_not_a_finding():
    """Issue 13: a past full date away from birth words and ages (a meeting) is no longer reported."""
    assert check_text("The meeting on 12/03/2019 went well.", today=TODAY) == []


def test_full_date_beside_an_age_has_softer_label():
    """A full date beside an exact age is reported as a likely date of birth."""
    found = check_text("The boy, aged 7 (12/03/2019), was seen.", today=TODAY)
    assert [(f.kind, f.label) for f in found if f.kind == "date_of_birth"] == [
        ("date_of_birth", "Full date beside an age (could be a date of birth)")]


@pytest.mark.parametrize("text", ["In March 2019 we met.", "In 2017 Child R died.", "We met on 12 March.",
                                  "Next session 12/03/2027.", "The 31/02/2019 entry.", "Version 1.2.3",
                                  "14 days after the birth", "Year 2019/20 plan"])
def test_not_dates_of_birth(text):
    """Month-year, years, day-month without birth words, future and impossible dates are not reported."""
    assert kinds(text) == []


def test_birth_word_in_an_earlier_sentence_does_not_count():
    """'born.' in the sentence before does not make the next sentence's date a date of birth.

    Issue 13: such a date is now not reported at all (it was a possible date of birth before)."""
    found = check_text("She was born. On 12/03/2019 the plan began.", today=TODAY)
    assert [f.label for f in found] == []


# -- Ages -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["aged 4", "age 4", "4-year-old", "4 year old", "4 years old",
                                     "four-year-old", "4yo", "4 months old", "18-month-old", "aged 16 months",
                                     "14 year old", "twenty-one-year-old", "aged seventeen", "4½-year-old",
                                     "16 years of age", "at the age of 4", "6 week old", "Age: 4"])
def test_exact_ages_found(written):
    """Exact ages in digits and words, in the usual forms, are found."""
    assert kinds(f"The child, {written}, was seen.") == [("age", written)]


@pytest.mark.parametrize("text", ["I qualified 4 years ago.", "I worked there for 4 years.",
                                  "I have 4 years' experience.", "Services for over 18s.",
                                  "Our under-5s group.",
                                  "Young people aged 18 and over.", "Children aged 4-6 attend.",
                                  "under the age of 18", "a class of 4-year-olds", "aged 16 or under",
                                  "children under 5 years old", "Stage 4 of the plan", "page 4 years",
                                  "the 2-year-old check", "the two year old offer", "a hangover"])
def test_not_exact_ages(text):
    """Time spans, cohorts, thresholds and ranges are not exact ages."""
    assert kinds(text) == []


# -- Titles and names -----------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["Mrs Smith", "Dr. A. Patel", "Mr John Smith", "Ms O'Brien", "Mx Nowak",
                                     "Miss Smith-Jones", "Prof Łukasz Nowak", "Dr Patel", "MRS SMITH",
                                     "Mrs\nSmith"])
def test_titles_with_names_found(written):
    """A title followed by a capitalised name (with initials, a second name) is found."""
    assert kinds(f"I spoke to {written} today.") == [("title_name", written)]


@pytest.mark.parametrize("text", ["Child R was seen.", "Adult C and Family Q.", "Mum and Dad attended.",
                                  "the Mother said so", "Mr R was not assessed.", "Mr and Mrs R agreed.",
                                  "Did we miss Child R?", "Mrs AB declined.", "We used MS Teams.",
                                  "Mrs Child R", "Mr R's partner"])
def test_not_titles_with_names(text):
    """Pseudonyms, role words and title-less mentions are not title-and-name findings."""
    assert kinds(text) == []


def test_name_stops_before_a_lower_case_hyphen_part():
    """'Mrs Smith—the mother' reports 'Mrs Smith' only."""
    assert kinds("Mrs Smith—the mother") == [("title_name", "Mrs Smith")]


# -- Watch list -----------------------------------------------------------------------------------

def test_watch_term_accent_insensitive():
    """The watch term 'Lodz' finds 'Łódź', and 'José' finds 'Jose'."""
    assert kinds("They moved from Łódź.", watch_terms=["Lodz"]) == [("watch_term", "Łódź")]
    assert kinds("Jose said.", watch_terms=["José"]) == [("watch_term", "Jose")]


def test_watch_term_case_insensitive_multiword_across_line_break():
    """A multi-word term is found in any case, across a line break and extra spaces."""
    text = "Near OAK\nstreet and oak   Street."
    expected = [("watch_term", "OAK\nstreet"), ("watch_term", "oak   Street")]
    assert kinds(text, watch_terms=["Oak Street"]) == expected


def test_watch_term_word_boundaries():
    """The watch term 'Ann' does not match 'Annual' or 'Joanne' but matches "Ann's"."""
    found = kinds("Annual review with Joanne; Ann's view.", watch_terms=["Ann"])
    # Issue 13: "Joanne" is now a name finding of its own; the watch term still finds only "Ann".
    assert [pair for pair in found if pair[0] == "watch_term"] == [("watch_term", "Ann")]


def test_watch_list_prefers_longer_term():
    """With 'Oak' and 'Oak Street' on the list, 'Oak Street' is one finding."""
    assert kinds("At Oak Street.", watch_terms=["Oak", "Oak Street"]) == [("watch_term", "Oak Street")]


def test_blank_watch_terms_are_ignored():
    """Empty and whitespace-only watch terms never match anything."""
    assert kinds("Some text.", watch_terms=["", "   ", "-"]) == []
