"""Fill a journal with a realistic sample: reflections across every model, sessions, actions.

Used by `reflect demo`, the screenshot script, tests that need a lived-in journal, and the
benchmark (`--entries 10000`: about 4 million words and 500 sessions, built in well under a minute).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from reflect.domain.journal import EntryStatus, NewEntry, learning_tag
from reflect.domain.supervision import (
    ActionOwner,
    ActionStatus,
    NewAction,
    NewSession,
    SessionStatus,
    SessionType,
    SupervisionFunction,
)
from reflect.domain.templates import MODELS, model_by_key
from reflect.services.demo.content import Writer
from reflect.store.journal import Journal

# How often each model is used: free writing and Driscoll most, the formal records less.
MODEL_WEIGHTS = {"free": 5, "driscoll": 5, "gibbs": 3, "kolb_4x4x4": 2, "swe_cpd": 2, "nmc": 1,
                 "team_7mb": 1}
MAX_ENTRIES = 10_000
SUPERVISORS = (("Practice supervisor", "Team manager"), ("Senior practitioner", "Senior practitioner"),
               ("Team manager", "Team manager"))


@dataclass(frozen=True)
class DemoSummary:
    entries: int
    sessions: int
    actions: int
    words: int


def build_demo(journal: Journal, entries: int = 120, *, seed: int = 7,
               today: date | None = None) -> DemoSummary:
    """Add `entries` reflections and about one session per 20 of them to an empty journal."""
    if not 1 <= entries <= MAX_ENTRIES:
        raise ValueError(f"entries must be between 1 and {MAX_ENTRIES}")
    today = today or date.today()
    now = min(datetime.now(timezone.utc), datetime.combine(today, time(23, 59), tzinfo=timezone.utc))
    writer = Writer(seed)
    rng = writer.rng
    history_rng = random.Random(seed)  # its own, so the rest of the sample is as it always was
    briefings = [journal.briefings.get(b.id) for b in journal.briefings.list()]
    span_days = int(min(max(entries * 0.2, 365), 5 * 365))  # at least a year: the dashboard shows 12 months
    start = today - timedelta(days=span_days)
    models = [m.key for m in MODELS]
    weights = [MODEL_WEIGHTS[k] for k in models]
    words = 0
    entry_rows: list[tuple[int, date]] = []

    with journal.db.atomic():
        for index in range(entries):
            created_day = start + timedelta(days=int(span_days * index / entries))
            created = datetime.combine(created_day, time(9 + rng.randint(0, 8), rng.randint(0, 59)),
                                       tzinfo=timezone.utc)
            model = model_by_key(rng.choices(models, weights)[0])
            theme = writer.theme()
            briefing = rng.choice(briefings) if briefings and rng.random() < 0.8 else None
            question = None
            tags = [theme[0]]
            if briefing and briefing.question_items:
                question = rng.choice(briefing.question_items)
                if briefing.learning_items and rng.random() < 0.6:
                    tags.append(learning_tag(rng.choice(briefing.learning_items).text))
            answers = []
            for stage in model.stages:
                text = _stage_text(writer, stage.key, stage.label, theme, created_day)
                answers.append((stage.key, text))
                words += len(text.split())
            status = EntryStatus.READY if rng.random() < 0.3 else EntryStatus.DRAFT
            title = writer.title(theme)
            versions = _history(history_rng, answers, created, now)
            entry = journal.entries.create_entry(NewEntry(
                title=title, model=model.key,
                briefing_id=briefing.id if briefing else None,
                question_id=question.id if question else None, status=status,
                tags=tuple(tags), answers=tuple(answers), created_at=created,
                updated_at=versions[-1][0] if versions else None,
            ))
            for at, reason, earlier in versions[:-1]:
                journal.revisions.add_earlier(entry.id, at, reason, title, model.key, earlier)
            entry_rows.append((entry.id, created_day))

        session_count, action_count = _sessions(journal, writer, entry_rows, start, today, entries)
    return DemoSummary(entries, session_count, action_count, words)


def _history(rng, answers: list[tuple[str, str]], created: datetime,
             now: datetime) -> list[tuple[datetime, str, list[tuple[str, str]]]]:
    """When and how a reflection grew, as History shows it: (time, reason, the stages then), the
    last being the text as it is now. Written in one go, or over a sitting and a later return:
    first the opening stage half written, then all but the last stage, then the whole."""
    first_sitting = created + timedelta(minutes=rng.randint(20, 50))
    returned = created + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 5))
    if returned > now:  # written too recently to have been come back to
        return [(first_sitting, "closed", answers)] if first_sitting <= now else []
    half = [(answers[0][0], _first_half(answers[0][1]))]
    steps = [(created + timedelta(minutes=rng.randint(5, 15)), "while writing", half)]
    if len(answers) > 1 and rng.random() < 0.7:
        steps.append((first_sitting, "closed", answers[:-1]))
    return [*steps, (returned, "closed", answers)]


def _first_half(text: str) -> str:
    words = text.split(" ")
    return " ".join(words[: max(1, len(words) // 2)])


def _stage_text(writer: Writer, key: str, label: str, theme, day: date) -> str:
    rng = writer.rng
    if key == "feelings":
        return writer.paragraph(theme, rng.randint(2, 4))
    if key in ("now_what", "action_plan", "action_planning", "actions"):
        return writer.actions_text(theme, rng.randint(1, 3))
    if key == "cpd_type":
        return writer.cpd_type()
    if key == "cpd_date":
        return day.strftime("%d %B %Y")
    if key == "participants":
        return f"{day.strftime('%d %B %Y')}: " + ", ".join(writer.role() for _ in range(3))
    if key == "peer_reflection":
        if rng.random() < 0.4:
            return ""
        return f"I talked this through with {writer.role()}. " + writer.paragraph(theme, 2)
    if key == "code":
        return "Prioritise people; Preserve safety. " + writer.paragraph(theme, 2)
    return writer.answer(theme, rng.randint(50, 170))


def _sessions(journal: Journal, writer: Writer, entry_rows, start: date, today: date,
              entries: int) -> tuple[int, int]:
    rng = writer.rng
    count = max(3, entries // 20)
    span = (today - start).days + 28  # the last sessions are still to come
    actions = 0
    linked_from = 0
    for index in range(count):
        day = start + timedelta(days=int(span * (index + 1) / (count + 1)))
        held = day < today
        supervisor_role, _ = rng.choice(SUPERVISORS)
        session = journal.sessions.create_session(NewSession(
            starts_at=datetime.combine(day, time(10 if index % 2 else 14, 0)),
            supervisor_name="", supervisor_role=supervisor_role,
            type=rng.choice([SessionType.PLANNED] * 4 + [SessionType.AD_HOC, SessionType.GROUP,
                                                          SessionType.PEER]),
            status=SessionStatus.HELD if held else SessionStatus.PLANNED,
        ))
        candidates = [eid for eid, created in entry_rows[linked_from:] if created <= day]
        for entry_id in candidates[-rng.randint(3, 5):]:
            journal.sessions.link_entry(session.id, entry_id)
        linked_from = max(linked_from, len([1 for _, created in entry_rows if created <= day]) - 2)
        for function in rng.sample(list(SupervisionFunction), rng.randint(2, 4)):
            theme = writer.theme()
            journal.sessions.add_agenda_item(session.id, writer.title(theme), function)
        if held:
            journal.sessions.update_session(
                session.id, notes=writer.paragraph(writer.theme(), 3),
                wellbeing=writer.paragraph(writer.theme(), 1),
                next_session_on=day + timedelta(days=28),
                supervisee_agreed_on=day, supervisor_agreed_on=day + timedelta(days=2),
            )
            for _ in range(rng.randint(1, 3)):
                due = day + timedelta(days=rng.randint(7, 42))
                action = journal.actions.add(NewAction(
                    description=writer.action(writer.theme()),
                    owner=rng.choice([ActionOwner.ME] * 3 + [ActionOwner.SUPERVISOR]),
                    due_on=due, session_id=session.id,
                    entry_id=candidates[-1] if candidates else None,
                ))
                actions += 1
                if due < today - timedelta(days=14) and rng.random() < 0.85:
                    journal.actions.set_status(
                        action.id, rng.choice([ActionStatus.DONE] * 5 + [ActionStatus.DROPPED]),
                        on=min(due, today))
    return count, actions
