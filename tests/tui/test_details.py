"""Step 4, Details: driven by keys, checked in the database."""

from __future__ import annotations

from pathlib import Path

from textual.events import Paste
from textual.widgets import Input, Static, TextArea

from tests.tui.helpers import no_blink, open_app, reread, sample_session
from tpworkshop.domain.model import Position
from tpworkshop.storage import Store
from tpworkshop.tui.screens.details import DetailsScreen, SessionIndex
from tpworkshop.tui.widgets.list_editor import ItemList, ListEditor
from tpworkshop.tui.widgets.touchpoint_picker import TouchpointPicker


def at_details(db_path: Path, *, lang: str = "en", touchpoint: str | None = None) -> int:
    sid = sample_session(db_path, lang=lang)
    with Store(db_path) as store:
        store.save_position(sid, Position(step="details", touchpoint=touchpoint))
    return sid


def shown_refs(screen: DetailsScreen) -> list[str]:
    return screen.query_one(TouchpointPicker).refs


def tp_named(db_path: Path, sid: int, name: str):  # noqa: ANN201 - a Touchpoint
    return next(t for t in reread(db_path, sid).touchpoints if t.name == name)


async def test_fill_text_list_and_owner(db_path: Path) -> None:
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        assert screen.selected == "tp-1"
        await pilot.press("enter")  # from the navigator into the form: Need
        assert isinstance(app.focused, TextArea) and app.focused.id == "field-need"
        await pilot.press(*"Sees the brand", "enter", *"in her feed", "tab")
        # Interactions: add two, remove the first.
        await pilot.press(*"Banner", "enter", *"Story", "enter")
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ItemList)
        await pilot.press("x")
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, Input) and app.focused.id == "field-owner"
        await pilot.press(*"Marketing", "enter")
        await pilot.pause()
    tp = tp_named(db_path, sid, "Instagram ad")
    assert tp.need == "Sees the brand\nin her feed"
    assert tp.interactions == ["Story"]
    assert tp.owner == "Marketing"
    assert tp.processes == [] and tp.desired_outcome == ""


async def test_list_items_edit_and_move(db_path: Path) -> None:
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "tab")  # need -> interactions input
        await pilot.press(*"One", "enter", *"Two", "enter", *"Three", "enter")
        await pilot.press("shift+tab", "down", "down", "shift+up")  # Three above Two
        await pilot.press("up", "enter")  # edit "One"
        await pilot.press("ctrl+u", *"First", "enter")
        await pilot.pause()
    assert tp_named(db_path, sid, "Instagram ad").interactions == ["First", "Three", "Two"]


async def test_missing_owner_filter_walks_the_empty_ones(db_path: Path) -> None:
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        assert len(shown_refs(screen)) == 4
        await pilot.press("f")
        assert screen.filter == "owner"
        missing = [t.ref for t in reread(db_path, sid).in_map_order() if not t.owner]
        assert shown_refs(screen) == missing and len(missing) == 3
        header = str(screen.query_one("#details-filter", Static).content)
        assert "3 of 4 miss an owner" in header
        # Enter goes to the owner field; fill it, jump on: the filled one leaves the list.
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "field-owner"
        await pilot.press(*"Social team", "enter", "pagedown")
        await pilot.pause()
        assert screen.selected == missing[1]
        assert app.focused is not None and app.focused.id == "field-owner"
        assert shown_refs(screen) == missing[1:]
        assert "2 of 4 miss an owner" in str(screen.query_one("#details-filter", Static).content)
    assert reread(db_path, sid).touchpoint(missing[0]).owner == "Social team"


async def test_owner_is_suggested_from_those_used(db_path: Path) -> None:
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f", "enter", *"sa")
        await pilot.pause(0.2)
        await pilot.press("right", "enter")  # accept the suggestion "Sales"
        await pilot.pause()
    assert tp_named(db_path, sid, "Instagram ad").owner == "Sales"


async def test_too_long_owner_is_refused_and_nothing_saved(db_path: Path) -> None:
    sid = at_details(db_path)
    before = reread(db_path, sid).updated
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("f", "enter", *("x" * 201), "enter")
        await pilot.pause()
        error = screen.query_one("#error-owner", Static)
        assert error.display and "too long" in str(error.content)
        await pilot.press("pagedown")  # refused: stays on the touchpoint with the bad value
        assert screen.selected == "tp-1"
    session = reread(db_path, sid)
    assert session.touchpoint("tp-1").owner == ""
    assert session.updated == before


async def test_control_characters_in_a_list_item_are_refused(db_path: Path) -> None:
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "tab")
        app.focused.post_message(Paste("Mail\tshot"))  # a pasted tab
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen.query_one("#field-interactions", ListEditor)
        assert "control characters" in str(editor.query_one(".field-error", Static).content)
        assert editor.input.value == "Mail\tshot"
    assert tp_named(db_path, sid, "Instagram ad").interactions == []


async def test_too_long_text_is_refused(db_path: Path) -> None:
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        app.focused.post_message(Paste("y" * 5001))
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        error = app.screen.query_one("#error-need", Static)
        assert error.display and "5000" in str(error.content)
    assert tp_named(db_path, sid, "Instagram ad").need == ""


async def test_concurrent_edit_of_another_field_survives_and_shows(db_path: Path) -> None:
    sid = at_details(db_path)
    db_id = tp_named(db_path, sid, "Instagram ad").db_id
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("f", "enter", *"Ops")  # typing the owner, not yet saved
        with Store(db_path) as other:  # a participant in another process
            other.update_touchpoint(db_id, desired_outcome="Answer in one hour")
            other.update_touchpoint(db_id, owner="Somebody else")
        await pilot.pause(0.8)  # the live poll picks it up
        outcome = screen.query_one("#field-desired_outcome", TextArea)
        assert outcome.text == "Answer in one hour"
        owner = screen.query_one("#field-owner", Input)
        assert app.focused is owner and owner.value == "Ops"  # not clobbered
        with Store(db_path) as other:  # and one more, just before Enter (not yet polled)
            other.update_touchpoint(db_id, need="A car for five")
        await pilot.press("enter")
        await pilot.pause()
    tp = tp_named(db_path, sid, "Instagram ad")
    assert tp.owner == "Ops"
    assert tp.desired_outcome == "Answer in one hour"
    assert tp.need == "A car for five"


async def test_untouched_focused_field_catches_up_when_left(db_path: Path) -> None:
    sid = at_details(db_path)
    db_id = tp_named(db_path, sid, "Instagram ad").db_id
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f", "enter")  # the owner field has the focus, nothing typed
        with Store(db_path) as other:
            other.update_touchpoint(db_id, owner="Brand team")
        await pilot.pause(0.8)
        owner = app.screen.query_one("#field-owner", Input)
        assert owner.value == ""  # left alone while focused
        await pilot.press("tab")
        await pilot.pause()
        assert owner.value == "Brand team"
    assert tp_named(db_path, sid, "Instagram ad").owner == "Brand team"


async def test_selection_is_remembered_for_the_next_open(db_path: Path) -> None:
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        assert app.screen.selected == "tp-3"
    assert reread(db_path, sid).position.touchpoint == "tp-3"
    again = open_app(db_path, sid)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.screen.selected == "tp-3"
        assert again.screen.query_one(TouchpointPicker).highlighted_ref == "tp-3"


async def test_follows_the_touchpoint_chosen_in_another_step(db_path: Path) -> None:
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5", "down", "down", "4")  # Assess: pick Showroom visit; back
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen) and screen.selected == "tp-3"
        assert screen.query_one("#field-owner", Input).value == "Sales"


async def test_spanish_labels(db_path: Path) -> None:
    sid = at_details(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        header = str(app.screen.query_one("#details-filter", Static).content)
        assert "3 de 4 sin responsable" in header


def test_details_snapshot(snap_compare, db_path: Path) -> None:  # noqa: ANN001
    sid = at_details(db_path, touchpoint="tp-2")
    with Store(db_path) as store:  # edits made beforehand: the status bar shows no time
        session = store.load(sid)
        store.update_touchpoint(session.touchpoint("tp-1").db_id, owner="Social team")
        store.update_touchpoint(
            session.touchpoint("tp-2").db_id, interactions=["Brochure", "Word of mouth"]
        )

    async def run_before(pilot) -> None:  # noqa: ANN001
        await pilot.pause()
        await pilot.press("f", "enter", *"So")  # the owner field suggests "Social team"
        await pilot.pause(0.2)
        await no_blink(pilot)

    assert snap_compare(open_app(db_path, sid), terminal_size=(80, 24), run_before=run_before)


async def test_arrows_in_the_navigator_show_the_touchpoint_at_once(db_path: Path) -> None:
    """The form follows the highlight in the same call (one frame), not via a message."""
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        picker = screen.query_one(TouchpointPicker)
        picker.action_move(1)  # no await: nothing is waiting in a queue
        assert screen.selected == "tp-2" == picker.highlighted_ref
        assert "Friend's story" in str(screen.query_one("#details-title", Static).content)
        await pilot.press("down")  # over the next heading, onto Showroom visit
        assert screen.selected == "tp-3"
        assert screen.query_one("#field-owner", Input).value == "Sales"
        await pilot.press("up", "up")
        assert screen.selected == "tp-1"
    assert reread(db_path, sid).position.touchpoint == "tp-1"


async def test_paging_keeps_every_field_in_place(db_path: Path) -> None:
    """Lists keep room for the session's longest list (up to 3 items): paging through
    touchpoints whose lists differ in length moves no field."""
    sid = at_details(db_path)
    with Store(db_path) as store:  # lists of different lengths from one touchpoint to the next
        session = store.load(sid)
        store.update_touchpoint(session.touchpoint("tp-1").db_id, interactions=["A", "B"])
        store.update_touchpoint(session.touchpoint("tp-3").db_id, processes=["P"], people=["Q"])
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        owner = screen.query_one("#field-owner", Input)
        people = screen.query_one("#field-people")
        places = {(owner.region, people.region)}
        for _ in range(3):
            await pilot.press("pagedown")
            await pilot.pause(0.2)
            places.add((owner.region, people.region))
        await pilot.press("pageup")
        await pilot.pause(0.2)
        assert app.screen.selected == "tp-3"
        assert screen.query_one("#field-processes", ListEditor).items == ["P"]
    assert len(places) == 1


async def test_paging_changes_no_field_s_scrolled_size(db_path: Path) -> None:
    """A new scrolled (virtual) size lays out the whole screen, 10-20 ms at 2,000
    touchpoints plus a frame for the scrollbars: the one-line and multi-line fields keep
    theirs from the moment they are laid out, the first page included, while the text fits."""
    sid = at_details(db_path)
    with Store(db_path) as store:  # owners and needs of other lengths from one to the next
        session = store.load(sid)
        for n, tp in enumerate(session.touchpoints):
            store.update_touchpoint(tp.db_id, owner="O" * (n % 3), need="x\n" * (n % 3))
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        fields = [app.screen.query_one(f"#field-{name}") for name in ("owner", "need")]
        sizes = {tuple(field.virtual_size for field in fields)}
        for key in ("pagedown", "pagedown", "pageup", "pagedown"):
            await pilot.press(key)
            await pilot.pause(0.2)
            sizes.add(tuple(field.virtual_size for field in fields))
        assert app.screen.selected != "tp-1"
    assert len(sizes) == 1, sizes


async def test_a_list_longer_than_the_room_kept_grows_for_its_touchpoint(db_path: Path) -> None:
    sid = at_details(db_path)
    long = [f"Step {n}" for n in range(1, 6)]
    with Store(db_path) as store:
        session = store.load(sid)
        store.update_touchpoint(session.touchpoint("tp-1").db_id, processes=["Only one"])
        store.update_touchpoint(session.touchpoint("tp-2").db_id, processes=long)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        items = screen.query_one("#field-processes", ListEditor).item_list
        assert screen.selected == "tp-1"
        assert items.size.height == 3  # one item, room for 3 (the cap)
        await pilot.press("pagedown")
        await pilot.pause(0.2)
        assert items.size.height == 5  # all five shown
        await pilot.press("pagedown")
        await pilot.pause(0.2)
        assert items.size.height == 3


async def test_without_touchpoints_the_form_says_where_to_add_them(db_path: Path) -> None:
    sid = at_details(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        empty = screen.query_one("#details-empty", Static)
        assert not empty.display and screen.query_one("#box-need").display
        with Store(db_path) as other:  # someone deletes every touchpoint
            for tp in other.load(sid).touchpoints:
                other.delete_touchpoint(tp.db_id)
        await pilot.pause(0.8)
        assert screen.selected is None and shown_refs(screen) == []
        assert empty.display and "Press 3" in str(empty.content)
        assert not screen.query_one("#box-need").display
        assert not screen.query_one("#field-interactions").display
        with Store(db_path) as other:  # and one comes back
            session = other.load(sid)
            other.add_touchpoint(sid, session.segments[0].key, session.stages[0].key, "Radio")
        await pilot.pause(0.8)
        assert not empty.display and screen.query_one("#field-interactions").display
        assert "Radio" in str(screen.query_one("#details-title", Static).content)


def test_session_index_keeps_the_selected_one_in_its_filtered_list(db_path: Path) -> None:
    """What the step looks up per key press, computed once per session object."""
    sid = sample_session(db_path)
    session = reread(db_path, sid)
    index = SessionIndex(session, ("O", "P", "R", "D"))
    assert [tp.ref for tp in index.ordered] == [tp.ref for tp in session.in_map_order()]
    missing_owner = [tp.ref for tp in index.matching("owner")]
    assert missing_owner == ["tp-1", "tp-2", "tp-4"]
    # Showroom visit (tp-3) has an owner: out of the filter, unless it is the selected one,
    # which keeps its place in map order until one moves on.
    assert index.view("owner", "tp-1").touchpoints == index.matching("owner")
    view = index.view("owner", "tp-3")
    assert [tp.ref for tp in view.touchpoints] == ["tp-1", "tp-2", "tp-3", "tp-4"]
    assert view.place["tp-3"] == 2
    assert index.view("owner", "tp-3") is view  # the same list object: the picker keeps it
    assert index.view("all", None).touchpoints is index.ordered
    assert index.code(index.by_ref["tp-3"]) == "·PRD"
    assert index.code(index.by_ref["tp-1"]) == "OPRD"
    assert index.owners() == ["Sales"]
