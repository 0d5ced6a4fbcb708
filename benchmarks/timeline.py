"""When each part of a key press happens: the app's output bytes and its methods on one clock.

    python benchmarks/timeline.py [--size 2000] [--last 3] [--wrap module:Class.method ...] KEYS

KEYS is a script of key presses, one letter each: R L U D arrows, E Enter, P / p PageDown /
PageUp, T Tab, digits switch steps, other lowercase letters are typed as they are. The app
runs in a real pseudo-terminal (as in bench.py) on a synthetic session that resumes on the
map; for the last ``--last`` presses it prints when the output bytes arrived and which of
the wrapped methods ran, in milliseconds after the key was written. This is how the "second
frame" was found: work that reaches the screen through a posted message is painted one
frame (17-33 ms) after the key's first repaint; see ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import inspect
import json
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench import (  # noqa: E402
    KEY_DOWN,
    KEY_ENTER,
    KEY_LEFT,
    KEY_PAGE_DOWN,
    KEY_PAGE_UP,
    KEY_RIGHT,
    KEY_UP,
    call_worker,
    pty_app,
)

DEFAULT_WRAP = [
    "textual.screen:Screen._refresh_layout",
    "textual.screen:Screen._compositor_refresh",
    "textual.app:App._display",
    "tpworkshop.tui.app:WorkshopApp.edit",
    "tpworkshop.tui.app:WorkshopApp.reload",
    "tpworkshop.storage.store:Store.load",
    "tpworkshop.tui.screens.touchpoints:TouchpointsScreen.refresh_view",
    "tpworkshop.tui.screens.touchpoints:TouchpointsScreen._show_cell",
    "tpworkshop.tui.screens.details:DetailsScreen.select",
    "tpworkshop.tui.screens.details:DetailsScreen.refresh_view",
]
KEYS = {
    "R": KEY_RIGHT,
    "L": KEY_LEFT,
    "U": KEY_UP,
    "D": KEY_DOWN,
    "E": KEY_ENTER,
    "P": KEY_PAGE_DOWN,
    "p": KEY_PAGE_UP,
    "T": b"\t",
}

Event = tuple[str, float, float]


def timed(original: Callable[..., Any], label: str, events: list[Event]) -> Callable[..., Any]:
    clock = time.perf_counter
    if inspect.iscoroutinefunction(original):

        async def wrapper_async(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return await original(*args, **kwargs)
            finally:
                events.append((label, start, clock()))

        return wrapper_async

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = clock()
        try:
            return original(*args, **kwargs)
        finally:
            events.append((label, start, clock()))

    return wrapper


def child(db: str, session_id: int, out: str, wrap: list[str]) -> None:
    """The app with timers around ``wrap`` and the collector; SIGUSR2 writes the events."""
    events: list[Event] = []
    for spec in wrap:
        module_name, qualified = spec.split(":")
        class_name, method = qualified.split(".")
        cls = getattr(importlib.import_module(module_name), class_name)
        original = cls.__dict__.get(method)
        if original is not None:
            setattr(cls, method, timed(original, qualified, events))
    started = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            events.append(
                (f"gc (generation {info['generation']})", started[0], time.perf_counter())
            )

    gc.callbacks.append(on_gc)

    def dump(*_: object) -> None:
        partial = Path(f"{out}.partial")
        partial.write_text(json.dumps(events))
        partial.replace(out)  # the driver waits for the file: never let it read half of it

    signal.signal(signal.SIGUSR2, dump)
    from tpworkshop.tui.app import make_app

    make_app(db, session_id=session_id).run()


def key_bytes(letter: str) -> bytes:
    return KEYS.get(letter, letter.encode())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("keys", nargs="?", default="", help="the key script, e.g. RRDEabE or 4PPPP")
    parser.add_argument("--size", type=int, default=2_000)
    parser.add_argument("--last", type=int, default=3, help="presses to print (from the end)")
    parser.add_argument("--wrap", nargs="*", default=[], help="more module:Class.method to time")
    parser.add_argument("--terminal", default="120x40")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, sid, out, wrap = args.child
        child(db, int(sid), out, wrap.split(","))
        return 0
    cols, rows = (int(v) for v in args.terminal.split("x"))
    with tempfile.TemporaryDirectory(prefix="tpw-timeline-") as tmp:
        db, toml, out = Path(tmp, "s.db"), Path(tmp, "s.toml"), Path(tmp, "events.json")
        info = call_worker("prepare", size=args.size, db=str(db), toml=str(toml))
        wrap = ",".join(DEFAULT_WRAP + args.wrap)
        argv = [sys.executable, __file__, "--child", str(db), str(info["sid"]), str(out), wrap]
        with pty_app(argv, cols=cols, rows=rows) as app:
            app.wait_painted(info["name"].encode(), 0.03, timeout=120)
            app.settle(0.5)
            presses = [(letter, app.press(key_bytes(letter), 0.03, 0.15, room=0.5))
                       for letter in args.keys]  # fmt: skip
            os.kill(app.pid, signal.SIGUSR2)
            deadline = time.time() + 10
            while not out.exists() and time.time() < deadline:
                app.settle(0.1)
            events: list[Event] = json.loads(out.read_text())
    for letter, press in presses[-args.last :]:
        sent = press.sent
        arrivals = " ".join(f"{(a - sent) * 1000:.0f}" for a in press.arrivals)
        print(f"--- {letter!r}: repainted after {press.settled * 1000:.1f} ms; bytes at {arrivals}")
        for label, began, ended in sorted(events, key=lambda e: e[1]):
            if sent - 0.001 <= began <= sent + press.settled + 0.01:
                print(f"  {(began - sent) * 1000:7.1f} ms  +{(ended - began) * 1000:5.1f}  {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
