"""The app shell: picker, step switching, help, guide toggle, timer, resume."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._footer import FooterKey

from tests.tui.helpers import open_app, reread, sample_session
from tpworkshop.domain.model import Position
from tpworkshop.storage import Store
from tpworkshop.tui.app import WorkshopApp
from tpworkshop.tui.screens.help import HelpScreen
from tpworkshop.tui.screens.picker import PickerScreen
from tpworkshop.tui.widgets.guide_panel import GuidePanel
from tpworkshop.tui.widgets.status_bar import StatusBar
from tpworkshop.tui.widgets.step_footer import StepFooter


async def test_picker_lists_sessions_and_opens_one(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session_id == sid
        assert app.current_step == "setup"


async def test_digit_keys_switch_steps_and_position_is_saved(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert app.current_step == "segments"
    assert reread(db_path, sid).position.step == "segments"


async def test_resume_lands_on_saved_step(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.go_to_step("assess")
        await pilot.pause()
    again = open_app(db_path, sid)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.current_step == "assess"


async def test_help_guide_and_timer_keys(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(GuidePanel)
        assert panel.display is True
        await pilot.press("f2")
        assert panel.display is False
        await pilot.press("f3")
        assert app.timer("setup").running
        total = app.timer("setup").total
        await pilot.press("f4")
        assert app.timer("setup").total == total + 300
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.current_step == "setup"


async def test_quit_returns_session_id(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == sid


def _footer_keys(app: WorkshopApp) -> list[tuple[str, str]]:
    return [(key.key, key.description) for key in app.screen.query(FooterKey)]


def _bound_keys(app: WorkshopApp) -> list[tuple[str, str]]:
    """What the footer should show: the screen's shown bindings, as they are now, and the
    command palette's key."""
    palette = app.COMMAND_PALETTE_BINDING
    return [
        (binding.key, binding.description)
        for _, binding, _, _ in app.screen.active_bindings.values()
        if binding.show or binding.key == palette
    ]


async def test_footer_shows_the_translated_keys_and_rebuilds_only_when_they_change(
    db_path: Path,
) -> None:
    sid = sample_session(db_path, lang="es")
    with Store(db_path) as store:
        store.save_position(sid, Position(step="touchpoints"))
    app = open_app(db_path, sid)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        assert _footer_keys(app) == _bound_keys(app)
        assert ("f5", "Siguiente") in _footer_keys(app)  # Spanish, not a catalog key
        for _ in range(3):
            app.screen.refresh_bindings()
        await pilot.pause()
        assert list(app.screen.query(FooterKey)) == keys  # the same keys: not rebuilt
        await pilot.press("enter")  # from the map to the name field: other keys
        await pilot.pause()
        assert _footer_keys(app) == _bound_keys(app)
        assert list(app.screen.query(FooterKey)) != keys


async def test_a_real_resize_still_lays_the_screen_out(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(StatusBar)
        assert bar.size.width == 120
        await pilot.resize_terminal(90, 26)
        await pilot.pause()
        assert bar.size.width == 90
        assert app.screen.query_one(StepFooter).region.y == 25


async def test_a_step_is_painted_whole_once_when_shown_and_again_when_shown_again(
    db_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    """Textual asks for two more whole-screen frames after a new screen's first paint
    (its resume handler and its mount); both are dropped. Showing a step again still
    paints the whole screen: the terminal showed another one."""
    from textual.app import App

    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    frames: list[str] = []
    original = App._display

    def counting(self, screen, update) -> None:  # noqa: ANN001
        if update is not None:
            frames.append(type(update).__name__)
        return original(self, screen, update)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        monkeypatch.setattr(App, "_display", counting)
        await pilot.press("3")
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "TouchpointsScreen"
        assert frames.count("LayoutUpdate") == 1, frames
        frames.clear()
        await pilot.press("1")
        await pilot.pause(0.3)
        await pilot.press("3")
        await pilot.pause(0.3)
        assert frames.count("LayoutUpdate") == 2, frames  # one per step shown
        grid = app.screen.query_one("#tp-map")
        partial = app.export_screenshot()
        grid.refresh()
        app.screen.refresh()
        await pilot.pause(0.2)
        assert app.export_screenshot() == partial  # nothing was left unpainted


async def test_nothing_shows_beneath_a_step_but_a_step_shows_beneath_a_dialog(
    db_path: Path,
) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        step = app.screen
        assert app._background_screens == []  # Textual's empty start screen is not drawn
        assert not app.screen_stack[0].is_current
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert step in app._background_screens  # seen through the dialog's backdrop
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is step and app._background_screens == []
