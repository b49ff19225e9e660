"""Take my journal with me: as an encrypted copy, or as readable files — the whole journal read
from the store and written by the export layer as Markdown files in a zip. Both run on a worker:
reading 10,000 reflections takes over a second.

An encrypted copy leaves this computer protected by the passphrase alone, so it is made only under
a passphrase that meets the rule for new ones (a journal created before the rule may have a
shorter one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reflect.domain.errors import UsageError
from reflect.export.markdown_zip import write_markdown_zip
from reflect.services.passphrase import passphrase_problem
from reflect.store.archive_loader import load_archive

Progress = Callable[[int, int], bool]


def readable_copy_in_background(journal, practitioner: str, target: Path) -> Callable[[Progress], Path]:
    """A function `work(progress)` for a worker thread: reads the journal through a connection of
    its own and writes the zip at `target` (returned); `progress(done, total)` returning False
    cancels, leaving nothing behind."""
    read = journal.read_in_background(lambda reader: load_archive(reader, practitioner))
    return lambda progress: write_markdown_zip(read(), target, progress)


WEAK_FOR_A_COPY = ("Your passphrase is too short to protect a copy that leaves this computer. "
                   "Change it first (File → Change passphrase…), then save the copy.")


def encrypted_copy_in_background(journal, target: Path) -> Callable[[], Path]:
    """A function for a worker thread that writes an encrypted copy at `target` (returned); it
    raises UsageError, writing nothing, when the journal's passphrase is below the rule."""
    write = journal.encrypted_copy_in_background(target)

    def work() -> Path:
        if journal.passphrase_problem(passphrase_problem):
            raise UsageError(WEAK_FOR_A_COPY)
        return write()
    return work
