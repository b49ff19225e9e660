"""Timing a program to its first painted frame, and to its exit.

Reflect started with `--exit-after-first-paint` prints `painted <seconds>` once the whole first frame
is painted (the dashboard's charts included), with the seconds of the system-wide monotonic clock;
the bare windows that serve as floors print the same line at the same moment (after their paint
event). Started from here, that time minus the moment this process started the program is the
start-up to the painted window, whatever the program then spends exiting; the exit is timed too, and
reported beside it.
"""

from __future__ import annotations

import subprocess
import time


def painted_at(stdout: str) -> float:
    """The clock reading of a `painted <seconds>` line; ValueError if the program printed none."""
    for line in stdout.splitlines():
        if line.startswith("painted "):
            return float(line.split()[1])
    raise ValueError("the program did not report its first paint")


def run_to_paint(command: list[str], **kwargs) -> tuple[float, float]:
    """(seconds to the first painted frame, seconds to the program's exit) for one run."""
    started = time.monotonic()
    out = subprocess.run(command, check=True, capture_output=True, text=True, **kwargs).stdout
    ended = time.monotonic()
    return painted_at(out) - started, ended - started

