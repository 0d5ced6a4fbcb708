"""The six workshop steps, in order, and the countdown timer each step has."""

from __future__ import annotations

import time
from dataclasses import dataclass

WORKSHOP_STEPS = ("setup", "segments", "touchpoints", "details", "assess", "analysis")


@dataclass
class StepTimer:
    total: float
    elapsed: float = 0.0
    running: bool = False
    started_at: float = 0.0
    warned: bool = False

    def current_elapsed(self) -> float:
        if self.running:
            return self.elapsed + (time.monotonic() - self.started_at)
        return self.elapsed

    @property
    def remaining(self) -> float:
        return self.total - self.current_elapsed()

    def toggle(self) -> None:
        if self.running:
            self.elapsed = self.current_elapsed()
            self.running = False
        else:
            self.started_at = time.monotonic()
            self.running = True

    def extend(self, seconds: float) -> None:
        self.total += seconds
        if self.remaining > 0:
            self.warned = False

    def reset(self, total: float) -> None:
        self.total, self.elapsed, self.running, self.warned = total, 0.0, False, False


def format_clock(seconds: float) -> str:
    seconds = int(abs(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
