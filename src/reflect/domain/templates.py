"""The reflective models a practitioner can write with.

Each model is an ordered list of stages. An entry stores one answer per stage *key*; keys are shared
between models where the stage means the same thing (e.g. "What I learnt" in the Social Work
England and NMC records), so switching model carries those answers across. Answers of stages the
new model lacks are never dropped: the editor keeps showing them until the user removes them.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTION_STAGE_LABELS = ("Now what?", "Action plan", "Action planning", "Actions")

FUNCTIONS_4X4X4 = ("management", "support", "development", "mediation")
STAKEHOLDERS_4X4X4 = ("people who use services", "staff", "organisation", "partner agencies")
NMC_CODE_THEMES = (
    "Prioritise people",
    "Practise effectively",
    "Preserve safety",
    "Promote professionalism and trust",
)


@dataclass(frozen=True)
class Stage:
    """One stage of a reflective model: its heading and the prompt under it."""

    key: str
    label: str
    prompt: str

    @property
    def can_make_actions(self) -> bool:
        """A line in this stage can become a tracked action."""
        return self.label in ACTION_STAGE_LABELS


@dataclass(frozen=True)
class ReflectiveModel:
    """A reflective model (Gibbs, Driscoll, ...): its stages in order, and what it asks for."""

    key: str
    name: str
    stages: tuple[Stage, ...]
    #: optional tag vocabularies the model asks for (e.g. 4x4x4 functions and stakeholders)
    tag_groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: records written with this model count towards Social Work England CPD
    is_cpd_record: bool = False

    def stage(self, key: str) -> Stage | None:
        return next((s for s in self.stages if s.key == key), None)

    @property
    def stage_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.stages)


def _s(key: str, label: str, prompt: str) -> Stage:
    return Stage(key, label, prompt)


MODELS: tuple[ReflectiveModel, ...] = (
    ReflectiveModel(
        "free",
        "Free reflection",
        (_s("reflection", "Reflection", "Write freely about what this brings up for your practice."),),
    ),
    ReflectiveModel(
        "driscoll",
        "Driscoll",
        (
            _s("what", "What?", "What happened, or what does the briefing describe? What was your part in it?"),
            _s("so_what", "So what?", "What does it mean for you and the children and families you work with? What did you feel, notice, learn?"),
            _s("now_what", "Now what?", "What will you do differently? What do you need, and from whom?"),
        ),
    ),
    ReflectiveModel(
        "gibbs",
        "Gibbs",
        (
            _s("description", "Description", "What happened? Describe it without judging yet."),
            _s("feelings", "Feelings", "What were you thinking and feeling at the time, and now?"),
            _s("evaluation", "Evaluation", "What went well, and what did not?"),
            _s("analysis", "Analysis", "Why did it go that way? What do research, policy and the briefing's learning say?"),
            _s("conclusion", "Conclusion", "What else could you have done? What have you learnt?"),
            _s("action_plan", "Action plan", "If it happened again, what would you do? What will you do now, and by when?"),
        ),
    ),
    ReflectiveModel(
        "kolb_4x4x4",
        "Kolb / 4x4x4",
        (
            _s("experience", "Experience", "What happened? What did you see, hear and do?"),
            _s("reflection", "Reflection", "What did you feel and think? What assumptions were you making?"),
            _s("analysis", "Analysis", "What does it mean? What theory, research or learning from reviews helps explain it?"),
            _s("action_planning", "Action planning", "What will you do next? What options are there, and what are the risks?"),
        ),
        tag_groups=(("Function", FUNCTIONS_4X4X4), ("Stakeholder", STAKEHOLDERS_4X4X4)),
    ),
    ReflectiveModel(
        "swe_cpd",
        "Social Work England CPD record",
        (
            _s("cpd_type", "Type of CPD", "For example: reading a briefing, a team discussion, supervision, a course."),
            _s("description", "Description and relevance", "What was the activity, and why is it relevant to your practice?"),
            _s("cpd_date", "Date", "When did it take place?"),
            _s("learnt", "What I learnt", "What did you learn from it?"),
            _s("impact", "Impact on my practice and the people I work with", "How has it changed, or how will it change, your practice and the lives of the people you work with?"),
            _s("peer_reflection", "Peer reflection", "Who did you reflect with (their role, not their name), and what came out of it?"),
        ),
        is_cpd_record=True,
    ),
    ReflectiveModel(
        "nmc",
        "NMC reflective account",
        (
            _s("nature", "Nature of the CPD, feedback or event", "What was the CPD activity, the feedback, or the event or experience?"),
            _s("learnt", "What I learnt", "What did you learn from it?"),
            _s("changed", "How I changed or improved my practice", "How did you change or improve your practice as a result?"),
            _s("code", "Relevance to the Code", "How is this relevant to the Code? Choose one or more themes: Prioritise people, Practise effectively, Preserve safety, Promote professionalism and trust."),
        ),
        tag_groups=(("Code theme", NMC_CODE_THEMES),),
    ),
    ReflectiveModel(
        "team_7mb",
        "Team briefing discussion (7MB action plan)",
        (
            _s("participants", "Date and who took part (roles, not names)", "When did the team discuss the briefing, and who took part? Use roles, not names."),
            _s("thoughts", "Key thoughts and reflections", "What stood out for the team?"),
            _s("embed", "How we will embed the learning", "What will change in how the team works?"),
            _s("difference", "How we will know it has made a difference", "What will you look for, and when?"),
            _s("actions", "Actions", "One action per line: what, who (role), by when."),
        ),
    ),
)

_BY_KEY = {m.key: m for m in MODELS}
DEFAULT_MODEL_KEY = "free"


def model_by_key(key: str) -> ReflectiveModel:
    """The model with this key; an unknown key (e.g. from a newer version) falls back to Free."""
    return _BY_KEY.get(key, _BY_KEY[DEFAULT_MODEL_KEY])


def is_known_model(key: str) -> bool:
    return key in _BY_KEY
