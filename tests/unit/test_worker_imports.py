"""Work handed to a worker thread imports nothing: what it needs is imported on the UI thread
first. Two threads importing at once can see each other's half-initialised modules (seen at
start-up, see reflect.services.opening.OpeningJournal), so these run in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PASSPHRASE, REPO


def _new_modules_on_the_worker(prepare: str, work: str) -> list[str]:
    script = (
        "import sys, threading\n"
        f"{prepare}\n"
        "before = set(sys.modules)\n"
        "failure = []\nimport traceback\n"
        "def run():\n"
        "    try:\n"
        + "".join(f"        {line}\n" for line in work.splitlines()) +
        "    except BaseException as exc:\n"
        "        failure.append(traceback.format_exc())\n"
        "worker = threading.Thread(target=run)\n"
        "worker.start(); worker.join()\n"
        "assert not failure, failure\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                         timeout=180)
    assert out.returncode == 0, out.stderr[-3000:]
    return eval(out.stdout.strip().splitlines()[-1])  # a printed list of module names


def test_rendering_and_checking_a_pdf_on_a_worker(tmp_path):
    prepare = (
        "import reflect.app\n"
        "from reflect.ui.export.export_dialog import load_pdf_code\n"
        "from reflect.services import exporting as svc\n"
        "from reflect.services.demo import build_demo\n"
        "from reflect.domain.entry_filter import EntryFilter\n"
        "from reflect.services.opening import open_journal\n"
        "from reflect.paths import AppPaths\n"
        f"journal = open_journal(AppPaths({str(tmp_path / 'j')!r}), {PASSPHRASE!r}, create=True)\n"
        "build_demo(journal, 12)\n"
        "request = svc.ExportRequest('portfolio', entry_filter=EntryFilter())\n"
        "report = svc.load_report(journal, request)\n"
        "load_pdf_code()\n"
    )
    work = (
        f"pending = svc.render_pending(report, {str(tmp_path / 'out.pdf')!r})\n"
        "svc.pdf_text(pending.data)\n"
        "pending.commit()\n"
    )
    assert _new_modules_on_the_worker(prepare, work) == []
    assert (tmp_path / "out.pdf").stat().st_size > 1000


def test_reading_word_and_pdf_briefings_on_a_worker(tmp_path):
    from tests.unit.briefing_fixtures import builders

    (tmp_path / "b.docx").write_bytes(builders.build_docx())
    (tmp_path / "b.pdf").write_bytes(builders.build_pdf())
    prepare = (
        "import reflect.app\n"
        "from reflect.briefings import load_readers, read_briefing_file\n"
        "load_readers()\n"
    )
    work = (
        f"assert read_briefing_file(__import__('pathlib').Path({str(tmp_path / 'b.docx')!r})).title\n"
        f"assert read_briefing_file(__import__('pathlib').Path({str(tmp_path / 'b.pdf')!r})).title\n"
    )
    assert _new_modules_on_the_worker(prepare, work) == []


def test_loading_the_spelling_dictionary_on_a_worker():
    prepare = ("import reflect.app\n"
               "from reflect.ui.spelling import SpellingService\n"
               "from reflect.spelling import SpellChecker\n")
    work = "assert SpellChecker.load(['Wigan']) is not None\n"
    assert _new_modules_on_the_worker(prepare, work) == []
