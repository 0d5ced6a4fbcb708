"""Crash safety: kill the app at random moments; nothing it showed as saved is lost.

The driver (``crash_driver.py``) runs the real app and types touchpoints into the map,
saying ``SAVED <name>`` only once the app shows the edit as saved. Here it is killed
with SIGKILL at moments drawn from a seeded RNG -- while it starts, while it types and
right after it pressed Enter (the commit under way) -- over several driver servers in
sequence on ONE database, so any damage would accumulate. After every kill the file
is opened with plain ``sqlite3``: ``integrity_check`` is ok, no foreign key dangles,
every name shown as saved is there exactly once, and the next start of the app lands
on the step and cell stored for it.

A second test does the same with SIGHUP (what an SSH link dropping sends) to the app
running in a real terminal (tmux) as a user starts it: ``tpworkshop --db X open S``.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from tests.conftest import REPO
from tests.e2e.tmux import Terminal, needs_tmux
from tpworkshop.storage import Store

pytestmark = pytest.mark.slow

SEED = 20250607
SERIES = 4  # driver servers in sequence, all on the same database
RUNS_PER_SERIES = 13  # app processes per server, each killed once: 4 x 13 = 52 kills
# Where a kill is aimed: during start-up, while typing/moving, or just after Enter.
MODES = ("startup", "typing", "commit")
MODE_WEIGHTS = (0.25, 0.4, 0.35)
SAVED_MARK = re.compile(r"✓ saved \d\d:\d\d:\d\d")  # the status bar after a commit
WAIT = 60.0  # seconds to wait for a driver line before calling it stuck (CI is slow)


@dataclass
class Run:
    number: int
    pid: int = 0
    started: float = 0.0
    lines: list[tuple[float, list[str]]] = field(default_factory=list)

    def words(self, kind: str) -> list[list[str]]:
        return [words[1:] for _, words in self.lines if words[0] == kind]

    def last_kind(self) -> str | None:
        return self.lines[-1][1][0] if self.lines else None


class Lines:
    """Lines from driver processes, filed by run as they arrive (one reader thread each)."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.runs: dict[int, Run] = {}
        self.replies: list[list[str]] = []
        self.threads: list[threading.Thread] = []

    def run(self, number: int) -> Run:
        with self.cond:
            return self.runs.setdefault(number, Run(number))

    def read(self, stream: IO[bytes]) -> threading.Thread:
        def pump() -> None:
            for raw in stream:
                words = raw.decode(errors="replace").split()
                if not words:
                    continue
                with self.cond:
                    if words[0] == "Z":
                        self.replies.append(words[1:])
                    else:
                        run = self.runs.setdefault(int(words[0]), Run(int(words[0])))
                        run.lines.append((time.monotonic(), words[1:]))
                    self.cond.notify_all()

        thread = threading.Thread(target=pump, daemon=True)
        thread.start()
        self.threads.append(thread)
        return thread

    def wait(self, predicate: Callable[[], object], what: str, timeout: float = WAIT) -> None:
        with self.cond:
            if not self.cond.wait_for(predicate, timeout):
                raise AssertionError(f"timed out waiting for {what}")

    def reply(self, kind: str, key: str) -> list[str]:
        found: list[list[str]] = []

        def match() -> bool:
            found[:] = [r for r in self.replies if r[0] == kind and r[1] == key]
            return bool(found)

        self.wait(match, f"the driver server's {kind} {key}")
        self.replies.remove(found[0])
        return found[0]


class DriverServer:
    """``crash_driver --serve``: one app process per run, forked after the imports."""

    def __init__(self, lines: Lines, stderr: IO[bytes]) -> None:
        self.lines = lines
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_driver", "--serve"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        lines.read(self.proc.stdout)
        self.alive: set[int] = set()  # app processes started and not yet reaped

    def command(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{text}\n".encode())
        self.proc.stdin.flush()

    def start(self, run: Run, db: Path, session_id: int) -> None:
        run.started = time.monotonic()
        self.command(f"RUN {run.number} {db} {session_id}")
        run.pid = int(self.lines.reply("PID", str(run.number))[2])
        self.alive.add(run.pid)

    def kill(self, run: Run, sig: int = signal.SIGKILL) -> int:
        """Kill the run's process; its wait status once it is gone."""
        os.kill(run.pid, sig)
        self.command(f"REAP {run.pid}")
        status = int(self.lines.reply("REAPED", str(run.pid))[2])
        self.alive.discard(run.pid)
        return status

    def close(self) -> None:
        for pid in self.alive:  # a failed test leaves no app running on its own
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def cold_start(
    lines: Lines, run: Run, db: Path, session_id: int, stderr: IO[bytes]
) -> tuple[subprocess.Popen[bytes], threading.Thread]:
    """The driver as a whole new Python process (imports and all), like a user's start."""
    run.started = time.monotonic()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.reliability.crash_driver",
            "--db",
            str(db),
            "--session",
            str(session_id),
            "--run",
            str(run.number),
        ],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    reader = lines.read(proc.stdout)
    run.pid = proc.pid
    return proc, reader


@dataclass
class Stored:
    """What the database holds after a kill, read with plain sqlite3 (not the Store)."""

    names: Counter[str]
    channels: dict[str, str]
    step: str
    cell: tuple[str, str] | None


def read_database(db: Path, session_id: int) -> Stored:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        assert integrity == [("ok",)], integrity
        dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
        assert dangling == [], dangling
        rows = conn.execute(
            "SELECT name, channel FROM touchpoints WHERE session_id = ?", (session_id,)
        ).fetchall()
        step, segment, stage = conn.execute(
            "SELECT step, current_segment, current_stage FROM sessions WHERE id = ?",
            (session_id,),
        ).fetchone()
    finally:
        conn.close()
    return Stored(
        names=Counter(name for name, _ in rows),
        channels={name: channel for name, channel in rows},
        step=step,
        cell=(segment, stage) if segment and stage else None,
    )


@pytest.fixture
def crash_session(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "crash.db"
    with Store(db) as store:
        sid = store.create_session("Crash test", framework="five-stage")
        store.add_segment(sid, "Families")
        store.add_segment(sid, "Fleets")
    return db, sid


def test_sigkill_at_random_moments_loses_nothing_shown_as_saved(
    tmp_path: Path, crash_session: tuple[Path, int]
) -> None:
    db, sid = crash_session
    rng = random.Random(SEED)
    lines = Lines()
    stderr_path = tmp_path / "driver-stderr.txt"
    stderr = stderr_path.open("wb")
    began = time.monotonic()
    saved: set[str] = set()
    entered: set[str] = set()
    channels: dict[str, str] = {}
    landed: Counter[str] = Counter()
    in_commit = {"committed": 0, "not yet": 0}
    to_ready: list[float] = []
    reopened = 0
    before = read_database(db, sid)
    number = 0

    def fail(message: str) -> None:
        stderr.flush()
        tail = stderr_path.read_text(errors="replace")[-3000:]
        pytest.fail(f"{message}\n--- driver stderr ---\n{tail}")

    def aim(run: Run, mode: str) -> None:
        try:
            wait_for_moment(run, mode)
        except AssertionError as error:  # stuck or dead: say what it said and printed
            fail(f"{error}; run {run.number} said: {run.lines}")

    def wait_for_moment(run: Run, mode: str) -> None:
        """Sleep until the moment this kill is aimed at."""
        if mode == "startup":
            estimate = statistics.median(to_ready) if to_ready else 1.5
            time.sleep(rng.uniform(0, estimate))
            return
        lines.wait(lambda: run.words("READY") or run.words("ERROR"), f"run {run.number} READY")
        if mode == "typing":
            time.sleep(rng.uniform(0, 1.5))
            return
        # The moment Enter is pressed on the n-th name: the commit is a few milliseconds
        # away, so half of these kills are sent at once and half a little later.
        enters = rng.randint(1, 2)
        lines.wait(
            lambda: len(run.words("ENTER")) >= enters or run.words("ERROR"),
            f"run {run.number} Enter #{enters}",
        )
        if rng.random() < 0.5:
            time.sleep(rng.uniform(0, 0.03))

    def check(run: Run, status_ok: bool, status: object) -> None:
        nonlocal before, reopened
        errors = run.words("ERROR")
        if errors:
            fail(f"run {run.number}: the app refused an edit: {errors}")
        if not status_ok:
            fail(f"run {run.number} ended by itself ({status}), not by the kill: {run.lines}")
        opened = run.words("OPENED")
        if opened:
            # The app landed on the step and cell the database held before it started.
            step, segment, stage = opened[0]
            assert step == before.step, (run.number, opened[0], before)
            if before.cell is not None and step == "touchpoints":
                assert (segment, stage) == before.cell, (run.number, opened[0], before)
            reopened += 1
        ready = run.words("READY")
        if ready:
            to_ready.append(next(t for t, w in run.lines if w[0] == "READY") - run.started)
        saved.update(w[0] for w in run.words("SAVED"))
        entered.update(w[0] for w in run.words("ENTER"))
        channels.update({w[0]: w[1] for w in run.words("SAVED-CHANNEL")})
        last = run.last_kind()
        if last in ("ENTER", "CHANNEL"):
            landed["after Enter, before shown saved"] += 1
        elif last is None or last == "OPENED":
            landed["start-up"] += 1
        else:
            landed["typing or moving"] += 1

        now = read_database(db, sid)  # integrity_check and foreign_key_check inside
        missing = sorted(saved - set(now.names))
        assert not missing, f"shown as saved but not in the database: {missing}"
        doubled = sorted(n for n, c in now.names.items() if c > 1 and n.startswith("crash-"))
        assert not doubled, f"saved twice: {doubled}"
        phantom = sorted(n for n in now.names if n.startswith("crash-") and n not in entered)
        assert not phantom, f"in the database but never typed: {phantom}"
        wrong = {n: (c, now.channels.get(n)) for n, c in channels.items() if now.channels[n] != c}
        assert not wrong, f"channels shown as saved but not stored: {wrong}"
        if ready:
            assert now.step == "touchpoints", now
        if last == "ENTER":
            name = run.words("ENTER")[-1][0]
            in_commit["committed" if name in now.names else "not yet"] += 1
        before = now

    try:
        for _series in range(SERIES):
            server = DriverServer(lines, stderr)
            try:
                for index in range(RUNS_PER_SERIES):
                    number += 1
                    run = lines.run(number)
                    mode = rng.choices(MODES, MODE_WEIGHTS)[0]
                    if index == 0:  # each series starts with a whole new process
                        proc, reader = cold_start(lines, run, db, sid, stderr)
                        try:
                            aim(run, mode)
                        finally:
                            proc.kill()
                            code = proc.wait(timeout=30)
                        reader.join(timeout=30)
                        check(run, code == -signal.SIGKILL, code)
                    else:
                        server.start(run, db, sid)
                        aim(run, mode)
                        status = server.kill(run)
                        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
                        check(run, killed, status)
            finally:
                server.close()
        # One more start: it must land where the last kill left the session.
        server = DriverServer(lines, stderr)
        try:
            number += 1
            run = lines.run(number)
            server.start(run, db, sid)
            lines.wait(lambda: run.words("OPENED") or run.words("ERROR"), "the last OPENED")
            status = server.kill(run)
            check(run, os.WIFSIGNALED(status), status)
        finally:
            server.close()
    finally:
        stderr.close()

    elapsed = time.monotonic() - began
    kills = number
    with Store(db) as store:  # and the app's own Store opens it without complaint
        session = store.load(sid)
    assert {t.name for t in session.touchpoints} >= saved
    assert session.position.step == "touchpoints"
    print(
        f"\n{kills} SIGKILLs in {elapsed:.1f} s; {len(saved)} touchpoints and "
        f"{len(channels)} channels shown as saved, all stored; kills landed: {dict(landed)}; "
        f"of those after Enter: {in_commit}; "
        f"median start to READY {statistics.median(to_ready):.2f} s; "
        f"{reopened} restarts checked for step and cell"
    )
    assert kills >= 50
    assert reopened >= kills // 2
    assert landed["start-up"] and landed["typing or moving"]
    assert landed["after Enter, before shown saved"]


@needs_tmux
def test_sighup_in_a_real_terminal_keeps_what_was_shown_saved(
    crash_session: tuple[Path, int],
) -> None:
    """As when the SSH link of the facilitator's terminal drops."""
    db, sid = crash_session
    command = f"{sys.executable} -m tpworkshop --db {db} open {sid}"
    env = {"TERM": "xterm-256color", "PYTHONPATH": str(REPO)}
    term = Terminal(command, width=100, height=30, env=env)
    try:
        term.wait_for("Crash test", timeout=30)
        term.keys("3")
        term.wait_for("in the map", timeout=20)
        term.keys("Enter")
        # The name field has the focus once the footer offers Esc back to the map; keys
        # typed before that go to the map (they are not text there).
        term.wait_for("Esc Map", timeout=20)
        term.type("hangup-survivor")
        term.wait_for("hangup-survivor", timeout=10)
        term.keys("Enter")
        term.wait_for(lambda screen: SAVED_MARK.search(screen) is not None, timeout=20)
        pid = term.pid()
        assert "tpworkshop" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        os.kill(pid, signal.SIGHUP)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not Path(f"/proc/{pid}").exists(), "the app outlived SIGHUP"
    finally:
        term.close()
    stored = read_database(db, sid)
    assert stored.names["hangup-survivor"] == 1
    assert stored.step == "touchpoints"
    again = Terminal(command, width=100, height=30, env=env)
    try:
        screen = again.wait_for("hangup-survivor", timeout=30)
        assert "in the map" in screen  # reopened on the touchpoints step, on that cell
    finally:
        again.close()


def test_sigkill_while_creating_a_database_never_locks_the_user_out(tmp_path: Path) -> None:
    """A kill while ``tpworkshop new`` creates the file leaves no session or a whole one,
    and the file opens again (never refused as foreign or damaged)."""
    rng = random.Random(SEED + 1)
    outcomes: Counter[str] = Counter()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for attempt in range(15):
        db = tmp_path / f"new-{attempt}.db"
        proc = subprocess.Popen(
            [sys.executable, "-m", "tpworkshop", "--db", str(db), "new", "Fresh", "--no-open"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        deadline = time.monotonic() + WAIT
        while not db.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)  # the file appears when SQLite creates it
        # From the file's creation to the session's commit takes a few tenths of a second.
        time.sleep(rng.choice([rng.uniform(0, 0.01), rng.uniform(0, 0.15), rng.uniform(0.15, 0.6)]))
        proc.kill()
        code = proc.wait(timeout=30)
        outcomes["killed" if code == -signal.SIGKILL else "finished"] += 1
        listed = subprocess.run(
            [sys.executable, "-m", "tpworkshop", "--db", str(db), "list", "--format", "json"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert listed.returncode == 0, listed.stderr
        sessions = json.loads(listed.stdout)
        assert [s["name"] for s in sessions] in ([], ["Fresh"]), sessions
        outcomes["session kept" if sessions else "no session yet"] += 1
        with Store(db) as store:
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            if not sessions:
                store.create_session("Fresh")
    print(f"\ncreation kills: {dict(outcomes)}")
    assert outcomes["killed"] >= 5  # the rest finished before the kill: checked all the same


CUT_SHORT = r"""
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 2")  # pages spill into the file before the commit
conn.execute("BEGIN IMMEDIATE")
conn.execute("CREATE TABLE filler (x)")
conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(200)])
os.kill(os.getpid(), signal.SIGKILL)
"""


def cut_short(path: Path) -> None:
    """A process killed in the middle of a rollback-journal transaction on ``path``."""
    result = subprocess.run([sys.executable, "-c", CUT_SHORT, str(path)], timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert Path(f"{path}-journal").exists()  # a hot journal is left beside it


def tpw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tpworkshop", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_a_database_cut_short_in_its_first_transaction_opens_again(tmp_path: Path) -> None:
    """Regression: a kill while a new file was first written left a hot journal that a
    read-only probe cannot roll back, and the file was refused ever after."""
    db = tmp_path / "new.db"
    cut_short(db)
    listed = tpw("--db", str(db), "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []
    created = tpw("--db", str(db), "new", "Fresh", "--no-open")
    assert created.returncode == 0, created.stderr
    with Store(db) as store:
        assert [s.name for s in store.list_sessions()] == ["Fresh"]
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_another_programs_unfinished_change_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "theirs.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE invoices (id)")
    conn.execute("INSERT INTO invoices VALUES (1)")
    conn.commit()
    conn.close()
    cut_short(db)
    before = (db.read_bytes(), Path(f"{db}-journal").read_bytes())
    result = tpw("--db", str(db), "list")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "left unfinished" in result.stderr and "untouched" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (db.read_bytes(), Path(f"{db}-journal").read_bytes()) == before
