"""Draw the workspace offscreen with demo data and save it as a PNG (used by scripts/screenshot)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reflect.paths import AppPaths
from reflect.services.demo import build_demo
from reflect.services.opening import open_journal
from reflect.settings import Settings
from reflect.ui.shell.main_window import REFLECT, MainWindow


def main(out: str) -> None:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        journal = open_journal(AppPaths(Path(folder)), "screenshot passphrase", create=True)
        try:
            build_demo(journal, 120)
            window = MainWindow(journal, Settings(show_anonymise_reminder=True), lambda: None)
            window.resize(1366, 768)
            window.show()
            entry = next(e for e in journal.entries.list_entries()
                         if e.model == "gibbs" and e.question_id)
            window.show_page(REFLECT)
            window.reflect_page.open_entry(entry.id)
            for _ in range(5):
                app.processEvents()
            window.grab().save(out)
            window.close()
        finally:
            journal.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
