"""How well the anonymisation check does on a labelled corpus of invented reflective writing.

The corpus (`corpus.txt`, one sentence a line) was written apart from the detector, as practitioners
write after a case review, with every identifier marked inline as `[kind: text]`. This module strips
the markers, keeps each label's exact offsets in the plain sentence, runs the check on every sentence
and scores it the way a practitioner would judge it: an identifier is found when any finding touches
it, whatever kind the check gives it; a finding is right when it touches some identifier. Issue 13
sets the goals (recall, recall of names, precision, clean sentences flagged, time per 2,000 words);
`tests/unit/test_anonymisation_corpus.py` asserts them and `bench/anonymisation.py` reports them.

    python tests/anonymisation/scoring.py          # the table, with timing
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "corpus.txt"

KINDS: tuple[str, ...] = (
    "name", "address", "place", "reference", "handle", "vehicle_registration", "age", "date_of_birth",
    "nhs_number", "ni_number", "postcode", "phone", "email",
)

# `[kind: text]`; other square brackets ("[sic]") stay in the sentence as they are.
_MARKER = re.compile(r"\[([a-z_]+): ([^\[\]]*)\]")
_LOOKS_LIKE_MARKER = re.compile(r"\[[a-z_]+:")

WORDS_PER_TEXT = 2_000


@dataclass(frozen=True)
class Label:
    """One marked identifier: its kind and where it sits in the plain sentence."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One corpus line without its markers, with the labels it held."""

    line: int
    text: str
    labels: tuple[Label, ...]


@dataclass(frozen=True)
class Miss:
    """A labelled identifier that no finding touched."""

    line: int
    kind: str
    text: str
    sentence: str


@dataclass(frozen=True)
class FalseAlarm:
    """A finding that touched no labelled identifier (kind and text as the check gave them)."""

    line: int
    kind: str
    text: str
    sentence: str


@dataclass(frozen=True)
class Timing:
    """Milliseconds a check takes per text of about `words` words."""

    p50_ms: float
    p95_ms: float
    runs: int
    words: int


@dataclass(frozen=True)
class Score:
    """The figures of one run of the check over the corpus."""

    sentences: int
    clean_sentences: int
    labels: dict[str, int]
    found: dict[str, int]
    findings: int
    true_findings: int
    flagged_clean: int
    misses: tuple[Miss, ...]
    false_alarms: tuple[FalseAlarm, ...]
    timing: Timing | None = None
    false_alarm_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        total = sum(self.labels.values())
        return sum(self.found.values()) / total if total else 1.0

    def recall_of(self, kind: str) -> float:
        total = self.labels.get(kind, 0)
        return self.found.get(kind, 0) / total if total else 1.0

    @property
    def precision(self) -> float:
        return self.true_findings / self.findings if self.findings else 1.0

    @property
    def clean_flagged_rate(self) -> float:
        return self.flagged_clean / self.clean_sentences if self.clean_sentences else 0.0

    def table(self) -> str:
        """A plain-text table of the figures, for the terminal and for failing tests."""
        lines = [f"{'kind':<22}{'labels':>8}{'found':>8}{'recall':>9}"]
        for kind in KINDS:
            if self.labels.get(kind):
                lines.append(f"{kind:<22}{self.labels[kind]:>8}{self.found.get(kind, 0):>8}"
                             f"{self.recall_of(kind):>9.1%}")
        lines.append(f"{'all':<22}{sum(self.labels.values()):>8}{sum(self.found.values()):>8}"
                     f"{self.recall:>9.1%}")
        lines.append("")
        lines.append(f"precision: {self.precision:.1%} ({self.true_findings} of {self.findings} findings "
                     f"touch an identifier)")
        lines.append(f"clean sentences flagged: {self.clean_flagged_rate:.1%} ({self.flagged_clean} of "
                     f"{self.clean_sentences}); sentences: {self.sentences}")
        if self.false_alarm_kinds:
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.false_alarm_kinds.items()))
            lines.append(f"false alarms by the check's kind: {kinds}")
        if self.timing:
            lines.append(f"check per {self.timing.words:,} words: p50 {self.timing.p50_ms:.2f} ms, "
                         f"p95 {self.timing.p95_ms:.2f} ms ({self.timing.runs} runs)")
        return "\n".join(lines)

    def examples(self, limit: int = 30) -> str:
        """The first `limit` misses and false alarms, each with its line and sentence."""
        lines = [f"misses ({len(self.misses)}, first {min(limit, len(self.misses))}):"]
        lines += [f"  line {m.line} {m.kind}: {m.text!r} in {m.sentence!r}" for m in self.misses[:limit]]
        lines.append(f"false alarms ({len(self.false_alarms)}, first {min(limit, len(self.false_alarms))}):")
        lines += [f"  line {f.line} {f.kind}: {f.text!r} in {f.sentence!r}"
                  for f in self.false_alarms[:limit]]
        return "\n".join(lines)


def parse_line(line: str, number: int = 0) -> Sentence:
    """`line` without its `[kind: text]` markers, and a label for each with exact offsets."""
    plain: list[str] = []
    labels: list[Label] = []
    length = 0
    position = 0
    for marker in _MARKER.finditer(line):
        kind, text = marker.group(1), marker.group(2)
        if kind not in KINDS:
            raise ValueError(f"line {number}: unknown kind {kind!r}")
        if not text.strip() or text != text.strip():
            raise ValueError(f"line {number}: empty or padded {kind} marker {text!r}")
        before = line[position:marker.start()]
        plain.append(before)
        length += len(before)
        labels.append(Label(kind, text, length, length + len(text)))
        plain.append(text)
        length += len(text)
        position = marker.end()
    plain.append(line[position:])
    sentence = "".join(plain)
    if _LOOKS_LIKE_MARKER.search(sentence):
        raise ValueError(f"line {number}: a marker is not closed or is nested: {line!r}")
    return Sentence(number, sentence, tuple(labels))


def parse_corpus(text: str) -> list[Sentence]:
    """Every sentence of a corpus text; blank lines and `#` comment lines are skipped."""
    sentences = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            sentences.append(parse_line(line, number))
    return sentences


def load_corpus(path: Path = CORPUS) -> list[Sentence]:
    return parse_corpus(path.read_text(encoding="utf-8"))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(sentences: Sequence[Sentence] | None = None, check: Callable[[str], Iterable[Any]] | None = None,
          *, timing_runs: int = 0) -> Score:
    """Run `check` (default: Reflect's `check_text`) over the corpus and count as the module says.

    With `timing_runs`, also time the check on that many 2,000-word texts made from the corpus.
    """
    if sentences is None:
        sentences = load_corpus()
    if check is None:
        from reflect.domain.anonymisation import check_text as check
    labels: Counter[str] = Counter()
    found: Counter[str] = Counter()
    findings = true_findings = flagged_clean = 0
    misses: list[Miss] = []
    alarms: list[FalseAlarm] = []
    for sentence in sentences:
        spans = [(f.kind, f.text, f.start, f.end) for f in check(sentence.text)]
        findings += len(spans)
        for label in sentence.labels:
            labels[label.kind] += 1
            if any(_overlaps(label.start, label.end, s, e) for _, _, s, e in spans):
                found[label.kind] += 1
            else:
                misses.append(Miss(sentence.line, label.kind, label.text, sentence.text))
        for kind, text, start, end in spans:
            if any(_overlaps(start, end, lab.start, lab.end) for lab in sentence.labels):
                true_findings += 1
            else:
                alarms.append(FalseAlarm(sentence.line, kind, text, sentence.text))
        if not sentence.labels and spans:
            flagged_clean += 1
    timing = time_check(check, texts_of_words(sentences, timing_runs)) if timing_runs else None
    return Score(
        sentences=len(sentences), clean_sentences=sum(1 for s in sentences if not s.labels),
        labels=dict(labels), found=dict(found), findings=findings, true_findings=true_findings,
        flagged_clean=flagged_clean, misses=tuple(misses), false_alarms=tuple(alarms), timing=timing,
        false_alarm_kinds=dict(Counter(a.kind for a in alarms)))


def texts_of_words(sentences: Sequence[Sentence], count: int, words: int = WORDS_PER_TEXT,
                   seed: int = 13) -> list[str]:
    """`count` texts of about `words` words: corpus sentences in a shuffled order, in paragraphs of
    five, as a reflection would read. Stops at the first sentence that reaches `words`."""
    rng = random.Random(seed)
    pool = [s.text for s in sentences]
    texts = []
    for _ in range(count):
        rng.shuffle(pool)
        chosen: list[str] = []
        total = 0
        index = 0
        while total < words:
            sentence = pool[index % len(pool)]
            chosen.append(sentence)
            total += len(sentence.split())
            index += 1
        paragraphs = [" ".join(chosen[i:i + 5]) for i in range(0, len(chosen), 5)]
        texts.append("\n\n".join(paragraphs))
    return texts


def time_check(check: Callable[[str], Any], texts: Sequence[str]) -> Timing:
    """p50 and p95 of `check` over `texts`, in milliseconds, after one untimed warm-up call (the
    first call may load word lists; a journal has done that long before the practitioner exports)."""
    check(texts[0])
    timings = []
    for text in texts:
        started = time.perf_counter()
        check(text)
        timings.append((time.perf_counter() - started) * 1000)
    words = round(statistics.mean(len(t.split()) for t in texts))
    return Timing(statistics.median(timings), percentile(timings, 0.95), len(timings), words)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    result = score(timing_runs=200)
    print(result.table())
    print()
    print(result.examples())
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    sys.exit(main())
