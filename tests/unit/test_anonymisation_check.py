"""The anonymisation check's public API: findings, fields, accepted findings, overlaps, realistic text."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date
from pathlib import Path

import pytest

from reflect.domain.anonymisation import KINDS, CheckedField, Finding, blocking, check_fields, check_text
from reflect.services.demo.content import Writer

TODAY = date(2026, 6, 1)
BRIEFINGS = Path(__file__).resolve().parents[2] / "resources/briefings"
BRIEFING = BRIEFINGS / "child-r-7-minute-briefing.txt"

ANONYMISED = """\
What? I read the Child R briefing before supervision. In 2017 a baby died while sharing a bed with
parents; the family were open to Child in Need (CIN) services because of mum's substance misuse. I
recognised the "hidden" father in one of my own families: dad is rarely home when I visit, and I have
never assessed his substance use. Nobody invited him to the last core group.

So what? Professional curiosity means asking who else cares for the baby. A pre-school child in my
caseload has a father who is seen by adult services, and I did not know until the third visit. The
health visitor and I have worked together for 4 years and still did not share the urine screen results.

Now what? I will ask the GP practice about missed appointments, invite the drug and alcohol worker to
the next strategy meeting, and read the Greater Manchester Safer Sleep procedure. I will raise this in
my next 1:1 (we meet every 4 weeks at 10:30) and with the MASH team. Services for under-5s and over 18s
need to talk to each other; the 4x4x4 model will help me structure the discussion with my supervisor.
Over the last 2 years about 3 in 10 of my cases involved parental substance misuse. Page 12 of the
procedure, section 4.3, sets out the escalation route (Wigan Safeguarding Partnership, policy v2.1).
"""

PRACTICE_TERMS = """\
The Section 47 enquiry (S47) led to an ICPC on 12/03 and a CP plan under Working Together 2023 and
the Children Act 1989, s.47, para 4.3. The 0-19 service offers the 6-8 week check and the 2-year-old
check; KS2 and Year 6 staff, the DSL, CAMHS (tier 2, level 3), the 24/7 out-of-hours team, 1:1 work
for 12 weeks, 16+ accommodation, 18-25 leaving care, under 1s, 0-5 years, 3/4 of staff, 50% of cases,
COVID-19 in 2020-21 and the 2021/22 plan. Ref 2019/1234, version 2.1, 999 or 101, M60, B12, NE1 2nd
floor. We meet at 09:30-11.30 on Mondays; the MARAC sits every 4 weeks.
"""

IDENTIFYING = """\
I visited Mrs Kowalska at 14 Oak Street, WN3 5AB (tel 07700 900461) with Dr. J. Patel. Her son, a
4-year-old (DOB 03/07/2021, NHS 943 476 5919), was asleep. Her NI number is JG 10 37 59 A and she
emails from m.kowalska@example.com. She moved from Łódź in 2019.
"""

# Issue 13's new kinds, in a paragraph of their own so the one above keeps its exact findings.
IDENTIFYING_MORE = """\
Kayla said her brother goes to Little Acorns Nursery. Her Snapchat is kayla_xo07, the case
reference is LCS-2024-0193 and Dad's car, MA19 KXT, was outside.
"""


def test_finding_fields_and_offsets():
    """A finding carries kind, exact text, offsets, context, label and advice; text[start:end] is the text."""
    text = "We met Mrs Smith at the school gate."
    [finding] = check_text(text)
    assert finding.kind == "title_name"
    assert text[finding.start:finding.end] == finding.text == "Mrs Smith"
    assert finding.label == "Title and name"
    assert finding.advice.endswith(".") and "role" in finding.advice
    assert finding.context == text
    assert (finding.entry_id, finding.stage, finding.field) == (None, None, None)
    assert finding.key == ("title_name", "Mrs Smith")
    with pytest.raises(FrozenInstanceError):
        finding.text = "x"  # type: ignore[misc]


def test_every_kind_has_a_label_and_advice():
    """The identifying paragraph yields findings whose labels and advice are plain sentences."""
    findings = check_text(IDENTIFYING + IDENTIFYING_MORE, watch_terms=["Oak Street", "Lodz"], today=TODAY)
    assert {f.kind for f in findings} == set(KINDS)
    for f in findings:
        assert f.label and f.label[0].isupper()
        assert f.advice.endswith(".") and len(f.advice) < 160


def test_identifying_paragraph_produces_the_expected_findings():
    """A realistic non-anonymised paragraph produces exactly the expected findings, in order."""
    findings = check_text(IDENTIFYING, watch_terms=["Oak Street", "Lodz"], today=TODAY)
    found = [(f.kind, f.text) for f in findings]
    assert found == [
        ("title_name", "Mrs Kowalska"),
        ("address", "14 Oak Street"),  # issue 13: an address now (it was the watch term "Oak Street")
        ("postcode", "WN3 5AB"),
        ("phone", "07700 900461"),
        ("title_name", "Dr. J. Patel"),
        ("age", "4-year-old"),
        ("date_of_birth", "03/07/2021"),
        ("nhs_number", "943 476 5919"),
        ("ni_number", "JG 10 37 59 A"),
        ("email", "m.kowalska@example.com"),
        ("watch_term", "Łódź"),
    ]


def test_briefing_text_produces_no_findings():
    """The Child R seed briefing is already anonymised: nothing is reported."""
    assert check_text(BRIEFING.read_text(encoding="utf-8"), today=TODAY) == []


def test_anonymised_reflection_produces_no_findings():
    """A realistic anonymised reflection (roles, pseudonyms, years, times, cohorts) produces no findings."""
    assert check_text(ANONYMISED, today=TODAY) == []


def test_practice_vocabulary_produces_no_findings():
    """Section numbers, service names, school years, times, ratios and references are not findings."""
    assert check_text(PRACTICE_TERMS, today=TODAY) == []


def test_demo_journal_produces_no_findings():
    """Twenty thousand words of the demo journal's anonymised writing produce no findings."""
    writer = Writer(seed=11)
    answers = []
    while sum(len(a.split()) for a in answers) < 20_000:
        theme = writer.theme()
        answers.append(f"{writer.title(theme)}\n{writer.answer(theme, 300)}\n{writer.actions_text(theme, 3)}")
    assert check_text("\n\n".join(answers), today=TODAY) == []


def test_context_is_one_line_and_cut_with_ellipsis():
    """Context is about 40 characters either side, on one line, with '…' at cut ends."""
    text = "word " * 20 + "Mrs\nSmith" + " then" * 20
    [finding] = check_text(text)
    assert "\n" not in finding.context
    assert finding.context.startswith("…") and finding.context.endswith("…")
    assert "Mrs Smith" in finding.context
    before, after = finding.context.split("Mrs Smith")
    assert 25 <= len(before) <= 42 and 25 <= len(after) <= 42


def test_accepted_findings_are_skipped():
    """A (kind, text) pair in `accepted` is not reported; the same text of another kind still is."""
    text = "Mrs Smith and Mrs Jones met at WN1 1AA."
    accepted = {("title_name", "Mrs Smith"), ("postcode", "WN1 1AB")}
    assert [f.text for f in check_text(text, accepted=accepted)] == ["Mrs Jones", "WN1 1AA"]
    assert [f.text for f in check_text(text, accepted={("watch_term", "Mrs Smith")})][0] == "Mrs Smith"


def test_accepted_text_still_accepted_after_pdf_line_break():
    """A postcode accepted as 'WN1 1AA' is still accepted when the PDF text reads 'WN1\\n1AA'."""
    assert check_text("Office at WN1\n1AA today", accepted={("postcode", "WN1 1AA")}) == []


def test_accepting_one_finding_does_not_hide_an_overlapping_one():
    """Accepting 'Dr Smith' as a title and name leaves the watch-list term 'Smith' to be reviewed."""
    found = check_text("Dr Smith wrote it.", watch_terms=["Smith"], accepted={("title_name", "Dr Smith")})
    assert [(f.kind, f.text) for f in found] == [("watch_term", "Smith")]


def test_more_specific_kind_wins_overlaps():
    """An email beats a watch term inside it; a title and name beats the watch term it contains."""
    found = check_text("Write to jane.smith@x.org or Mrs Smith.", watch_terms=["Smith"])
    assert [(f.kind, f.text) for f in found] == [("email", "jane.smith@x.org"), ("title_name", "Mrs Smith")]


def test_findings_sorted_and_disjoint():
    """Findings are sorted by start and never overlap."""
    findings = check_text(IDENTIFYING * 3, watch_terms=["Oak", "Oak Street", "Smith", "5AB"], today=TODAY)
    assert findings == sorted(findings, key=lambda f: f.start)
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:], strict=False))


def test_check_fields_labels_each_finding_with_its_field():
    """check_fields reports each finding with the entry, stage and field it came from, in field order."""
    fields = [
        CheckedField(7, None, "title", "Visit to Mrs Smith"),
        CheckedField(7, "what", "answer", "Nothing here."),
        CheckedField(7, "so_what", "answer", "Seen at WN1 1AA with Child R."),
        CheckedField(None, None, "session note", "Call 01942 123456."),
        CheckedField(9, None, "tag", "Oak Street"),
    ]
    found = check_fields(fields, watch_terms=["oak street"], accepted={("phone", "07700 900123")})
    assert [(f.entry_id, f.stage, f.field, f.kind, f.text) for f in found] == [
        (7, None, "title", "title_name", "Mrs Smith"),
        (7, "so_what", "answer", "postcode", "WN1 1AA"),
        (None, None, "session note", "phone", "01942 123456"),
        (9, None, "tag", "watch_term", "Oak Street"),
    ]
    assert found[1].start == len("Seen at ")


def test_blocking_is_everything_not_accepted():
    """blocking() returns the findings whose (kind, text) the user has not accepted."""
    findings = check_text("Mrs Smith at WN1 1AA.")
    assert blocking(findings) == findings
    assert blocking(findings, accepted={("postcode", "WN1 1AA")}) == [findings[0]]
    assert blocking([]) == []


def test_empty_and_blank_text():
    """Empty and whitespace-only text has no findings."""
    assert check_text("") == [] and check_text(" \n\t ") == []


def test_finding_is_a_frozen_dataclass_with_optional_location():
    """Finding can be built directly with the caller's location fields."""
    f = Finding("postcode", "WN1 1AA", 0, 7, "WN1 1AA", "Postcode", "Advice.", entry_id=1, stage="what",
                field="answer")
    assert f.key == ("postcode", "WN1 1AA") and f.field == "answer"
