"""The stepper's figures scan every touchpoint: once per session object, not on every
edit and every 1 s tick."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.synthetic import synthetic_session
from tests.test_storage_snapshot import edit
from tests.tui.helpers import open_app, sample_session
from tpworkshop.storage import Store
from tpworkshop.tui.steps import WORKSHOP_STEPS
from tpworkshop.tui.widgets import stepper
from tpworkshop.tui.widgets.stepper import Stepper, Tally


async def test_stepper_figures_are_computed_once_per_session(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.go_to_step("details")
        await pilot.pause()
        calls: list[str] = []
        real = stepper.step_progress

        def counted(session, step, tally=None):  # noqa: ANN001, ANN202 - the patched function
            calls.append(step)
            return real(session, step, tally)

        monkeypatch.setattr(stepper, "step_progress", counted)
        bar = app.screen.query_one(Stepper)
        app._tick_timer()  # the 1 s tick redraws the chrome
        calls.clear()
        for _ in range(3):
            app._tick_timer()
        assert calls == []  # the same session: nothing scanned again
        tp = app.session.touchpoints[0]
        app.edit(app.store.update_touchpoint, tp.db_id, owner="Someone")
        await pilot.pause()
        assert sorted(set(calls)) == sorted(WORKSHOP_STEPS)  # the new session: once each
        assert "Details" in str(bar.content) and "%" in str(bar.content)


async def test_reload_after_an_edit_keeps_the_unchanged_touchpoints(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = list(app.session.touchpoints)
        app.edit(app.store.update_touchpoint, before[0].db_id, owner="Ana")
        await pilot.pause()
        after = app.session.touchpoints
        assert after[0] is not before[0] and after[0].owner == "Ana"
        assert all(a is b for a, b in zip(after[1:], before[1:], strict=True))


def test_the_figures_after_a_reload_equal_a_fresh_count(db_path: Path) -> None:
    """The stepper counts from the previous figures and the changed touchpoints."""
    rng = random.Random(21)
    with Store(db_path) as app_store, Store(db_path) as writer:
        sid = app_store.insert_session(synthetic_session(300, segments=3, stages=4, seed=21))
        session = app_store.load(sid)
        tally = Tally.of(session)
        undo: list = []
        for step in range(120):
            edit(writer, sid, rng, undo)
            reloaded = app_store.load(sid, previous=session)
            tally = tally.after(session, reloaded)
            assert tally == Tally.of(reloaded), step
            session = reloaded
