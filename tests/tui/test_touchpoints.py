"""Step 3 Touchpoints: the map, brainstorming per cell, and the per-touchpoint keys.

Every test drives the screen by key presses and then reads the database afresh.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.helpers import (
    no_blink,
    open_app,
    read_together,
    reread,
    sample_session,
    screen_lines,
)
from tpworkshop.storage import Store
from tpworkshop.tui.app import WorkshopApp
from tpworkshop.tui.screens.touchpoints import TouchpointsScreen
from tpworkshop.tui.widgets.map_grid import MapGrid
from tpworkshop.tui.widgets.touchpoint_list import TouchpointList

SIZE = (80, 24)


async def open_map(pilot: Pilot[object]) -> TouchpointsScreen:
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TouchpointsScreen)
    return screen


def names(db_path: Path, sid: int, segment: str, stage: str) -> list[str]:
    return [t.name for t in reread(db_path, sid).cell(segment, stage)]


def paste(app: object, text: str) -> None:
    """What the terminal sends when the user pastes ``text`` into the focused field."""
    focused = app.focused  # type: ignore[attr-defined]
    assert focused is not None
    focused.post_message(events.Paste(text))


def list_names(screen: TouchpointsScreen) -> list[str]:
    table = screen.query_one(TouchpointList)
    return [table.rows[key][1] for key in table.keys]


async def test_brainstorm_type_enter_type_enter_in_two_cells(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        name_input = screen.query_one("#tp-name", Input)
        await pilot.press("right", "right", "enter")
        assert app.focused is name_input
        assert "Families · Purchase" in name_input.placeholder
        for name in ("Test drive", "Price quote", "Trade-in offer"):
            await pilot.press(*name, "enter")
            await pilot.pause()
            assert name_input.value == ""
            assert app.focused is name_input
        assert list_names(screen)[-3:] == ["Test drive", "Price quote", "Trade-in offer"]
        assert screen.query_one(MapGrid).get_cell("families", "purchase").plain == "4"
        # Up leaves the field for the map; Down then Enter picks the Fleets row.
        await pilot.press("up", "down", "enter", *"Fleet demo day", "enter")
        await pilot.pause()
    assert names(db_path, sid, "families", "purchase") == [
        "Showroom visit",
        "Test drive",
        "Price quote",
        "Trade-in offer",
    ]
    assert names(db_path, sid, "fleets", "purchase") == ["Fleet demo day"]


async def test_blank_or_too_long_name_is_refused_and_kept(db_path: Path) -> None:
    sid = sample_session(db_path)
    before = len(reread(db_path, sid).touchpoints)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        name_input = screen.query_one("#tp-name", Input)
        hint = screen.query_one("#tp-hint")
        await pilot.press("enter", "space", "space", "enter")
        await pilot.pause()
        assert name_input.value == "  "
        assert hint.has_class("error") and "empty" in str(hint.content)
        await pilot.press("ctrl+u")
        paste(app, "a" * 201)  # a long text pasted into the terminal
        await pilot.press("enter")
        await pilot.pause()
        assert name_input.value == "a" * 201
        assert "too long" in str(hint.content)
        assert app.focused is name_input
    assert len(reread(db_path, sid).touchpoints) == before


async def test_channel_kind_and_initiative(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("l")  # the list of Families · Awareness, on "Instagram ad"
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+u", *"website", "enter")
        await pilot.pause()
        await pilot.press("k", "k", "i")
        await pilot.pause()
        # The next touchpoint: pick a channel the room already used, from the list.
        await pilot.press("down", "c")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("i", "i")
        await pilot.pause()
    session = reread(db_path, sid)
    first, second = session.cell("families", "awareness")
    assert (first.channel, first.kind, first.initiative) == ("website", "human", "proactive")
    # used channels, most used then alphabetical: email, store, website, word of mouth
    assert (second.channel, second.kind, second.initiative) == ("email", None, "reactive")


async def test_channel_too_long_is_refused_inline(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("l", "c")
        await pilot.pause()
        paste(app, "x" * 201)
        await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one("#channel-error")
        assert "too long" in str(error.content)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, TouchpointsScreen)
    assert reread(db_path, sid).touchpoint("tp-1").channel == "social"


async def test_copy_to_another_segment(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("l", "y")
        await pilot.pause()
        await pilot.press("enter")  # the only other segment comes ticked
        await pilot.pause()
    copies = reread(db_path, sid).cell("fleets", "awareness")
    assert [(t.name, t.channel) for t in copies] == [("Instagram ad", "social")]


async def test_move_to_another_stage_and_reorder(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("l", "down", "less_than_sign")  # Friend's story first
        await pilot.pause()
        assert names(db_path, sid, "families", "awareness") == ["Friend's story", "Instagram ad"]
        await pilot.press("down", "v")  # Instagram ad; stages offered: all but Awareness
        await pilot.pause()
        await pilot.press("down", "enter")  # Consideration, Purchase: Purchase
        await pilot.pause()
    session = reread(db_path, sid)
    assert session.touchpoint("tp-1").stage == "purchase"
    assert [t.name for t in session.cell("families", "purchase")] == [
        "Showroom visit",
        "Instagram ad",
    ]


async def test_delete_then_undo_restores_same_ref_and_place(db_path: Path) -> None:
    sid = sample_session(db_path)
    with Store(db_path) as store:
        action = store.add_action(sid, "Refresh the ad", touchpoint="tp-1")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        await pilot.press("l", "x")
        await pilot.pause()
        assert reread(db_path, sid).touchpoint("tp-1") is None
        assert list_names(screen) == ["Friend's story"]
        await pilot.press("u")
        await pilot.pause()
        assert list_names(screen) == ["Instagram ad", "Friend's story"]
        assert screen.query_one(TouchpointList).current_key == "tp-1"
    session = reread(db_path, sid)
    assert [t.ref for t in session.cell("families", "awareness")] == ["tp-1", "tp-2"]
    assert session.touchpoint("tp-1").channel == "social"
    assert [a.touchpoint for a in session.actions if a.db_id == action] == ["tp-1"]


async def test_half_typed_name_survives_another_participants_commit(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        name_input = screen.query_one("#tp-name", Input)
        await pilot.press("enter", *"Half typ", "left", "left")
        assert (name_input.value, name_input.cursor_position) == ("Half typ", 6)
        with Store(db_path) as other:
            other.add_touchpoint(sid, "families", "awareness", "Remote idea")
        await pilot.pause(0.5)
        assert (name_input.value, name_input.cursor_position) == ("Half typ", 6)
        assert app.focused is name_input
        assert "Remote idea" in list_names(screen)
        assert screen.query_one(MapGrid).get_cell("families", "awareness").plain == "3"
        assert screen.query_one(MapGrid).current == ("families", "awareness")


async def test_selection_is_kept_across_refresh_and_resumed(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        await pilot.press("m", "right", "l", "down")  # Families · Consideration is empty
        await pilot.pause()
        await pilot.press("m", "left", "l", "down")  # Families · Awareness, 2nd row
        await pilot.pause()
        assert screen.query_one(TouchpointList).current_key == "tp-2"
        with Store(db_path) as other:
            other.add_segment(sid, "Agencies")  # the map gains a row
            other.add_touchpoint(sid, "families", "awareness", "Billboard")
        await pilot.pause(0.5)
        assert screen.query_one(MapGrid).current == ("families", "awareness")
        assert screen.query_one(TouchpointList).current_key == "tp-2"
        await pilot.pause(0.4)  # the position is written once the cursor rests
    position = reread(db_path, sid).position
    assert (position.segment, position.stage, position.touchpoint) == (
        "families",
        "awareness",
        "tp-2",
    )
    again = open_app(db_path, sid)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, TouchpointsScreen)
        assert screen.query_one(MapGrid).current == ("families", "awareness")
        assert screen.query_one(TouchpointList).current_key == "tp-2"


async def test_seven_stages_fit_at_80_columns(db_path: Path) -> None:
    sid = sample_session(db_path, framework="lifecycle")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        grid = screen.query_one(MapGrid)
        assert len(grid.stage_keys) == 7
        assert grid.virtual_size.width <= grid.scrollable_content_region.width
        await pilot.press("end", "right", "right", "right", "right", "right", "right")
        assert grid.current == ("families", "advocacy")
        assert "Advocacy" in str(screen.query_one("#tp-cell-title").content)


async def test_palette_offers_every_action(db_path: Path) -> None:
    sid = sample_session(db_path)
    app: WorkshopApp = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        # the screen's own and the app's (Ctrl+Z's undo is the app's, on every step)
        titles = [command.title.lower() for command in app.get_system_commands(screen)]
    for expected in ("channel", "kind communication", "initiative proactive", "rename"):
        assert any(expected in title for title in titles), expected
    for expected in ("copy", "another stage", "move up", "delete", "undo"):
        assert any(expected in title for title in titles), expected


async def test_spanish_labels(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        name = screen.query_one("#tp-name", Input)
        # on the map the field says how to get to it; in it, what it adds
        assert name.placeholder.startswith("Intro: escribe puntos de contacto para Families")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is name
        assert name.placeholder.startswith("Nuevo punto de contacto en Families · Conciencia")


def test_touchpoints_map_snapshot(snap_compare, db_path: Path) -> None:  # noqa: ANN001
    sid = sample_session(db_path)

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("right", "right", "enter", *"Test dr")
        await no_blink(pilot)

    assert snap_compare(open_app(db_path, sid), terminal_size=SIZE, run_before=run_before)


async def test_map_scrolls_sideways_with_the_cursor_when_stages_do_not_fit(
    db_path: Path,
) -> None:
    sid = sample_session(db_path)
    with Store(db_path) as store:
        for n in range(12):
            store.add_stage(sid, f"Extra stage {n + 1}")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        grid = screen.query_one(MapGrid)
        assert len(grid.stage_keys) == 17
        assert grid.virtual_size.width > grid.scrollable_content_region.width
        await pilot.press("end")
        assert grid.current is not None and grid.current[1] == grid.stage_keys[-1]
        assert grid.scroll_x == grid.max_scroll_x > 0
        assert "Extra stage 12" in str(screen.query_one("#tp-cell-title").content)
        # the segment names stay put while the cells scroll
        assert "Families" in "".join(s.text for s in grid.render_line(1))
        await pilot.press("home")
        assert grid.scroll_x == 0


async def test_click_moves_the_map_cursor_and_a_second_click_adds_there(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        grid = screen.query_one(MapGrid)
        await pilot.press("home", "up")
        # the second stage column of the second segment (label area, then one column)
        offset = (grid._label_area + grid._column_width + 1, 2)
        await pilot.click(MapGrid, offset=offset)
        await pilot.pause()
        assert grid.current == ("fleets", grid.stage_keys[1])
        assert "Email to fleet manager" in list_names(screen)
        await pilot.click(MapGrid, offset=offset)
        await pilot.pause()
        assert app.focused is screen.name_input


async def test_a_long_name_scrolls_in_the_field_and_is_saved_whole(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    long_name = "A very long touchpoint name that goes on " * 3
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        await pilot.press("enter", *long_name.strip())
        await pilot.pause()
        field = screen.name_input
        assert field.virtual_size.width == len(long_name.strip()) + 1
        assert field.scroll_x > 0  # the cursor (at the end) is in view
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == "" and field.scroll_x == 0
    assert long_name.strip() in [t.name for t in reread(db_path, sid).touchpoints]


async def test_keys_read_together_after_up_go_where_the_focus_went(db_path: Path) -> None:
    """Over SSH "Up" and the next key often arrive in one read: the app has handed both
    to the name field before Up moves the focus. The second key must act on the map
    (here: 4 opens Details), not be typed into the field."""
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        name_input = screen.query_one("#tp-name", Input)
        await pilot.press("enter")
        assert app.focused is name_input
        await read_together(pilot, ("up", None), ("right", None), ("x", "x"))
        assert name_input.value == ""
        assert app.focused is screen.grid
        assert screen.grid.current == (screen.grid.segment_keys[0], screen.grid.stage_keys[1])
        await pilot.press("enter")
        assert app.focused is name_input
        await read_together(pilot, ("escape", None), ("4", "4"))
        assert name_input.value == ""
        assert type(app.screen).__name__ == "DetailsScreen"


async def test_an_added_touchpoint_repaints_its_row_of_the_map_as_a_full_repaint_would(
    db_path: Path,
) -> None:
    """After an edit the map repaints only the rows whose counts changed: the screen
    must then be what repainting the whole map shows."""
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        await no_blink(pilot)
        await pilot.press("down", "right", "enter", *"Fleet card", "enter")
        await pilot.pause()
        grid = screen.grid
        assert str(grid.get_cell(*grid.current)).strip() == "2"  # with the fleet email
        partial = app.export_screenshot()
        grid.refresh()
        await pilot.pause()
        assert app.export_screenshot() == partial


async def test_escape_in_the_cell_list_goes_back_to_the_map(db_path: Path) -> None:
    """Esc leaves a list or a field for the map everywhere else: a burst of Esc, Right,
    Enter and a name typed on the cell list adds a touchpoint to the next cell instead of
    renaming the listed one."""
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        before = [t.name for t in reread(db_path, sid).touchpoints]
        await pilot.press("l")
        assert app.focused is screen.cell_list
        await read_together(
            pilot,
            ("escape", None),
            ("right", None),
            ("enter", None),
            *((c, c) for c in "Leaflet"),
            ("enter", None),
        )
        segment, stage = screen.grid.segment_keys[0], screen.grid.stage_keys[1]
        assert screen.grid.current == (segment, stage)
        assert names(db_path, sid, segment, stage) == ["Leaflet"]
        after = [t.name for t in reread(db_path, sid).touchpoints]
        assert sorted(after) == sorted([*before, "Leaflet"])  # nothing renamed


async def test_a_long_cell_name_in_the_name_field_ends_with_an_ellipsis(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Clínica", framework="5p", language="es")
        store.add_segment(sid, "Familias jóvenes")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(pilot)
        await pilot.press("right", "right")  # Contacto fundamental
        await pilot.pause()
        name_input = screen.query_one("#tp-name", Input)
        placeholder = name_input.placeholder
        assert placeholder.endswith("…"), placeholder
        assert cell_len(placeholder) <= name_input.content_size.width
        shown = "\n".join(screen_lines(app))
        assert placeholder in shown
        await pilot.resize_terminal(160, 30)
        await pilot.pause()
        await pilot.pause()
        assert name_input.placeholder.endswith("Contacto fundamental"), name_input.placeholder
