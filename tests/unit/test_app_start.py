"""What the CLI does before the app's first paint: one store for both, the collector's
thresholds left as Python sets them; and the app's one collector setting (README "Speed"):
what an opened session made is frozen out of full collections, and thawed when it goes."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.tui.helpers import open_app, sample_session
from tpworkshop.cli.main import main
from tpworkshop.tui import app as app_module


class FakeApp:
    """Stands for the Textual app (the CLI needs a terminal to run the real one)."""

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.store = kwargs["store"]
        self.return_code = 0
        self.collector: tuple[bool, tuple[int, int, int]] | None = None

    def run(self) -> None:
        self.collector = (gc.isenabled(), gc.get_threshold())
        self.store.load(self.kwargs["session_id"])  # the store is open and usable


def test_open_reuses_the_cli_store_and_leaves_the_collector_alone(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = sample_session(db_path)
    made: list[FakeApp] = []

    def make_app(db: Path, **kwargs: Any) -> FakeApp:
        made.append(FakeApp(**kwargs))
        return made[-1]

    monkeypatch.setattr(app_module, "make_app", make_app)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    before = (gc.isenabled(), gc.get_threshold())
    assert main(["--db", str(db_path), "open", str(sid)]) == 0
    (app,) = made
    assert app.kwargs["store"].path == db_path
    assert app.collector == before


async def test_an_open_session_is_frozen_out_of_collections_and_thawed_when_it_goes(
    db_path: Path,
) -> None:
    sid = sample_session(db_path)
    gc.unfreeze()
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        frozen = gc.get_freeze_count()
        assert frozen > 0  # the session's screens are out of the scans
        app.show_picker()  # the session goes: its objects can be collected again
        await pilot.pause()
        assert gc.get_freeze_count() == 0
        app.open_session(sid)
        await pilot.pause()
        await pilot.pause()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0  # nothing stays frozen once the app has exited
