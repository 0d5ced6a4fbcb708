"""Drive the real app by key presses and say, on stdout, what it has shown as saved.

Run as ``python -m tests.reliability.crash_driver --db PATH --session ID --run N``.
It opens the session with ``make_app`` (the same app the CLI runs, on the same
``Store``) headless through Textual's ``run_test``, goes to the touchpoints step and
loops until killed: it brainstorms ``crash-<run>-<n>`` (typed key by key, then Enter)
and every so often moves the map cursor to another cell (Escape, arrows, Enter) or
sets the channel of the touchpoint it just added (Down, ``c``, type, Enter).

After each edit it waits until the app shows the edit as saved -- ``app.live.last_saved``
has changed and there is no ``app.live.last_error``, the moment the status bar turns
into "✓ saved HH:MM:SS" -- and only then writes its line. Each line starts with the
run number and is written with a single ``os.write`` (Textual captures ``print`` while
it runs, and a kill must never leave half a line):

- ``<run> OPENED <step> <segment> <stage>``: where the app landed on opening the session;
- ``<run> READY``: on the touchpoints step, the name field focused;
- ``<run> ENTER <name>``: about to press Enter on a typed name (the commit is under way);
- ``<run> SAVED <name>``: the touchpoint is shown as saved;
- ``<run> CHANNEL <name> <channel>``, ``<run> SAVED-CHANNEL <name> <channel>``: the same
  for a channel;
- ``<run> MOVED <segment> <stage>``: the map cursor is on another cell;
- ``<run> ERROR <sentence>``: the app refused an edit (the test fails on it).

With ``--serve`` it is a driver server that pays Python's start-up and imports once and
forks one app process per ``RUN`` command (see :func:`serve`); the crash test kills
those processes, so most of its time goes to kills rather than to importing Textual.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from textual.pilot import Pilot
from textual.widgets import Input

from tpworkshop.tui.app import WorkshopApp, make_app
from tpworkshop.tui.screens.touchpoints import TouchpointsScreen
from tpworkshop.tui.widgets.touchpoint_channel import ChannelDialog

SIZE = (100, 30)
T = TypeVar("T")
SAVE_TIMEOUT = 60.0  # generous: CI machines can be slow, and a stuck driver fails the test


PREFIX = ""  # "<run> " in an app process, so several runs can share one stdout


def say(*words: object) -> None:
    """One whole line on stdout, unbuffered (one write: a kill never leaves half a line)."""
    os.write(1, (PREFIX + " ".join(str(w) for w in words) + "\n").encode())


async def wait_until(
    pilot: Pilot[object], condition: Callable[[], T], what: str, timeout: float = SAVE_TIMEOUT
) -> T:
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            say("ERROR", f"timed out waiting for {what}")
            raise SystemExit(3)
        await pilot.pause(0.005)


async def wait_saved(pilot: Pilot[object], app: WorkshopApp, before: datetime | None) -> None:
    """Until the status bar would show this edit as saved (or the app refused it)."""

    def done() -> bool:
        return app.live.last_error is not None or app.live.last_saved is not before

    await wait_until(pilot, done, "the saved mark")
    if app.live.last_error is not None:
        say("ERROR", app.live.last_error)
        raise SystemExit(2)


def touchpoints_screen(app: WorkshopApp) -> TouchpointsScreen | None:
    screen = app.screen
    return screen if isinstance(screen, TouchpointsScreen) else None


async def add_touchpoint(pilot: Pilot[object], app: WorkshopApp, name: str) -> None:
    screen = touchpoints_screen(app)
    assert screen is not None
    field = screen.query_one("#tp-name", Input)
    if app.focused is not field:
        await pilot.press("m", "enter")  # the map, then Enter on its cell: the name field
        await wait_until(pilot, lambda: app.focused is field, "the name field")
    await pilot.press(*name)
    await wait_until(pilot, lambda: field.value == name, "the typed name")
    before = app.live.last_saved
    say("ENTER", name)
    await pilot.press("enter")
    await wait_saved(pilot, app, before)
    say("SAVED", name)


async def set_channel(pilot: Pilot[object], app: WorkshopApp, name: str, channel: str) -> None:
    """The channel of the touchpoint just added (the list cursor is on it)."""
    screen = touchpoints_screen(app)
    assert screen is not None
    await pilot.press("down")  # from the name field to the cell list
    await wait_until(pilot, lambda: app.focused is screen.cell_list, "the cell list")
    selected = screen.selected_touchpoint()
    if selected is None or selected.name != name:
        say("ERROR", f"the list cursor is on {selected and selected.name!r}, not {name!r}")
        raise SystemExit(2)
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(app.screen, ChannelDialog), "the channel dialog")
    await pilot.press("ctrl+u", *channel)
    field = app.screen.query_one("#channel-input", Input)
    await wait_until(pilot, lambda: field.value == channel, "the typed channel")
    before = app.live.last_saved
    say("CHANNEL", name, channel)
    await pilot.press("enter")
    await wait_saved(pilot, app, before)
    say("SAVED-CHANNEL", name, channel)
    await pilot.press("a")  # back to the name field
    await wait_until(pilot, lambda: app.focused is screen.name_input, "the name field")


async def move_cell(pilot: Pilot[object], app: WorkshopApp, rng: random.Random) -> None:
    screen = touchpoints_screen(app)
    assert screen is not None
    await pilot.press("escape")  # from the name field back to the map
    await wait_until(pilot, lambda: app.focused is screen.grid, "the map")
    await pilot.press(*rng.choices(["up", "down", "left", "right"], k=rng.randint(1, 3)))
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.focused is screen.name_input, "the name field")
    segment, stage = screen.grid.current or ("-", "-")
    say("MOVED", segment, stage)


async def drive(db: Path, session_id: int, run: int) -> None:
    rng = random.Random(run)
    app = make_app(db, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.current_step is not None, "the session to open")
        await pilot.pause()
        step = app.current_step
        screen = touchpoints_screen(app)
        segment, stage = (screen.grid.current if screen else None) or ("-", "-")
        say("OPENED", step, segment, stage)
        if screen is None:
            await pilot.press("3")
            await wait_until(pilot, lambda: touchpoints_screen(app), "the touchpoints step")
            screen = touchpoints_screen(app)
            assert screen is not None
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.focused is screen.name_input, "the name field")
        say("READY")
        n = 0
        while True:
            name = f"crash-{run}-{n}"
            await add_touchpoint(pilot, app, name)
            roll = rng.random()
            if roll < 0.15:
                await set_channel(pilot, app, name, f"ch-{run}-{n}")
            elif roll < 0.3:
                await move_cell(pilot, app, rng)
            n += 1


def serve() -> None:
    """A driver server: imports done once, then one forked app process per ``RUN`` line.

    Commands on stdin, one a line: ``RUN <run> <db> <session>`` forks a process that
    drives the app exactly as :func:`drive` (it opens its own ``Store``; this process
    never opens the database) and answers ``Z PID <run> <pid>``; ``REAP <pid>`` waits
    for that process to end and answers ``Z REAPED <pid> <status>``. The forked
    processes write their lines to the same stdout, each line whole, so after
    ``Z REAPED`` every line the dead process wrote has been read before it.
    Python's own start-up and imports (most of a driver's start-up time) are paid once.
    """
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "RUN":
            run, db, session_id = int(words[1]), Path(words[2]), int(words[3])
            pid = os.fork()
            if pid == 0:  # the app process
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, 0)
                os.close(null)
                code = 1
                try:
                    code = run_driver(db, session_id, run)
                finally:
                    os._exit(code)
            say("Z", "PID", run, pid)
        elif words[0] == "REAP":
            pid = int(words[1])
            _, status = os.waitpid(pid, 0)
            say("Z", "REAPED", pid, status)


def run_driver(db: Path, session_id: int, run: int) -> int:
    global PREFIX
    PREFIX = f"{run} "
    try:
        asyncio.run(drive(db, session_id, run))
    except SystemExit as stop:
        return int(stop.code or 0)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--session", type=int)
    parser.add_argument("--run", type=int, default=0)
    parser.add_argument("--serve", action="store_true", help="fork one app per RUN line")
    args = parser.parse_args(argv)
    if args.serve:
        serve()
        return 0
    if args.db is None or args.session is None:
        parser.error("--db and --session are required")
    return run_driver(args.db, args.session, args.run)


if __name__ == "__main__":
    sys.exit(main())
