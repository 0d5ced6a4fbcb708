"""The app shell: picker, step switching, help, guide toggle, timer, resume."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer

from tests.tui.helpers import open_app, reread, sample_session, screen_lines
from tpworkshop.domain.model import Position
from tpworkshop.storage import Store
from tpworkshop.tui.app import WorkshopApp
from tpworkshop.tui.screens.help import HelpScreen
from tpworkshop.tui.screens.picker import PickerScreen
from tpworkshop.tui.widgets.guide_panel import GuidePanel
from tpworkshop.tui.widgets.status_bar import StatusBar


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


def _shown_keys(app: WorkshopApp) -> list[str]:
    """The descriptions the footer should show: the screen's shown bindings, as they are
    now."""
    return [
        binding.description
        for _, binding, _, _ in app.screen.active_bindings.values()
        if binding.show
    ]


async def test_footer_shows_the_keys_in_the_session_language(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    with Store(db_path) as store:
        store.save_position(sid, Position(step="touchpoints"))
    app = open_app(db_path, sid)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "F5 Avanzar" in footer and "^p comandos" in footer  # not catalogue keys
        assert "⏎ Elegir celda" in footer  # the map's own key, in its own words
        assert all(description in footer for description in _shown_keys(app))
        await pilot.press("enter")  # from the map to the name field: other keys
        await pilot.pause()
        assert screen_lines(app)[-1] != footer
        assert all(description in screen_lines(app)[-1] for description in _shown_keys(app))
        assert "key." not in screen_lines(app)[-1]


async def test_help_lists_the_keys_of_the_step_and_of_the_app_in_its_language(
    db_path: Path,
) -> None:
    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        for words in ("Ir al paso 1", "Añadir", "Ayuda", "Salir", "Agenda", "comandos"):
            assert words in text, words
        assert "key." not in text


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
        assert app.screen.query_one(Footer).region.y == 25
