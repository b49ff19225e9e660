"""`reflect --self-test`: prove this installation works, in a few seconds, without a display.

IT runs it after deploying Reflect (`reflect-cli.exe --self-test` on Windows), and the bundle test
runs it inside the frozen build, where a missing data file or library only shows up at run time.
It walks the main journey on a throwaway journal: create an encrypted journal, load the bundled
Child R briefing, import a Word and a PDF briefing made on the spot, write a reflection, plan a
session, export the supervision pack with a password and read it back, reopen the journal, load
the dictionary. One line per step ("ok   ..." or "FAIL ...: reason"); exit code 0 only if all pass.

These steps need no Qt: they run the same code the app runs below its windows. `reflect
--self-test` adds the GUI's steps after them (reflect.ui.shell.gui_self_test: Qt's plugins, the
main window offscreen on this journal, every page), passing them to `main`.

Everything happens in one new temporary folder that is removed at the end: no settings, logs or
backups go to the real data folder, and no network is used.
"""

from __future__ import annotations

import io
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

MARKER = "Self-test reflection: professional curiosity in Łódź, Iași and Şanlıurfa."
BUNDLED_KEY = "child-r-7-minute-briefing"
QUESTIONS = (
    "How do you check that a missed appointment is followed up?",
    "Who do you tell when a family moves between areas?",
)
BRIEFING_LINES = (
    ("title", "Northshire Safeguarding Partnership 7 Minute Briefing – Self-test"),
    ("heading", "Background"),
    ("para", "A short briefing made by the self-test to check that imports work."),
    ("heading", "What was the learning?"),
    ("bullet", "Information should be shared promptly with partner agencies."),
    ("heading", "Why is this important?"),
    ("para", "Children are safer when professionals share what they know."),
    ("heading", "What can we consider?"),
    *(("bullet", question) for question in QUESTIONS),
    ("heading", "Want to learn more?"),
    ("bullet", "Working Together to Safeguard Children"),
)


class StepFailed(Exception):
    """A check did not hold; the message says which, in plain words."""


@dataclass
class _Run:
    folder: Path
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    journal: object = None
    briefing_id: int = 0
    question_id: int = 0
    entry_id: int = 0
    session_id: int = 0
    pdf: Path | None = None
    pdf_password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    extra: dict = field(default_factory=dict)  # what steps from other layers share (the GUI's)

    @property
    def paths(self):
        from reflect.paths import AppPaths

        return AppPaths(self.folder / "journal")


def check(condition: bool, reason: str) -> None:
    if not condition:
        raise StepFailed(reason)


# --- the steps ----------------------------------------------------------------------------------

def create_journal(run: _Run) -> None:
    from reflect.services.opening import open_journal

    run.journal = open_journal(run.paths, run.passphrase, create=True)
    check(run.paths.journal_file.stat().st_size > 0, "the journal file is empty")


def bundled_briefing(run: _Run) -> None:
    from reflect.briefings import bundled_briefing_paths, read_briefing_file

    files = [p for p in bundled_briefing_paths() if p.stem == BUNDLED_KEY]
    check(bool(files), "the Child R briefing file is missing from the installation")
    briefing = read_briefing_file(files[0])
    check("Child R" in briefing.title and len(briefing.questions) >= 5,
           "the Child R briefing did not read as a briefing with its questions")
    briefing_id = run.journal.briefings.id_for_key(BUNDLED_KEY)
    check(briefing_id is not None, "the new journal does not hold the Child R briefing")
    stored = run.journal.briefings.get(briefing_id)
    check(len(stored.question_items) == len(briefing.questions),
           "the journal's copy of Child R lost questions")
    run.briefing_id, run.question_id = briefing_id, stored.question_items[0].id


def word_briefing(run: _Run) -> None:
    _import_made_file(run, "self-test.docx", _docx_bytes())


def pdf_briefing(run: _Run) -> None:
    _import_made_file(run, "self-test.pdf", _pdf_bytes())


def write_reflection(run: _Run) -> None:
    from reflect.domain.journal import EntryStatus, NewEntry

    entry = run.journal.entries.create_entry(NewEntry(
        title="Self-test reflection", model="driscoll", briefing_id=run.briefing_id,
        question_id=run.question_id, status=EntryStatus.READY, tags=("self-test",),
        answers=(("what", MARKER), ("so_what", "It matters."), ("now_what", "Keep asking.")),
    ))
    run.entry_id = entry.id
    check(run.journal.entries.get_entry(entry.id).title == "Self-test reflection",
           "the reflection did not read back")


def plan_session(run: _Run) -> None:
    from reflect.domain.supervision import NewSession, SupervisionFunction

    session = run.journal.sessions.create_session(NewSession(
        starts_at=datetime.now().replace(microsecond=0) + timedelta(days=7),
        supervisor_role="Practice supervisor"))
    run.journal.sessions.add_agenda_item(session.id, "Missed appointments",
                                         SupervisionFunction.DEVELOPMENT)
    run.journal.sessions.link_entry(session.id, run.entry_id)
    check(run.journal.sessions.linked_entry_ids(session.id) == [run.entry_id],
           "the reflection is not linked to the session")
    run.session_id = session.id


def export_pack(run: _Run) -> None:
    from reflect.domain.report import ExportOptions
    from reflect.export import SessionPackRenderer, write_pdf
    from reflect.store.report_loader import ReportLoader

    options = ExportOptions(include_briefings=True, password=run.pdf_password,
                            practitioner="Self-test")
    report = ReportLoader(run.journal).session_report(run.session_id, options)
    result = write_pdf(SessionPackRenderer(report), run.folder / "session-pack.pdf",
                       password=options.password)
    check(result.encrypted and result.pages >= 2, "the PDF was not written whole and protected")
    run.pdf = result.path


def reread_pack(run: _Run) -> None:
    from pypdf import PdfReader

    from reflect.export import extract_text

    text = " ".join(extract_text(run.pdf, run.pdf_password).split())
    check(MARKER in text, "the reflection's text is not in the PDF")
    reader = PdfReader(str(run.pdf))
    reader.decrypt(run.pdf_password)
    fonts = _fonts(reader)
    check(bool(fonts), "the PDF names no fonts")
    for name, embedded in fonts:
        check(embedded and "DejaVuSans" in name, f"the font {name} is not embedded")


def reopen_journal(run: _Run) -> None:
    from reflect.domain.errors import WrongPassphrase
    from reflect.services.opening import open_journal
    from reflect.store.connection import PLAIN_SQLITE_HEADER

    run.journal.close()
    run.journal = None
    with open(run.paths.journal_file, "rb") as fh:
        check(fh.read(len(PLAIN_SQLITE_HEADER)) != PLAIN_SQLITE_HEADER, "the journal is not encrypted")
    check(MARKER.encode("utf-8") not in run.paths.journal_file.read_bytes(),
           "the reflection's text is readable in the journal file")
    try:
        open_journal(run.paths, run.passphrase + "x").close()
        raise StepFailed("a wrong passphrase opened the journal")
    except WrongPassphrase:
        pass
    run.journal = open_journal(run.paths, run.passphrase)
    entry = run.journal.entries.get_entry(run.entry_id)
    check(entry.answer("what") == MARKER, "the reflection did not come back after reopening")


def dictionary(run: _Run) -> None:
    from reflect.spelling import SpellChecker

    checker = SpellChecker.load()
    check(checker.check("behaviour") and checker.check("safeguarding"),
           "the UK English dictionary does not know 'behaviour'")
    check(not checker.check("behaviuor"), "the dictionary accepts a misspelling")


Step = tuple[str, Callable[[_Run], None], tuple[str, ...]]  # name, what it does, steps it needs
STEPS: tuple[Step, ...] = (
    ("create encrypted journal", create_journal, ()),
    ("load the bundled Child R briefing", bundled_briefing, ("create encrypted journal",)),
    ("import a Word briefing", word_briefing, ("create encrypted journal",)),
    ("import a PDF briefing", pdf_briefing, ("create encrypted journal",)),
    ("write a reflection", write_reflection, ("load the bundled Child R briefing",)),
    ("plan a session and link the reflection", plan_session, ("write a reflection",)),
    ("export a password-protected session pack PDF", export_pack,
     ("plan a session and link the reflection",)),
    ("read the PDF back: text and embedded fonts", reread_pack,
     ("export a password-protected session pack PDF",)),
    ("reopen the journal with its passphrase", reopen_journal, ("write a reflection",)),
    ("load the UK English dictionary", dictionary, ()),
)


# --- running them -------------------------------------------------------------------------------

def main(out=None, steps: tuple[Step, ...] | None = None) -> int:
    """Run every step (STEPS, unless others are given: the command line adds the GUI's), print
    one line each, remove the folder; 0 only if every step passed."""
    out = out or sys.stdout
    steps = STEPS if steps is None else steps
    started = time.perf_counter()
    failed: set[str] = set()
    run = _Run(Path(tempfile.mkdtemp(prefix="reflect-self-test-")))
    try:
        for name, step, needs in steps:
            blocked = next((need for need in needs if need in failed), None)
            reason = f"not run, because '{blocked}' failed" if blocked else _attempt(step, run)
            if reason:
                failed.add(name)
            _say(out, name, reason)
    finally:
        if run.journal is not None:
            _attempt(lambda r: r.journal.close(), run)
    reason = _attempt(_remove, run)
    _say(out, "remove the temporary folder", reason)
    total = len(steps) + 1
    passed = total - len(failed) - bool(reason)
    if sys.stderr:
        print(f"Reflect self-test: {passed} of {total} steps passed in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0 if passed == total else 1


def _attempt(step: Callable[[_Run], None], run: _Run) -> str:
    """'' if the step passed, else a one-line reason."""
    from reflect.domain.errors import ReflectError

    try:
        step(run)
    except StepFailed as exc:
        return str(exc)
    except ReflectError as exc:
        return exc.message
    except Exception as exc:  # the reason is the point of a self-test: say what broke
        detail = " ".join(str(exc).split())[:200]
        return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return ""


def _say(out, name: str, reason: str) -> None:
    if out is None:  # a windowed program on Windows has no console; the exit code still tells
        return
    out.write(f"FAIL {name}: {reason}\n" if reason else f"ok   {name}\n")
    out.flush()


def _remove(run: _Run) -> None:
    shutil.rmtree(run.folder)
    check(not run.folder.exists(), f"{run.folder} is still there")


def _import_made_file(run: _Run, name: str, data: bytes) -> None:
    from reflect.briefings import read_briefing_file

    path = run.folder / name
    path.write_bytes(data)
    briefing = read_briefing_file(path)
    check(briefing.questions == QUESTIONS,
           f"the questions did not come out of the {path.suffix} file as written")
    briefing_id = run.journal.briefings.add(briefing, source_name=name)
    check(len(run.journal.briefings.get(briefing_id).question_items) == len(QUESTIONS),
           "the imported briefing lost questions in the journal")


def _docx_bytes() -> bytes:
    """A Word briefing made with python-docx (which needs its bundled template)."""
    from docx import Document

    document = Document()
    for kind, text in BRIEFING_LINES:
        if kind == "title":
            document.add_paragraph(text, style="Title")
        elif kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_bytes() -> bytes:
    """A PDF briefing with a real text layer, drawn with reportlab in the bundled font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from reflect.export.fonts import BOLD, REGULAR, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    y = A4[1] - 72
    for kind, text in BRIEFING_LINES:
        if kind in ("title", "heading"):
            y -= 8
        canvas.setFont(BOLD if kind in ("title", "heading") else REGULAR, 10)
        canvas.drawString(72, y, ("• " if kind == "bullet" else "") + text)
        y -= 16
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fonts(reader) -> list[tuple[str, bool]]:
    """(name, embedded) for every font the pages use directly or through forms."""
    found: dict[int, tuple[str, bool]] = {}

    def resolve(obj):
        return obj.get_object() if hasattr(obj, "get_object") else obj

    def visit(resources, depth: int = 0) -> None:
        resources = resolve(resources)
        if not resources or depth > 4:
            return
        for font in resolve(resources.get("/Font", {})).values():
            font = resolve(font)
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = resolve(resolve(font["/DescendantFonts"])[0]).get("/FontDescriptor")
            descriptor = resolve(descriptor) or {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[id(font)] = (str(font.get("/BaseFont", "")).lstrip("/"), embedded)
        for xobject in resolve(resources.get("/XObject", {})).values():
            xobject = resolve(xobject)
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"), depth + 1)

    for page in reader.pages:
        visit(page.get("/Resources"))
    return list(found.values())
