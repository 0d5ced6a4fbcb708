"""One input model for every screen (issue 13): each case the workshops reported.

Navigating (letters are commands) and editing (keys are text) are shown in the top bar;
the app's keys do the same in every widget; dialogs all close the same way; jumps and
step changes land on the named item in a list, never in a text field; keys read
together go where the focus is when each is handled; no invisible focus stop.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TabbedContent, TextArea

from tests.tui.helpers import (
    open_app,
    read_together,
    reread,
    sample_session,
    screen_lines,
    settle,
)
from tpworkshop.domain.labels import FIELD_LABELS
from tpworkshop.domain.model import Position
from tpworkshop.storage import Store
from tpworkshop.tui.app import WorkshopApp
from tpworkshop.tui.screens.agenda import AgendaScreen
from tpworkshop.tui.screens.analysis import AnalysisScreen
from tpworkshop.tui.screens.assess import AssessScreen
from tpworkshop.tui.screens.details import DetailsScreen
from tpworkshop.tui.screens.dialogs import FormDialog
from tpworkshop.tui.screens.help import HelpScreen
from tpworkshop.tui.screens.presence import PresenceScreen
from tpworkshop.tui.screens.segments import SegmentsScreen
from tpworkshop.tui.screens.setup import SetupScreen
from tpworkshop.tui.screens.touchpoints import TouchpointsScreen
from tpworkshop.tui.widgets.assess_dialogs import RatingPrompt, TouchpointChoice
from tpworkshop.tui.widgets.field_picker import FieldPicker
from tpworkshop.tui.widgets.list_editor import ItemList, ListEditor
from tpworkshop.tui.widgets.map_grid import MapGrid
from tpworkshop.tui.widgets.setup_table import KeyedTable
from tpworkshop.tui.widgets.status_bar import StatusBar
from tpworkshop.tui.widgets.touchpoint_list import TouchpointList
from tpworkshop.tui.widgets.touchpoint_picker import TouchpointPicker

SIZE = (80, 24)


def at_step(db_path: Path, step: str, **position: str | None) -> int:
    sid = sample_session(db_path)
    with Store(db_path) as store:
        store.save_position(sid, Position(step=step, **position))
    return sid


def top_bar(app: WorkshopApp) -> str:
    return str(app.screen.query_one(StatusBar).content)


# --- the two states, on screen -----------------------------------------------------------


async def test_the_top_bar_says_navigating_or_editing_and_names_the_field(db_path: Path) -> None:
    sid = at_step(db_path, "details", touchpoint="tp-1")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert top_bar(app).startswith(" ☰ Navigating · Touchpoints ")
        await pilot.press("enter")
        await pilot.pause()
        assert top_bar(app).startswith(" ✎ Editing · Need ")
        await pilot.press("tab")
        await pilot.pause()
        assert top_bar(app).startswith(" ✎ Editing · Interactions ")


async def test_the_top_bar_in_spanish(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    with Store(db_path) as store:
        store.save_position(sid, Position(step="touchpoints"))
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert top_bar(app).startswith(" ☰ Navegando · Mapa ")
        await pilot.press("enter")
        await pilot.pause()
        assert top_bar(app).startswith(" ✎ Editando · Punto de contacto nuevo ")


# --- the app's keys, everywhere ------------------------------------------------------------


async def test_f6_and_f7_in_a_text_area_select_nothing(db_path: Path) -> None:
    """ "Fast login" became "3": F6/F7 selected the text, the next key replaced it."""
    sid = at_step(db_path, "details", touchpoint="tp-1")
    with Store(db_path) as store:
        store.update_touchpoint(reread(db_path, sid).touchpoint("tp-1").db_id, need="Fast login")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # into the form: Need
        need = app.focused
        assert isinstance(need, TextArea) and need.text == "Fast login"
        await pilot.press("f7")  # who is connected (the app's key), not "select all"
        await pilot.pause()
        assert isinstance(app.screen, PresenceScreen)
        await pilot.press("3")  # nothing in that list takes a 3
        await pilot.press("f7")  # F7 closes what it opened
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        assert need.selected_text == ""
        await pilot.press("f6")  # back to the navigator, not "select line"
        await pilot.pause()
        assert isinstance(app.focused, TouchpointPicker)
        await pilot.press("3")  # a command there: step 3
        await pilot.pause()
    assert reread(db_path, sid).touchpoint("tp-1").need == "Fast login"


async def test_tab_into_a_setup_field_selects_nothing_and_f6_leaves_it(db_path: Path) -> None:
    """A run of Tab, F6 and a digit replaced the name, organisation and facilitator."""
    sid = at_step(db_path, "setup")
    with Store(db_path) as store:
        store.update_session(sid, organisation="Autos Sur", facilitator="Marta")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        for _ in range(3):
            await pilot.press("tab", "f6", "7", "8")
            await settle(pilot)
        assert isinstance(app.screen, SetupScreen)  # 7 and 8 are no steps: nothing
        await pilot.press("tab", "tab", "7")  # typing in a field adds to its text
        await settle(pilot)
        organisation = screen.query_one("#field-organisation", Input)
        assert app.focused is organisation and organisation.value == "Autos Sur7"
        assert organisation.selected_text == ""
        await pilot.press("backspace", "f6")
        await settle(pilot)
    session = reread(db_path, sid)
    assert (session.name, session.organisation, session.facilitator) == (
        "Sample workshop",
        "Autos Sur",
        "Marta",
    )


async def test_ctrl_z_is_the_apps_key_even_in_a_text_area(db_path: Path) -> None:
    """TextArea binds Ctrl+Z to its own undo: the app's Ctrl+Z comes first."""
    sid = at_step(db_path, "details", touchpoint="tp-1")
    app = open_app(db_path, sid)
    calls: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_undo = lambda: calls.append("undo")  # type: ignore[method-assign]
        await pilot.press("enter", *"Quick", "ctrl+z")
        await settle(pilot)
        assert calls == ["undo"]


# --- dialogs --------------------------------------------------------------------------------


async def test_enter_in_the_due_date_saves_the_action(db_path: Path) -> None:
    sid = at_step(db_path, "assess")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Call back", "tab", "tab", *"2027-01-15", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    action = reread(db_path, sid).actions[0]
    assert (action.title, str(action.due)) == ("Call back", "2027-01-15")


async def test_escape_and_ctrl_g_close_every_dialog_and_no_letter_does(db_path: Path) -> None:
    sid = at_step(db_path, "assess", touchpoint="tp-1")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        step = app.screen
        openers = {
            "ctrl+p": CommandPalette,
            "f9": AgendaScreen,
            "f7": PresenceScreen,
            "f1": HelpScreen,
            "e": RatingPrompt,
            "a": FormDialog,
        }
        for opener, kind in openers.items():
            for closer in ("escape", "ctrl+g"):
                await pilot.press(opener)
                await settle(pilot)
                assert isinstance(app.screen, kind), opener
                if kind not in (CommandPalette, FormDialog):
                    await pilot.press("q")  # a letter never closes a dialog
                    await settle(pilot)
                    assert isinstance(app.screen, kind), opener
                await pilot.press(closer)
                await settle(pilot)
                assert app.screen is step, (opener, closer)
        await pilot.press("tab", "t")  # the actions list... (none yet): the tp picker
        await settle(pilot)
    assert reread(db_path, sid).actions == []


async def test_q_in_the_touchpoint_picker_does_not_close_it(db_path: Path) -> None:
    sid = at_step(db_path, "assess", touchpoint="tp-1")
    with Store(db_path) as store:
        store.add_action(sid, "Fix it", touchpoint="tp-1")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "t")
        await settle(pilot)
        assert isinstance(app.screen, TouchpointChoice)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, TouchpointChoice)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert not isinstance(app.screen, TouchpointChoice)
    assert reread(db_path, sid).actions[0].touchpoint == "tp-1"


# --- jumps land on the named item, in a list --------------------------------------------------


async def test_a_finding_lands_on_its_touchpoint_with_the_focus_on_the_navigator(
    db_path: Path,
) -> None:
    sid = at_step(db_path, "analysis")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AnalysisScreen)
        finding = screen.selected_finding()
        assert finding is not None and finding.touchpoint is not None
        await pilot.press("enter")
        await settle(pilot)
        details = app.screen
        assert isinstance(details, DetailsScreen)
        assert details.selected == finding.touchpoint
        assert isinstance(app.focused, TouchpointPicker)
        before = reread(db_path, sid).touchpoint(finding.touchpoint)
        # "6", "3", "m" and arrows, typed next, are commands (they went into the outcome)
        await pilot.press("6", "enter", "3", "m", "down")
        await settle(pilot)
        touchpoints = app.screen
        assert isinstance(touchpoints, TouchpointsScreen)
        assert isinstance(app.focused, MapGrid)
        # landed on the touchpoint's cell, then Down: the next segment's row (Fleets)
        assert touchpoints.grid.current == ("fleets", before.stage)
    after = reread(db_path, sid).touchpoint(finding.touchpoint)
    assert after == before


async def test_a_cell_finding_moves_the_map_cursor_to_that_cell(db_path: Path) -> None:
    """ "Fleets has no touchpoint in Awareness" did not move the map cursor at all."""
    sid = at_step(db_path, "touchpoints", segment="families", stage="awareness")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AnalysisScreen)
        listing = screen.query_one("#findings", OptionList)
        for index in range(listing.option_count):
            listing.highlighted = index
            finding = screen.selected_finding()
            if finding and finding.rule == "empty-cell" and finding.segment == "fleets":
                break
        assert finding is not None and finding.rule == "empty-cell"
        await pilot.press("enter")
        await settle(pilot)
        touchpoints = app.screen
        assert isinstance(touchpoints, TouchpointsScreen)
        assert touchpoints.grid.current == ("fleets", finding.stage)
        assert isinstance(app.focused, MapGrid)


async def test_keys_read_together_each_go_where_the_focus_is(db_path: Path) -> None:
    """`m Right Enter` in one read renamed the wrong touchpoint and added one "kiim"."""
    sid = at_step(db_path, "touchpoints", segment="families", stage="awareness")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TouchpointsScreen)
        await pilot.press("l")
        assert isinstance(app.focused, TouchpointList)
        await read_together(pilot, ("m", "m"), ("right", None), ("enter", None))
        assert screen.grid.current == ("families", "consideration")
        assert app.focused is screen.name_input
        assert isinstance(app.screen, TouchpointsScreen)  # no rename dialog
        await read_together(
            pilot, *[(c, c) for c in "kiim"], ("enter", None), ("escape", None), ("k", "k")
        )
    session = reread(db_path, sid)
    assert [t.name for t in session.cell("families", "consideration")] == ["kiim"]
    assert [t.name for t in session.cell("families", "awareness")] == [
        "Instagram ad",
        "Friend's story",
    ]
    assert all(t.kind is None for t in session.touchpoints)  # k on the map: no command


async def test_a_burst_after_enter_on_the_map_is_typed_in_the_name_field(db_path: Path) -> None:
    sid = at_step(db_path, "touchpoints", segment="fleets", stage="purchase")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = [("enter", None), *[(c, c) for c in "Billboard"], ("enter", None)]
        keys += [*[(c, c) for c in "Radio"], ("enter", None), ("up", None), ("right", None)]
        await read_together(pilot, *keys)
        screen = app.screen
        assert isinstance(screen, TouchpointsScreen)
        assert screen.grid.current == ("fleets", "usage")
        assert isinstance(app.focused, MapGrid)
    names = [t.name for t in reread(db_path, sid).cell("fleets", "purchase")]
    assert names == ["Billboard", "Radio"]


# --- no invisible focus stop ---------------------------------------------------------------


async def test_tab_skips_the_empty_rows_kept_for_a_list(db_path: Path) -> None:
    """Letters typed on an empty reserved row were commands ("x Remove item")."""
    sid = at_step(db_path, "details", touchpoint="tp-1")
    with Store(db_path) as store:  # one list of 2: every touchpoint keeps 2 rows for it
        store.update_touchpoint(
            reread(db_path, sid).touchpoint("tp-2").db_id, people=["Ana", "Luis"]
        )
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        people = screen.query_one("#field-people", ListEditor)
        assert people.item_list.styles.height is not None  # room kept for two items
        await pilot.press("enter")
        seen = []
        for _ in range(14):
            await pilot.press("tab")
            seen.append(app.focused)
        assert not any(isinstance(w, ItemList) for w in seen)
        assert people.input in seen
        await pilot.press("shift+tab")
        while app.focused is not people.input:
            await pilot.press("tab")
        await pilot.press(*"Dra. Martín", "tab")
        await settle(pilot)
        assert screen.selected == "tp-1"
    assert reread(db_path, sid).touchpoint("tp-1").people == ["Dra. Martín"]


async def test_entering_step_3_the_map_has_the_focus_and_the_field_says_so(
    db_path: Path,
) -> None:
    """The field invited typing while the focus was on the map: a name typed vanished."""
    sid = at_step(db_path, "setup")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TouchpointsScreen)
        assert isinstance(app.focused, MapGrid)
        assert not screen.name_input.has_focus
        assert screen.name_input.placeholder.startswith("Enter: type touchpoints for")
        assert "Navigating · Map" in top_bar(app)


async def test_nothing_focusable_is_invisible(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for step in ("1", "2", "3", "4", "5", "6"):
            await pilot.press(step)
            await settle(pilot)
            chain = app.screen.focus_chain
            assert app.focused in chain, step
            for widget in chain:
                assert widget.display and widget.visible, (step, widget)
                assert widget.region.area > 0, (step, widget)
                if isinstance(widget, ItemList):  # a list field's items, when it has any
                    assert widget.option_count > 0, (step, widget)


# --- resume -----------------------------------------------------------------------------------


async def test_quitting_on_analysis_resumes_on_analysis_and_its_tab(db_path: Path) -> None:
    """Quit on Analysis, reopen: step 3 (the touchpoints screen's unmount saved its step)."""
    sid = at_step(db_path, "touchpoints")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "6", "c")  # the map, the analysis, its Channels tab
        await settle(pilot)
        assert app.screen.query_one(TabbedContent).active == "tab-channels"
        await pilot.press("ctrl+q")
        await pilot.pause()
    position = reread(db_path, sid).position
    assert (position.step, position.view) == ("analysis", "channels")
    again = open_app(db_path, sid)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.current_step == "analysis"
        assert again.screen.query_one(TabbedContent).active == "tab-channels"


async def test_details_reopens_on_the_last_touchpoint_viewed(db_path: Path) -> None:
    sid = at_step(db_path, "details", touchpoint="tp-1")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        shown = app.screen.selected  # type: ignore[attr-defined]
        assert shown != "tp-1"
        await pilot.press("5", "4")  # another step and back
        await settle(pilot)
        assert app.screen.selected == shown  # type: ignore[attr-defined]
        await pilot.press("ctrl+q")
        await pilot.pause()
    again = open_app(db_path, sid)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, DetailsScreen) and screen.selected == shown
        assert isinstance(again.focused, TouchpointPicker)


# --- Ctrl+Z: the person's own last change, of any kind, through the store's history -------


def record_notes(app: WorkshopApp) -> list[str]:
    """What the app tells the person, sentence by sentence (its notify, recorded)."""
    said: list[str] = []
    notify = app.notify

    def recording(message: str, **kwargs: object) -> None:
        said.append(message)
        notify(message, **kwargs)  # type: ignore[arg-type]

    app.notify = recording  # type: ignore[method-assign]
    return said


async def test_ctrl_z_puts_back_a_field_as_it_was_and_says_so(db_path: Path) -> None:
    sid = at_step(db_path, "details", touchpoint="tp-1")
    with Store(db_path) as store:
        store.update_touchpoint(reread(db_path, sid).touchpoint("tp-1").db_id, need="Fast login")
    app = open_app(db_path, sid)
    said = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", *" and sure", "f6")  # typed, then left: saved
        await settle(pilot)
        assert reread(db_path, sid).touchpoint("tp-1").need == "Fast login and sure"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert reread(db_path, sid).touchpoint("tp-1").need == "Fast login"
        assert said[-1] == "Undid: need of 'Instagram ad' back to 'Fast login'."
        need = app.screen.query_one("#field-need", TextArea)
        assert need.text == "Fast login"
        # Typing not saved yet is the last change: Ctrl+Z takes it back, in the field too.
        await pilot.press("f6", *"XY", "ctrl+z")
        await settle(pilot)
        assert app.focused is need and need.text == "Fast login"
        await pilot.press("f6")
        await settle(pilot)
    assert reread(db_path, sid).touchpoint("tp-1").need == "Fast login"


async def test_ctrl_z_brings_a_deleted_touchpoint_back_in_its_place(db_path: Path) -> None:
    sid = at_step(db_path, "touchpoints", segment="families", stage="awareness")
    app = open_app(db_path, sid)
    said = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l", "x")
        await settle(pilot)
        assert reread(db_path, sid).touchpoint("tp-1") is None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert said[-1] == "Undid: touchpoint 'Instagram ad' is back."
        screen = app.screen
        assert isinstance(screen, TouchpointsScreen)
        assert screen.query_one(TouchpointList).current_key == "tp-1"
    session = reread(db_path, sid)
    assert [t.ref for t in session.cell("families", "awareness")] == ["tp-1", "tp-2"]


async def test_ctrl_z_undoes_votes_ratings_and_setup_fields_one_by_one(db_path: Path) -> None:
    sid = at_step(db_path, "assess", touchpoint="tp-1")
    before = reread(db_path, sid)
    app = open_app(db_path, sid)
    said = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # a vote, a rating, a pain point (its note's dialog: Enter is OK)
        await pilot.press("plus", "right_square_bracket", "p")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        changed = reread(db_path, sid).touchpoint("tp-1")
        assert (changed.votes, changed.effectiveness, changed.pain_point) != (
            before.touchpoint("tp-1").votes,
            before.touchpoint("tp-1").effectiveness,
            before.touchpoint("tp-1").pain_point,
        )
        await pilot.press("1", "e")  # Setup: the session's name field
        await settle(pilot)
        name = app.screen.query_one("#field-name", Input)
        assert app.focused is name
        await pilot.press(*" 2027", "ctrl+z")
        await settle(pilot)
        assert name.value == "Sample workshop"
        assert said[-1] == "Undid: name of 'Sample workshop' back to 'Sample workshop'."
        for _ in range(3):
            await pilot.press("ctrl+z")
            await settle(pilot)
        assert said[-3:] == [
            "Undid: pain point of 'Instagram ad' back to no.",
            "Undid: effectiveness of 'Instagram ad' back to (none).",
            "Undid: the change of votes on 'Instagram ad'.",
        ]
    after = reread(db_path, sid)
    assert after.name == "Sample workshop"
    for tp in before.touchpoints:
        now = after.touchpoint(tp.ref)
        assert (now.votes, now.effectiveness, now.pain_point) == (
            tp.votes,
            tp.effectiveness,
            tp.pain_point,
        )


async def test_a_participant_undoes_only_their_own_changes(db_path: Path) -> None:
    sid = at_step(db_path, "details", touchpoint="tp-1")
    app = open_app(db_path, sid, role="participant", participant="Ana")
    said = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", *"Quick", "f6")
        await settle(pilot)
        with Store(db_path) as facilitator:  # the facilitator changes another touchpoint
            facilitator.update_touchpoint(reread(db_path, sid).touchpoint("tp-2").db_id, owner="IT")
        await pilot.press("ctrl+z")
        await settle(pilot)
        session = reread(db_path, sid)
        assert session.touchpoint("tp-1").need == ""
        assert session.touchpoint("tp-2").owner == "IT"
        # Ana's next change is refused once the facilitator has changed it since.
        await pilot.press("enter", *"Mine", "f6")
        await settle(pilot)
        with Store(db_path) as facilitator:
            facilitator.update_touchpoint(session.touchpoint("tp-1").db_id, need="Theirs")
        await pilot.pause(0.5)  # the app's poll picks the change up
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert said[-1] == (
            "Cannot undo your last change: the facilitator has changed 'Instagram ad' since;"
            " nothing was changed."
        )
        await pilot.press("ctrl+z")  # the same again: it is still the last change of Ana's
        await settle(pilot)
        assert said[-1] == said[-2]
    assert reread(db_path, sid).touchpoint("tp-1").need == "Theirs"


async def test_undo_says_what_it_undid_in_spanish(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    with Store(db_path) as store:
        store.save_position(sid, Position(step="details", touchpoint="tp-3"))
    app = open_app(db_path, sid)
    said = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", *"Ver", "ctrl+z")
        await settle(pilot)
        assert said[-1] == "Deshecho: la necesidad de «Showroom visit» vuelve a ser (vacío)."
    assert reread(db_path, sid).touchpoint("tp-3").need == ""


# --- Details at 80x24: the touchpoint and the field always on show, a key to any field ------


def shown(widget: Widget) -> bool:
    """Every line of ``widget`` inside the screen region its scrolling parent shows."""
    parent = widget.parent
    assert isinstance(parent, Widget)
    return widget.region.area > 0 and parent.region.contains_region(widget.region)


async def test_details_header_names_the_touchpoint_and_the_field_however_far_it_scrolls(
    db_path: Path,
) -> None:
    sid = at_step(db_path, "details", touchpoint="tp-1")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        header = screen.query_one("#details-title", Static)
        form = screen.query_one("#details-form")
        await pilot.press("enter")  # Need
        await settle(pilot)
        seen = []
        while "optimal_experience" not in seen:  # every stop of the form, down to its end
            assert len(seen) < 20
            field = screen._field_of(app.focused)
            lines = screen_lines(app)
            head = lines[header.region.y][header.region.x :]
            assert head.startswith(" tp-1 · Instagram ad"), head
            assert field is not None, (app.focused, seen)
            assert f"— {FIELD_LABELS(field, 'en')}" in head, head
            focused = app.focused
            assert focused is not None and form.region.contains_region(focused.region)
            seen.append(field)
            await pilot.press("tab")
            await settle(pilot)
        assert form.scroll_y > 0 and {"need", "owner", "data_generated"} <= set(seen)
        assert header.region.y == 2  # docked right under the stepper, never scrolled away


async def test_ctrl_l_and_g_go_to_any_field_and_show_it_whole(db_path: Path) -> None:
    sid = at_step(db_path, "details", touchpoint="tp-3")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        await pilot.press("g")  # from the navigator
        await settle(pilot)
        assert isinstance(app.screen, FieldPicker)
        await pilot.press("8")  # Data generated: the cursor in its input
        await settle(pilot)
        editor = screen.query_one("#field-data_generated", ListEditor)
        assert app.focused is editor.input
        assert shown(editor) and top_bar(app).startswith(" ✎ Editing · Data generated ")
        await pilot.press(*"CRM", "ctrl+l")  # from a text field: typing stays, picker opens
        await settle(pilot)
        assert isinstance(app.screen, FieldPicker)
        await pilot.press("up", "up", "up", "up", "up", "enter")  # 8 -> 3, Owner
        await settle(pilot)
        owner = screen.query_one("#field-owner", Input)
        assert app.focused is owner and shown(owner.parent)  # type: ignore[arg-type]
        await pilot.press("ctrl+l", "ctrl+g")  # closes, the cursor stays in Owner
        await settle(pilot)
        assert app.focused is owner and owner.value == "Sales"
        await pilot.press("ctrl+l", "escape", *"!")
        await settle(pilot)
        assert owner.value == "Sales!"
        await pilot.press("f6")
        await settle(pilot)
    tp = reread(db_path, sid).touchpoint("tp-3")
    assert tp.owner == "Sales!" and tp.data_generated == ["CRM"]


async def test_the_field_picker_is_in_the_palette_and_the_footer(db_path: Path) -> None:
    sid = at_step(db_path, "details", touchpoint="tp-1")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Details: go to a field…" in titles
        assert "^l Go to field" in screen_lines(app)[-1]


def what_shows(app: WorkshopApp) -> tuple[object, ...]:
    """The step on show and its item: the stage, segment, cell and touchpoint, or tab."""
    screen = app.screen
    step = app.current_step
    if isinstance(screen, SetupScreen):
        return (step, screen.query_one("#stages", KeyedTable).selected_key)
    if isinstance(screen, SegmentsScreen):
        return (step, screen.query_one("#segments", KeyedTable).selected_key)
    if isinstance(screen, TouchpointsScreen):
        return (step, screen.grid.current, screen.query_one(TouchpointList).current_key)
    if isinstance(screen, DetailsScreen | AssessScreen):
        return (step, screen.selected)
    if isinstance(screen, AnalysisScreen):
        return (step, screen.active_tab())
    raise AssertionError(screen)


MOVES = {
    # each step's own move, then what it shows (the touchpoint chosen on the map: tp-2)
    "setup": ("1", [], ("setup", "awareness")),  # the stage of the cell chosen
    "segments": ("2", ["down"], ("segments", "fleets")),
    "touchpoints": ("3", [], ("touchpoints", ("families", "awareness"), "tp-2")),
    "details": ("4", ["pagedown"], ("details", "tp-3")),
    "assess": ("5", [], ("assess", "tp-2")),
    "analysis": ("6", ["c"], ("analysis", "channels")),
}


@pytest.mark.parametrize("step", list(MOVES))
async def test_quit_on_each_step_and_reopen_on_the_same_step_and_item(
    db_path: Path, step: str
) -> None:
    """A touchpoint chosen on the map, then a step and a move of that step's own, then
    Ctrl+Q: the session reopens on that step, showing the same item (and landing moves
    nothing: only the user's moves save the position)."""
    sid = at_step(db_path, "touchpoints", segment="families", stage="awareness")
    key, moves, expected = MOVES[step]
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l", "down", "m")  # the cell list: Friend's story; back to the map
        await settle(pilot)
        assert what_shows(app) == ("touchpoints", ("families", "awareness"), "tp-2")
        await pilot.press(key, *moves)
        await settle(pilot)
        assert what_shows(app) == expected
        await pilot.press("ctrl+q")
        await pilot.pause()
    again = open_app(db_path, sid)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(pilot)
        assert what_shows(again) == expected
        assert not isinstance(again.focused, Input | TextArea)  # landing: navigating
    position = reread(db_path, sid).position
    assert position.step == step
    if step not in ("segments", "details"):  # those moved the segment, the touchpoint
        assert (position.segment, position.touchpoint) == ("families", "tp-2")


async def test_esc_and_ctrl_g_leave_a_details_field_after_cancelling_an_item_edit(
    db_path: Path,
) -> None:
    sid = at_step(db_path, "details", touchpoint="tp-1")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        await pilot.press("enter", *"Fast", "escape")  # saved as it is left
        await settle(pilot)
        assert isinstance(app.focused, TouchpointPicker)
        await pilot.press("ctrl+l", "2", *"Story", "enter", "shift+tab", "enter")  # edit it
        await settle(pilot)
        editor = screen.query_one("#field-interactions", ListEditor)
        assert editor.editing == 0 and app.focused is editor.input
        await pilot.press(*" reel", "ctrl+g")  # the edit is cancelled, the field kept
        await settle(pilot)
        assert editor.editing is None and app.focused is editor.item_list
        await pilot.press("ctrl+g")  # now out of the field
        await settle(pilot)
        assert isinstance(app.focused, TouchpointPicker)
    tp = reread(db_path, sid).touchpoint("tp-1")
    assert (tp.need, tp.interactions) == ("Fast", ["Story"])


async def test_undoing_an_added_touchpoint_in_details_blames_nobody_else(db_path: Path) -> None:
    sid = at_step(db_path, "touchpoints", segment="families", stage="awareness")
    app = open_app(db_path, sid)
    said = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", *"Kiosk", "enter", "ctrl+g", "4")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DetailsScreen) and screen.selected == "tp-5"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert said[-1] == "Undid: touchpoint 'Kiosk' removed again."
        assert not any("someone else" in sentence for sentence in said), said
        assert screen.selected is not None and screen.selected != "tp-5"
    assert reread(db_path, sid).touchpoint("tp-5") is None


async def test_escape_then_a_letter_read_together_leaves_the_field_then_acts(
    db_path: Path,
) -> None:
    """A terminal sends Esc then E, read in one go, as Alt+E: the Escape was lost and the
    E typed into the field the person meant to leave."""
    sid = at_step(db_path, "segments")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Retirees")
        await settle(pilot)
        new_line = app.focused
        assert isinstance(new_line, Input) and new_line.value == "Retirees"
        await read_together(pilot, ("alt+e", "e"))  # as the terminal reports "Esc e"
        assert isinstance(app.screen, FormDialog)  # E: edit the highlighted segment
        assert new_line.value == "Retirees"
        await pilot.press("ctrl+g")
        await settle(pilot)
    assert [s.name for s in reread(db_path, sid).segments] == ["Families", "Fleets"]
