"""Sample reflective writing, assembled from phrase banks by a seeded random generator.

The text reads like a practitioner's anonymised reflection (roles, never names) so screenshots and
demonstrations look real, and it has the vocabulary spread of real writing so search benchmarks
measure something honest. The same seed always gives the same journal.
"""

from __future__ import annotations

import random

THEMES = (
    ("missed appointments", "a missed health appointment", "the pattern of missed appointments"),
    ("professional curiosity", "asking one more question", "staying curious when a family seems to cope"),
    ("information sharing", "sharing information with partner agencies", "who else knew something"),
    ("hidden men", "the father's role in the household", "the man who was never at home when I visited"),
    ("escalation", "the escalation policy", "raising a concern when a plan was drifting"),
    ("safe sleep", "safe sleeping arrangements", "the safe sleep conversation"),
    ("substance misuse", "parental substance misuse", "what the urine screen results told us"),
    ("the CIN process", "the child in need plan", "my role in the CIN meeting"),
    ("disguised compliance", "disguised compliance", "engagement that looked better than it was"),
    ("domestic abuse", "the impact of domestic abuse", "the MARAC referral"),
    ("neglect", "cumulative neglect", "the graded care profile"),
    ("discharge planning", "the hospital discharge planning meeting", "discharge from the neonatal unit"),
)

ROLES = (
    "the health visitor", "the school nurse", "my team manager", "the GP", "the midwife",
    "the substance misuse worker", "the early help practitioner", "the designated safeguarding lead",
    "the police officer from the MASH", "the adult mental health worker", "the LADO",
    "a newly qualified colleague", "my practice supervisor", "the independent reviewing officer",
)

OPENERS = (
    "Reading the briefing made me think about", "I keep coming back to", "What struck me most was",
    "On reflection, I underestimated", "In a recent home visit I noticed", "The learning about",
    "Talking with {role} helped me see", "I was surprised by how much I relied on",
    "Looking back at my recording, I can see", "It was uncomfortable to recognise",
    "Before supervision I had not connected", "The team discussion kept returning to",
)

MIDDLES = (
    "how easily {theme} can slip out of view when the family presents as cooperative",
    "the difference between what the parents told us and what {role} had observed",
    "how often {theme} is treated as a single event rather than part of a pattern",
    "that I had accepted self-reporting without checking it against other evidence",
    "the way caseload pressure pushed our work towards crisis response instead of planning",
    "how rarely we ask who else is caring for the baby overnight",
    "that the chronology would have told a different story if it had been read as a whole",
    "how much depends on one practitioner remembering to pass something on",
    "that thresholds are applied differently by each agency around the table",
    "that the voice of the child was missing from most of the notes about {theme}",
    "how the plan described tasks but never said what would change for the child",
    "that I had not invited adult services to the meeting, although they held key information",
)

# Families who moved to the UK: place names with letters search must fold (used now and then).
ABROAD = (
    "Nobody had asked about the family's life in Łódź before they moved here.",
    "The interpreter, whose family is from Iași, noticed things I had missed.",
    "The family's support network in Kraków had never been part of the plan.",
    "Mum spoke about her sister in Şanlıurfa, the only relative she trusts.",
)

CLOSERS = (
    "I want to be more deliberate about this in my next assessment.",
    "This is something I would like to explore further in supervision.",
    "I think I need to be braver about challenging partner agencies.",
    "I will check the records of other agencies before the next review.",
    "It has changed the questions I ask on a first visit.",
    "I am not sure yet what the right balance is, and that feels important to say.",
    "I now ask directly about every adult with a caring role.",
    "I would like the team to agree what a significant missed appointment means for us.",
    "I noticed my own anxiety and how it shaped what I did next.",
    "It reminded me why the escalation policy exists and that using it is part of the job.",
)

FEELINGS = (
    "I felt anxious and a little defensive at first.", "Honestly, I felt out of my depth.",
    "I was frustrated with the system, and with myself.", "I felt reassured once I had talked it through.",
    "I noticed a heaviness after the visit that stayed with me for the rest of the day.",
    "I felt hopeful that the family could make changes with the right support.",
)

ACTIONS = (
    "Read the multi-agency procedures on {theme} and share a summary with the team",
    "Book a joint visit with {role} to assess both parents' capacity",
    "Add a prompt about safe sleep to my visit checklist",
    "Ask my manager to review how we record missed appointments",
    "Attend the partnership's training on the CIN process",
    "Raise the drift in the plan using the escalation policy",
    "Arrange a case discussion with {role} about information sharing",
    "Complete the graded care profile before the next review",
)

TITLES = (
    "Thinking about {theme}", "Reflection on {theme}", "What the briefing taught me about {theme}",
    "{Theme}: my practice", "After supervision: {theme}", "Team discussion on {theme}",
    "Learning from Child R — {theme}", "Looking again at {theme}",
)

CPD_TYPES = ("Reading a 7-minute briefing", "Team learning session", "Supervision discussion",
             "Partnership training course", "Peer case discussion")


class Writer:
    """Produces titles, stage answers and actions from a seeded generator."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)

    def theme(self) -> tuple[str, str, str]:
        return self.rng.choice(THEMES)

    def _fill(self, template: str, theme) -> str:
        return template.format(theme=self.rng.choice(theme[1:]), role=self.rng.choice(ROLES),
                               Theme=theme[0].capitalize())

    def sentence(self, theme) -> str:
        opener = self._fill(self.rng.choice(OPENERS), theme)
        middle = self._fill(self.rng.choice(MIDDLES), theme)
        return f"{opener} {middle}."

    def paragraph(self, theme, sentences: int) -> str:
        parts = []
        for _ in range(sentences):
            roll = self.rng.random()
            if roll < 0.02:
                parts.append(self.rng.choice(ABROAD))
            elif roll < 0.15:
                parts.append(self.rng.choice(FEELINGS))
            elif roll < 0.35:
                parts.append(self.rng.choice(CLOSERS))
            else:
                parts.append(self.sentence(theme))
        return " ".join(parts)

    def answer(self, theme, words: int) -> str:
        """Roughly `words` words, in paragraphs of three to six sentences."""
        paragraphs, total = [], 0
        while total < words:
            paragraph = self.paragraph(theme, self.rng.randint(3, 6))
            paragraphs.append(paragraph)
            total += len(paragraph.split())
        return "\n\n".join(paragraphs)

    def title(self, theme) -> str:
        return self._fill(self.rng.choice(TITLES), theme)

    def action(self, theme) -> str:
        return self._fill(self.rng.choice(ACTIONS), theme)

    def actions_text(self, theme, count: int) -> str:
        return "\n".join(self.action(theme) for _ in range(count))

    def cpd_type(self) -> str:
        return self.rng.choice(CPD_TYPES)

    def role(self) -> str:
        return self.rng.choice(ROLES)
