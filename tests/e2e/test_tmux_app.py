"""The real app in a real terminal (tmux, 80x24), driven by keys, read off the screen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.tmux import Terminal, needs_tmux
from tpworkshop.domain.model import Position
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


# --- the cases the workshops reported (issue 13), keys sent as a terminal sends them -------

ENV = {"TERM": "xterm-256color", "LANG": "C.UTF-8"}


def _sample(db: Path, step: str, **position: str) -> int:
    with Store(db) as store:
        sid = store.create_session("Keys workshop", framework="five-stage", language="en")
        store.update_session(sid, organisation="Autos Sur", facilitator="Marta")
        families = store.add_segment(sid, "Families")
        stages = [s.key for s in store.load(sid).stages]
        first = store.add_touchpoint(sid, families, stages[0], "Instagram ad")
        store.update_touchpoint(first.db_id, need="Fast login", desired_outcome="Book a drive")
        store.add_touchpoint(sid, families, stages[0], "Friend's story")
        store.add_touchpoint(sid, families, stages[1], "Showroom visit")
        store.save_position(sid, Position(step=step, **position))
    return sid


def _open(db: Path, sid: int) -> Terminal:
    return Terminal(f"{sys.executable} -m tpworkshop --db {db} open {sid}", env=ENV)


def test_f6_and_f7_in_a_details_text_area_then_a_digit_replace_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    sid = _sample(db, "details", touchpoint="tp-1")
    term = _open(db, sid)
    try:
        term.wait_for(lambda s: "Navigating · Touchpoints" in s and "Fast login" in s)
        term.keys("Enter")
        term.wait_for("Editing · Need")
        term.keys("F7")  # who is connected: a list over the form
        term.wait_for(lambda s: "Editing" not in s.splitlines()[0])
        term.keys("3", "F7")
        term.wait_for("Editing · Need")
        term.burst("F6", "F6", "3")  # the navigator, the form again, then a digit: text
        term.wait_for("Fast login3")
        term.burst("F6", "3")  # out of the field, then step 3
        term.wait_for("Navigating · Map")
        term.keys("C-q")
        term.scrollback_has("Findings")
    finally:
        term.close()
    with Store(db) as store:
        assert store.load(sid).touchpoint("tp-1").need == "Fast login3"


def test_tab_f6_and_a_digit_on_setup_replace_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    sid = _sample(db, "setup")
    term = _open(db, sid)
    try:
        term.wait_for(lambda s: "Navigating · Stages" in s and "Autos Sur" in s)
        for _ in range(3):
            term.burst("Tab", "F6", "7", "8")
            term.keys("Tab", "F6", "7", "8", pause=0.05)
        term.wait_for("Navigating · Stages")
        term.keys("C-q")
        term.scrollback_has("Findings")
    finally:
        term.close()
    with Store(db) as store:
        session = store.load(sid)
    assert (session.name, session.organisation, session.facilitator) == (
        "Keys workshop",
        "Autos Sur",
        "Marta",
    )
    assert session.position.step == "setup"


def test_m_right_enter_in_one_read_names_a_touchpoint_in_the_next_cell(tmp_path: Path) -> None:
    """It opened Rename on the wrong touchpoint, renamed it, and created one named "kiim"."""
    db = tmp_path / "t.db"
    sid = _sample(db, "touchpoints", segment="families", stage="awareness", touchpoint="tp-2")
    term = _open(db, sid)
    try:
        term.wait_for(lambda s: "Navigating · Map" in s and "Friend's story" in s)
        term.keys("l")  # the cell list
        term.wait_for("Navigating · Cell list")
        term.burst("m", "Right", "Enter", "K", "i", "o", "s", "k", "Enter")
        term.wait_for(lambda s: "Kiosk" in s and "Editing · New touchpoint" in s)
        term.keys("Escape", "C-q")
        term.scrollback_has("Findings")
    finally:
        term.close()
    with Store(db) as store:
        session = store.load(sid)
    assert sorted(t.name for t in session.touchpoints) == [
        "Friend's story",
        "Instagram ad",
        "Kiosk",
        "Showroom visit",
    ]
    assert [t.name for t in session.cell("families", "consideration")] == [
        "Showroom visit",
        "Kiosk",
    ]


def test_enter_on_a_finding_then_63m_changes_no_text(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    sid = _sample(db, "analysis")
    with Store(db) as store:
        before = store.load(sid)
    term = _open(db, sid)
    try:
        term.wait_for("Navigating · Findings")
        landed = []
        for down in (0, 2, 1):  # findings, each opened, then "63m" in one read
            term.keys(*["Down"] * down, "Enter", pause=0.2)
            top = term.wait_for(lambda s: "Findings" not in s.splitlines()[0]).splitlines()[0]
            landed.append(top.split("·")[1].split()[0])  # Navigating · Touchpoints: Details
            assert "Navigating" in top, top
            term.burst("6", "3", "m")
            term.wait_for("Navigating · Map")
            term.keys("6")
            term.wait_for("Navigating · Findings")
        term.keys("C-q")
        term.scrollback_has("Findings")
    finally:
        term.close()
    assert {"Map", "Touchpoints"} <= set(landed), landed  # the map and Details' navigator
    with Store(db) as store:
        after = store.load(sid)
    assert [(t.ref, t.name, t.need, t.desired_outcome) for t in after.touchpoints] == [
        (t.ref, t.name, t.need, t.desired_outcome) for t in before.touchpoints
    ]


def test_escape_then_a_letter_in_one_read_leaves_the_field_first(tmp_path: Path) -> None:
    """tmux sends "Escape e" as the bytes of Alt+E: the letter must not land in the field."""
    db = tmp_path / "t.db"
    sid = _sample(db, "segments")
    term = _open(db, sid)
    try:
        term.wait_for("Navigating · Segments")
        term.keys("n")
        term.wait_for("Editing · New segment")
        term.type("Retirees")
        term.burst("Escape", "e")
        term.wait_for("Edit the segment")
        term.keys("C-g")
        term.wait_for("Navigating · Segments")
        term.keys("C-q")
        term.scrollback_has("Findings")
    finally:
        term.close()
    with Store(db) as store:
        assert [s.name for s in store.load(sid).segments] == ["Families"]
