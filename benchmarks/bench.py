"""tpworkshop benchmarks: one table of the figures PRODUCT.md's "Fast" quality promises.

    python benchmarks/bench.py [--quick] [--sizes 1000,10000,17000] [--runs N] [--json FILE]
    python benchmarks/bench.py --only reports,scaling --sizes 10000   # issue 14's figures

Every figure is the median of several runs (whole processes, in-process calls, the app in a
real pseudo-terminal), printed with the machine's cores, Python and Textual versions, the load
average at start and end, and a PASS/MISS column against the targets of issue 6. Not a test:
it prints, it never fails on a slow figure (``--smoke`` is what the test suite runs).

How the app is timed: it is started in a pseudo-terminal (TERM=xterm-256color, a fixed size).
"Painted" means its marker text (the session name in the status bar; the label of the bare
Textual app) has been written, then the output stayed quiet for ``--quiet-ms`` (30) and the
app's main thread was asleep (/proc/PID/stat: not running); the figure is the time of the
last byte before that. A key press is timed from the moment its bytes are written to the
last byte before ``--settle-ms`` (100) of silence with the main thread asleep; the 30 ms
rule alone is printed beside it. Textual answers many keys in stages: the focused widget
repaints at once, the screen's handler runs a frame or more later (an arrow on the map
repaints after ~7 ms and again, with the cell's list, after ~45 ms; Enter in the name field
repaints the field, then works ~100 ms before the map shows the new touchpoint), gaps that
a 30 ms rule takes for the end, charging the rest to the next key. The app repaints its
status bar once a second, so keys are sent early in that cycle, with room for the response.

The machine is shared: for each case the CPU time that *other* processes used while it ran is
measured from /proc/stat (the "others" column, in cores); a case run while others kept more
than ``--busy-limit`` cores busy is run again (within the time budget), and the attempt that
saw the least contention is kept. Its speed also drifts, up to 2x within minutes, with no sign
in /proc/stat: in-process figures are therefore taken with the sizes in turns (one run of each
per round) and a fast call is timed over a batch that lasts ~0.3 s, so that the growth factors
(medians) compare sizes measured alike.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import math
import os
import platform
import pty
import random
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

BARE_APP = Path(__file__).with_name("bare_app.py")
UI_EXPERIMENTS = Path(__file__).with_name("ui_experiments.py")
BARE_MARKER = b"tpworkshop bare benchmark label"
# The largest whole-process size is what `import` accepts: an export of 17,000 touchpoints is
# about 14.6 MiB, under the 16 MiB limit (docs/reliability.md); analyse() goes to 50,000 in
# process (SCALING_SIZES).
FULL_SIZES = (1_000, 10_000, 17_000)
QUICK_SIZES = (1_000, 10_000)
SMOKE_SIZES = (200,)
SCALING_SIZES = (10_000, 25_000, 50_000)
"""analyse() is timed at these sizes in turns, and its time per touchpoint compared."""
REPORT_LIMITS = {"gaps": (1.5, 150), "svg": (3.0, 5.0), "html": (3.0, 5.0)}
"""Issue 14 at 10,000 touchpoints: seconds for the whole process, and lines (text) or MB."""
LINEAR_LIMIT = 1.2
"""analyse() is 'linear' when its time per touchpoint grows by at most this factor."""
APP_SIZES = (2_000, 10_000)
OPEN_RATIO_LIMIT = 2.5
"""Issue 17: opening takes at most 2.5 times a bare Textual app, measured in the same run."""


def key_limit(size: int) -> float:
    """Issue 17: every key repaints within 50 ms at a real workshop's size (2,000
    touchpoints), within 200 ms at 10,000."""
    return 0.050 if size <= 2_000 else 0.200


TARGET_SIZE = 10_000

KEY_RIGHT, KEY_LEFT, KEY_UP, KEY_DOWN = b"\x1b[C", b"\x1b[D", b"\x1b[A", b"\x1b[B"
KEY_ENTER, KEY_PAGE_DOWN, KEY_PAGE_UP = b"\r", b"\x1b[6~", b"\x1b[5~"
MAP_WALK = (KEY_RIGHT, KEY_RIGHT, KEY_RIGHT, KEY_DOWN, KEY_LEFT, KEY_LEFT, KEY_LEFT, KEY_DOWN)
STATUS_LINE = b"\x1b[1;1H"  # Textual rewrites the status bar (row 1) on every 1 s tick

CHILD_ENV = {
    **os.environ,
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "TERM": "xterm-256color",
    "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p),
}
CHILD_ENV.pop("TPWORKSHOP_DB", None)
# An installed app starts from compiled .pyc files; without them every edited module would
# be compiled again on each start (~55 ms of "open" after a change).
CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
CHILD_ENV.pop("TEXTUAL", None)


# --- results -----------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the table. Times are in seconds, memory in MB, ratios as is."""

    group: str
    measure: str
    size: int | None
    median: float | None
    worst: float | None = None
    cpu: float | None = None
    unit: str = "s"
    target: str = ""
    result: str = ""
    runs: int = 0
    others: float | None = None
    note: str = ""


def judge(value: float | None, limit: float, *, inclusive: bool = False) -> str:
    if value is None:
        return "n/a"
    ok = value <= limit if inclusive else value < limit
    return "PASS" if ok else "MISS"


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: Sequence[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


# --- contention: how much CPU other processes took while a case ran ----------------------------


def _cpu_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(v) for v in handle.readline().split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    total = sum(fields[:8])
    return total - idle, total


def _own_cpu() -> float:
    self_usage = os.times()
    return (
        self_usage.user + self_usage.system + self_usage.children_user + self_usage.children_system
    )


@dataclass
class Snapshot:
    wall: float
    busy: int
    total: int
    own: float

    @classmethod
    def take(cls) -> Snapshot:
        busy, total = _cpu_ticks()
        return cls(time.perf_counter(), busy, total, _own_cpu())

    def others_since(self, start: Snapshot) -> float | None:
        """Cores other processes kept busy between ``start`` and this snapshot."""
        wall = self.wall - start.wall
        if wall <= 0 or self.total <= start.total:
            return None
        hz = os.sysconf("SC_CLK_TCK")
        busy = (self.busy - start.busy) / hz
        others = busy - (self.own - start.own)
        return max(0.0, others / wall)


def others_now(sample: float = 0.5) -> float | None:
    start = Snapshot.take()
    time.sleep(sample)
    return Snapshot.take().others_since(start)


class Runner:
    """Runs cases, re-running those measured under contention while the budget allows."""

    def __init__(self, *, busy_limit: float, retries: int, budget: float, calm_wait: float):
        self.busy_limit = busy_limit
        self.retries = retries
        self.deadline = time.perf_counter() + budget
        self.calm_wait = calm_wait
        self.reruns = 0

    def over_budget(self) -> bool:
        return time.perf_counter() > self.deadline

    def wait_for_calm(self) -> None:
        end = time.perf_counter() + self.calm_wait
        while time.perf_counter() < end:
            busy = others_now(0.5)
            if busy is None or busy <= self.busy_limit:
                return

    def case(self, label: str, fn: Callable[[], Any]) -> tuple[Any, float | None, int]:
        """``fn()``'s result from the least contended attempt, the contention, the attempts."""
        attempts: list[tuple[float, Any]] = []
        for attempt in range(1 + self.retries):
            if attempt:
                self.reruns += 1
                self.wait_for_calm()
            start = Snapshot.take()
            value = fn()
            others = Snapshot.take().others_since(start)
            attempts.append((others if others is not None else 0.0, value))
            busy = others is not None and others > self.busy_limit
            if not busy or self.over_budget() or attempt == self.retries:
                break
            progress(f"    {label}: others used {others:.1f} cores, measuring again")
        others, value = min(attempts, key=lambda item: item[0])
        return value, others, len(attempts)


def speed_check() -> float:
    """Seconds (best of 5) for a fixed pure-Python workload. The host's other tenants can slow
    this machine ~2x with no sign in /proc/stat; comparing this figure between runs tells."""

    def work() -> None:
        counts: dict[int, int] = {}
        for i in range(100_000):
            counts[i % 997] = counts.get(i % 997, 0) + i
        sorted(str(i) for i in range(20_000))

    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- whole processes ---------------------------------------------------------------------------


@dataclass
class ProcessRun:
    wall: float
    cpu: float
    max_rss_mb: float


def run_process(argv: Sequence[str]) -> ProcessRun:
    """Run to completion (output discarded); wall time from spawn to exit, and the child's
    own CPU time and peak memory."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(list(argv), stdout=subprocess.DEVNULL, stderr=err, env=CHILD_ENV)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            detail = err.read().decode("utf-8", "replace").strip()
            raise RuntimeError(f"{' '.join(argv)} exited {child.returncode}: {detail}")
    return ProcessRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def run_process_output(
    argv: Sequence[str], written: Path | None = None
) -> tuple[ProcessRun, int, int]:
    """As :func:`run_process`, and what the command wrote: (run, lines, bytes) of its
    standard output, or of the file ``written`` when given (``-o FILE``)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(list(argv), stdout=out, stderr=err, env=CHILD_ENV)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            detail = err.read().decode("utf-8", "replace").strip()
            raise RuntimeError(f"{' '.join(argv)} exited {code}: {detail}")
        out.seek(0)
        data = out.read() if written is None else written.read_bytes()
    run = ProcessRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    return run, data.count(b"\n"), len(data)


def cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tpworkshop", "--db", str(db), *args]


# --- workers: in-process measures run in a fresh interpreter ----------------------------------


def worker_prepare(args: dict[str, Any]) -> dict[str, Any]:
    """A synthetic session in a database (resuming on the map) and its exported TOML."""
    from benchmarks.synthetic import synthetic_session
    from tpworkshop.analysis import analyse
    from tpworkshop.domain.model import Position
    from tpworkshop.formats.toml_format import dumps
    from tpworkshop.storage import Store

    size = int(args["size"])
    session = synthetic_session(size)
    db = Path(args["db"])
    with Store(db) as store:
        sid = store.insert_session(session)
        first_segment, first_stage = session.segments[0].key, session.stages[0].key
        store.save_position(
            sid, Position(step="touchpoints", segment=first_segment, stage=first_stage)
        )
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    Path(args["toml"]).write_text(dumps(session, analyse(session).to_dict()), encoding="utf-8")
    return {"sid": sid, "name": session.name, "touchpoints": len(session.touchpoints)}


SAMPLE_SECONDS = 0.3
"""A timing shorter than this is taken over as many calls as fill it (as timeit does)."""


def _timed(fn: Callable[[], Any], runs: int) -> tuple[list[tuple[float, float]], Any]:
    """``runs`` timings (wall, cpu) per call after one warm-up call; returns the last result.

    A fast call is timed over a batch of calls that lasts about SAMPLE_SECONDS: on a
    machine whose speed drifts, a 6 ms call timed alone can fall into a fast moment
    that a 600 ms call never does, and the growth factors would then compare a lucky
    small size with an averaged large one.
    """
    started = time.perf_counter()
    result = fn()
    batch = max(1, math.ceil(SAMPLE_SECONDS / max(time.perf_counter() - started, 1e-6)))
    timings = []
    for _ in range(runs):
        result = None  # freeing the previous result is not part of the call
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(batch):
            result = fn()
        timings.append(((time.perf_counter() - wall) / batch, (time.process_time() - cpu) / batch))
    return timings, result


def worker_inproc(args: dict[str, Any]) -> dict[str, Any]:
    from tpworkshop.analysis import analyse
    from tpworkshop.formats.toml_format import dumps, loads
    from tpworkshop.storage import Store

    runs = int(args["runs"])
    text = Path(args["toml"]).read_text(encoding="utf-8")
    out: dict[str, Any] = {}
    sid = int(args["sid"])
    with Store(Path(args["db"])) as store:

        def full_load() -> Any:
            forget = getattr(store, "_snapshots", None)  # the store's snapshot of the rows
            if forget is not None:
                forget.clear()
            return store.load(sid)

        out["load"], session = _timed(full_load, runs)
        tp_ids = [tp.db_id for tp in session.touchpoints[:: max(1, len(session.touchpoints) // 50)]]
        timings = []
        current = store.load(sid)
        for n in range(runs + 1):
            store.update_touchpoint(tp_ids[n % len(tp_ids)], owner=f"Owner {n}")
            wall, cpu = time.perf_counter(), time.process_time()
            current = store.load(sid, previous=current)  # as the app reloads
            timings.append((time.perf_counter() - wall, time.process_time() - cpu))
        out["reload"] = timings[1:]
    out["analyse"], analysis = _timed(lambda: analyse(session), runs)
    gaps = analysis.to_dict()
    out["dumps"], _ = _timed(lambda: dumps(session, gaps), runs)
    out["loads"], _ = _timed(lambda: loads(text), runs)
    return out


def worker_commit(args: dict[str, Any]) -> dict[str, Any]:
    """Latency of one field edit committed by Store.update_touchpoint (as the app makes it)."""
    from tpworkshop.storage import Store

    rng = random.Random(11)
    latencies = []
    with Store(Path(args["db"])) as store:
        sid = int(args["sid"])
        ids = [
            r[0]
            for r in store.conn.execute("SELECT id FROM touchpoints WHERE session_id=?", (sid,))
        ]
        edits: list[dict[str, Any]] = [
            {"owner": "Customer service"},
            {"name": "Call about the invoice"},
            {"effectiveness": 4},
            {"processes": ["Billing run", "Returns"]},
            {"desired_outcome": "Solved at the first call"},
        ]
        for n in range(int(args["count"])):
            fields = edits[n % len(edits)]
            tp_id = rng.choice(ids)
            start = time.perf_counter()
            store.update_touchpoint(tp_id, **fields)
            latencies.append(time.perf_counter() - start)
    return {"latencies": latencies}


def worker_analyse(args: dict[str, Any]) -> dict[str, Any]:
    """analyse() of a synthetic session built in memory (no database: only the analysis)."""
    from benchmarks.synthetic import synthetic_session
    from tpworkshop.analysis import analyse

    session = synthetic_session(int(args["size"]))
    timings, analysis = _timed(lambda: analyse(session), int(args["runs"]))
    return {"analyse": timings, "findings": len(analysis.findings), "groups": len(analysis.groups)}


WORKERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "analyse": worker_analyse,
    "prepare": worker_prepare,
    "inproc": worker_inproc,
    "commit": worker_commit,
}


def call_worker(kind: str, **args: Any) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", kind, json.dumps(args)],
        capture_output=True,
        text=True,
        env=CHILD_ENV,
    )
    if result.returncode != 0:
        raise RuntimeError(f"worker {kind} failed:\n{result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])


# --- the app in a pseudo-terminal --------------------------------------------------------------


class AppDied(RuntimeError):
    pass


class PtyApp:
    """A process on a pseudo-terminal whose output is read as it comes, with timestamps."""

    def __init__(self, argv: Sequence[str], *, cols: int, rows: int) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: fix the terminal size, then become the app
            try:
                winsize = struct.pack("HHHH", rows, cols, 0, 0)
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                os.execvpe(argv[0], list(argv), CHILD_ENV)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.buffer = bytearray()
        self.last_output: float | None = None
        self.last_tick: float | None = None
        self.searched = 0

    # -- reading --

    def _read(self, timeout: float) -> float | None:
        """Wait up to ``timeout`` s for output; the time it arrived, or None."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            data = b""
        now = time.perf_counter()
        if not data:
            raise AppDied(self.tail())
        burst = self.last_output is None or now - self.last_output > 0.05
        self.last_output = now
        self.buffer += data
        if len(self.buffer) > 1 << 20:
            keep = 1 << 16
            self.searched = max(0, self.searched - (len(self.buffer) - keep))
            del self.buffer[:-keep]
        if burst and STATUS_LINE in data:
            self._burst_with_status = now
        return now

    _burst_with_status: float | None = None

    def tail(self) -> str:
        text = bytes(self.buffer[-2000:]).decode("utf-8", "replace")
        return "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text)

    def wait_painted(self, marker: bytes, quiet: float, timeout: float) -> tuple[float, float]:
        """(time to the marker, time to the last byte before ``quiet`` s of silence)."""
        marked: float | None = None
        deadline = self.started + timeout
        while True:
            now = time.perf_counter()
            if now > deadline:
                raise TimeoutError(f"no {marker!r} within {timeout} s; screen: {self.tail()}")
            if marked is not None and self.last_output is not None:
                silent = now - self.last_output
                if silent >= quiet and not self.busy():
                    return marked - self.started, self.last_output - self.started
                self._read(max(quiet - silent, 0.005))
                continue
            arrived = self._read(0.05)
            if arrived is not None:
                start = max(0, self.searched - len(marker))
                if self.buffer.find(marker, start) >= 0:
                    marked = arrived
                self.searched = len(self.buffer)

    def settle(self, quiet: float, limit: float = 5.0) -> None:
        """Read until the output has been quiet for ``quiet`` s (or ``limit`` passed)."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            silent = time.perf_counter() - (self.last_output or 0.0)
            if silent >= quiet:
                return
            self._note_tick(self._read(quiet - silent))

    def _note_tick(self, arrived: float | None) -> None:
        if arrived is not None and self._burst_with_status == arrived:
            self.last_tick = arrived

    def wait_for_slot(self, quiet: float, room: float, *, period: float = 1.0) -> None:
        """Return once the output has been quiet for ``quiet`` s, early in the app's 1 s
        status-bar tick, with ``room`` s left before the next one, so that a key press is
        not timed together with that repaint."""
        start = time.perf_counter()
        latest = max(0.15, period - 0.05 - room)  # the latest phase to send at
        while True:
            now = time.perf_counter()
            silent = now - (self.last_output or 0.0)
            tick = self.last_tick
            in_slot = tick is not None and 0.1 <= (now - tick) % period <= latest
            if silent >= quiet and (in_slot or now - start > 2.5 * period):
                return
            self._note_tick(self._read(0.005))

    def press(
        self, keys: bytes, quiet: float, settle: float, *, room: float = 0.3, timeout: float = 10.0
    ) -> Press:
        """Write ``keys`` and time the output that follows until ``settle`` s of silence."""
        self.wait_for_slot(quiet, room + settle)
        sent = time.perf_counter()
        os.write(self.fd, keys)
        arrivals: list[float] = []
        while True:
            now = time.perf_counter()
            if arrivals and now - arrivals[-1] >= settle and not self.busy():
                return Press(sent, arrivals, quiet)
            if now - sent > timeout:
                raise TimeoutError(f"no repaint within {timeout} s of {keys!r}: {self.tail()}")
            wait = settle - (now - arrivals[-1]) if arrivals else 0.05
            arrived = self._read(max(wait, 0.001))
            if arrived is not None:
                arrivals.append(arrived)

    # -- the process --

    def busy(self) -> bool:
        """The app's main thread is running or waiting for a CPU, not asleep in its event
        loop: it is still working on the key (or the start), whatever the output says."""
        try:
            with open(f"/proc/{self.pid}/stat", encoding="ascii") as handle:
                return handle.read().rsplit(")", 1)[1].split()[0] == "R"
        except (OSError, IndexError):
            return False

    def cpu_seconds(self) -> float | None:
        try:
            with open(f"/proc/{self.pid}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_memory_mb(self) -> float | None:
        try:
            with open(f"/proc/{self.pid}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)


@dataclass
class Press:
    """The output that followed one key press."""

    sent: float
    arrivals: list[float]
    quiet: float

    @property
    def first(self) -> float:
        return self.arrivals[0] - self.sent

    @property
    def settled(self) -> float:
        """To the last byte before the silence that ended the recording."""
        return self.arrivals[-1] - self.sent

    @property
    def quiet_end(self) -> float:
        """To the last byte before the first ``quiet`` s of silence (the short rule)."""
        for before, after in zip(self.arrivals, self.arrivals[1:], strict=False):
            if after - before >= self.quiet:
                return before - self.sent
        return self.settled


@contextlib.contextmanager
def pty_app(argv: Sequence[str], cols: int, rows: int) -> Iterator[PtyApp]:
    app = PtyApp(argv, cols=cols, rows=rows)
    try:
        yield app
    finally:
        app.close()


@dataclass
class OpenRun:
    painted: float
    marker: float
    cpu: float | None


def time_open(
    argv: Sequence[str], marker: bytes, cols: int, rows: int, quiet: float, timeout: float
) -> OpenRun:
    with pty_app(argv, cols, rows) as app:
        marked, painted = app.wait_painted(marker, quiet, timeout)
        return OpenRun(painted, marked, app.cpu_seconds())


KEY_KINDS = ("map", "type", "add", "details")


def key_session(
    argv: Sequence[str],
    marker: bytes,
    *,
    cols: int,
    rows: int,
    quiet: float,
    settle: float,
    presses: int,
) -> tuple[dict[str, list[Press]], dict[str, Press], float | None]:
    """Open the app on the map and press keys: map moves, typing, adding, details next/prev.

    Returns the presses per kind, one-off presses (focusing the name field, the first visit
    of Details), and the process's peak memory at the end.
    """
    kinds: dict[str, list[Press]] = {k: [] for k in KEY_KINDS}
    once: dict[str, Press] = {}
    room: dict[str, float] = {}

    with pty_app(argv, cols, rows) as app:
        app.wait_painted(marker, quiet, timeout=120)
        app.settle(0.3)

        def press(kind: str, keys: bytes) -> None:
            # leave room in the tick cycle for as long as this kind has taken so far
            done = app.press(keys, quiet, settle, room=room.get(kind, 0.3))
            kinds[kind].append(done)
            room[kind] = min(0.7, max(p.settled for p in kinds[kind][-3:]) + 0.05)

        for n in range(presses):
            press("map", MAP_WALK[n % len(MAP_WALK)])
        once["focus the name field (Enter on a cell)"] = app.press(KEY_ENTER, quiet, settle)
        for n in range(presses):
            press("type", chr(ord("a") + n % 26).encode())
            press("add", KEY_ENTER)
        app.press(KEY_UP, quiet, settle)  # back to the map
        app.settle(0.3)
        once["first visit of Details (key 4)"] = app.press(b"4", quiet, settle, room=0.8)
        app.settle(0.3)
        for n in range(presses):
            press("details", KEY_PAGE_DOWN if n < presses // 2 else KEY_PAGE_UP)
        app.settle(0.3)
        memory = app.peak_memory_mb()
    return kinds, once, memory


# --- the benchmark -----------------------------------------------------------------------------


@dataclass
class Config:
    sizes: tuple[int, ...]
    runs: int
    big_runs: int
    app_sizes: tuple[int, ...]
    app_runs: int
    presses: int
    commits: int
    cols: int
    rows: int
    quiet: float
    settle: float
    mode: str
    bare_only: bool
    experiment: tuple[str, ...] = ()
    scaling_sizes: tuple[int, ...] = SCALING_SIZES


class Bench:
    def __init__(self, config: Config, runner: Runner, workdir: Path) -> None:
        self.config = config
        self.runner = runner
        self.dir = workdir
        self.rows: list[Row] = []
        self.prepared: dict[int, dict[str, Any]] = {}

    # -- helpers --

    def runs_for(self, size: int) -> int:
        return self.config.big_runs if size > TARGET_SIZE else self.config.runs

    def db(self, size: int) -> Path:
        return self.dir / f"prepared-{size}.db"

    def toml(self, size: int) -> Path:
        return self.dir / f"session-{size}.toml"

    def prepare(self, size: int) -> dict[str, Any]:
        if size not in self.prepared:
            progress(f"  preparing a {size:,}-touchpoint session")
            self.prepared[size] = call_worker(
                "prepare", size=size, db=str(self.db(size)), toml=str(self.toml(size))
            )
        return self.prepared[size]

    def add(self, row: Row) -> None:
        self.rows.append(row)

    # -- whole processes --

    def processes(self) -> None:
        for size in self.config.sizes:
            info = self.prepare(size)
            sid = str(info["sid"])
            runs = self.runs_for(size)
            counter = iter(range(1_000_000))

            def do_import(size: int = size, counter: Iterator[int] = counter) -> ProcessRun:
                fresh = self.dir / f"import-{size}-{next(counter)}.db"
                try:
                    return run_process(cli(fresh, "import", str(self.toml(size))))
                finally:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{fresh}{suffix}").unlink(missing_ok=True)

            out = self.dir / f"export-{size}.toml"
            cases: list[tuple[str, Callable[[], ProcessRun], float | None]] = [
                ("import (fresh database)", do_import, 2.0),
                (
                    "export -o FILE",
                    lambda s=size, o=out, i=sid: run_process(
                        cli(self.db(s), "export", i, "-o", str(o))
                    ),
                    2.0,
                ),
                (
                    "gaps --format json",
                    lambda s=size, i=sid: run_process(
                        cli(self.db(s), "gaps", i, "--format", "json")
                    ),
                    1.5,
                ),
            ]
            for name, fn, limit in cases:
                progress(f"  process: {name} at {size:,} x{runs}")
                results, others, _ = self.runner.case(
                    name, lambda fn=fn, runs=runs: [fn() for _ in range(runs)]
                )
                walls = [r.wall for r in results]
                target, result = "", ""
                if size == TARGET_SIZE and limit is not None:
                    target, result = f"< {limit:g} s", judge(median(walls), limit)
                self.add(
                    Row(
                        "process",
                        name,
                        size,
                        median(walls),
                        max(walls),
                        median([r.cpu for r in results]),
                        target=target,
                        result=result,
                        runs=runs,
                        others=others,
                        note=f"max RSS {max(r.max_rss_mb for r in results):.0f} MB",
                    )
                )

    def reports(self) -> None:
        """What a team reads: ``gaps`` as text (time and length), and the SVG and HTML
        reports (time and size), each a whole process as a user runs it."""
        for size in self.config.sizes:
            info = self.prepare(size)
            sid = str(info["sid"])
            runs = self.runs_for(size)
            svg, html = self.dir / f"report-{size}.svg", self.dir / f"report-{size}.html"
            cases: list[tuple[str, str, Callable[[], tuple[ProcessRun, int, int]]]] = [
                (
                    "gaps",
                    "gaps SESSION (text)",
                    lambda s=size, i=sid: run_process_output(cli(self.db(s), "gaps", i)),
                ),
                (
                    "gaps",
                    "gaps FILE.toml (text, no database)",
                    lambda s=size: run_process_output(cli(self.db(s), "gaps", str(self.toml(s)))),
                ),
                (
                    "svg",
                    "export --format svg -o FILE",
                    lambda s=size, i=sid, o=svg: run_process_output(
                        cli(self.db(s), "export", i, "--format", "svg", "-o", str(o)), o
                    ),
                ),
                (
                    "html",
                    "export --format html -o FILE",
                    lambda s=size, i=sid, o=html: run_process_output(
                        cli(self.db(s), "export", i, "--format", "html", "-o", str(o)), o
                    ),
                ),
            ]
            for kind, name, fn in cases:
                progress(f"  report: {name} at {size:,} x{runs}")
                results, others, _ = self.runner.case(
                    name, lambda fn=fn, runs=runs: [fn() for _ in range(runs)]
                )
                walls = [run.wall for run, _, _ in results]
                seconds, amount = REPORT_LIMITS[kind]
                judged = size == TARGET_SIZE
                # The file itself is read and validated as import does (most of its time):
                # issue 14's 1.5 s is for the session's analysis, so that row is a figure.
                timed = judged and "FILE.toml" not in name
                self.add(
                    Row(
                        "reports",
                        name,
                        size,
                        median(walls),
                        max(walls),
                        median([run.cpu for run, _, _ in results]),
                        target=f"< {seconds:g} s" if timed else "",
                        result=judge(median(walls), seconds) if timed else "",
                        runs=runs,
                        others=others,
                        note=f"max RSS {max(run.max_rss_mb for run, _, _ in results):.0f} MB",
                    )
                )
                lines, size_bytes = results[-1][1], results[-1][2]
                if kind == "gaps":
                    row = Row("reports", f"{name}: lines", size, lines, unit="lines")
                    if judged:
                        row.target, row.result = f"< {amount:g}", judge(lines, amount)
                else:
                    megabytes = size_bytes / 1_000_000
                    row = Row("reports", f"{name}: file size", size, megabytes, unit="MB")
                    if judged:
                        row.target, row.result = f"< {amount:g} MB", judge(megabytes, amount)
                self.add(row)

    def scaling(self) -> None:
        """analyse() at 10k, 25k and 50k touchpoints, the sizes in turns; then its time per
        touchpoint against the smallest size's (1.00 is exactly linear)."""
        sizes = self.config.scaling_sizes
        runs = {size: self.runs_for(size) for size in sizes}
        walls: dict[int, list[float]] = {size: [] for size in sizes}
        cpus: dict[int, list[float]] = {size: [] for size in sizes}
        contention: list[float] = []
        findings: dict[int, int] = {}
        for round_ in range(max(runs.values())):
            for size in sizes:
                if round_ >= runs[size]:
                    continue
                progress(f"  scaling: analyse() at {size:,}, run {round_ + 1}")
                one, others, _ = self.runner.case(
                    "scaling", lambda size=size: call_worker("analyse", size=size, runs=1)
                )
                walls[size].extend(w for w, _ in one["analyse"])
                cpus[size].extend(c for _, c in one["analyse"])
                findings[size] = one["findings"]
                if others is not None:
                    contention.append(others)
        others = max(contention, default=None)
        for size in sizes:
            self.add(
                Row(
                    "scaling",
                    "analyse() (synthetic, in memory)",
                    size,
                    median(walls[size]),
                    max(walls[size], default=None),
                    median(cpus[size]),
                    runs=len(walls[size]),
                    others=others,
                    note=f"{findings.get(size, 0):,} findings",
                )
            )
        low = sizes[0]
        base = median(walls[low])
        for size in sizes[1:]:
            high = median(walls[size])
            if not base or not high:
                continue
            factor = high / base / (size / low)
            self.add(
                Row(
                    "scaling",
                    f"analyse() time per touchpoint, {size:,} vs {low:,}",
                    None,
                    factor,
                    unit="",
                    target=f"<= {LINEAR_LIMIT:g}",
                    result=judge(factor, LINEAR_LIMIT, inclusive=True),
                    note=f"time x{high / base:.2f} for size x{size / low:g}",
                )
            )

    def startup(self) -> None:
        """The fixed cost every command pays: interpreter, imports, opening the database."""
        size = self.config.sizes[0]
        self.prepare(size)
        runs = self.config.runs
        progress(f"  process: list (start-up cost) x{runs}")
        results, others, _ = self.runner.case(
            "list",
            lambda: [
                run_process(cli(self.db(size), "list", "--format", "json")) for _ in range(runs)
            ],
        )
        walls = [r.wall for r in results]
        self.add(
            Row(
                "process",
                "list --format json (start-up cost)",
                None,
                median(walls),
                max(walls),
                median([r.cpu for r in results]),
                runs=runs,
                others=others,
            )
        )

    # -- in-process --

    def in_process(self) -> None:
        """The sizes take turns, one run each per round: a machine whose speed drifts
        (this one's can halve within minutes) then slows every size alike, and the
        growth factors compare like with like."""
        sizes = self.config.sizes
        infos = {size: self.prepare(size) for size in sizes}
        data: dict[int, dict[str, list[tuple[float, float]]]] = {s: {} for s in sizes}
        contention: dict[int, list[float]] = {s: [] for s in sizes}
        for round_ in range(max(self.runs_for(size) for size in sizes)):
            for size in sizes:
                if round_ >= self.runs_for(size):
                    continue
                progress(f"  in-process: load, analyse, dumps, loads at {size:,}, run {round_ + 1}")
                info = infos[size]
                one, others, _ = self.runner.case(
                    "in-process",
                    lambda size=size, info=info: call_worker(
                        "inproc",
                        db=str(self.db(size)),
                        sid=info["sid"],
                        toml=str(self.toml(size)),
                        runs=1,
                    ),
                )
                for key, values in one.items():
                    data[size].setdefault(key, []).extend(values)
                if others is not None:
                    contention[size].append(others)
        for size in sizes:
            self._in_process_rows(size, data[size], max(contention[size], default=None))

    def _in_process_rows(
        self, size: int, data: dict[str, list[tuple[float, float]]], others: float | None
    ) -> None:
        labels = {
            "analyse": "analyse() (gaps in-process)",
            "load": "Store.load() (full read)",
            "reload": "Store.load() after one edit (the app's reload)",
            "dumps": "toml dumps()",
            "loads": "toml loads()",
        }
        for key, label in labels.items():
            walls = [w for w, _ in data[key]]
            target, result = "", ""
            if key == "analyse" and size == TARGET_SIZE:
                target, result = "< 150 ms", judge(median(walls), 0.150)
            self.add(
                Row(
                    "in-process",
                    label,
                    size,
                    median(walls),
                    max(walls),
                    median([c for _, c in data[key]]),
                    target=target,
                    result=result,
                    runs=len(walls),
                    others=others,
                )
            )

    def commit(self) -> None:
        size = max(self.config.app_sizes or self.config.sizes)
        info = self.prepare(size)
        copy = self.dir / f"commit-{size}.db"
        shutil.copy(self.db(size), copy)
        count = self.config.commits
        progress(f"  commit latency: {count} edits at {size:,}")
        data, others, _ = self.runner.case(
            "commit", lambda: call_worker("commit", db=str(copy), sid=info["sid"], count=count)
        )
        latencies = data["latencies"]
        p99 = percentile(latencies, 0.99)
        self.add(
            Row(
                "storage",
                "one edit committed (update_touchpoint)",
                size,
                median(latencies),
                p99,
                target="p99 < 50 ms",
                result=judge(p99, 0.050),
                runs=count,
                others=others,
                note="worst column is p99",
            )
        )

    # -- the app --

    def app_argv(self, size: int, copy: Path) -> list[str]:
        # A re-run (busy machine) copies over the last run's file: its WAL must go too, or
        # SQLite replays it onto the fresh copy (the app then resumed on Details).
        for leftover in (copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copy(self.db(size), copy)
        sid = str(self.prepared[size]["sid"])
        if self.config.experiment:
            return [sys.executable, str(UI_EXPERIMENTS), str(copy), sid, *self.config.experiment]
        return cli(copy, "open", sid)

    def app_open(self) -> None:
        config = self.config
        bare_argv = [sys.executable, str(BARE_APP)]
        quiet = config.quiet
        for size in config.app_sizes:
            self.prepare(size)

        def rounds() -> tuple[list[OpenRun], dict[int, list[OpenRun]]]:
            """Bare app and app opens interleaved, so both see the same machine."""
            bare: list[OpenRun] = []
            opened: dict[int, list[OpenRun]] = {size: [] for size in config.app_sizes}
            for _ in range(config.app_runs):
                bare.append(time_open(bare_argv, BARE_MARKER, config.cols, config.rows, quiet, 60))
                for size in config.app_sizes:
                    argv = self.app_argv(size, self.dir / f"app-{size}.db")
                    marker = self.prepared[size]["name"].encode()
                    opened[size].append(
                        time_open(argv, marker, config.cols, config.rows, quiet, 120)
                    )
            return bare, opened

        sizes = ", ".join(f"{s:,}" for s in config.app_sizes)
        progress(f"  app open: bare Textual app and {sizes} x{config.app_runs}")
        (bare, opened), others, _ = self.runner.case("app open", rounds)
        runs = config.app_runs
        bare_median = median([r.painted for r in bare])
        self.add(
            Row(
                "app",
                "bare Textual app (one Label): open to first paint",
                None,
                bare_median,
                max(r.painted for r in bare),
                median([r.cpu for r in bare if r.cpu is not None]),
                runs=runs,
                others=others,
            )
        )
        for size in config.app_sizes:
            value = median([r.painted for r in opened[size]])
            self.add(
                Row(
                    "app",
                    "open to first paint (tpworkshop open)",
                    size,
                    value,
                    max(r.painted for r in opened[size]),
                    median([r.cpu for r in opened[size] if r.cpu is not None]),
                    runs=runs,
                    others=others,
                    note=f"marker at {median([r.marker for r in opened[size]]):.2f} s",
                )
            )
            ratio = value / bare_median if value and bare_median else None
            self.add(
                Row(
                    "app",
                    "open / bare Textual app",
                    size,
                    ratio,
                    unit="x",
                    target="<= 2.5x",
                    result=judge(ratio, OPEN_RATIO_LIMIT, inclusive=True),
                    runs=runs,
                    others=others,
                )
            )

    def app_keys(self) -> None:
        config = self.config
        labels = {
            "map": "key: move through the map (arrows)",
            "type": "key: type a character (brainstorm input)",
            "add": "key: add a touchpoint (Enter after a name)",
            "details": "key: next/previous touchpoint (Details)",
        }
        for size in config.app_sizes:
            progress(f"  app keys: {config.presses} presses of each kind at {size:,}")
            copy = self.dir / f"keys-{size}.db"
            marker = self.prepared[size]["name"].encode()
            (kinds, once, memory), others, _ = self.runner.case(
                "app keys",
                lambda size=size, copy=copy, marker=marker: key_session(
                    self.app_argv(size, copy),
                    marker,
                    cols=config.cols,
                    rows=config.rows,
                    quiet=config.quiet,
                    settle=config.settle,
                    presses=config.presses,
                ),
            )
            for kind, label in labels.items():
                presses = kinds[kind]
                settled = [p.settled for p in presses]
                value, worst = median(settled), max(settled)
                limit = key_limit(size)
                result = judge(value, limit)
                if result == "PASS" and worst >= limit:
                    result = "MISS (worst)"
                first = median([p.first for p in presses]) or 0.0
                short = median([p.quiet_end for p in presses]) or 0.0
                self.add(
                    Row(
                        "app",
                        label,
                        size,
                        value,
                        worst,
                        unit="ms",
                        target=f"< {limit * 1000:.0f} ms",
                        result=result,
                        runs=len(presses),
                        others=others,
                        note=f"first byte {first * 1000:.0f} ms; "
                        f"{config.quiet * 1000:.0f} ms rule {short * 1000:.0f} ms",
                    )
                )
            for label, done in once.items():
                self.add(
                    Row(
                        "app",
                        label,
                        size,
                        done.settled,
                        unit="ms",
                        runs=1,
                        others=others,
                        note="once, not a target",
                    )
                )
            target, result = "", ""
            if size == TARGET_SIZE:
                target, result = "< 150 MB", judge(memory, 150)
            self.add(
                Row(
                    "app",
                    "peak memory (VmHWM) after the key presses",
                    size,
                    memory,
                    unit="MB",
                    target=target,
                    result=result,
                    runs=1,
                    others=others,
                )
            )

    def bare_only(self) -> None:
        config = self.config
        runs = [
            time_open(
                [sys.executable, str(BARE_APP)],
                BARE_MARKER,
                config.cols,
                config.rows,
                config.quiet,
                60,
            )
            for _ in range(config.app_runs)
        ]
        self.add(
            Row(
                "app",
                "bare Textual app (one Label): open to first paint",
                None,
                median([r.painted for r in runs]),
                max(r.painted for r in runs),
                runs=len(runs),
            )
        )

    # -- derived --

    def growth(self) -> None:
        sizes = self.config.sizes
        if len(sizes) < 2:
            return
        low, high = min(sizes), max(sizes)
        ratio = high / low
        judged = {
            ("process", "import (fresh database)"),
            ("process", "export -o FILE"),
            ("process", "gaps --format json"),
            ("in-process", "analyse() (gaps in-process)"),
        }
        for group, measure in (
            ("process", "import (fresh database)"),
            ("process", "export -o FILE"),
            ("process", "gaps --format json"),
            ("in-process", "analyse() (gaps in-process)"),
            ("in-process", "Store.load() (full read)"),
            ("in-process", "toml dumps()"),
            ("in-process", "toml loads()"),
        ):
            times = {  # medians: the sizes are measured in turns, in batches of ~0.3 s
                r.size: r.median for r in self.rows if r.group == group and r.measure == measure
            }
            if not times.get(low) or not times.get(high):
                continue
            factor = times[high] / times[low] / ratio  # type: ignore[operator]
            target, result = "", ""
            if (group, measure) in judged:
                target, result = "<= 1", judge(factor, 1.0, inclusive=True)
            self.add(
                Row(
                    "growth",
                    f"{measure.split(' (')[0]} {group}",
                    None,
                    factor,
                    unit="",
                    target=target,
                    result=result,
                    note=f"{low:,} -> {high:,}: time x{times[high] / times[low]:.1f} "  # type: ignore[operator]
                    f"for size x{ratio:g}",
                )
            )


# --- the table ---------------------------------------------------------------------------------


def fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MB":
        return f"{value:.1f} MB" if value < 10 else f"{value:.0f} MB"
    if unit == "lines":
        return f"{value:,.0f} lines"
    if unit == "":
        return f"{value:.2f}"
    if unit == "ms" or value < 1.0:
        return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def header_lines(
    config: Config,
    load_start: tuple[float, ...],
    load_end: tuple[float, ...],
    speed: tuple[float, float] = (0.0, 0.0),
) -> list[str]:
    import textual

    def load(values: tuple[float, ...]) -> str:
        return " / ".join(f"{v:.2f}" for v in values)

    return [
        f"tpworkshop benchmarks ({config.mode}) - {time.strftime('%Y-%m-%d %H:%M:%S')}",
        f"machine: {os.cpu_count()} cores (os.cpu_count), {platform.system()} {platform.machine()}; "
        f"Python {platform.python_version()}; Textual {textual.__version__}; SQLite {sqlite3.sqlite_version}",
        f"load average 1/5/15 min: start {load(load_start)}; end {load(load_end)}; speed check "
        f"(a fixed Python loop, lower is faster): start {speed[0] * 1000:.0f} ms, "
        f"end {speed[1] * 1000:.0f} ms",
        f"terminal {config.cols}x{config.rows} TERM=xterm-256color; painted: marker + {config.quiet * 1000:.0f} ms "
        f"quiet; key repainted: {config.settle * 1000:.0f} ms quiet; "
        f"runs {config.runs} ({config.big_runs} above {TARGET_SIZE:,}); app opens {config.app_runs}, "
        f"{config.presses} presses per key kind",
        "median of the runs; 'worst' is the slowest run (p99 for commits); 'cpu' is the process's "
        "own CPU time; 'others' is the CPU other processes used meanwhile, in cores",
    ]


def table(rows: list[Row]) -> list[str]:
    head = (
        "group",
        "measure",
        "size",
        "median",
        "worst",
        "cpu",
        "target",
        "result",
        "others",
        "note",
    )
    body = []
    for r in rows:
        body.append(
            (
                r.group,
                r.measure,
                f"{r.size:,}" if r.size else "",
                fmt_value(r.median, r.unit),
                fmt_value(r.worst, r.unit) if r.worst is not None else "",
                fmt_value(r.cpu, "s") if r.cpu is not None else "",
                r.target,
                r.result,
                f"{r.others:.1f}" if r.others is not None else "",
                r.note,
            )
        )
    widths = [max(len(str(line[i])) for line in [head, *body]) for i in range(len(head))]
    right = {2, 3, 4, 5, 8}

    def line(cells: Sequence[str]) -> str:
        out = [
            str(c).rjust(widths[i]) if i in right else str(c).ljust(widths[i])
            for i, c in enumerate(cells)
        ]
        return "  ".join(out).rstrip()

    return [line(head), line(["-" * w for w in widths]), *(line(b) for b in body)]


def summary(rows: list[Row]) -> list[str]:
    missed = [r for r in rows if r.result.startswith("MISS")]
    passed = [r for r in rows if r.result == "PASS"]
    lines = [f"targets: {len(passed)} PASS, {len(missed)} MISS"]
    for r in missed:
        size = f" at {r.size:,}" if r.size else ""
        value = f"median {fmt_value(r.median, r.unit)}"
        if r.result == "MISS (worst)":
            value += f", worst {fmt_value(r.worst, r.unit)}"
        lines.append(f"  {r.result} {r.measure}{size}: {value} (target {r.target})")
    return lines


# --- main --------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="1k and 10k only, fewer runs (< 2 min)")
    mode.add_argument("--smoke", action="store_true", help="200 touchpoints, 1 run, bare app only")
    parser.add_argument("--sizes", help="comma-separated session sizes (default 1000,10000,17000)")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5, quick 3)")
    parser.add_argument("--app-sizes", help="sessions the app is timed on (default 2000,10000)")
    parser.add_argument("--presses", type=int, help="presses per key kind (default 20, quick 10)")
    parser.add_argument("--size", default="120x40", help="terminal COLSxROWS (default 120x40)")
    parser.add_argument("--quiet-ms", type=float, default=30.0, help="quiet window (default 30)")
    parser.add_argument(
        "--settle-ms",
        type=float,
        default=100.0,
        help="silence that ends a key's response (default 100)",
    )
    parser.add_argument("--no-app", action="store_true", help="skip the app timings")
    parser.add_argument(
        "--experiment",
        help="run the app through ui_experiments.py with "
        "these comma-separated patches (baseline: none)",
    )
    parser.add_argument(
        "--busy-limit",
        type=float,
        help="re-run a case when others kept more "
        "cores than this busy (default: a quarter of the cores)",
    )
    parser.add_argument("--retries", type=int, help="re-runs per busy case (default 1, quick 0)")
    parser.add_argument("--budget", type=float, help="seconds after which nothing is re-run")
    parser.add_argument(
        "--only",
        help="comma-separated groups to run: process, reports, in-process, scaling, commit, "
        "app (default: all but scaling; scaling takes a few minutes)",
    )
    parser.add_argument(
        "--scaling-sizes",
        help="sizes analyse() is compared at (default 10000,25000,50000)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the rows as JSON")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep its files")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("worker_args", nargs="?", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def build_config(args: argparse.Namespace) -> Config:
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    default_sizes = {"smoke": SMOKE_SIZES, "quick": QUICK_SIZES, "full": FULL_SIZES}[mode]
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else default_sizes
    runs = args.runs or {"smoke": 1, "quick": 3, "full": 5}[mode]
    cols, rows = (int(v) for v in args.size.lower().split("x"))
    app_sizes = tuple(int(s) for s in args.app_sizes.split(",")) if args.app_sizes else APP_SIZES
    return Config(
        sizes=tuple(sorted(sizes)),
        runs=runs,
        big_runs=max(1, min(runs, 3)),
        app_sizes=() if args.no_app or args.smoke else app_sizes,
        app_runs={"smoke": 1, "quick": 3, "full": 5}[mode] if not args.runs else runs,
        presses=args.presses or {"smoke": 2, "quick": 10, "full": 20}[mode],
        commits={"smoke": 20, "quick": 200, "full": 200}[mode],
        cols=cols,
        rows=rows,
        quiet=args.quiet_ms / 1000,
        settle=args.settle_ms / 1000,
        mode=mode,
        bare_only=args.smoke and not args.no_app,
        experiment=tuple(args.experiment.split(",")) if args.experiment else (),
        scaling_sizes=tuple(sorted(int(s) for s in args.scaling_sizes.split(",")))
        if args.scaling_sizes
        else SCALING_SIZES,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.worker:
        result = WORKERS[args.worker](json.loads(args.worker_args or "{}"))
        print(json.dumps(result))
        return 0
    config = build_config(args)
    cores = os.cpu_count() or 1
    runner = Runner(
        busy_limit=args.busy_limit if args.busy_limit is not None else cores / 4,
        retries=args.retries if args.retries is not None else (1 if config.mode == "full" else 0),
        budget=args.budget or {"smoke": 60, "quick": 90, "full": 480}[config.mode],
        calm_wait=10 if config.mode == "full" else 3,
    )
    load_start = os.getloadavg()
    speed_start = speed_check()
    started = time.perf_counter()
    progress(f"tpworkshop benchmarks ({config.mode}); load average {load_start[0]:.2f}")
    with contextlib.ExitStack() as stack:
        if args.keep:
            workdir = args.keep
            workdir.mkdir(parents=True, exist_ok=True)
        else:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tpw-bench-")))
        bench = Bench(config, runner, workdir)
        groups = (
            set(args.only.split(",")) if args.only else {"process", "in-process", "commit", "app"}
        )
        if "process" in groups:
            bench.startup()
            bench.processes()
        if "reports" in groups or ("process" in groups and not args.only):
            bench.reports()
        if "in-process" in groups:
            bench.in_process()
        if "scaling" in groups:
            bench.scaling()
        if "commit" in groups:
            bench.commit()
        if "app" in groups and config.app_sizes:
            bench.app_open()
            bench.app_keys()
        elif "app" in groups and config.bare_only:
            bench.bare_only()
        bench.growth()
    load_end = os.getloadavg()
    elapsed = time.perf_counter() - started
    speed = (speed_start, speed_check())
    lines = header_lines(config, load_start, load_end, speed)
    lines += [f"took {elapsed:.0f} s; {runner.reruns} case(s) re-run because the machine was busy"]
    if config.experiment:
        lines += [f"app run through ui_experiments.py with: {', '.join(config.experiment)}"]
    lines += [""]
    lines += table(bench.rows)
    lines += ["", *summary(bench.rows)]
    print("\n".join(lines))
    if args.json:
        payload = {
            "mode": config.mode,
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "textual": __import__("textual").__version__,
            "load_start": load_start,
            "load_end": load_end,
            "speed_check": speed,
            "seconds": elapsed,
            "rows": [asdict(r) for r in bench.rows],
        }
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
