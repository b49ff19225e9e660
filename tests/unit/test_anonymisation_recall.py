"""Names that are easy to miss: word-names with a surname or a cue, small letters, accents, surnames alone."""

from __future__ import annotations

import pytest

from reflect.domain.anonymisation import check_text


def names(text: str) -> list[str]:
    return [f.text for f in check_text(text) if f.kind in ("name", "title_name")]


@pytest.mark.parametrize("text, expected", [
    ("Mark Davies came to the meeting late.", ["Mark Davies"]),
    ("Hope Mensah did not attend the review.", ["Hope Mensah"]),
    ("Precious Balogun is the eldest of four.", ["Precious Balogun"]),
    ("I rang Summer Hughes after the visit.", ["Summer Hughes"]),
    ("Grace Okafor said she had no food in.", ["Grace Okafor"]),
])
def test_a_word_name_before_a_surname_is_a_full_name(text, expected):
    """A common given name that is also a word, then a surname that is no word, is one full name."""
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "The family live just off Hope Street.", "May Day was a bank holiday.", "The Grace Period ends soon.",
    "Will Power is not enough on its own.", "The Summer Term starts next week.",
    "The Mark Scheme was unclear.",
    "Faith Leaders met with the partnership.", "The Arthur and Star review changed practice.",
])
def test_a_word_name_before_an_ordinary_word_is_not_a_name(text):
    """'Hope Street', 'Summer Term', 'Faith Leaders': a word-name before an ordinary word is a phrase."""
    assert [f.text for f in check_text(text) if f.kind == "name"] == []


@pytest.mark.parametrize("text, expected", [
    ("Hope's landlord has refused to do the repairs.", ["Hope"]),
    ("Grace is the youngest of the three.", ["Grace"]),
    ("Hope was her older sister.", ["Hope"]),
    ("Faith came to the office without an appointment.", ["Faith"]),
    ("Mark went missing on Friday night.", ["Mark"]),
    ("Hope and her brother were at home.", ["Hope"]),
    ("I met Hope at the contact centre.", ["Hope"]),
])
def test_word_names_with_a_person_cue(text, expected):
    """A possessive with a home or person word, 'is the youngest', 'came to', 'went missing' mark a person."""
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Hope is what keeps her going.", "May I add something to the plan?", "Will the plan be reviewed?",
    "Faith in the process matters.", "Grace under pressure is hard to keep.", "Summer came to an end.",
    "Hope is the key to change.",
])
def test_word_names_at_a_sentence_start_without_a_person_cue(text):
    """At a sentence start a word-name without a person cue is the word."""
    assert names(text) == []


@pytest.mark.parametrize("text, expected", [
    ("I asked tom what happened at school.", ["tom"]),
    ("I told kayla it was not her fault.", ["kayla"]),
    ("I sat with jordan and amy in the kitchen.", ["jordan", "amy"]),
])
def test_names_in_small_letters_after_a_person_verb(text, expected):
    """A given name typed in small letters after 'asked', 'told' or 'with' is a name."""
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "I asked will to come.", "I told dad and mum.", "I spoke with support staff.", "We met with ease.",
    "I went with jack.",
])
def test_small_letter_words_after_a_person_verb(text):
    """After 'asked' or 'with', a common word is a word ('will', 'support', 'jack')."""
    assert names(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Zoë was at nursery with Siân.", ["Zoë", "Siân"]),
    ("Łucja was upset at drop-off.", ["Łucja"]),
    ("Chloé was in the garden.", ["Chloé"]),
])
def test_accented_names_are_looked_up_without_their_accents(text, expected):
    """'Zoë', 'Siân', 'Łucja', 'Chloé' are found as 'Zoe', 'Sian', 'Lucja', 'Chloe' would be."""
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lomax has not paid the rent since March.", ["Lomax"]),
    ("Okafor would not say where the children were.", ["Okafor"]),
])
def test_a_surname_alone_before_a_verb(text, expected):
    """A known surname that is no English word, then a verb, is a person even at a sentence start."""
    assert names(text) == expected


@pytest.mark.parametrize("text", ["Amazon has delivered the cot.", "Tesco has closed early.",
                                  "Europe has changed its rules."])
def test_companies_and_places_before_a_verb(text):
    """Companies and places before a verb are not surnames."""
    assert names(text) == []


def test_a_confirmed_full_name_finds_the_surname_and_the_possessive():
    """After 'Grace Okafor', a later 'Okafor' and 'Grace's' are the same person."""
    text = "Grace Okafor came in. Later Okafor was seen in town. Grace's phone was off."
    assert names(text) == ["Grace Okafor", "Okafor", "Grace"]


@pytest.mark.parametrize("text", [
    "Reder and Duncan wrote about missed opportunities.", "Brandon and Belderson describe this pattern.",
    "He drove a red Seat Leon.", "She has a Ford Fiesta and a Vauxhall Corsa.",
    "They moved from the North West to the South East.",
    "She came from Hong Kong, then Sierra Leone, then New York and Milton Keynes.",
])
def test_authors_cars_and_places_are_not_names(text):
    """Cited author pairs, car makes and models, regions and multi-word places are not names."""
    assert names(text) == []


def test_names_still_found_beside_the_new_non_names():
    """'Brandon said' is still a name, and so is a surname that is also a car make."""
    assert names("Brandon said he was hungry. I saw Kayla Ford at school.") == ["Brandon", "Kayla Ford"]


def test_a_lower_case_title_and_name_is_one_finding():
    """'mr khan' at a sentence start is found as exactly 'mr khan'."""
    assert names("mr khan said no to the plan.") == ["mr khan"]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in check_text(text) if f.kind not in ("name", "title_name")]


@pytest.mark.parametrize("text, expected", [
    ("The court number on the order is MA24P00519.", "MA24P00519"),
    ("The record LS12X4471 was updated.", "LS12X4471"),
    ("The MRC-0913 form was sent back.", "MRC-0913"),
    ("CP-20931 was opened in May.", "CP-20931"),
    ("The account number on the letter was 40417723.", "40417723"),
    ("The court reference on the order was 2024/0193.", "2024/0193"),
    ("The crime number they gave me is 241187.", "241187"),
    ("URN 5532981 was shared with school.", "5532981"),
])
def test_references_without_separators_or_after_a_cue(text, expected):
    """Letter-digit codes run together, a prefix and four digits, and numbers a few words after a cue."""
    assert kinds(text) == [("reference", expected)]


@pytest.mark.parametrize("text", [
    "ISO-9001 applies to the service.", "COVID-19 changed how we visit.", "The CP-2023 audit is done.",
    "The reference year was 2019-2020 in the file.", "Rent account arrears are £1,234.50 now.",
    "The log shows 1,234,567 views.", "The reference was sent on 2024-03-12.",
    "Keep the reference to H1N1, MP3, B12 and KS2.", "The incident on 12/03/2024 was reported.",
])
def test_not_references_after_a_cue(text):
    """Standards, years, year ranges, money, counts with commas and dates are not references."""
    assert kinds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Her nan is seventy-eight and frail.", "seventy-eight"),
    ("The baby, 11 months, was in the cot.", "11 months"),
    ("Her son is 11 months and crawling.", "11"),
    ("Her grandad is 82.", "82"),
    ("The baby was aged 2½ at the time.", "aged 2½"),
])
def test_ages_in_more_forms(text, expected):
    """Number words with hyphens, months of a baby, grandparents' ages and halves are ages."""
    assert kinds(text) == [("age", expected)]


def test_an_age_in_brackets_before_a_date_of_birth():
    """'Kayla (4, DOB 03/03/2020)': the age and the date of birth are both found."""
    assert kinds("Kayla (4, DOB 03/03/2020) was present.") == [("age", "4"), ("date_of_birth", "03/03/2020")]


@pytest.mark.parametrize("text", ["She is 7 months pregnant.", "The meeting lasted 11 months.",
                                  "Stage (4, 5) of the model."])
def test_not_ages(text):
    """A pregnancy's months, a duration and numbered stages are not ages."""
    assert kinds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Mum (b. 4 April 1990) attended.", "4 April 1990"),
    ("Dad, b. 1990, attended the conference.", "1990"),
    ("He was born in 2016.", "2016"),
    ("Tom was born in March 2016.", "March 2016"),
])
def test_dates_and_years_of_birth(text, expected):
    """'b.' and 'born in' before a date or a year mark a date of birth."""
    assert [k for k in kinds(text) if k[0] == "date_of_birth"] == [("date_of_birth", expected)]


def test_a_birthday_after_turned():
    """'turned 2 on 1 February': the date is a birthday."""
    assert ("date_of_birth", "1 February") in kinds("She turned 2 on 1 February.")


def test_a_year_near_born_of_is_not_a_birth_year():
    """'made in 2016, born of frustration' has no year of birth."""
    assert kinds("The plan was made in 2016, born of frustration.") == []


@pytest.mark.parametrize("text, expected", [
    ("She moved into Brookfield Refuge last week.", "Brookfield Refuge"),
    ("They were placed at the Ashdown Hostel.", "Ashdown Hostel"),
    ("They stayed in the Sunnyside B&B for a month.", "Sunnyside B&B"),
    ("They were moved to the Wigan Premier Inn.", "Wigan Premier Inn"),
    ("He was seen behind the Crown and Anchor.", "Crown and Anchor"),
    ("They drink outside the Red Lion most nights.", "Red Lion"),
    ("He hangs around Mesnes Park after school.", "Mesnes Park"),
    ("The boys meet at Howe Bridge skate park.", "Howe Bridge skate park"),
    ("He goes to Leigh Library on Saturdays.", "Leigh Library"),
    ("She goes to St Anne's on Sundays.", "St Anne's"),
])
def test_named_places_where_a_family_stays_or_a_child_goes(text, expected):
    """Refuges, hostels, B&Bs, hotels, pubs someone is at, parks, libraries and 'St X's' are places."""
    assert kinds(text) == [("place", expected)]


def test_the_travelodge_and_its_street():
    """'the Travelodge on Ormskirk Road': the hotel is a place and the street an address."""
    assert kinds("They were moved to the Travelodge on Ormskirk Road.") == [
        ("place", "Travelodge"), ("address", "Ormskirk Road")]


@pytest.mark.parametrize("text", [
    "St Patrick's Day was busy.", "We went to the Red Cross shop.", "At the Crown Court the judge spoke.",
    "The Car Park was full.", "The Women's Refuge called back.", "She went to the park after tea.",
    "The women's refuge was full.", "The Children's Home manager rang.",
])
def test_not_named_places(text):
    """Saints' days, charities, courts and the kinds of place alone are not named places."""
    assert kinds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("She lives at Rose Cottage.", "Rose Cottage"),
    ("We visited Ivy Farm yesterday.", "Ivy Farm"),
    ("Mum lives at The Old Rectory now.", "Old Rectory"),
    ("She lives at The Willows with her aunt.", "The Willows"),
    ("I went to flat 3, Brook House, Kingsway to see her.", "flat 3, Brook House, Kingsway"),
    ("They live at 12 Jubilee Park.", "12 Jubilee Park"),
])
def test_named_houses_and_continued_addresses(text, expected):
    """Named houses, plural house names after 'lives at', and the street after a comma are addresses."""
    assert kinds(text) == [("address", expected)]


@pytest.mark.parametrize("text, expected", [
    ("12 Acacia Road, Kayla said, was cold.", "12 Acacia Road"),
    ("I visited 12 Acacia Road, Monday was quiet.", "12 Acacia Road"),
    ("They live at 12 Acacia Road, Wigan.", "12 Acacia Road"),
])
def test_an_address_does_not_take_in_the_next_clause(text, expected):
    """After a comma a name, a day or a town does not continue the street address."""
    assert ("address", expected) in kinds(text)


@pytest.mark.parametrize("text", ["We did a Farm visit with the school.", "The Barn Owl project ran."])
def test_not_named_houses(text):
    """A house word with no name before it is not an address."""
    assert kinds(text) == []


def test_a_capitalised_title_before_a_name_in_small_letters():
    """'Mr khan' is a title and name; 'Ms may come' is not."""
    assert names("Mr khan said no. Ms may come later.") == ["Mr khan"]
