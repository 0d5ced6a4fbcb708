"""The app shell: picker, step switching, help, guide toggle, timer, resume."""

from __future__ import annotations

from pathlib import Path

from tests.tui.helpers import open_app, reread, sample_session
from tpworkshop.tui.screens.help import HelpScreen
from tpworkshop.tui.screens.picker import PickerScreen
from tpworkshop.tui.widgets.guide_panel import GuidePanel


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
