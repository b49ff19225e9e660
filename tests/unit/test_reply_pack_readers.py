"""The fillable pack in other readers' engines: PDFium (Chrome, Edge) draws every filled value;
pdf.js (Firefox) fills and saves it, and every value comes back."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from reflect.export import form_fields as ff
from reflect.export.reply_reader import form_values, page_fingerprints
from reflect.export.writer import encrypt_pdf
from tests.unit.pdf_helpers import qpdf_check
from tests.unit.reply_pack_helpers import fill_with_pypdf, render, report, typed_values

SCALE = 2  # pixels per point


def _widgets(data: bytes) -> dict[str, tuple[int, tuple[float, float, float, float]]]:
    """Field name -> (page index, rectangle in points)."""
    out = {}
    for index, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        for ref in page.get("/Annots", ()):
            widget = ref.get_object()
            out[str(widget["/T"])] = (index, tuple(float(v) for v in widget["/Rect"]))
    return out


def _renders(data: bytes) -> list:
    """Each page as a greyscale image, forms drawn, as PDFium shows it."""
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 is a test extra (scripts/test installs it)")
    document = pdfium.PdfDocument(data)
    document.init_forms()
    try:
        return [document[i].render(scale=SCALE, may_draw_forms=True, grayscale=True).to_pil()
                for i in range(len(document))]
    finally:
        document.close()


def _ink(image, rect: tuple[float, float, float, float], height: float) -> int:
    """Dark pixels inside `rect` (PDF points, origin bottom left), borders excluded."""
    x0, y0, x1, y1 = rect
    box = (int(x0 * SCALE) + 3, int((height - y1) * SCALE) + 3,
           int(x1 * SCALE) - 3, int((height - y0) * SCALE) - 3)
    return sum(image.crop(box).histogram()[:100])


def test_pdfium_draws_every_filled_value():
    """Each field, empty in the pack, shows ink in its rectangle once filled (the checkbox its tick)."""
    rep = report(entries=2)
    empty = render(rep)
    filled = fill_with_pypdf(empty, typed_values(rep))
    widgets = _widgets(empty)
    assert set(widgets) == set(typed_values(rep)) | {ff.SIGNOFF}
    height = float(PdfReader(io.BytesIO(empty)).pages[0].mediabox.height)
    before, after = _renders(empty), _renders(filled)
    blank = [name for name, (page, rect) in widgets.items() if _ink(after[page], rect, height) <= 20]
    assert blank == []
    stray = [name for name, (page, rect) in widgets.items() if _ink(before[page], rect, height) > 0]
    assert stray == []


# -- pdf.js (Firefox) --------------------------------------------------------------------------------
JS = Path(__file__).parent / "js"
FILL_SCRIPT = JS / "fill_with_pdfjs.mjs"
#: pinned in js/package.json, which scripts/test reads too: the last line that runs on Node 20
PDFJS_VERSION = json.loads((JS / "package.json").read_text(encoding="utf-8"))["dependencies"]["pdfjs-dist"]
PDFJS_CACHE = Path(__file__).resolve().parents[2] / ".cache" / f"pdfjs-dist-{PDFJS_VERSION}"


def installed_pdfjs(cache: Path = PDFJS_CACHE, version: str = PDFJS_VERSION) -> Path | None:
    """The pdfjs-dist package scripts/test installed into `cache`, if it is there at `version`."""
    package = cache / "node_modules" / "pdfjs-dist"
    try:
        found = json.loads((package / "package.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None
    return package if found == version and (package / "legacy" / "build" / "pdf.mjs").is_file() else None


@pytest.fixture(scope="session")
def pdfjs_dir() -> Path:
    """pdfjs-dist as scripts/test installs it (into the repository's .cache, not committed). Where
    it or Node is missing (pytest run directly) the pdf.js tests skip, saying how to get it; under
    CI (CI=true) they fail instead, so a CI run cannot pass without them."""
    package = installed_pdfjs()
    problem = (f"pdfjs-dist {PDFJS_VERSION} is not installed in {PDFJS_CACHE}" if package is None else
               "Node.js is not on PATH" if shutil.which("node") is None else "")
    if problem:
        message = f"{problem}: run scripts/test, which installs Node.js (on Debian) and pdfjs-dist."
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return package


def fill_with_pdfjs(pdfjs_dir: Path, data: bytes, values: dict, tmp_path: Path,
                    password: str | None = None) -> bytes:
    """`data` filled in pdf.js's annotation storage and saved with `saveDocument()`."""
    source, target, spec = tmp_path / "in.pdf", tmp_path / "out.pdf", tmp_path / "values.json"
    source.write_bytes(data)
    spec.write_text(json.dumps(values), encoding="utf-8")
    command = [shutil.which("node") or "node", str(FILL_SCRIPT), str(pdfjs_dir), str(source),
               str(target), str(spec)] + ([password] if password else [])
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == sorted(values)
    return target.read_bytes()


def _pdfjs_values(rep) -> dict:
    values: dict = typed_values(rep)
    values[ff.OVERALL] = "Łódź – naïve “quotes” ✓ 😀\nA second line."
    values[ff.SIGNOFF] = True
    return values


def test_pdfjs_fill_reads_back_every_value(pdfjs_dir, tmp_path):
    """Filled and saved by pdf.js (incrementally): every value and the ticked checkbox come back,
    the pages' fingerprints are unchanged and qpdf finds no error."""
    rep = report(entries=2)
    empty = render(rep)
    values = _pdfjs_values(rep)
    filled = fill_with_pdfjs(pdfjs_dir, empty, values, tmp_path)
    assert filled.startswith(empty)
    assert form_values(filled) == values
    assert page_fingerprints(filled) == page_fingerprints(empty)
    path = tmp_path / "filled.pdf"
    path.write_bytes(filled)
    qpdf_check(path)


def test_pdfjs_keeps_aes256(pdfjs_dir, tmp_path):
    """An AES-256 pack filled by pdf.js stays encrypted and reads back with the password."""
    rep = report(entries=1)
    locked = encrypt_pdf(render(rep), "s3cret pass")
    values = _pdfjs_values(rep)
    filled = fill_with_pdfjs(pdfjs_dir, locked, values, tmp_path, password="s3cret pass")
    assert PdfReader(io.BytesIO(filled)).is_encrypted
    assert form_values(filled, "s3cret pass") == values
    assert page_fingerprints(filled, "s3cret pass") == page_fingerprints(locked, "s3cret pass")


def test_scripts_install_the_version_the_tests_look_for(tmp_path):
    """scripts/test reads the same pinned pdfjs-dist version, and a cache holding another version
    (a stale install) is not taken for it."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(["bash", "-c", 'source scripts/_venv.sh && pdfjs_version'], cwd=root,
                          capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stdout.strip()) == (0, PDFJS_VERSION)
    package = tmp_path / "node_modules" / "pdfjs-dist"
    (package / "legacy" / "build").mkdir(parents=True)
    (package / "legacy" / "build" / "pdf.mjs").write_text("", encoding="utf-8")
    (package / "package.json").write_text('{"version": "6.0.0"}', encoding="utf-8")
    assert installed_pdfjs(tmp_path) is None
    (package / "package.json").write_text(json.dumps({"version": PDFJS_VERSION}), encoding="utf-8")
    assert installed_pdfjs(tmp_path) == package
