"""The agenda: timeboxes and start times; a live adjustment moves the rest and the timer."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import DataTable

from tests.tui.helpers import open_app, sample_session
from tpworkshop.tui.screens.agenda import AgendaScreen


def _rows(app) -> list[list[str]]:  # noqa: ANN001
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]


async def test_agenda_moves_when_a_timebox_changes(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.workshop_start = datetime(2026, 11, 23, 9, 0)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        rows = _rows(app)
        assert [r[2] for r in rows][:2] == ["09:00", "09:10"]  # setup 10 min, then segments
        assert rows[-1][3] == "11:00"  # the 2-hour workshop
        await pilot.press("plus")  # setup +5 min (the cursor is on the current step)
        rows = _rows(app)
        assert rows[0][1] == "15" and rows[1][2] == "09:15" and rows[-1][3] == "11:05"
        assert app.timer("setup").total == 15 * 60
        await pilot.press("down", "minus", "minus")
        rows = _rows(app)
        assert rows[1][1] == "5" and rows[-1][3] == "10:55"
        await pilot.press("down", "enter")
        await pilot.pause(0.3)
        assert app.current_step == "touchpoints"
