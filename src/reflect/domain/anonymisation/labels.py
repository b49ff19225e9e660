"""Plain-English names and advice for each kind of finding.

The review dialog is read by practitioners, not engineers: each finding says what it is in their
words and, in one sentence, why it may identify someone and what to write instead. Kept in one
table so the wording can be reviewed (and one day translated) in one place.
"""

from __future__ import annotations

# (kind, variant) -> (label, advice). The empty variant is the default for the kind.
_TEXTS: dict[tuple[str, str], tuple[str, str]] = {
    ("nhs_number", ""): (
        "NHS number",
        "An NHS number identifies one person exactly. Remove it: it belongs on the case record only.",
    ),
    ("ni_number", ""): (
        "National Insurance number",
        "A National Insurance number identifies one person exactly. Remove it.",
    ),
    ("postcode", ""): (
        "Postcode",
        "A postcode can point to a family's home. Remove it or use the area only ('a town in the borough').",
    ),
    ("phone", ""): (
        "Phone number",
        "A phone number leads straight to a person or household. Remove it.",
    ),
    ("email", ""): (
        "Email address",
        "An email address often contains a name and reaches a person directly. Remove it or give the "
        "role instead ('the school's safeguarding lead').",
    ),
    ("handle", ""): (
        "Social media handle or profile",
        "A username or profile link leads straight to a person online. Remove it ('her social media "
        "account').",
    ),
    ("vehicle_registration", ""): (
        "Vehicle registration",
        "A number plate identifies a car and its owner. Remove it ('the family's car').",
    ),
    ("reference", ""): (
        "Case or reference number",
        "A case, file or crime reference leads back to one family's records. Remove it ('the case "
        "reference').",
    ),
    ("date_of_birth", "dob"): (
        "Date of birth",
        "A date of birth, with little else, can identify a child. Remove it or give a broad age "
        "('a pre-school child').",
    ),
    ("date_of_birth", ""): (
        "Full date beside an age (could be a date of birth)",
        "A full date next to an age is likely a date of birth. Remove it or keep only the year, unless "
        "you are sure it is safe.",
    ),
    ("age", ""): (
        "Exact age",
        "An exact age narrows down who a child is. Use a range instead ('a primary-school-age child').",
    ),
    ("place", ""): (
        "School, nursery or other named place",
        "A named school, nursery, surgery or estate narrows a child down to a few hundred people. Use "
        "the kind of place instead ('the school').",
    ),
    ("address", ""): (
        "Address",
        "An address points to a family's home. Remove it ('the family home').",
    ),
    ("title_name", ""): (
        "Title and name",
        "A title with a name identifies a person. Use their role instead ('the child's mother', 'the GP').",
    ),
    ("name", ""): (
        "Name",
        "A name identifies a person. Use an initial or their role instead ('T', 'the child's mother').",
    ),
    ("watch_term", ""): (
        "On your watch list",
        "You put this on your watch list as something that could identify someone. Remove or replace it.",
    ),
}


def label_and_advice(kind: str, variant: str = "") -> tuple[str, str]:
    """The label and advice for a kind (and variant, falling back to the kind's default)."""
    return _TEXTS.get((kind, variant)) or _TEXTS[(kind, "")]
