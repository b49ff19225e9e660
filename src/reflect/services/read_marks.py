"""Whether what was read from the journal is still current, without reading it again.

A page that shows the journal's latest state (the dashboard, sessions, actions) notes the mark at
which it read; shown again with the same mark, it has nothing to read. The mark moves with every
write to the journal (`Journal.change_count`) and with the clock, every few minutes: what a page
shows can go stale with time alone (an action falling overdue, a session starting).
"""

from __future__ import annotations

import time

READ_GOOD_FOR_SECONDS = 300


def read_mark(journal) -> tuple:
    return journal.change_count(), int(time.time() // READ_GOOD_FOR_SECONDS)
