"""A command whose reader stops early (`reflect ... | head`) ends quietly, as other tools do."""

from __future__ import annotations

import subprocess
import sys


def test_closed_output_ends_quietly(tmp_path):
    """Reading one line of a long `briefing parse` and closing the pipe leaves nothing on stderr."""
    source = tmp_path / "long.md"
    questions = "".join(f"- What would you do in case {n}?\n" for n in range(20000))
    source.write_text("# Test Partnership 7 Minute Briefing – Neglect\n\n## Background\n\nText.\n\n"
                      f"## Questions for reflection\n\n{questions}", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "reflect", "briefing", "parse", str(source)],
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout.readline().strip() == b"{"
    child.stdout.close()  # the JSON is ~1.5 MB, far more than a pipe holds: the next write fails
    errors = child.stderr.read().decode("utf-8", "replace")
    code = child.wait(timeout=120)
    assert errors == ""
    assert code == 141
