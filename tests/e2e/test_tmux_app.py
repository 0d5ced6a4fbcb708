"""The real app in a real terminal (tmux, 80x24), driven by keys, read off the screen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.tmux import Terminal, needs_tmux
from tpworkshop.storage import Store

pytestmark = [needs_tmux, pytest.mark.slow]


def test_new_session_by_keyboard_in_tmux(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    term = Terminal(
        f"{sys.executable} -m tpworkshop --db {db} --lang en new 'Tmux workshop'",
        env={"TERM": "xterm-256color", "LANG": "C.UTF-8"},
    )
    try:
        term.wait_for("Tmux workshop")
        term.wait_for("Awareness")  # setup step: the five-stage framework's stages
        term.keys("F5")
        term.wait_for(lambda s: "Do all your customers" in s and "Navigating" in s)
        term.keys("n")  # a step lands on its list: N goes to the typing line
        term.wait_for(lambda s: "Editing · New segment" in s)
        term.type("Families")
        term.keys("Enter")
        term.wait_for("Families")
        term.type("Fleets")
        term.keys("Enter")
        term.wait_for(lambda s: "Families" in s and "Fleets" in s)
        term.keys("F5")
        term.wait_for(lambda s: "Navigating · Map" in s and "touchpoints for Families" in s)
        term.keys("Enter")  # the map has the focus: Enter opens the cell's name field
        term.wait_for(lambda s: "Editing · New touchpoint" in s and "Map" in _footer(s))
        for name in ("Billboard", "Radio spot"):
            term.type(name)
            term.keys("Enter")
        screen = term.wait_for(lambda s: "Radio spot" in s and "saved" in s)
        assert "Billboard" in screen, screen
        term.keys("C-q")
        after = term.scrollback_has("Findings")  # the gap summary printed on close
        assert "Billboard" in after or "no owner" in after.lower()
    finally:
        term.close()
    with Store(db) as store:
        session = store.load(store.resolve("Tmux workshop"))
    assert [s.name for s in session.segments] == ["Families", "Fleets"]
    assert [t.name for t in session.cell("families", "awareness")] == ["Billboard", "Radio spot"]
    assert session.position.step == "touchpoints"


def _footer(screen: str) -> str:
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""
