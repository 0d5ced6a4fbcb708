"""The app's one garbage-collector setting: what an opened session made is frozen.

Measured with ``benchmarks/bench.py --only app --app-sizes 2000`` (README, "Speed"): without
it, a full collection lands inside one key press in fifteen and that press takes 60-180 ms at
2,000 touchpoints, past the 50 ms target; with it every press of every kind stays within it.
``gc.freeze()`` moves the objects alive now (the screens' widgets and the session) out of the
collector's scans, so a full collection only walks what was made since. Reference counting
still frees them; only a cycle among them waits, until the next session is opened (or the app
exits), when they are thawed and collected as usual.
"""

from __future__ import annotations

import gc


def freeze_what_is_open() -> None:
    """After a session's screens are on screen: leave them out of every later collection."""
    gc.freeze()


def thaw() -> None:
    """Before another session replaces this one, and when the app exits."""
    gc.unfreeze()
