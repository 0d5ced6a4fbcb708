"""Python's full garbage collections, moved to the moments the room pauses.

A full (generation 2) collection scans every tracked object the app has not frozen: 50 ms
once the Details form is built, 200-300 ms at 10,000 touchpoints once every step has been
visited, spent inside whichever key press happened to trigger it (``benchmarks/
timeline.py`` showed them as the slowest presses). The young generations stay automatic:
they cost 1-3 ms. Full collections are left to ``tick``, which the app calls on a timer:

- after ``idle`` seconds without a key or a click (at most every ``min_gap`` seconds, and
  after ``max_gap`` seconds whatever happens) it collects, then freezes what survived, so
  the next one only scans what is new since: a few milliseconds;
- frozen objects that later become garbage in reference cycles (a closed dialog, the
  screens of a session left) wait for a deep clean: everything unfrozen, collected and
  frozen again, only after ``deep_idle`` seconds without input and at most every
  ``deep_gap`` seconds, as it takes as long as the first.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Generation 2 is collected automatically once generation 1 has been collected this
# many times: as good as never.
NEVER = 1 << 30


class IdleCollector:
    def __init__(
        self,
        *,
        idle: float = 1.0,
        min_gap: float = 10.0,
        max_gap: float = 120.0,
        deep_idle: float = 30.0,
        deep_gap: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.idle = idle
        self.min_gap = min_gap
        self.max_gap = max_gap
        self.deep_idle = deep_idle
        self.deep_gap = deep_gap
        self._clock = clock
        self.last_input = self.last_full = self.last_deep = clock()
        self._saved: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Stop automatic full collections (the young generations keep theirs)."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """Give the process its thresholds and frozen objects back (the tests run many
        apps in one process)."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
            gc.unfreeze()

    def input_seen(self) -> None:
        self.last_input = self._clock()

    def tick(self) -> str | None:
        """Collect if it is time: ``"deep"``, ``"full"``, or None when nothing ran."""
        now = self._clock()
        quiet = now - self.last_input
        if quiet >= self.deep_idle and now - self.last_deep >= self.deep_gap:
            gc.unfreeze()
            self._collect_and_freeze()
            self.last_deep = self.last_full
            return "deep"
        since_full = now - self.last_full
        if (quiet >= self.idle and since_full >= self.min_gap) or since_full >= self.max_gap:
            self._collect_and_freeze()
            return "full"
        return None

    def _collect_and_freeze(self) -> None:
        gc.collect()
        gc.freeze()
        self.last_full = self._clock()
