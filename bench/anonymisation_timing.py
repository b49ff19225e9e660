"""How long the anonymisation check takes on a 2,000-word reflection, next to a floor (issue 13).

    python bench/anonymisation_timing.py            # 200 runs
    python bench/anonymisation_timing.py --runs 50

The text is realistic reflective writing (the development set's paragraphs and sentences, names,
places, references and traps mixed) repeated to 2,000 words. The one-time load of the word lists
is timed apart; then `check_text` runs `--runs` times and the median and p95 are printed beside a
floor: one bare `re.finditer(r"\\b[A-Z][a-z]+\\b")` over the same text, the least any name
detector must do. The goal is p95 <= 50 ms. A quick check for a developer, not a timed test.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.unit.anonymisation_dev_set import CLEAN, NAMES, OTHER_KINDS, PARAGRAPHS  # noqa: E402

from reflect.domain.anonymisation import check_text  # noqa: E402
from reflect.domain.anonymisation.lexicon import lexicon  # noqa: E402

GOAL_MS = 50.0
WORDS = 2_000


def reflection(words: int = WORDS) -> str:
    """About `words` words of mixed identifying and clean reflective writing."""
    pieces = [p for p, _ in PARAGRAPHS]
    sentences = [s for s, _ in NAMES + OTHER_KINDS] + CLEAN
    for i in range(0, len(sentences), 6):
        pieces.append(" ".join(sentences[i:i + 6]))
    text, i = [], 0
    while sum(len(p.split()) for p in text) < words:
        text.append(pieces[i % len(pieces)])
        i += 1
    return "\n\n".join(text)


def _p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    text = reflection()
    started = time.perf_counter()
    lexicon()
    load_ms = (time.perf_counter() - started) * 1000
    check_text(text)  # warm the caches (compiled patterns, tables)
    samples, floor = [], []
    capitalised = re.compile(r"\b[A-Z][a-z]+\b")
    for _ in range(runs):
        started = time.perf_counter()
        findings = check_text(text)
        samples.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        sum(1 for _ in capitalised.finditer(text))
        floor.append((time.perf_counter() - started) * 1000)
    p95 = _p95(samples)
    print(f"text: {len(text.split())} words, {len(text)} characters, {len(findings)} findings")
    print(f"one-time load of the word lists: {load_ms:.0f} ms")
    print(f"check_text: median {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms "
          f"(goal <= {GOAL_MS:.0f} ms: {'ok' if p95 <= GOAL_MS else 'MISSED'})")
    print(f"floor (re.finditer capitalised words): median {statistics.median(floor):.2f} ms, "
          f"p95 {_p95(floor):.2f} ms; ratio {p95 / _p95(floor):.0f}x")


if __name__ == "__main__":
    main()
