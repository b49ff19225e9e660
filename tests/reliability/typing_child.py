"""Child process for the kill tests: opens the app's real editor offscreen and types into it.

Usage: typing_child.py DATA_DIR PASSPHRASE_FILE MODE
  pause: type a sentence, wait past the autosave debounce, print "typed", then idle.
  continuous: type words without pausing, printing "word N <monotonic time>" after each one.
"""

from __future__ import annotations

import os
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reflect.paths import AppPaths
from reflect.services.opening import open_journal
from reflect.services.passphrase import read_passphrase_file
from reflect.settings import Settings
from reflect.ui.shell.main_window import MainWindow

SENTENCE = "The chronology told a different story"


def main() -> None:
    data_dir, passphrase_file, mode = sys.argv[1:4]
    app = QApplication([])
    journal = open_journal(AppPaths(data_dir), read_passphrase_file(passphrase_file), create=True)
    window = MainWindow(journal, Settings(), lambda: None)
    window.show()
    window.reflect_page.new_reflection()
    editor = window.reflect_page.editor
    QTest.keyClicks(editor.view.title, "Typed before a kill")
    editor.flush()  # a new reflection reaches the journal with the first thing written in it
    edit = next(iter(editor.stages.values())).edit
    edit.setFocus()
    print(f"entry {editor.entry_id}", flush=True)
    if mode == "pause":
        QTest.keyClicks(edit, SENTENCE)
        QTest.qWait(1500)  # longer than the debounce
        print("typed", flush=True)
        while True:
            QTest.qWait(100)
    n = 0
    while True:
        QTest.keyClicks(edit, f"w{n} ")
        app.processEvents()
        print(f"word {n} {time.monotonic()}", flush=True)
        n += 1
        QTest.qWait(40)


if __name__ == "__main__":
    main()
