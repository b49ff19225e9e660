"""The words the app shows for a supervisor's reply: the sign-off line and the comments by reflection.

One place for them, so the preview before saving, the session form and the reflection's own box
say the same thing the same way. Plain functions of the journal's records (no Qt): what the
supervisor typed is shown as plain text, never interpreted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from reflect.domain.reply import ReplyComment, SessionReply
from reflect.domain.session_rules import format_day

OVERALL = "Overall"


def signed_off_line(name: str, role: str, signed_off: bool, signed_on: date | None) -> str:
    """"Signed off by Jo (Team manager) on Tue 1 Dec 2026.", or that it is not signed off yet."""
    if not signed_off:
        return "The supervisor has not signed this record off."
    who = (name or "the supervisor") + (f" ({role})" if role else "")
    return f"Signed off by {who}" + (f" on {format_day(signed_on)}." if signed_on else ".")


def comments_by_reflection(comments: Iterable[ReplyComment],
                           title: Callable[[int], str]) -> list[tuple[str, str]]:
    """(where, text) for each comment: the reflection's title, or "Overall"; overall ones first."""
    ordered = sorted(comments, key=lambda c: c.entry_id is not None)
    return [(OVERALL if c.entry_id is None else title(c.entry_id), c.text) for c in ordered]


def entry_title(journal) -> Callable[[int], str]:
    """A reflection's title by id ("A reflection" when it has none or is gone)."""
    def title(entry_id: int) -> str:
        try:
            return journal.entries.get_entry(entry_id).title or "A reflection"
        except KeyError:
            return "A reflection"
    return title


def session_reply_text(journal, session_id: int) -> str:
    """The session's reply as the session form shows it; "" when none has been imported."""
    reply: SessionReply | None = journal.replies.for_session(session_id)
    if reply is None:
        return ""
    latest = reply.latest
    lines = [signed_off_line(latest.supervisor_name, latest.supervisor_role, latest.signed_off,
                             latest.signed_on)]
    if not latest.verified:
        lines.append("Imported as unchecked: its pack was not in the export log.")
    for where, text in comments_by_reflection(reply.comments, entry_title(journal)):
        lines.append(f"\n{where}:\n{text}")
    return "\n".join(lines)


def entry_reply_text(journal, entry_id: int) -> str:
    """The supervisor's comments on one reflection, from every session it was in; "" if none."""
    parts = []
    for session in journal.sessions.sessions_for_entry(entry_id):
        reply = journal.replies.for_session(session.id)
        if reply is None:
            continue
        name = reply.latest.supervisor_name or "Your supervisor"
        parts += [f"{name}: {c.text}" for c in reply.comments_on(entry_id)]
    return "\n\n".join(parts)
