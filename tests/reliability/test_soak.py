"""Concurrency soak: 8 processes edit and vote on ONE session for a bounded time.

Each process (a participant's or facilitator's app, through the same ``Store`` the app
uses) adds touchpoints, writes its own field of a few shared touchpoints, places and
withdraws dots within the budget, adds room votes, reads the whole session and sends
presence heartbeats, as fast as it can, and logs exactly what succeeded. At the end
the database must agree with the logs to the unit: every touchpoint added is there
once, each process's field on each shared touchpoint holds the last value it wrote
(no lost update), votes = room votes + dots standing, each voter's dots = placed -
withdrawn and within the budget, every process then reads exactly what a fresh
connection reads, and there was no error at all (no "busy").
"""

from __future__ import annotations

import multiprocessing as mp
import random
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tpworkshop.domain.model import LIST_FIELDS
from tpworkshop.storage import StorageError, Store

pytestmark = pytest.mark.slow

WORKERS = 8
DURATION = 10.0  # seconds of editing, from the moment all workers are ready
MAX_OPS = 50_000  # per worker: the loop is bounded whatever the clock does
DOTS = 4  # dots per participant
SHARED = 6  # touchpoints everyone edits and votes on
SEED = 4242
# Each worker owns one field of the shared touchpoints (disjoint: any lost update shows).
FIELDS = (
    "channel",
    "owner",
    "need",
    "desired_outcome",
    "optimal_experience",
    "pain_note",
    "interactions",
    "processes",
)
SEGMENTS = ("families", "fleets")
STAGES = ("awareness", "consideration", "purchase", "usage", "loyalty")
OPERATIONS = ("add", "edit_shared", "edit_own", "dot", "withdraw", "vote", "read", "heartbeat")
WEIGHTS = (14, 30, 8, 14, 8, 14, 6, 6)


def _value(field: str, text: str) -> Any:
    return [text, f"{text}/2"] if field in LIST_FIELDS else text


def worker(index: int, db: str, sid: int, shared: list[int], barrier: Any, results: Any) -> None:
    """One process; puts its log on ``results`` (also when something went wrong)."""
    name = f"W{index}"
    field = FIELDS[index]
    rng = random.Random(SEED + index)
    log: dict[str, Any] = {
        "name": name,
        "field": field,
        "added": [],
        "last_written": {},
        "own_kind": {},
        "room_votes": Counter(),
        "placed": Counter(),
        "withdrawn": Counter(),
        "refused": 0,
        "ops": Counter(),
        "errors": [],
        "slowest": 0.0,
        "seconds": 0.0,
    }
    try:
        with Store(db) as store:
            barrier.wait(timeout=120)
            began = time.monotonic()
            end = began + DURATION
            seq = 0
            while seq < MAX_OPS and time.monotonic() < end:
                seq += 1
                op = rng.choices(OPERATIONS, WEIGHTS)[0]
                target = rng.choice(shared)
                start = time.monotonic()
                try:
                    if op == "add":
                        tp = store.add_touchpoint(
                            sid, rng.choice(SEGMENTS), rng.choice(STAGES), f"{name}-{seq}"
                        )
                        log["added"].append((tp.db_id, tp.name))
                    elif op == "edit_shared":
                        value = f"{name}-{seq}"
                        store.update_touchpoint(target, **{field: _value(field, value)})
                        log["last_written"][target] = value
                    elif op == "edit_own":
                        if not log["added"]:
                            continue
                        own_id = rng.choice(log["added"])[0]
                        kind = rng.choice(("communication", "human", "physical", "sensory"))
                        store.update_touchpoint(own_id, kind=kind, effectiveness=seq % 5 + 1)
                        log["own_kind"][own_id] = (kind, seq % 5 + 1)
                    elif op == "dot":
                        try:
                            store.place_dot(sid, target, name)
                            log["placed"][target] += 1
                        except StorageError as error:
                            if error.code != "no_dots":
                                raise
                            log["refused"] += 1
                    elif op == "withdraw":
                        if store.withdraw_dot(sid, target, name):
                            log["withdrawn"][target] += 1
                    elif op == "vote":
                        delta = rng.randint(1, 3)
                        store.add_votes(target, delta)
                        log["room_votes"][target] += delta
                    elif op == "read":
                        session = store.load(sid)
                        assert len(session.touchpoints) >= SHARED
                        assert sum(store.dots_of(sid, name).values()) <= DOTS
                    elif op == "heartbeat":
                        store.heartbeat(sid, name, "participant", "assess")
                except StorageError as error:
                    log["errors"].append(f"{op}: {error.code}: {error}")
                    continue
                log["ops"][op] += 1
                log["slowest"] = max(log["slowest"], time.monotonic() - start)
            log["seconds"] = time.monotonic() - began
            # Everyone has stopped writing: what this process's app would now show
            # (the Store's load, with its cache of earlier reads) must be the truth.
            barrier.wait(timeout=120)
            log["final"] = store.load(sid).touchpoints
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        log["errors"].append(traceback.format_exc())
        barrier.abort()  # the others stop waiting for this one
    results.put(log)


def test_eight_processes_on_one_session_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "soak.db"
    with Store(db) as store:
        sid = store.create_session("Soak", framework="five-stage")
        for segment in ("Families", "Fleets"):
            store.add_segment(sid, segment)
        store.update_session(sid, dots_per_participant=DOTS)
        shared = [
            store.add_touchpoint(sid, "families", STAGES[n % 5], f"Shared {n}").db_id
            for n in range(SHARED)
        ]
        baseline = len(store.load(sid).touchpoints)

    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=worker, args=(n, str(db), sid, shared, barrier, results))
        for n in range(WORKERS)
    ]
    for proc in procs:
        proc.start()
    try:
        logs = [results.get(timeout=DURATION + 180) for _ in procs]
    finally:
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
    assert all(proc.exitcode == 0 for proc in procs)

    errors = [(log["name"], e) for log in logs for e in log["errors"]]
    assert errors == [], errors

    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        session = store.load(sid)
        dots = {log["name"]: store.dots_of(sid, log["name"]) for log in logs}
    by_id = {tp.db_id: tp for tp in session.touchpoints}
    for log in logs:  # each process, after the others stopped, sees exactly this
        assert log["final"] == session.touchpoints, log["name"]

    # Every touchpoint added is there, once, with a ref and a place of its own.
    added = [item for log in logs for item in log["added"]]
    assert len(session.touchpoints) == baseline + len(added)
    assert all(by_id[tp_id].name == tp_name for tp_id, tp_name in added)
    assert len({tp.ref for tp in session.touchpoints}) == len(session.touchpoints)
    places = Counter((tp.segment, tp.stage, tp.position) for tp in session.touchpoints)
    assert max(places.values()) == 1

    # No lost update: each worker's field holds the last value it wrote.
    for log in logs:
        field = log["field"]
        for tp_id in shared:
            written = log["last_written"].get(tp_id)
            expected = _value(field, written) if written else ([] if field in LIST_FIELDS else "")
            assert getattr(by_id[tp_id], field) == expected, (log["name"], tp_id)
        for tp_id, (kind, effectiveness) in log["own_kind"].items():
            assert (by_id[tp_id].kind, by_id[tp_id].effectiveness) == (kind, effectiveness)

    # Votes: room votes plus the dots standing; dots = placed - withdrawn, within budget.
    ref_of = {tp_id: by_id[tp_id].ref for tp_id in shared}
    for tp_id in shared:
        room = sum(log["room_votes"][tp_id] for log in logs)
        standing = sum(log["placed"][tp_id] - log["withdrawn"][tp_id] for log in logs)
        assert by_id[tp_id].votes == room + standing, tp_id
    for log in logs:
        expected = {
            ref_of[tp_id]: log["placed"][tp_id] - log["withdrawn"][tp_id]
            for tp_id in shared
            if log["placed"][tp_id] - log["withdrawn"][tp_id]
        }
        assert dots[log["name"]] == expected, log["name"]
        assert sum(expected.values()) <= DOTS

    ops = sum(sum(log["ops"].values()) for log in logs)
    seconds = max(log["seconds"] for log in logs)
    kinds = sum((log["ops"] for log in logs), Counter())
    print(
        f"\nsoak: {WORKERS} processes, {ops} operations in {seconds:.1f} s "
        f"({ops / seconds:.0f}/s), {dict(kinds)}, {sum(log['refused'] for log in logs)} "
        f"dots refused for budget, slowest operation "
        f"{max(log['slowest'] for log in logs) * 1000:.0f} ms, errors 0"
    )
    assert ops > WORKERS * 10  # it did work
    assert all(log["ops"]["edit_shared"] and log["ops"]["dot"] for log in logs)
