"""Helpers for Pilot and snapshot tests of the app (real SQLite files, no mocks)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tpworkshop.storage import Store
from tpworkshop.tui.app import WorkshopApp, make_app


def sample_session(db_path: Path, *, lang: str = "en", framework: str = "five-stage") -> int:
    """Two segments and a few touchpoints in several cells; returns the session id."""
    with Store(db_path) as store:
        sid = store.create_session("Sample workshop", framework=framework, language=lang)
        families = store.add_segment(sid, "Families", "First family car")
        fleets = store.add_segment(sid, "Fleets", "Company fleet managers")
        stages = [s.key for s in store.load(sid).stages]
        store.add_touchpoint(sid, families, stages[0], "Instagram ad", channel="social")
        store.add_touchpoint(sid, families, stages[0], "Friend's story", channel="word of mouth")
        tp = store.add_touchpoint(sid, families, stages[2], "Showroom visit", channel="store")
        store.update_touchpoint(tp.db_id, owner="Sales", effectiveness=2, pain_point=True)
        store.add_touchpoint(sid, fleets, stages[1], "Email to fleet manager", channel="email")
    return sid


def open_app(db_path: Path, session_id: int | None = None, **kwargs: object) -> WorkshopApp:
    return make_app(db_path, session_id=session_id, **kwargs)  # type: ignore[arg-type]


async def no_blink(pilot: Pilot[object]) -> None:
    """Stop cursors blinking so snapshots are stable."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


def reread(db_path: Path, session_id: int):  # noqa: ANN201 - a domain Session
    """The session as the database holds it now (a fresh connection)."""
    with Store(db_path) as store:
        return store.load(session_id)


async def read_together(pilot: Pilot[object], *keys: tuple[str, str | None]) -> None:
    """Keys the app reads in one go, as a terminal over SSH often sends them: each is
    queued before the app has handled the one before (``pilot.press`` waits)."""
    for key, character in keys:
        pilot.app.post_message(events.Key(key, character))
    await settle(pilot)


async def settle(pilot: Pilot[object], *, rounds: int = 200) -> None:
    """Wait until the app has handed on every key it read (its KeyQueue is idle)."""
    await pilot.pause()
    queue = getattr(pilot.app, "keys", None)
    for _ in range(rounds):
        if queue is None or queue.idle:
            break
        await pilot.pause(0.01)
    await pilot.pause()


_SVG_TEXT = re.compile(
    r'<text [^>]*x="([0-9.]+)"[^>]*clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>([^<]*)</text>'
)
_CELL_WIDTH = 12.2  # Rich's SVG export: the width of one terminal cell


def screen_lines(app: App[object]) -> list[str]:
    """The text the terminal shows now, one string per line (from Textual's screenshot)."""
    rows: dict[int, dict[int, str]] = {}
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        column = round(float(x) / _CELL_WIDTH)
        cells = rows.setdefault(int(line), {})
        for char in html.unescape(text).replace("\xa0", " ").rstrip("\n"):
            cells[column] = char
            for _ in range(cell_len(char) - 1):  # a wide character covers the next cell
                column += 1
                cells[column] = ""
            column += 1
    height = app.size.height
    return [
        "".join(rows.get(y, {}).get(x, " ") for x in range(app.size.width)).rstrip()
        for y in range(height)
    ]
