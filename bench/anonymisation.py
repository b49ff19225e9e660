"""The anonymisation check's figures for issue 13: how much it finds, how often it cries wolf, how fast.

    python bench/anonymisation.py               # 200 timed texts of 2,000 words
    python bench/anonymisation.py --runs 50     # quicker
    python bench/anonymisation.py --readme      # also put the table in README.md

Scores `check_text` on the labelled corpus (tests/anonymisation/corpus.txt, invented reflective
writing written apart from the detector) with tests/anonymisation/scoring.py: recall per kind and
overall (a label is found when any finding touches it), precision (findings that touch a label),
and the share of clean sentences with any finding. Then times the check on 2,000-word texts made of
shuffled corpus sentences, next to a floor measured on the same texts in the same loop: one
`re.finditer(r"\\b[A-Z][a-z]+\\b")` pass, about the least any name finder must do. The first check
in a fresh process (import and word lists included) is reported too. Prints a table and writes
bench/anonymisation.json as a list of {name, value, unit, floor, ratio, goal, ok}, like bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from run import row, table, update_readme  # noqa: E402
from tests.anonymisation.scoring import (  # noqa: E402
    KINDS,
    Score,
    load_corpus,
    percentile,
    score,
    texts_of_words,
)

from reflect.domain.anonymisation import check_text  # noqa: E402

CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
NAME_GOAL = 0.85

FIRST_CHECK = """\
import sys, time
started = time.perf_counter()
from reflect.domain.anonymisation import check_text
check_text(sys.stdin.read())
print((time.perf_counter() - started) * 1000)
"""


def percent(share: float) -> float:
    return round(100 * share, 1)


def floor(text: str) -> list:
    return list(CAPITALISED.finditer(text))


def measure_speed(texts: list[str]) -> tuple[list[float], list[float]]:
    """Milliseconds per text for the check and for the floor, interleaved so that a busy moment of
    the machine hits both alike; one untimed warm-up call each."""
    check_text(texts[0])
    floor(texts[0])
    ours, bare = [], []
    for text in texts:
        started = time.perf_counter()
        check_text(text)
        ours.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        floor(text)
        bare.append((time.perf_counter() - started) * 1000)
    return ours, bare


def measure_first_check(text: str) -> float:
    """Import and first check in a fresh interpreter, in milliseconds (word lists load here)."""
    out = subprocess.run([sys.executable, "-c", FIRST_CHECK], input=text, capture_output=True,
                         text=True, check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return float(out.stdout.strip().splitlines()[-1])


def quality_rows(result: Score) -> list[dict]:
    rows = [row("recall, all identifiers", percent(result.recall), "%", "≥ 90%", result.recall >= 0.90)]
    for kind in KINDS:
        if result.labels.get(kind):
            recall = result.recall_of(kind)
            goal, ok = ("≥ 85%", recall >= NAME_GOAL) if kind == "name" else ("(reported)", True)
            rows.append(row(f"recall, {kind} ({result.labels[kind]})", percent(recall), "%", goal, ok))
    rows.append(row("precision", percent(result.precision), "%", "≥ 90%", result.precision >= 0.90))
    rows.append(row(f"clean sentences flagged (of {result.clean_sentences})",
                    percent(result.clean_flagged_rate), "%", "≤ 5%", result.clean_flagged_rate <= 0.05))
    return rows


def speed_rows(ours: list[float], bare: list[float], first: float) -> list[dict]:
    p50, p95 = statistics.median(ours), percentile(ours, 0.95)
    floor50, floor95 = statistics.median(bare), percentile(bare, 0.95)
    return [
        row("check per 2,000 words, p50", p50, "ms", "(reported)", True, floor50, p50 / max(floor50, 1e-6)),
        row("check per 2,000 words, p95", p95, "ms", "≤ 50 ms", p95 <= 50, floor95, p95 / max(floor95, 1e-6)),
        row("import + first check, fresh process", first, "ms", "(reported)", True),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="timed 2,000-word texts (default 200)")
    parser.add_argument("--readme", action="store_true", help="put the table in README.md")
    args = parser.parse_args()

    sentences = load_corpus()
    texts = texts_of_words(sentences, args.runs)
    first = measure_first_check(texts[0])
    result = score(sentences)
    ours, bare = measure_speed(texts)
    rows = quality_rows(result) + speed_rows(ours, bare, first)
    (HERE / "anonymisation.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    words = round(statistics.mean(len(t.split()) for t in texts))
    summary = (f"Corpus: {result.sentences} sentences ({result.clean_sentences} clean), "
               f"{sum(result.labels.values())} identifiers; timing over {len(texts)} texts of about "
               f"{words:,} words; floor: one `\\b[A-Z][a-z]+\\b` pass over the same text.")
    text = summary + "\n\n" + table(rows)
    print(text)
    if args.readme:
        update_readme(text, marker="anonymisation", heading="Anonymisation check")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
