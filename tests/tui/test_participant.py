"""A participant's app: votes with their own dots; setup stays the facilitator's."""

from __future__ import annotations

from pathlib import Path

from tests.tui.helpers import open_app, reread, sample_session
from tpworkshop.domain.model import Position
from tpworkshop.storage import Store


async def test_participant_votes_with_a_budget_of_dots(db_path: Path) -> None:
    sid = sample_session(db_path)
    with Store(db_path) as store:
        store.update_session(sid, dots_per_participant=2)
        store.save_position(sid, Position(step="assess"))
    app = open_app(db_path, sid, role="participant", participant="Ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.current_step == "assess"
        await pilot.press("plus", "plus", "plus")  # the third is over the budget
        await pilot.pause()
        assert app.live.last_error is not None and "Ana" in app.live.last_error
        await pilot.press("minus")
        await pilot.pause()
    with Store(db_path) as store:
        assert sum(store.dots_of(sid, "Ana").values()) == 1
    assert sum(t.votes for t in reread(db_path, sid).touchpoints) == 1


async def test_participant_cannot_change_the_setup(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid, role="participant", participant="Luis")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = reread(db_path, sid)
        result = app.edit(app.store.update_session, sid, name="Taken over")
        assert not result
        stages = before.stages
        assert not app.edit(app.store.remove_stage, stages[0].db_id)
        assert not app.edit(app.store.remove_segment, before.segments[0].db_id)
    after = reread(db_path, sid)
    assert after.name == before.name and len(after.stages) == len(stages)
    assert len(after.segments) == len(before.segments)


async def test_participants_close_when_the_facilitator_ends_the_live_session(
    db_path: Path,
) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid, role="participant", participant="Ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with Store(db_path) as facilitator:
            facilitator.end_live(sid)
        await pilot.pause(4.0)  # the 0.3 s poll notices, then the app closes after 3 s
        assert app.return_value == sid
    with Store(db_path) as store:
        assert store.live_state(sid).ended
        store.start_live(sid)
        assert not store.live_state(sid).ended


async def test_only_the_facilitator_can_end_the_live_session(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid, role="participant", participant="Luis")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.edit(app.store.end_live, sid)
    with Store(db_path) as store:
        assert not store.live_state(sid).ended
