"""Step 2, Segments: fast entry, dialogs, reorder and remove, driven by keys, checked in the DB."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.tui.helpers import (
    no_blink,
    open_app,
    read_together,
    reread,
    sample_session,
    screen_lines,
)
from tpworkshop.storage import Store
from tpworkshop.tui.screens.dialogs import ConfirmDialog, FormDialog
from tpworkshop.tui.screens.segments import SegmentsScreen
from tpworkshop.tui.widgets.setup_table import KeyedTable

SIZE = (80, 24)


def empty_session(db_path: Path) -> int:
    with Store(db_path) as store:
        return store.create_session("No segments yet")


async def start(pilot: Pilot[object]) -> SegmentsScreen:
    await pilot.pause()
    await pilot.press("2")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SegmentsScreen)
    return screen


async def type_text(pilot: Pilot[object], text: str) -> None:
    await pilot.press(*list(text))


def names(db_path: Path, sid: int) -> list[str]:
    return [s.name for s in reread(db_path, sid).segments]


def error_line(screen: SegmentsScreen) -> str:
    line = screen.query_one("#segments-error", Static)
    return str(line.content) if line.display else ""


async def test_fast_entry_adds_one_segment_per_enter_and_keeps_focus(db_path: Path) -> None:
    sid = empty_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        fast = screen.query_one("#segment-new", Input)
        # A step lands on its list, never in a field: N goes to the typing line
        assert app.focused is screen.query_one("#segments", KeyedTable)
        await pilot.press("n")
        assert app.focused is fast
        await type_text(pilot, "Families")
        await pilot.press("enter")
        await type_text(pilot, "Fleet managers")
        await pilot.press("enter")
        await pilot.press("space", "enter")  # blank: ignored
        await type_text(pilot, "Young drivers")
        await pilot.press("enter")
        await pilot.pause()
        assert names(db_path, sid) == ["Families", "Fleet managers", "Young drivers"]
        assert app.focused is fast and fast.value == ""
        table = screen.query_one("#segments", KeyedTable)
        assert table.selected_key == "young-drivers"
        assert not screen.query_one("#segments-empty", Static).display
        await pilot.press("escape")
        assert app.focused is table
        await pilot.press("n")
        assert app.focused is fast
        await pilot.press("up")
        assert app.focused is table


async def test_fast_entry_refuses_a_too_long_name_and_keeps_it(db_path: Path) -> None:
    sid = empty_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("n", *["w"] * 201, "enter")
        await pilot.pause()
        assert "too long (201 characters; the limit is 200)" in error_line(screen)
        assert screen.query_one("#segment-new", Input).value == "w" * 201
        assert names(db_path, sid) == []
        await pilot.press("backspace", "enter")
        await pilot.pause()
        assert names(db_path, sid) == ["w" * 200]
        assert error_line(screen) == ""


async def test_add_and_edit_with_the_dialog(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        assert app.focused is screen.query_one("#segments", KeyedTable)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Rentals")
        await pilot.press("tab")  # Enter would be OK: Tab goes to the next field
        await type_text(pilot, "Short-term rental companies buying in bulk")
        await pilot.press("enter")
        await pilot.pause()
        session = reread(db_path, sid)
        assert [s.name for s in session.segments] == ["Families", "Fleets", "Rentals"]
        assert session.segment("rentals").description == (
            "Short-term rental companies buying in bulk"
        )

        # Enter on the selected row (the new one) edits it; a blank name is refused
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        await pilot.press("ctrl+u", "enter", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "must not be empty" in str(dialog.query_one("#dialog-error", Static).content)
        assert app.focused is dialog.query_one("#field-name", Input)  # to be fixed
        await type_text(pilot, "Rental fleets")
        await pilot.press("enter")
        await pilot.pause()
        rentals = reread(db_path, sid).segment("rentals")
        assert rentals.name == "Rental fleets"
        assert rentals.description == "Short-term rental companies buying in bulk"

        # "e" edits too
        await pilot.press("up", "e")
        await pilot.pause()
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "Company cars")
        await pilot.press("enter")
        await pilot.pause()
        assert reread(db_path, sid).segment("fleets").description == "Company cars"


async def test_reorder_segments_and_the_position_follows(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("down")
        await pilot.pause()
        assert reread(db_path, sid).position.segment == "fleets"
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert names(db_path, sid) == ["Fleets", "Families"]
        assert screen.query_one("#segments", KeyedTable).selected_key == "fleets"
        await pilot.press("less_than_sign")  # already first: nothing changes
        await pilot.press("shift+down")
        await pilot.pause()
        assert names(db_path, sid) == ["Families", "Fleets"]
        await pilot.press("greater_than_sign")  # already last
        await pilot.pause()
        assert names(db_path, sid) == ["Families", "Fleets"]


async def test_remove_asks_only_when_the_segment_holds_touchpoints(db_path: Path) -> None:
    sid = sample_session(db_path)  # Families holds 3 touchpoints
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "3 touchpoints" in app.screen.message
        await pilot.press("n")
        await pilot.pause()
        assert names(db_path, sid) == ["Families", "Fleets"]

        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        session = reread(db_path, sid)
        assert [s.name for s in session.segments] == ["Fleets"]
        assert [t.name for t in session.touchpoints] == ["Email to fleet manager"]

        # a segment without touchpoints goes at once
        await pilot.press("n")  # to the fast-entry line
        await type_text(pilot, "Walk-ins")
        await pilot.press("enter", "tab")
        await pilot.pause()
        assert app.focused is screen.query_one("#segments", KeyedTable)
        assert screen.query_one("#segments", KeyedTable).selected_key == "walk-ins"
        await pilot.press("x")
        await pilot.pause()
        assert app.screen is screen
        assert names(db_path, sid) == ["Fleets"]


async def test_letters_type_in_the_fast_line_not_commands(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("n")
        await type_text(pilot, "axe<")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#segment-new", Input).value == "axe<"
        assert names(db_path, sid) == ["Families", "Fleets"]


async def test_a_key_read_together_with_up_acts_on_the_list(db_path: Path) -> None:
    """Up and ">" in one read (as over SSH): ">" moves the segment, it is not typed."""
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("n")
        field = screen.query_one("#segment-new", Input)
        assert app.focused is field
        await read_together(pilot, ("up", None), ("greater_than_sign", ">"))
        assert field.value == ""
        assert app.focused is screen.query_one("#segments", KeyedTable)
        assert names(db_path, sid) == ["Fleets", "Families"]


async def test_redraw_keeps_the_cursor_and_half_typed_name(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        table = screen.query_one("#segments", KeyedTable)
        await pilot.press("down")
        with Store(db_path) as other:
            other.add_segment(sid, "Added elsewhere")
            other.move_segment(reread(db_path, sid).segment("fleets").db_id, -1)
        app.reload()
        await pilot.pause()
        assert table.selected_key == "fleets"
        assert table.row_count == 3
        await pilot.press("n")
        await type_text(pilot, "Hal")
        with Store(db_path) as other:
            other.add_segment(sid, "Another")
        app.reload()
        await pilot.pause()
        assert screen.query_one("#segment-new", Input).value == "Hal"
        assert app.focused is screen.query_one("#segment-new", Input)


async def test_resume_selects_the_saved_segment_and_palette_has_actions(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("down")
        await pilot.pause()
    again = open_app(db_path, sid)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, SegmentsScreen)
        assert screen.query_one("#segments", KeyedTable).selected_key == "fleets"
        titles = [c.title for c in again.get_system_commands(screen)]
        assert "Añadir un segmento" in titles and "Quitar el segmento elegido" in titles
        assert len(list(screen.screen_commands())) == 7


def test_segments_snapshot(snap_compare, db_path: Path) -> None:  # noqa: ANN001
    sid = sample_session(db_path)
    with Store(db_path) as store:
        store.add_segment(
            sid,
            "Young drivers",
            "First car, bought online after weeks of comparing prices and reviews on "
            "social networks",
        )

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("down", "n")
        await type_text(pilot, "Rent")
        await no_blink(pilot)

    assert snap_compare(open_app(db_path, sid), terminal_size=SIZE, run_before=run_before)


async def test_columns_shrink_back_so_a_new_description_is_cut_with_an_ellipsis(
    db_path: Path,
) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Clinic")
        store.add_segment(sid, "Young families")
        store.add_segment(sid, "L" * 200)
        first = store.load(sid).segments[0].db_id
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        table = app.screen.query_one("#segments", KeyedTable)
        description = "Parents with children under twelve who book online " * 2
        app.edit(app.store.update_segment, first, description=description)
        await pilot.pause()
        await pilot.pause()
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.size.width
        row = next(line for line in screen_lines(app) if "Young families" in line)
        assert "Parents with" in row and "…" in row, row
