"""Where the app's time goes: opening a session and each kind of key press, profiled in a
real pseudo-terminal (the same harness as bench.py).

    python benchmarks/profile_app.py [--size 10000] [--presses 10] [--cprofile]

Without ``--cprofile`` the app's own methods that matter (store reads, screen redraws, the
map, the navigator...) are wrapped with timers and the garbage collector's pauses are
logged; each is then charged to the key press during which it ran, and a table prints the
median time per press of every method, per kind of press. With ``--cprofile`` the app runs
under cProfile from start-up to the first painted screen, then for each kind of press, and
the top functions are printed (cProfile slows Textual down ~3x: read shares, not times).
Nothing in tpworkshop is changed: the wrapping is done in the app's process at start-up.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib
import json
import marshal
import os
import pstats
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench import (  # noqa: E402
    KEY_ENTER,
    KEY_PAGE_DOWN,
    KEY_PAGE_UP,
    KEY_UP,
    MAP_WALK,
    call_worker,
    pty_app,
)

TIMED = {
    "tpworkshop.tui.app:WorkshopApp": [
        "open_session", "reload", "edit", "_refresh_screens", "_refresh_chrome",
        "_poll_changes", "_tick_timer", "go_to_step", "save_position", "_load_guides",
        "suggested_step", "_heartbeat",
    ],
    "tpworkshop.storage.store:Store": [
        "load", "add_touchpoint", "update_touchpoint", "save_position", "live_state",
        "data_version", "heartbeat", "present",
    ],
    "tpworkshop.tui.screens.base:StepScreen": ["refresh_chrome", "show_guide", "on_mount"],
    "tpworkshop.tui.screens.touchpoints:TouchpointsScreen": [
        "refresh_view", "_index", "_show_cell", "_fill_list", "on_map_grid_cell_highlighted",
        "_add_touchpoint", "_remember_position", "on_input_changed",
    ],
    "tpworkshop.tui.screens.details:DetailsScreen": [
        "refresh_view", "select", "step", "visible", "_refresh_navigator", "_fill_form",
        "_refresh_title", "_refresh_owner_suggestions", "_commit_unfocused", "_note",
    ],
    "tpworkshop.tui.widgets.map_grid:MapGrid": ["show", "_rebuild", "_update_counts"],
    "tpworkshop.tui.widgets.touchpoint_picker:TouchpointPicker": ["show", "render_line"],
    "tpworkshop.tui.widgets.touchpoint_list:TouchpointList": ["set_rows", "render_line"],
    "tpworkshop.tui.widgets.stepper:Stepper": ["show"],
    "tpworkshop.tui.widgets.status_bar:StatusBar": ["show"],
    "tpworkshop.tui.widgets.guide_panel:GuidePanel": ["show"],
    "tpworkshop.domain.model:Session": ["in_map_order", "touchpoint"],
    "textual.screen:Screen": ["_refresh_layout", "_compositor_refresh"],
    "textual.widget:Widget": ["_compose"],
}  # fmt: skip


# --- inside the app's process ------------------------------------------------------------------


class Recorder:
    """Timers around methods and the collector, written out as (name, start, end) lines."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.events: list[tuple[str, float, float]] = []
        self.gc_started = 0.0

    def wrap(self, cls: type, name: str) -> None:
        original = cls.__dict__.get(name)
        if original is None or not callable(original):
            return
        label = f"{cls.__name__}.{name}"
        events = self.events
        clock = time.perf_counter

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return original(*args, **kwargs)
            finally:
                events.append((label, start, clock()))

        timed.__wrapped__ = original  # type: ignore[attr-defined]
        timed.__name__ = name
        setattr(cls, name, timed)

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.gc_started = time.perf_counter()
        else:
            label = f"gc (generation {info['generation']})"
            self.events.append((label, self.gc_started, time.perf_counter()))

    def dump(self) -> None:
        with self.out.open("w", encoding="utf-8") as handle:
            json.dump(self.events, handle)


def child(db: str, session_id: int, mode: str, out: str, experiment: list[str]) -> None:
    """Run the app, profiled; SIGUSR1 starts a new window, SIGUSR2 writes what was recorded."""
    from benchmarks.ui_experiments import apply

    apply(experiment)
    if mode == "cprofile":
        # One profile from start-up on; each SIGUSR2 writes a snapshot of the totals so far
        # (the driver subtracts consecutive snapshots to get each window).
        profile = cProfile.Profile()
        snapshots = [0]

        def snapshot(*_: object) -> None:
            profile.disable()
            profile.create_stats()
            snapshots[0] += 1
            with open(f"{out}.{snapshots[0]}", "wb") as handle:
                marshal.dump(profile.stats, handle)
            profile.enable()

        signal.signal(signal.SIGUSR2, snapshot)
        profile.enable()
    else:
        recorder = Recorder(Path(out))
        for target, names in TIMED.items():
            module_name, class_name = target.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            for name in names:
                recorder.wrap(cls, name)
        gc.callbacks.append(recorder.on_gc)
        signal.signal(signal.SIGUSR2, lambda *_: recorder.dump())

    from tpworkshop.tui.app import make_app

    make_app(db, session_id=session_id).run()


# --- driving it --------------------------------------------------------------------------------


def scenario(app: Any, quiet: float, presses: int, mark: Callable[[str], None]) -> dict:
    """The key presses of bench.py, with the time window of each."""
    windows: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def press(kind: str | None, keys: bytes, timeout: float = 10.0) -> None:
        done = app.press(keys, quiet, 0.1, room=0.5, timeout=timeout)
        if kind:
            windows[kind].append((done.sent, done.sent + done.settled))

    mark("map")
    for n in range(presses):
        press("map", MAP_WALK[n % len(MAP_WALK)])
    press(None, KEY_ENTER)
    mark("type+add")
    for n in range(presses):
        press("type", chr(ord("a") + n % 26).encode())
        press("add", KEY_ENTER)
    press(None, KEY_UP)
    app.settle(0.3)
    mark("first Details")
    press("first visit of Details", b"4", timeout=60)
    app.settle(0.3)
    mark("details")
    for n in range(presses):
        press("details", KEY_PAGE_DOWN if n < presses // 2 else KEY_PAGE_UP)
    return windows


def charge(events: list[list[Any]], windows: dict[str, list[tuple[float, float]]]) -> None:
    """Print, per kind of press, the median time per press spent in each method."""
    for kind, spans in windows.items():
        per_press: dict[str, list[float]] = defaultdict(list)
        totals = []
        for start, end in spans:
            totals.append(end - start)
            spent: dict[str, float] = defaultdict(float)
            for label, began, ended in events:
                if began >= start - 0.002 and began <= end:
                    spent[label] += ended - began
            for label, seconds in spent.items():
                per_press[label].append(seconds)
        print(
            f"\n== {kind}: {len(spans)} presses, key to repaint median "
            f"{statistics.median(totals) * 1000:.1f} ms, worst {max(totals) * 1000:.1f} ms"
        )
        rows = []
        for label, values in per_press.items():
            values += [0.0] * (len(spans) - len(values))
            rows.append((statistics.median(values), max(values), sum(v > 0 for v in values), label))
        for med, worst, count, label in sorted(rows, reverse=True)[:14]:
            if worst < 0.0005:
                continue
            print(
                f"  {med * 1000:8.1f} ms median {worst * 1000:8.1f} ms worst  "
                f"in {count:2d}/{len(spans)}  {label}"
            )


def print_open(events: list[list[Any]], started: float, painted: float) -> None:
    print(f"\n== open: first paint {painted:.2f} s after spawn")
    spent: dict[str, list[float]] = defaultdict(list)
    for label, began, ended in events:
        if began - started <= painted:
            spent[label].append(ended - began)
    rows = sorted(((sum(v), len(v), k) for k, v in spent.items()), reverse=True)[:16]
    for total, count, label in rows:
        print(f"  {total * 1000:8.1f} ms in {count:4d} calls  {label}")


def print_profile(out: str, number: int, title: str, limit: int = 30) -> None:
    """The calls between snapshot ``number - 1`` and ``number``, top ``limit`` by cumulative
    time."""
    path = Path(f"{out}.{number}")
    if not path.exists():
        print(f"(no profile for {title})")
        return
    stats = marshal.loads(path.read_bytes())
    before = marshal.loads(Path(f"{out}.{number - 1}").read_bytes()) if number > 1 else {}
    window = {}
    for func, (cc, nc, tt, ct, _callers) in stats.items():
        old = before.get(func)
        if old is not None:
            cc, nc, tt, ct = cc - old[0], nc - old[1], tt - old[2], ct - old[3]
        if nc > 0:
            window[func] = (cc, nc, tt, ct, {})
    print(f"\n== cProfile: {title} (cumulative, top {limit})")
    holder = pstats.Stats()
    holder.stats = window  # type: ignore[attr-defined]
    holder.total_calls = sum(v[1] for v in window.values())  # type: ignore[attr-defined]
    holder.prim_calls = sum(v[0] for v in window.values())  # type: ignore[attr-defined]
    holder.total_tt = sum(v[2] for v in window.values())  # type: ignore[attr-defined]
    holder.sort_stats("cumulative").print_stats(limit)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=10)
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--terminal", default="120x40")
    parser.add_argument("--experiment", default="", help="patches from ui_experiments.py")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, sid, mode, out, experiment = args.child
        child(db, int(sid), mode, out, [name for name in experiment.split(",") if name])
        return 0
    cols, rows = (int(v) for v in args.terminal.split("x"))
    mode = "cprofile" if args.cprofile else "timers"
    quiet = 0.03
    with tempfile.TemporaryDirectory(prefix="tpw-profile-") as tmp:
        work = Path(tmp)
        db, toml = work / "session.db", work / "session.toml"
        info = call_worker("prepare", size=args.size, db=str(db), toml=str(toml))
        out = str(work / "profile")
        argv = [sys.executable, str(Path(__file__).resolve()), "--child", str(db),
                str(info["sid"]), mode, out, args.experiment]  # fmt: skip
        marks: list[tuple[str, float]] = []
        with pty_app(argv, cols=cols, rows=rows) as app:
            _, painted = app.wait_painted(info["name"].encode(), quiet, timeout=120)
            if mode == "cprofile":
                os.kill(app.pid, signal.SIGUSR2)  # snapshot 1: the open
                app.settle(0.5)

                def mark(label: str) -> None:  # snapshot n: the window before ``label``
                    os.kill(app.pid, signal.SIGUSR2)
                    app.settle(0.3)
                    marks.append((label, time.perf_counter()))
            else:

                def mark(label: str) -> None:
                    marks.append((label, time.perf_counter()))

            app.settle(0.3)
            windows = scenario(app, quiet, args.presses, mark)
            os.kill(app.pid, signal.SIGUSR2)
            app.settle(0.5)
            if mode == "timers":
                deadline = time.time() + 10
                while not Path(out).exists() and time.time() < deadline:
                    app.settle(0.1)
                events = json.loads(Path(out).read_text())
                print_open(events, app.started, painted)
                charge(events, windows)
            else:
                print_profile(out, 1, f"open to first paint ({painted:.2f} s)")
                # snapshot 2 was taken at the first mark (idle time since the open): skip it
                for number, (label, _) in enumerate(marks, start=3):
                    print_profile(out, number, label)
        if os.environ.get("TPW_PROFILE_KEEP"):
            shutil.copytree(work, os.environ["TPW_PROFILE_KEEP"], dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
