"""Live workshop through a real sshd: participants join over `ssh -t` in tmux (issue 5)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.delay_proxy import DelayProxy
from tests.e2e.sshd import needs_sshd, start_sshd
from tests.e2e.tmux import Terminal, needs_tmux
from tpworkshop.domain.model import Position
from tpworkshop.storage import Store

pytestmark = [needs_tmux, needs_sshd, pytest.mark.slow]

SESSION = "Taller SSH"


@pytest.fixture
def live_db(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "workshop.db"
    with Store(db) as store:
        sid = store.create_session(SESSION, framework="five-stage", language="es")
        store.add_segment(sid, "Familias")
        store.add_segment(sid, "Flotas")
        store.save_position(
            sid, Position(step="touchpoints", segment="familias", stage="awareness")
        )
    return db, sid


def test_restricted_participants_join_over_ssh_and_see_each_other(
    tmp_path: Path, live_db: tuple[Path, int]
) -> None:
    db, sid = live_db
    server = start_sshd(tmp_path / "ssh", db, SESSION)
    ana = Terminal(server.client_command("Ana"), env={"TERM": "xterm-256color"})
    luis = Terminal(server.client_command("Luis"), env={"TERM": "xterm-256color"})
    try:
        ana.wait_for("Taller SSH", timeout=30)
        luis.wait_for("Taller SSH", timeout=30)
        with Store(db) as store:
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                names = {p.name for p in store.present(sid)}
                if {"Ana", "Luis"} <= names:
                    break
                time.sleep(0.3)
            assert {"Ana", "Luis"} <= names
        ana.wait_for("👥", timeout=10)
        for term, name in ((ana, "Cartel de Ana"), (luis, "Radio de Luis")):
            term.wait_for("Navegando · Mapa")  # a step lands on the map
            term.keys("Enter")  # Enter opens the cell's name field
            term.wait_for(lambda s: "Nuevo punto de contacto en Familias" in s)
            term.type(name)
            term.keys("Enter")
        started = time.monotonic()
        ana.wait_for("Radio de Luis", timeout=10)
        luis.wait_for("Cartel de Ana", timeout=10)
        seen_within = time.monotonic() - started
        assert seen_within < 5, seen_within
        with Store(db) as store:
            names = sorted(t.name for t in store.load(sid).touchpoints)
        assert names == ["Cartel de Ana", "Radio de Luis"]
    finally:
        ana.close()
        luis.close()
        server.stop()


def test_usable_over_a_200_ms_round_trip_link(tmp_path: Path, live_db: tuple[Path, int]) -> None:
    """Through a proxy adding 100 ms each way: join, type, add; echo within RTT + 0.2 s."""
    db, sid = live_db
    server = start_sshd(tmp_path / "ssh", db, SESSION)
    proxy = DelayProxy(server.port, one_way=0.1)
    command = server.client_command("Ana").replace(f"-p {server.port}", f"-p {proxy.port}")
    ana = Terminal(command, env={"TERM": "xterm-256color"})
    try:
        ana.wait_for("Navegando · Mapa", timeout=60)
        ana.keys("Enter")
        ana.wait_for("Nuevo punto de contacto en Familias", timeout=10)
        echoes = []
        for n, letter in enumerate("Lento", start=1):
            started = time.monotonic()
            ana.keys(letter, literal=True, pause=0)
            ana.wait_for(lambda s, typed="Lento"[:n]: f"▊  {typed}" in s, timeout=10)
            echoes.append(time.monotonic() - started)
        ana.keys("Enter")
        ana.wait_for("tp-1", timeout=10)
        assert max(echoes) < 0.2 + 0.2, echoes
    finally:
        ana.close()
        proxy.close()
        server.stop()
    with Store(db) as store:
        assert [t.name for t in store.load(sid).touchpoints] == ["Lento"]


def test_a_participant_s_markup_attack_over_ssh_stays_text(tmp_path: Path) -> None:
    """Issue 12 over the recommended restricted setup: a participant named
    ``Eve[/b][@click=app.quit]`` adds touchpoints named with an ``@click`` screenshot action
    and a terminal hyperlink. The facilitator's app (in tmux) shows them literally in the
    map, in F7 (who is connected) and on every step; nothing crashes; no file is written."""
    folder = tmp_path / "room"
    folder.mkdir()
    db = folder / "workshop.db"
    with Store(db) as store:
        sid = store.create_session("Hostile SSH", framework="five-stage", language="en")
        store.add_segment(sid, "Families")
        store.save_position(
            sid, Position(step="touchpoints", segment="families", stage="awareness")
        )
    eve_name = "Eve[/b][@click=app.quit]"
    click = f"[@click=app.screenshot('pwned.svg','{folder}')]x[/]"
    link = "[link=https://evil.example]x[/link]"
    cut = [click[:22], link[:22]]  # as the map's name column shows them
    server = start_sshd(tmp_path / "ssh", db, "Hostile SSH")
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8"}
    eve = Terminal(server.client_command(f"'{eve_name}'"), width=120, height=30, env=env)
    facilitator = Terminal(  # run in the room's folder: a screenshot would land there
        f"cd {folder} && env TERM=xterm-256color LANG=C.UTF-8 {sys.executable} -m tpworkshop"
        f" --db {db} --lang en open 'Hostile SSH'",
        width=160,
        height=40,
    )

    def showing(*texts: str) -> Callable[[str], bool]:
        return lambda screen: "Hostile SSH" in screen and all(t in screen for t in texts)

    try:
        eve.wait_for("Navigating · Map", timeout=30)
        eve.wait_for(f"Hostile SSH · {eve_name}")  # her name, as typed, in her top bar
        for name in (click, link):
            eve.keys("Enter")
            eve.wait_for("New touchpoint in Families", timeout=10)
            eve.type(name)
            eve.keys("Enter")
            eve.wait_for(name[:22], timeout=10)  # her own map shows it as typed
        with Store(db) as store:
            # The map shows the name while it is still being typed: wait for the commit.
            deadline = time.monotonic() + 15
            while sorted(t.name for t in store.load(sid).touchpoints) != sorted([click, link]):
                assert time.monotonic() < deadline, store.load(sid).touchpoints
                time.sleep(0.3)
            deadline = time.monotonic() + 15
            while eve_name not in (names := {p.name for p in store.present(sid)}):
                assert time.monotonic() < deadline, names
                time.sleep(0.3)

        facilitator.wait_for(showing("Navigating"), timeout=30)
        facilitator.keys("3")
        facilitator.wait_for(showing(*cut), timeout=15)
        facilitator.keys("F7")  # who is connected: the name crashed this list (issue 12)
        facilitator.wait_for(lambda s: "Who's here" in s and f"{eve_name}  Participant" in s)
        facilitator.keys("F7")
        screens = {}
        for step in "123456":
            facilitator.keys(step)
            screens[step] = facilitator.wait_for(showing(*(cut if step == "3" else [])), timeout=15)
        facilitator.keys("4")  # Details: the first touchpoint's name field, whole
        facilitator.wait_for(showing(click[:60]), timeout=15)
        facilitator.keys("3")
        facilitator.wait_for(showing(*cut), timeout=15)
        for screen in screens.values():
            assert "Traceback" not in screen, screen
    finally:
        eve.close()
        facilitator.close()
        server.stop()
    written = sorted(p.name for p in folder.iterdir() if not p.name.startswith("workshop.db"))
    assert written == [], written
    assert not list(tmp_path.rglob("*.svg"))


def test_restricted_mode_refuses_other_commands(tmp_path: Path, live_db: tuple[Path, int]) -> None:
    db, _ = live_db

    for args in (
        ["export", "1", "-o", str(tmp_path / "x.toml")],
        ["import", "x.toml"],
        ["list"],
        [],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "tpworkshop", "--restricted", "--db", str(db), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1, result
        assert "restricted" in result.stderr
    assert not (tmp_path / "x.toml").exists()


def _footer(screen: str) -> str:
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-1] if lines else ""
