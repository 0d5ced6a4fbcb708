"""Python's full garbage collections, moved to the moments the room pauses.

A full (generation 2) collection scans every tracked object the app has not frozen:
30-60 ms once the Details form has been built, spent inside whichever key press
happened to trigger it (``benchmarks/timeline.py`` showed them as the slowest presses).
The young generations stay automatic: they cost 1-3 ms. Full collections are left to
``tick``, which the app calls on a timer: it collects when no key or click has come for
``idle`` seconds and the last full collection is ``min_gap`` seconds old, and after
``max_gap`` seconds whatever happens, so memory held in reference cycles stays bounded
even in a room that never stops typing.
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
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.idle = idle
        self.min_gap = min_gap
        self.max_gap = max_gap
        self._clock = clock
        self.last_input = self.last_full = clock()
        self._saved: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Stop automatic full collections (the young generations keep theirs)."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """Give the process its own thresholds back (the tests run many apps in one)."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def input_seen(self) -> None:
        self.last_input = self._clock()

    def tick(self) -> bool:
        """Run a full collection if it is time; True when one ran."""
        now = self._clock()
        since_full = now - self.last_full
        paused = now - self.last_input >= self.idle
        if not ((paused and since_full >= self.min_gap) or since_full >= self.max_gap):
            return False
        gc.collect()
        self.last_full = self._clock()
        return True
