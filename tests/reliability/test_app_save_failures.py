"""The converse of the crash test: the app never shows as saved what was not saved.

When a save fails (here: another process holds the write lock longer than the app
waits), the status bar says "✗ not saved", one sentence says why, the typed name stays
in the field for a retry, nothing reaches the database, and the retry saves it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input

from tpworkshop.storage import Store
from tpworkshop.storage import connection as connection_module
from tpworkshop.storage.errors import MESSAGES
from tpworkshop.tui.app import make_app
from tpworkshop.tui.screens.touchpoints import TouchpointsScreen

SIZE = (100, 30)


def names_in(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM touchpoints ORDER BY id")]
    finally:
        conn.close()


async def test_a_save_that_fails_is_shown_as_not_saved_and_kept_for_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "busy.db"
    with Store(db) as store:
        sid = store.create_session("Busy")
        store.add_segment(sid, "Families")
    app = make_app(db, session_id=sid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TouchpointsScreen)
        await pilot.press("enter", *"Kept", "enter")
        await pilot.pause()
        assert app.live.last_saved is not None and app.live.last_error is None
        saved_at = app.live.last_saved

        # Another process holds the write lock; the app waits 50 ms once, then gives up.
        app.store.conn.execute("PRAGMA busy_timeout = 50")
        monkeypatch.setattr(connection_module, "WRITE_ATTEMPTS", 1)
        blocker = sqlite3.connect(db, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press(*"Blocked", "enter")
            await pilot.pause()
            assert app.live.last_error == MESSAGES("busy", "en", path=str(db))
            assert app.live.last_saved is saved_at  # not shown as saved
            assert screen.query_one("#tp-name", Input).value == "Blocked"
            status = str(screen.query_one("#status-bar").render())
            assert "not saved" in status
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert names_in(db) == ["Kept"]

        await pilot.press("enter")  # the same text, once the other process let go
        await pilot.pause()
        assert app.live.last_error is None and app.live.last_saved is not saved_at
        assert screen.query_one("#tp-name", Input).value == ""
        assert "saved" in str(screen.query_one("#status-bar").render())
    assert names_in(db) == ["Kept", "Blocked"]
