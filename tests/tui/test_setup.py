"""Step 1, Setup: session fields, stages and framework, driven by keys, checked in the DB."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from tests.tui.helpers import no_blink, open_app, reread, sample_session, screen_lines
from tpworkshop.storage import Store
from tpworkshop.tui.screens.dialogs import ConfirmDialog, FormDialog
from tpworkshop.tui.screens.setup import FrameworkDialog, SetupScreen

SIZE = (80, 24)


def bare_session(db_path: Path, framework: str = "five-stage") -> int:
    """A session with stages but no segments nor touchpoints."""
    with Store(db_path) as store:
        return store.create_session("Bare workshop", framework=framework)


async def start(pilot: Pilot[object]) -> SetupScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SetupScreen)
    return screen


async def type_text(pilot: Pilot[object], text: str) -> None:
    await pilot.press(*list(text))


def stages_title(screen: object) -> str:
    """The text of the bar above the stages (a Rich grid)."""
    console = Console(width=100, color_system=None)
    with console.capture() as capture:
        console.print(screen.query_one("#stages-title", Static).content)  # type: ignore[attr-defined]
    return capture.get()


def error_line(screen: SetupScreen) -> str:
    line = screen.query_one("#setup-error", Static)
    return str(line.content) if line.display else ""


# --- stages ------------------------------------------------------------------------------


async def test_add_rename_weigh_move_and_remove_stages_by_keys(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Repair")
        await pilot.press("tab")  # to the weight field: "3", not selected
        await pilot.press("ctrl+u", "4", "enter")  # Enter is OK from any field
        await pilot.pause()
        stages = reread(db_path, sid).stages
        assert [s.name for s in stages][-1] == "Repair"
        assert stages[-1].weight == 4
        assert stages[-1].key == "repair"

        # the cursor is on the new stage: rename it
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "Service visit")
        await pilot.press("enter")
        await pilot.pause()
        repaired = reread(db_path, sid).stage("repair")
        assert repaired is not None and repaired.name == "Service visit"

        # weight up to the top, once too far (refused), then down
        await pilot.press("plus", "plus", "minus")
        await pilot.pause()
        assert reread(db_path, sid).stage("repair").weight == 4  # 4 -> 5 -> 5 -> 4

        # move it two places earlier
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        keys = [s.key for s in reread(db_path, sid).stages]
        assert keys == ["awareness", "consideration", "purchase", "repair", "usage", "loyalty"]
        await pilot.press("greater_than_sign")
        await pilot.pause()
        keys = [s.key for s in reread(db_path, sid).stages]
        assert keys == ["awareness", "consideration", "purchase", "usage", "repair", "loyalty"]

        # remove it: a confirmation first, "n" keeps it, "y" removes it
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "holds no touchpoints" in app.screen.message
        await pilot.press("n")
        await pilot.pause()
        assert reread(db_path, sid).stage("repair") is not None
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert reread(db_path, sid).stage("repair") is None
        assert len(reread(db_path, sid).stages) == 5


async def test_bad_stage_name_or_weight_is_refused_in_the_dialog(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("tab", "ctrl+u", "9", "enter")  # blank name
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert "must not be empty" in str(dialog.query_one("#dialog-error", Static).content)
        await pilot.press("shift+tab")
        await type_text(pilot, "Repair")
        await pilot.press("enter")  # weight 9 is out of range
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "between 1 and 5" in str(dialog.query_one("#dialog-error", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        assert len(reread(db_path, sid).stages) == 5


async def test_removing_a_stage_says_how_many_touchpoints_go(db_path: Path) -> None:
    sid = sample_session(db_path)  # two touchpoints in the first stage
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "2 touchpoints" in app.screen.message
        await pilot.press("y")
        await pilot.pause()
        session = reread(db_path, sid)
        assert session.stage("awareness") is None
        assert len(session.touchpoints) == 2
        assert all(tp.stage != "awareness" for tp in session.touchpoints)


async def test_switching_framework_confirms_when_touchpoints_exist(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FrameworkDialog)
        await pilot.press("down", "enter")  # from five-stage (current) to 5p
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "4 touchpoints" in app.screen.message
        await pilot.press("n")
        await pilot.pause()
        kept = reread(db_path, sid)
        assert kept.framework == "five-stage" and len(kept.touchpoints) == 4

        await pilot.press("f")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        switched = reread(db_path, sid)
        assert switched.framework == "5p"
        assert [s.key for s in switched.stages] == ["pre", "premier", "pivotal", "prime", "post"]
        assert switched.touchpoints == []
        assert [s.name for s in switched.segments] == ["Families", "Fleets"]
        assert "5P touch framework · total weight 15" in stages_title(app.screen)


async def test_switching_framework_without_touchpoints_needs_no_confirmation(
    db_path: Path,
) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("up", "enter")  # lifecycle
        await pilot.pause()
        assert app.screen is screen
        session = reread(db_path, sid)
        assert session.framework == "lifecycle"
        assert len(session.stages) == 7
        # choosing the current framework changes nothing
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert reread(db_path, sid).framework == "lifecycle"


# --- session fields ----------------------------------------------------------------------


async def test_fields_commit_on_enter_and_on_leaving(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("tab")  # from the stages to the first field
        assert app.focused is screen.query_one("#field-name", Input)
        await pilot.press("ctrl+u")  # entering a field selects nothing: clear it first
        await type_text(pilot, "Dealer workshop")
        await pilot.press("enter")
        await pilot.pause()
        assert reread(db_path, sid).name == "Dealer workshop"
        assert app.focused is screen.query_one("#field-organisation", Input)

        await type_text(pilot, "Autos Sur")
        await pilot.press("tab")  # leaving commits too
        await pilot.pause()
        assert reread(db_path, sid).organisation == "Autos Sur"

        await type_text(pilot, "Marta")
        await pilot.press("enter")  # facilitator -> dots (skips the language list)
        await pilot.pause()
        assert app.focused is screen.query_one("#field-dots_per_participant", Input)
        await pilot.press("ctrl+u", "7", "enter")
        await pilot.pause()
        await type_text(pilot, "Ana, Luis ,, Marta")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is screen.query_one("#field-notes", TextArea)
        await type_text(pilot, "Bring sticky notes")
        await pilot.press("enter")
        await type_text(pilot, "and pens")
        await pilot.press("tab")
        await pilot.pause()
        session = reread(db_path, sid)
        assert session.facilitator == "Marta"
        assert session.dots_per_participant == 7
        assert session.participants == ["Ana", "Luis", "Marta"]
        assert session.notes == "Bring sticky notes\nand pens"
        assert error_line(screen) == ""
        assert screen.query_one("#field-participants", Input).value == "Ana, Luis, Marta"


async def test_blank_name_is_refused_inline_and_the_text_is_kept(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        name = screen.query_one("#field-name", Input)
        await pilot.press("tab", "ctrl+u", "enter")
        await pilot.pause()
        assert "Name must not be empty" in error_line(screen)
        assert app.focused is name  # stays, to be fixed
        assert reread(db_path, sid).name == "Bare workshop"

        # leaving does not save it either, and does not put the old name back
        await pilot.press("tab")
        await pilot.pause()
        assert name.value == ""
        assert reread(db_path, sid).name == "Bare workshop"
        app.reload()  # as when another process commits
        await pilot.pause()
        assert name.value == ""
        assert "Name must not be empty" in error_line(screen)

        await pilot.press("shift+tab")
        await type_text(pilot, "Fixed name")
        await pilot.press("enter")
        await pilot.pause()
        assert reread(db_path, sid).name == "Fixed name"
        assert error_line(screen) == ""


async def test_out_of_range_dots_and_taken_name_are_refused(db_path: Path) -> None:
    sid = bare_session(db_path)
    with Store(db_path) as store:
        store.create_session("Other workshop")
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        screen.query_one("#field-dots_per_participant", Input).focus()
        await pilot.pause()
        await pilot.press("2", "1", "enter")
        await pilot.pause()
        assert "between 0 and 20" in error_line(screen)
        assert reread(db_path, sid).dots_per_participant == 3

        await pilot.press("tab")  # to participants, the dots error stays
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert app.focused is screen.query_one("#field-name", Input)
        await pilot.press("ctrl+u")
        await type_text(pilot, "other WORKSHOP")
        await pilot.press("enter")
        await pilot.pause()
        assert reread(db_path, sid).name == "Bare workshop"
        assert "between 0 and 20" in error_line(screen)
        assert len(error_line(screen).splitlines()) == 2


async def test_typing_is_saved_after_a_pause_without_leaving(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("tab", "tab")
        await type_text(pilot, "Autos")
        await pilot.pause(1.2)
        assert app.focused is screen.query_one("#field-organisation", Input)
        assert reread(db_path, sid).organisation == "Autos"


async def test_text_typed_just_before_quitting_is_kept(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("tab", "tab")
        await type_text(pilot, "Autos Sur")
        await pilot.press("ctrl+q")  # before the autosave pause is over
        await pilot.pause()
    assert reread(db_path, sid).organisation == "Autos Sur"


async def test_redraw_keeps_half_typed_text_and_shows_others_changes(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("tab", "tab")
        await type_text(pilot, "Hal")
        with Store(db_path) as other:  # another terminal edits the same session
            other.update_session(sid, facilitator="Luis")
            other.update_stage(reread(db_path, sid).stages[0].db_id, weight=5)
        app.reload()
        await pilot.pause()
        organisation = screen.query_one("#field-organisation", Input)
        assert app.focused is organisation and organisation.value == "Hal"
        assert screen.query_one("#field-facilitator", Input).value == "Luis"
        await type_text(pilot, "f")
        assert organisation.value == "Half"


async def test_language_change_reopens_the_app_in_spanish(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("tab", "tab", "tab", "tab")  # name, organisation, facilitator, language
        await pilot.press("enter", "down", "enter")
        await pilot.pause(0.3)
        session = reread(db_path, sid)
        assert session.language == "es"
        assert [s.name for s in session.stages][:3] == ["Conciencia", "Consideración", "Compra"]
        assert app.lang == "es"
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        labels = [str(label.content) for label in screen.query(".field-label")]
        assert "Nombre" in labels and "Idioma" in labels
        # the new screen works: a key still edits the stages
        await pilot.press("plus")
        await pilot.pause()
        assert reread(db_path, sid).stages[0].weight == 4


async def test_stage_keys_do_nothing_while_typing_in_a_field(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("tab", "tab", "tab", "tab")  # the language list: no text to type
        await pilot.press("a", "x", "plus", "f")
        await pilot.pause()
        assert app.screen is screen
        assert [s.weight for s in reread(db_path, sid).stages] == [3, 3, 3, 3, 3]


async def test_escape_goes_back_from_a_field_to_the_stages(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        stages = screen.query_one("#stages")
        await pilot.press("e")  # to the fields
        assert app.focused is screen.query_one("#field-name", Input)
        await pilot.press("tab", "tab")
        await type_text(pilot, "Marta")
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is stages
        assert reread(db_path, sid).facilitator == "Marta"  # leaving saved it
        await pilot.press("escape")  # nothing more to leave
        assert app.focused is stages


async def test_every_action_is_in_the_palette(db_path: Path) -> None:
    sid = bare_session(db_path)
    app = open_app(db_path, sid, lang="es")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        titles = [command.title for command in app.get_system_commands(screen)]
        for title in ("Añadir una etapa", "Cambiar el marco de etapas", "Quitar la etapa elegida"):
            assert title in titles
        assert len(list(screen.screen_commands())) == 10


def test_setup_snapshot(snap_compare, db_path: Path) -> None:  # noqa: ANN001
    sid = sample_session(db_path)
    with Store(db_path) as store:
        store.update_session(
            sid,
            organisation="Autos Sur",
            facilitator="Marta",
            participants=["Ana", "Luis", "Marta"],
            notes="Bring sticky notes",
        )
        store.update_stage(store.load(sid).stages[1].db_id, weight=5)

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("down")  # no edit here: the status bar would show the time saved
        await no_blink(pilot)

    assert snap_compare(open_app(db_path, sid), terminal_size=SIZE, run_before=run_before)


async def test_a_field_left_shows_the_start_of_its_text_and_entered_types_at_the_end(
    db_path: Path,
) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Clinic")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        field = app.screen.query_one("#field-organisation", Input)
        field.focus()
        await pilot.pause()
        await pilot.press(*"Sonrisa [@click=app.quit]y[/] dental group")
        await pilot.pause()
        assert field.cursor_position == len(field.value)
        await pilot.press("tab")
        await pilot.pause()
        assert not field.has_focus
        row = next(line for line in screen_lines(app) if "Organisation" in line)
        assert "Organisation Sonrisa" in row, row
        await pilot.press("shift+tab")
        await pilot.pause()
        assert field.has_focus and field.cursor_position == len(field.value)
        await pilot.press("!", "enter")
        await pilot.pause()
    assert reread(db_path, sid).organisation == "Sonrisa [@click=app.quit]y[/] dental group!"
