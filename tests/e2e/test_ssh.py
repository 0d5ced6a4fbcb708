"""Live workshop through a real sshd: participants join over `ssh -t` in tmux (issue 5)."""

from __future__ import annotations

import subprocess
import time
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


def test_restricted_mode_refuses_other_commands(tmp_path: Path, live_db: tuple[Path, int]) -> None:
    db, _ = live_db
    import sys

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
