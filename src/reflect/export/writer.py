"""Putting a rendered PDF in place: all of it or none of it, never over a good file by mistake.

The document is rendered into memory, encrypted there if a password was chosen (so no readable
copy of a protected export ever touches the disk), written to a temporary file beside the target,
flushed to disk, and only then renamed over the target in one step (`os.replace`). Any failure or a
cancellation removes the temporary file and raises `ExportError`; a file already at the target is
left exactly as it was.

Passwords use pypdf's AES-256 (PDF 2.0 / revision 6): reportlab's own encryption is RC4/AES-128
and its output does not open in pypdf.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from reflect.domain.diagnostics import describe
from reflect.domain.errors import DISK_FULL, ExportError, is_disk_full
from reflect.export.leftovers import partial_file, remove_leftovers

log = logging.getLogger(__name__)


class ExportCancelled(ExportError):
    """The user stopped the export. Nothing was written."""

    default_text = "The export was cancelled. No file was written, and any earlier file was left as it was."


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    pages: int
    entry_count: int
    encrypted: bool = False
    pack: object = None  # what the renderer's `describe_output` says of the file (a fillable pack)


class _Stop(Exception):
    pass


def write_pdf(renderer, target: Path, *, password: str | None = None,
              progress: Callable[[int, int], object] | None = None,
              cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Render `renderer` (a `PdfRenderer`) to `target`, atomically.

    `progress(done, total)` is called as each reflection is laid out; returning False cancels (so
    does `cancelled()` returning True). Raises `ExportCancelled` or `ExportError`; on either,
    nothing new is left on disk.
    """
    data, result = render_pdf(renderer, target, password=password, progress=progress,
                              cancelled=cancelled)
    place_file(data, result.path)
    return result


def render_pdf(renderer, target: Path, *, password: str | None = None,
               progress: Callable[[int, int], object] | None = None,
               cancelled: Callable[[], bool] | None = None) -> tuple[bytes, ExportResult]:
    """The finished file's bytes (encrypted if `password`), made in memory, and what they hold.

    Nothing touches the disk, so a kill here leaves nothing behind. Raises as `write_pdf`."""
    target = Path(target)
    if target.is_dir():
        raise ExportError(f"“{target.name}” is a folder. Choose a file name for the PDF.")

    def on_progress(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise _Stop
        if progress is not None and progress(done, total) is False:
            raise _Stop

    try:
        buffer = io.BytesIO()
        pages = renderer.render(buffer, on_progress)
        if cancelled is not None and cancelled():
            raise _Stop
        data = buffer.getvalue()
        describe = getattr(renderer, "describe_output", None)
        pack = describe(data) if describe is not None else None
        if password:
            data = encrypt_pdf(data, password)
    except _Stop:
        raise ExportCancelled() from None
    except (ExportError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        raise _as_export_error(exc, target) from exc
    return data, ExportResult(target, hashlib.sha256(data).hexdigest(), pages, renderer.entry_count,
                              bool(password), pack)


def place_file(data: bytes, target: Path) -> None:
    """Write `data` to a private file beside `target`, flush it to disk, then rename it over
    `target` in one step. On failure nothing new is left and any earlier file is untouched;
    a kill leaves only a `.reflect-*.partial` the next export to the folder removes."""
    target = Path(target)
    if target.is_dir():
        raise ExportError(f"“{target.name}” is a folder. Choose a file name for the PDF.")
    remove_leftovers(target.parent)
    temp = None
    try:
        with partial_file(target.parent) as (handle, temp):
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if os.name == "posix":
                os.replace(temp, target)  # while still locked, so no cleaner can take it first
        if os.name != "posix":
            os.replace(temp, target)  # Windows renames no open file (and deletes none either)
        _sync_folder(target.parent)
    except BaseException as exc:
        if temp is not None:
            _remove(temp)
        if isinstance(exc, (ExportError, KeyboardInterrupt, SystemExit)):
            raise
        if temp is None and isinstance(exc, OSError) and not is_disk_full(exc):
            log.warning("export folder not writable: %s", type(exc).__name__)
            raise ExportError(
                "Reflect cannot write to that folder. Choose another folder, or check the disk has "
                "space and is not read-only. Any earlier file has been left as it was."
            ) from exc
        raise _as_export_error(exc, target) from exc


def _as_export_error(exc: BaseException, target: Path) -> ExportError:
    """What a failure while writing means to the practitioner; anything unexpected is logged."""
    if isinstance(exc, OSError) and is_disk_full(exc):
        return ExportError(f"{DISK_FULL} No file was written, and any earlier “{target.name}” was "
                           "left as it was.")
    if isinstance(exc, PermissionError):
        return ExportError(
            f"“{target.name}” could not be replaced: it may be open in another program. Close "
            "it and try again. The earlier file has been left as it was."
        )
    if isinstance(exc, OSError):
        return ExportError(
            "The PDF could not be written: the disk may be full or unavailable. Any earlier "
            "file has been left as it was."
        )
    log.error("PDF rendering failed: %s", describe(exc))  # never the message (journal text)
    return ExportError()


def encrypt_pdf(data: bytes, password: str) -> bytes:
    """`data` protected with AES-256: `password` opens it; the owner password is the same."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
