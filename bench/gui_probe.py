"""Measurements that need a real (offscreen) Qt window, each run in its own process by run.py.

Usage: gui_probe.py KIND DATA_DIR PASSPHRASE_FILE   (prints one JSON object)
  bare-window  floor for start-up: a bare PySide6 window shown and painted (no journal)
  editor       keystroke latency in the entry editor, spelling on, 5,000-word entry
  entry-list   entry list filled and first screen painted: all entries, then a tag filter
  memory       peak RSS after start-up (first painted dashboard) and one search
  pages        page switch times: each page's first visit, later visits, and visits after a change
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
START = time.perf_counter()


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def bare_window() -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class Window(QMainWindow):
        def paintEvent(self, event):
            super().paintEvent(event)
            QTimer.singleShot(0, painted)  # after the paint event, as Reflect reports (painted.py)

    def painted():
        print(f"painted {time.monotonic():.6f}", flush=True)
        app.quit()

    app = QApplication(sys.argv[:1])
    window = Window()
    window.resize(1280, 800)
    window.show()
    app.exec()
    return {"seconds": time.perf_counter() - START}


def _window(data_dir, passphrase_file):
    from PySide6.QtWidgets import QApplication

    from reflect.paths import AppPaths
    from reflect.services.opening import open_journal
    from reflect.services.passphrase import read_passphrase_file
    from reflect.settings import Settings
    from reflect.ui.shell import gc_guard
    from reflect.ui.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    gc_guard.install(app)
    journal = open_journal(AppPaths(data_dir), read_passphrase_file(passphrase_file))
    window = MainWindow(journal, Settings(), lambda: None)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    return app, journal, window


def editor(data_dir, passphrase_file) -> dict:
    import statistics

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from reflect.domain.journal import NewEntry
    from reflect.services.demo.content import Writer
    from reflect.ui.shell.main_window import REFLECT

    app, journal, window = _window(data_dir, passphrase_file)
    writer = Writer(99)
    theme = writer.theme()
    # with details the hints underline, so that drawing them is part of every keystroke measured
    text = ("On the visit Tom said Mrs Jones was at St Mary's Primary. "
            + writer.answer(theme, 5000) + " Kayla (7) told me about it.")
    words = len(text.split())
    entry = journal.entries.create_entry(NewEntry(model="free", title="Keystroke benchmark",
                                                  answers=(("reflection", text),)))
    window.show_page(REFLECT)
    window.reflect_page.open_entry(entry.id)
    edit = window.reflect_page.editor.stages["reflection"].edit
    edit.setFocus()
    deadline = time.time() + 30
    while not window.spelling.is_ready() and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    hints = next(s.hints for s in window.spelling._supports if s.editor is edit)
    checked = []
    hints.updated.connect(lambda: checked.append(time.perf_counter()))
    while not checked and time.time() < deadline:  # the first anonymisation pass has drawn its hints
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    samples = []
    keys = "the chronology told a different story " * 8
    for index, ch in enumerate(keys):
        key = Qt.Key.Key_Space if ch == " " else getattr(Qt.Key, f"Key_{ch.upper()}")
        t0 = time.perf_counter()
        QTest.keyClick(edit, key, Qt.KeyboardModifier.NoModifier)
        app.processEvents()
        samples.append((time.perf_counter() - t0) * 1000)
        # a fast typist (about 100 keys a minute faster than most) who pauses now and then, so
        # the hints check the whole text on a worker while the next keys are typed
        QTest.qWait(450 if index % 40 == 39 else 5)
    window.close()
    journal.close()
    return {"p50_ms": statistics.median(samples), "p95_ms": p95(samples), "words": words,
            "spelling_ready": window.spelling.is_ready(), "keys": len(samples),
            "hint_passes": len(checked), "hints": len(hints.findings)}


def entry_list(data_dir, passphrase_file) -> dict:
    import statistics

    from reflect.domain.entry_filter import EntryFilter
    from reflect.ui.shell.main_window import REFLECT

    app, journal, window = _window(data_dir, passphrase_file)
    window.show_page(REFLECT)
    panel = window.reflect_page.entry_list
    window.reflect_page.show_tab(1)
    app.processEvents()
    tag = journal.db.execute(
        "SELECT t.name FROM tags t JOIN entry_tags et ON et.tag_id = t.id GROUP BY t.id "
        "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    results = {}
    for name, entry_filter in (("all", EntryFilter()), ("tag", EntryFilter(tags=frozenset({tag})))):
        timings = []
        for _ in range(5):
            panel.set_filter(EntryFilter(text="zzzznothing"))  # start from a different list
            panel.view.list.viewport().repaint()
            t0 = time.perf_counter()
            panel.set_filter(entry_filter)
            panel.view.list.viewport().repaint()
            timings.append((time.perf_counter() - t0) * 1000)
        results[name] = {"median_ms": statistics.median(timings), "max_ms": max(timings),
                         "rows": panel.model.rowCount()}
    window.close()
    journal.close()
    return results


def memory(data_dir, passphrase_file) -> dict:
    import resource

    app, journal, window = _window(data_dir, passphrase_file)
    for _ in range(3):
        app.processEvents()
    window.find()
    window.reflect_page.search.view.query.setText("professional curiosity")
    window.reflect_page.search.run()
    app.processEvents()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hits = window.reflect_page.search.model.rowCount()
    window.close()
    journal.close()
    return {"peak_rss_mb": peak_kb / 1024, "hits": hits}


IDLE_SECONDS = 2.0  # on the dashboard before the first click: the app builds the pages meanwhile
VISITS = 5


def _switch_ms(app, window, index: int) -> float:
    """From the click to the page painted: the switch, the events it posts, and a full paint."""
    t0 = time.perf_counter()
    window.show_page(index)
    app.processEvents()
    window.pages.currentWidget().repaint()
    return (time.perf_counter() - t0) * 1000


def pages(data_dir, passphrase_file) -> dict:
    """The app's own order of things: painted dashboard, pages prepared while idle (as the app
    does once painted), then every page visited: first, then again (nothing changed), then
    again after a reflection was saved (the pages read the journal again)."""
    import statistics

    from reflect.ui.shell.main_window import DASHBOARD, PAGE_NAMES

    app, journal, window = _window(data_dir, passphrase_file)
    window.prepare_pages_when_idle()
    deadline = time.perf_counter() + IDLE_SECONDS
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    order = [i for i in range(len(PAGE_NAMES)) if i != DASHBOARD] + [DASHBOARD]
    first = {PAGE_NAMES[i]: _switch_ms(app, window, i) for i in order}
    later = {name: [] for name in PAGE_NAMES}
    changed = {name: [] for name in PAGE_NAMES}
    from reflect.domain.journal import AnswerDraft

    # what autosave writes while a reflection is typed, on another page than the one shown next
    entry_id, stage, text = journal.db.execute("SELECT entry_id, stage, text FROM answers LIMIT 1").fetchone()
    for _ in range(VISITS):
        for i in order:
            later[PAGE_NAMES[i]].append(_switch_ms(app, window, i))
    for _ in range(VISITS):
        for i in order:
            text += " More."  # a write the pages did not make: they must read again
            journal.entries.save_answer(AnswerDraft(entry_id, stage, text))
            changed[PAGE_NAMES[i]].append(_switch_ms(app, window, i))
    window.close()
    journal.close()
    return {"first": first, "later": {k: statistics.median(v) for k, v in later.items()},
            "changed": {k: statistics.median(v) for k, v in changed.items()},
            "prepared": window.idle_steps.done}


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "bare-window":  # the floor imports nothing but PySide6 (no json, no statistics)
        print(f'{{"seconds": {bare_window()["seconds"]}}}')
    else:
        import json

        probes = {"editor": editor, "entry-list": entry_list, "memory": memory, "pages": pages}
        result = probes[kind](*sys.argv[2:4])
        print(json.dumps(result))
