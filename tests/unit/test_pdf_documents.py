"""The three PDF documents rendered from a lived-in demo journal, read back with pypdf and qpdf."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from reflect.domain.entry_filter import EntryFilter
from reflect.domain.report import EntryReport, ExportOptions, PortfolioReport, SessionReport
from reflect.domain.session_rules import format_day
from reflect.export import (
    PortfolioRenderer,
    SessionPackRenderer,
    SingleEntryRenderer,
    extract_text,
    write_pdf,
)
from reflect.export.renderer import FOOTER_TEXT, NOTICE_TEXT
from reflect.paths import AppPaths
from reflect.services.demo import build_demo
from reflect.services.opening import open_journal
from reflect.store.report_loader import ReportLoader
from tests.unit.pdf_helpers import (
    body_text,
    check_fonts_embedded,
    norm,
    outline,
    page_texts,
    qpdf_check,
)
from tests.unit.pdf_ua import ua1_failures

PRACTITIONER = "Alex Łukasz Example"


@dataclass
class Rendered:
    session: SessionReport
    portfolio: PortfolioReport
    single: EntryReport
    paths: dict[str, Path]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Rendered:
    """Each document rendered once from a 60-entry demo journal (with briefing summaries)."""
    root = tmp_path_factory.mktemp("pdf-documents")
    journal = open_journal(AppPaths(root / "journal"), "correct horse battery staple", create=True)
    try:
        build_demo(journal, entries=60, today=date(2026, 6, 1))
        loader = ReportLoader(journal, today=lambda: date(2026, 6, 1))
        options = ExportOptions(practitioner=PRACTITIONER, include_briefings=True)
        held = [s for s in journal.sessions.list_sessions() if journal.actions.agreed_in(s.id)]
        session = loader.session_report(held[-1].id, options)
        portfolio = loader.portfolio_report(EntryFilter(created_from=date(2026, 1, 1)), options,
                                            title="Appraisal 2026")
        with_briefing = next(e for e in session.entries if e.briefing_title)
        first_id = int(with_briefing.key.removeprefix("entry-"))
        single = loader.entry_report(first_id, options)
    finally:
        journal.close()
    paths = {
        "session": write_pdf(SessionPackRenderer(session), root / "session.pdf").path,
        "portfolio": write_pdf(PortfolioRenderer(portfolio), root / "portfolio.pdf").path,
        "single": write_pdf(SingleEntryRenderer(single), root / "single.pdf").path,
    }
    return Rendered(session, portfolio, single, paths)


KINDS = ("session", "portfolio", "single")


@pytest.mark.parametrize("kind", KINDS)
def test_each_document_passes_pdf_ua1(rendered, kind):
    """Rendered from a lived-in journal (briefing summaries included), each document passes every
    PDF/UA-1 rule of the offline checker (more in test_accessible_pdfs)."""
    assert ua1_failures(rendered.paths[kind].read_bytes()) == []


@pytest.mark.parametrize("kind", KINDS)
def test_page_x_of_y_on_first_and_last_page(rendered, kind):
    """Page 1 says "Page 1 of N" and the last page "Page N of N"."""
    pages = page_texts(rendered.paths[kind])
    total = len(pages)
    assert total >= 2
    assert f"Page 1 of {total}" in pages[0]
    assert f"Page {total} of {total}" in pages[-1]


@pytest.mark.parametrize("kind", KINDS)
def test_footer_on_every_page(rendered, kind):
    """Every page carries the "not a case record" footer and its own page number."""
    pages = page_texts(rendered.paths[kind])
    for number, text in enumerate(pages, start=1):
        assert FOOTER_TEXT in text, number
        assert f"Page {number} of {len(pages)}" in text


@pytest.mark.parametrize("kind", KINDS)
def test_metadata_and_language(rendered, kind):
    """Title, author (the practitioner), subject and /Lang en-GB are set."""
    reader = PdfReader(str(rendered.paths[kind]))
    meta = reader.metadata
    assert meta.title and meta.subject
    assert meta.author == PRACTITIONER
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    if kind == "single":
        assert meta.title == rendered.single.entry.display_title
    if kind == "portfolio":
        assert meta.title == "Appraisal 2026"
    if kind == "session":
        assert rendered.session.when in meta.title


@pytest.mark.parametrize("kind", KINDS)
def test_fonts_are_embedded_dejavu_subsets(rendered, kind):
    """Every font is an embedded DejaVu subset; no standard-14 font is referenced anywhere."""
    path = rendered.paths[kind]
    names = check_fonts_embedded(path)
    assert any("Bold" in n for n in names)
    raw = path.read_bytes()
    for standard in (b"Helvetica", b"Times-Roman", b"Courier"):
        assert standard not in raw


@pytest.mark.parametrize("kind", KINDS)
def test_qpdf_check_passes(rendered, kind):
    """qpdf finds no structural error in the document."""
    qpdf_check(rendered.paths[kind])


def test_session_pack_outline_has_sections_and_each_reflection(rendered):
    """The outline lists the sections and, under Reflections, each reflection by title, in order."""
    entries = outline(PdfReader(str(rendered.paths["session"])))
    top = [title for level, title in entries if level == 0]
    assert top == ["Cover", "Agenda", "Actions carried forward", "Session notes", "Briefings referenced",
                   "Reflections", "Actions agreed", "Supervisor's comments", "Sign-off"]
    start = entries.index((0, "Reflections"))
    children = [title for level, title in entries[start + 1:start + 1 + len(rendered.session.entries)]]
    assert children == [e.display_title for e in rendered.session.entries]


def test_session_pack_shows_every_part(rendered):
    """Cover details, notice, agenda, actions (both kinds), every stage answer and the sign-off."""
    report = rendered.session
    header = f"Supervision pack — {report.when} · {PRACTITIONER}"
    text = norm(body_text(rendered.paths["session"], header=header))
    for expected in (PRACTITIONER, report.when, report.session_type, NOTICE_TEXT, "Sign-off",
                     "Supervisor's comments", "Signature"):
        assert norm(expected) in text
    for item in report.agenda:
        assert norm(item.text) in text and item.function in text
    for action in report.carried_forward + report.agreed:
        assert norm(action.description) in text
        assert norm(action.status) in text
    for entry in report.entries:
        assert norm(entry.display_title) in text
        assert norm(entry.model_name) in text
        for label, answer in entry.stages:
            assert norm(label) in text
            assert norm(answer) in text
    for briefing in report.briefings:
        assert norm(briefing.learning[0]) in text
    assert any(words.strip() for _, words in report.session_notes)
    for label, words in report.session_notes:
        assert norm(label) in text and norm(words) in text


def test_portfolio_contents_outline_and_text(rendered):
    """The portfolio has a contents page, an outline entry per reflection and all the text."""
    report = rendered.portfolio
    assert len(report.entries) >= 10
    reader = PdfReader(str(rendered.paths["portfolio"]))
    entries = outline(reader)
    assert (0, "Contents") in entries
    assert [t for level, t in entries if level == 1][:len(report.entries)] == \
        [e.display_title for e in report.entries]
    text = norm(body_text(rendered.paths["portfolio"], header=f"Appraisal 2026 · {PRACTITIONER}"))
    assert "Contents" in text
    for entry in report.entries:
        for _, answer in entry.stages:
            assert norm(answer) in text


def test_portfolio_contents_page_numbers_point_at_the_reflections(rendered):
    """Each contents line's page number is the page where that reflection starts."""
    report = rendered.portfolio
    pages = page_texts(rendered.paths["portfolio"])
    whole = "\n".join(pages)
    for number, entry in enumerate(report.entries, start=1):
        # each line of text ends with a space (see test_accessible_pdfs)
        line = re.search(rf"\n{number}\. \n{re.escape(format_day(entry.created_on))} \n(\d+) \n", whole)
        assert line, entry.display_title
        page = pages[int(line.group(1)) - 1]
        assert f"REFLECTION {number} OF {len(report.entries)}" in page
        assert norm(entry.display_title) in norm(page)


def test_single_entry_document(rendered):
    """A single reflection: title, notice, details, every stage's answer; outline by title."""
    entry = rendered.single.entry
    text = norm(body_text(rendered.paths["single"], header=f"{entry.display_title} · {PRACTITIONER}"))
    assert norm(NOTICE_TEXT) in text
    assert norm(entry.question) in text
    for label, answer in entry.stages:
        assert norm(label) in text and norm(answer) in text
    titles = [t for _, t in outline(PdfReader(str(rendered.paths["single"])))]
    assert titles[0] == entry.display_title
    assert "Briefings referenced" in titles


def test_extract_text_reads_the_document_back(rendered):
    """extract_text returns every page's text, for the post-export anonymisation re-check."""
    text = extract_text(rendered.paths["single"])
    assert FOOTER_TEXT in text
    assert norm(rendered.single.entry.stages[0][1]) in norm(text)


@pytest.mark.slow
def test_thousand_reflection_portfolio_with_progress(journal, tmp_path):
    """A 1,000-reflection portfolio renders within 20 s, reporting progress for every reflection."""
    build_demo(journal, entries=1000, today=date(2026, 6, 1))
    report = ReportLoader(journal).portfolio_report(EntryFilter(), ExportOptions(practitioner="Sam"))
    calls = []
    started = time.perf_counter()
    result = write_pdf(PortfolioRenderer(report), tmp_path / "big.pdf",
                       progress=lambda done, total: calls.append((done, total)))
    assert time.perf_counter() - started < 20
    assert calls[0] == (0, 1000) and calls[-1] == (1000, 1000) and len(calls) == 1001
    reader = PdfReader(str(result.path))
    assert len(reader.pages) == result.pages > 1000
    assert f"Page {result.pages} of {result.pages}" in reader.pages[-1].extract_text()
    assert sum(1 for level, _ in outline(reader) if level == 1) == 1000
    qpdf_check(result.path)
