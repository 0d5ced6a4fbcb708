"""The agenda (F9): steps and the other slots with their minutes and start times; a live
adjustment moves the rest and the timer, and the start and the changes are saved."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import DataTable, Input

from tests.tui.helpers import open_app, reread, sample_session
from tpworkshop.tui.screens.agenda import AgendaScreen
from tpworkshop.tui.screens.dialogs import FormDialog


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
        # welcome 15, then setup 10, then segments
        assert [r[2] for r in rows][:3] == ["09:00", "09:15", "09:25"]
        assert rows[-1][3] == "13:00"  # the half day
        await pilot.press("plus")  # setup +5 min (the cursor is on the current step)
        rows = _rows(app)
        assert rows[1][1] == "15" and rows[2][2] == "09:30" and rows[-1][3] == "13:05"
        assert app.timer("setup").total == 15 * 60
        await pilot.press("down", "minus", "minus")
        rows = _rows(app)
        assert rows[2][1] == "10" and rows[-1][3] == "12:55"
        await pilot.press("down", "enter")
        await pilot.pause(0.3)
        assert app.current_step == "touchpoints"


async def test_non_step_slots_are_shown_and_timed(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.workshop_start = datetime(2026, 11, 23, 9, 0)
        await pilot.press("f9")
        await pilot.pause()
        rows = _rows(app)
        labels = [r[0] for r in rows]
        assert labels[0] == "· Bienvenida" and rows[0][1:] == ["15", "09:00", "09:15"]
        pause = labels.index("· Pausa")
        assert labels[pause - 1] == "3 Mapa" and labels[pause + 1] == "4 Detalles"
        assert rows[pause][1] == "15" and rows[pause][2] == rows[pause - 1][3]
        assert labels[-1] == "· Cierre" and rows[-1][3] == "13:00"
        # Enter on a slot goes nowhere: it has no screen of its own.
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        # A slot's minutes change like a step's.
        await pilot.press("minus")
        assert _rows(app)[0][1] == "10" and _rows(app)[-1][3] == "12:55"


async def test_start_time_and_changed_timeboxes_survive_a_reopen(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("t")  # the start time
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        field = app.screen.query_one(Input)
        field.value = "25:00"  # not a time: the dialog stays open
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        field.value = "9:30"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("plus", "plus")  # setup: 10 -> 20 min
        await pilot.press("up", "minus")  # welcome: 15 -> 10 min
        await pilot.pause()
        assert _rows(app)[0][2] == "09:30"
    saved = reread(db_path, sid)
    assert saved.agenda_start is not None
    assert (saved.agenda_start.hour, saved.agenda_start.minute) == (9, 30)
    assert saved.timebox_overrides == {"setup": 20, "welcome": 10}

    again = open_app(db_path, sid)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        rows = _rows(again)
        assert rows[0][1:] == ["10", "09:30", "09:40"]  # welcome, shortened
        assert rows[1][1:] == ["20", "09:40", "10:00"]  # setup, lengthened
        assert rows[-1][3] == "13:35"  # 240 + 10 - 5 minutes after 09:30
        assert again.timer("setup").total == 20 * 60


async def test_a_participant_sees_the_facilitators_agenda_changes(db_path: Path) -> None:
    from tpworkshop.storage import Store

    sid = sample_session(db_path)
    app = open_app(db_path, sid, role="participant", participant="Ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with Store(db_path) as facilitator:
            facilitator.set_timebox(sid, "setup", 25)
            facilitator.set_agenda_start(sid, datetime(2026, 11, 23, 9, 0))
        await pilot.pause(1.0)  # the live poll reloads the session
        assert app.timebox_overrides == {"setup": 25}
        assert app.timer("setup").total == 25 * 60
        await pilot.press("f9")
        await pilot.pause()
        rows = _rows(app)
        assert rows[0][2] == "09:00" and rows[1][1] == "25"
