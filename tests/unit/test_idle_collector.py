"""Full garbage collections wait for a pause in the room (tpworkshop.tui.collector)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from tests.tui.helpers import open_app, sample_session
from tpworkshop.tui import app as app_module
from tpworkshop.tui.collector import NEVER, IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def full_collections() -> Iterator[list[int]]:
    """Counts the generation-2 collections Python runs while the test does (and gives
    the test process back whatever the collector froze)."""
    seen: list[int] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            seen.append(1)

    gc.callbacks.append(callback)
    try:
        yield seen
    finally:
        gc.callbacks.remove(callback)
        gc.unfreeze()


def test_start_stops_automatic_full_collections_and_stop_restores_them() -> None:
    before = gc.get_threshold()
    collector = IdleCollector()
    collector.start()
    try:
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2]
        assert full == NEVER
    finally:
        collector.stop()
    assert gc.get_threshold() == before


def test_a_full_collection_waits_for_a_pause(full_collections: list[int]) -> None:
    clock = Clock()
    collector = IdleCollector(idle=1.0, min_gap=10.0, max_gap=120.0, clock=clock)
    clock.now += 30
    collector.input_seen()
    clock.now += 0.5
    assert not collector.tick()  # typing: not now
    assert full_collections == []
    clock.now += 0.6
    assert collector.tick() == "full"  # 1.1 s without a key
    assert full_collections == [1]
    assert gc.get_freeze_count() > 0  # the survivors: the next one scans only what is new
    clock.now += 5
    assert not collector.tick()  # paused, but the last one is recent
    assert full_collections == [1]


def test_a_long_pause_unfreezes_and_collects_everything(full_collections: list[int]) -> None:
    clock = Clock()
    collector = IdleCollector(idle=1.0, min_gap=10.0, deep_idle=30.0, deep_gap=600.0, clock=clock)
    clock.now += 20
    assert collector.tick() == "full"
    gc.freeze()
    kept = gc.get_freeze_count()

    class Node:
        def __init__(self) -> None:
            self.me = self  # a reference cycle: only the collector can free it

    cycle = Node()
    alive = weakref.ref(cycle)
    gc.freeze()  # frozen while alive, as a dialog's widgets are while it is open
    del cycle
    assert gc.get_freeze_count() > kept
    clock.now += 600
    collector.input_seen()
    clock.now += 29
    assert collector.tick() == "full"  # a pause, not yet a long one
    assert alive() is not None  # frozen garbage: a full collection does not see it
    clock.now += 2
    assert collector.tick() == "deep"
    assert alive() is None  # the deep clean freed it


def test_a_room_that_never_pauses_still_gets_a_full_collection(
    full_collections: list[int],
) -> None:
    clock = Clock()
    collector = IdleCollector(idle=1.0, min_gap=10.0, max_gap=120.0, clock=clock)
    for _ in range(119 * 4):
        clock.now += 0.25
        collector.input_seen()
        assert not collector.tick()
    clock.now += 1.5
    collector.input_seen()
    assert collector.tick() == "full"
    assert full_collections == [1]


async def test_the_app_holds_full_collections_only_while_it_runs(db_path) -> None:  # noqa: ANN001
    sid = sample_session(db_path)
    before = gc.get_threshold()
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.get_threshold()[2] == NEVER
        seen = app.collector.last_input
        await pilot.press("right")
        assert app.collector.last_input > seen
        assert app.collector.idle > app_module.COLLECTOR_TICK_SECONDS
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0  # what it froze is the process's again


async def test_the_app_collects_when_nobody_types(db_path, full_collections) -> None:  # noqa: ANN001
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    app.collector = IdleCollector(idle=0.2, min_gap=0.0, max_gap=60.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        full_collections.clear()
        await pilot.pause(app_module.COLLECTOR_TICK_SECONDS + 0.4)
        assert full_collections
