"""What the CLI does before the app's first paint: one store for both, no garbage
collection until the app turns it back on."""

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
        self.resume_collector = False
        self.seen: tuple[bool, bool] | None = None

    def run(self) -> None:
        self.seen = (gc.isenabled(), self.resume_collector)
        self.store.load(self.kwargs["session_id"])  # the store is open and usable


def test_open_reuses_the_cli_store_and_pauses_the_collector(
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
    assert gc.isenabled()
    assert main(["--db", str(db_path), "open", str(sid)]) == 0
    (app,) = made
    assert app.kwargs["store"].path == db_path
    assert app.seen == (False, True)  # collector off during the run; the app turns it on
    assert gc.isenabled()  # and on again whatever the app did


async def test_the_app_turns_the_collector_back_on_after_its_start(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    app.resume_collector = True
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not gc.isenabled()
            await pilot.pause(app_module.COLLECTOR_PAUSE_SECONDS + 0.3)
            assert gc.isenabled()
    finally:
        gc.enable()
