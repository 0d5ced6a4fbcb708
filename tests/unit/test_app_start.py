"""What the CLI does before the app's first paint: one store for both, and the process's
garbage collector left as Python sets it (no tuning: measured unneeded, README "Speed")."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.tui.helpers import sample_session
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
