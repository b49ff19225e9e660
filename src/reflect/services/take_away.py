"""Take my journal with me, as readable files: the whole journal read from the store and written
by the export layer as Markdown files in a zip. Both run on a worker: reading 10,000 reflections
takes over a second.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reflect.export.markdown_zip import write_markdown_zip
from reflect.store.archive_loader import load_archive

Progress = Callable[[int, int], bool]


def readable_copy_in_background(journal, practitioner: str, target: Path) -> Callable[[Progress], Path]:
    """A function `work(progress)` for a worker thread: reads the journal through a connection of
    its own and writes the zip at `target` (returned); `progress(done, total)` returning False
    cancels, leaving nothing behind."""
    read = journal.read_in_background(lambda reader: load_archive(reader, practitioner))
    return lambda progress: write_markdown_zip(read(), target, progress)
