"""Take my journal with me, as readable files: one Markdown file per reflection, session and
briefing, and one for all actions, in a zip.

This is the one export that is NOT encrypted: the user is warned before it is written, and the
zip is written to a temporary file in the target folder and moved into place only when complete
(a killed export's temporary file is removed by the next export to the folder).
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from reflect.domain.archive import ArchiveSession, JournalArchive
from reflect.domain.briefing import Briefing
from reflect.domain.errors import DISK_FULL, ExportError, is_disk_full
from reflect.domain.report import ReportAction, ReportEntry
from reflect.export.leftovers import partial_file, remove_leftovers

README = """Reflect — your journal as readable files

These files are NOT encrypted. Anyone who can open this zip can read them. Keep it somewhere
safe, and delete it when you no longer need it.

reflections/  one file per reflection
sessions/     one file per supervision session
briefings/    the 7-minute briefings
actions.md    every action, with its status
"""


def _slug(text: str, fallback: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:50]
    return slug or fallback


def _block(text: str) -> str:
    return text.strip() or "_Not answered_"


def entry_markdown(entry: ReportEntry) -> str:
    lines = [f"# {entry.display_title}", ""]
    meta = [("Model", entry.model_name), ("Status", entry.status_label),
            ("Created", entry.created_on.isoformat()), ("Updated", entry.updated_on.isoformat())]
    if entry.briefing_title:
        meta.append(("Briefing", entry.briefing_title))
    if entry.question:
        meta.append(("Question", entry.question))
    if entry.tags:
        meta.append(("Tags", ", ".join(entry.tags)))
    lines += [f"- **{label}:** {value}" for label, value in meta] + [""]
    for label, text in entry.stages:
        lines += [f"## {label}", "", _block(text), ""]
    return "\n".join(lines)


def _actions_table(actions: tuple[ReportAction, ...]) -> list[str]:
    if not actions:
        return ["_None._", ""]
    rows = ["| Action | Who | Due | Status |", "|---|---|---|---|"]
    for a in actions:
        cells = [a.description, a.who, a.due_text, a.status]
        rows.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return rows + [""]


def session_markdown(item: ArchiveSession) -> str:
    r = item.report
    lines = [f"# {r.title}", "", f"- **When:** {r.when}", f"- **Type:** {r.session_type}",
             f"- **Status:** {item.status}"]
    if r.supervisor_name or r.supervisor_role:
        who = ", ".join(x for x in (r.supervisor_name, r.supervisor_role) if x)
        lines.append(f"- **Supervisor:** {who}")
    for label, day in (("Next session", r.next_session_on),
                       ("Agreed by supervisee", r.supervisee_agreed_on),
                       ("Agreed by supervisor", r.supervisor_agreed_on)):
        if day:
            lines.append(f"- **{label}:** {day.isoformat()}")
    lines += ["", "## Agenda", ""]
    lines += [f"{n}. {a.text} ({a.function})" for n, a in enumerate(r.agenda, 1)] or ["_None._"]
    lines += ["", "## Reflections discussed", ""]
    lines += [f"{n}. {e.display_title}" for n, e in enumerate(r.entries, 1)] or ["_None._"]
    lines += ["", "## Actions carried forward", ""] + _actions_table(r.carried_forward)
    for label, text in (("Notes", item.notes), ("Wellbeing", item.wellbeing),
                        ("Workload", item.workload), ("Learning needs", item.learning_needs)):
        lines += [f"## {label}", "", _block(text), ""]
    lines += ["## Actions agreed", ""] + _actions_table(r.agreed)
    return "\n".join(lines)


def briefing_markdown(briefing: Briefing) -> str:
    lines = [f"# {briefing.title}", ""]
    for section in briefing.sections:
        if section.heading:
            lines += [f"## {section.heading}", ""]
        lines += [section.text.strip(), ""]
    return "\n".join(lines)


def write_markdown_zip(archive: JournalArchive, target: Path,
                       progress: Callable[[int, int], bool] | None = None) -> Path:
    """Write the zip atomically; `progress(done, total)` returning False cancels (nothing left).

    It is written under a `.reflect-*.partial` name beside `target` (see `leftovers`): a kill
    mid-way leaves only that, which the next export to the folder, or start-up, removes."""
    target = Path(target)
    remove_leftovers(target.parent)
    temp = None
    try:
        with partial_file(target.parent) as (handle, temp):
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                _write_members(zf, archive, progress)
            handle.flush()
            os.fsync(handle.fileno())
            if os.name == "posix":
                os.replace(temp, target)  # while still locked, so no cleaner can take it first
        if os.name != "posix":
            os.replace(temp, target)  # Windows renames no open file
    except ExportError:
        _remove(temp)
        raise
    except OSError as exc:
        _remove(temp)
        if is_disk_full(exc):
            raise ExportError(f"{DISK_FULL} No zip was written.") from exc
        raise ExportError(f"The zip could not be written to {target.parent}. Check the folder can be "
                          "written and the disk has space. No file was left behind.") from exc
    return target


def _write_members(zf: zipfile.ZipFile, archive: JournalArchive,
                   progress: Callable[[int, int], bool] | None) -> None:
    total = len(archive.entries) + len(archive.sessions) + len(archive.briefings) + 1
    zf.writestr("README.txt", README)
    done = 0
    for entry in archive.entries:
        slug = _slug(entry.title, "untitled")
        zf.writestr(f"reflections/{entry.created_on.isoformat()}-{entry.key}-{slug}.md",
                    entry_markdown(entry))
        done += 1
        if progress and progress(done, total) is False:
            raise ExportError("Cancelled: no file was written.")
    for n, item in enumerate(archive.sessions, 1):
        zf.writestr(f"sessions/{n:04d}-{_slug(item.report.when, 'session')}.md",
                    session_markdown(item))
        done += 1
    for n, briefing in enumerate(archive.briefings, 1):
        zf.writestr(f"briefings/{n:02d}-{_slug(briefing.subject or briefing.title, 'briefing')}.md",
                    briefing_markdown(briefing))
        done += 1
    zf.writestr("actions.md", "\n".join(["# Actions", ""] + _actions_table(archive.actions)))


def _remove(path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)
